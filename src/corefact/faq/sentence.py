"""The FAQ answer as a sentence a reader can lift out of the FAQ (schema 1.2).

The answer is the evidence sentence as the brief shows it: the article's own sentence after the
brief's recorded transformations (dateline removed, a tying connective removed, a quotation closed,
a full stop added), so it starts with a capital, ends with its end mark and contains the short
answer, which stays in ``QA.answer_span`` and ``QA.short_answer``.
"""

from __future__ import annotations

import re

from ..model import Sentence, Span
from ..nlp import Parsed, Sent
from ..rewrite import as_sentence

_PRONOUN_START = re.compile(r"^(?:He|She|They|It|We|I|This|That|These|Those|His|Her|Their|Its)\b")
_OPENING = "\"'“‘"
_DO = {"do", "does", "did"}


def reverse_wh(question: str, short: str) -> str | None:
    """The question's wh-movement reversed around its short answer (rule 'reverse_wh'):
    'How many people have died?' + 'At least 17' -> 'At least 17 people have died.';
    'Who is Maria Okafor?' + 'Nigerian Finance Minister' -> 'Maria Okafor is Nigerian Finance Minister.'
    None for a question the rule does not cover (do-support, another wh-word)."""
    q = question.strip()
    if not q.endswith("?") or not short:
        return None
    body = q[:-1].strip()
    m = re.match(r"How many (\S.*)$", body)
    if m:
        rest = m.group(1).split()
        if _DO & {w.lower() for w in rest} or len(rest) < 2:
            return None
        words = short.split()
        if words[-1].lower() == rest[0].lower():  # the short answer already names what it counts
            rest = rest[1:]
        text = " ".join([short] + rest)
        return text[0].upper() + text[1:] + "."
    m = re.match(r"Who is (\S.*)$", body)
    if m:
        return f"{m.group(1)} is {_with_determiner(short)}."
    return None


# titles one person holds in what they belong to: 'president of ClearView Economics' needs no
# article, 'the Federal Reserve chairman' takes 'the'; any other role is one of several ('an economist')
_ONE_HOLDER = {
    "chairman", "chairwoman", "chair", "president", "chief", "ceo", "governor", "director", "director-general",
    "head", "leader", "secretary", "minister", "chancellor", "mayor", "commissioner", "manager", "coach",
    "captain", "editor", "founder", "owner", "boss", "premier", "ambassador", "speaker",
}
_POSSESSIVE = re.compile(r"^\S+['’]s?\s|^(?:the|a|an|his|her|its|their)\s", re.IGNORECASE)


def _with_determiner(role: str) -> str:
    """A role as the predicate of 'X is ...' (part of rule 'reverse_wh'): the article's words, with
    the determiner English needs before a noun phrase that has none: 'the' before a one-holder title
    led by what it belongs to ('the Federal Reserve chairman'), none before 'president of ...', 'a'
    or 'an' before any other role ('an economist at Deutsche Bank', 'a Telegraph executive')."""
    if _POSSESSIVE.match(role):
        return role  # 'Gartner's principal analyst', 'the club's captain'
    words = role.split()
    prep = next((w for w in words if w.lower() in ("of", "at", "for", "in")), None)
    head_words = words[: words.index(prep)] if prep else words
    one_holder = any(w.lower().strip(",") in _ONE_HOLDER for w in head_words[-2:])
    if one_holder:
        return role if role[:1].islower() else "the " + role
    return ("an " if role[:1].lower() in "aeiou" else "a ") + role
_END = re.compile(r"[.!?](?:\s?[\"'”’)])*$")  # CNN/DM's text sets a closing mark apart ('open. ')


def answer_sentence(parsed: Parsed, sent: Sent) -> Sentence:
    """The evidence sentence of an answer, with its recorded transformations."""
    return as_sentence(parsed, sent)


def is_complete(text: str, short: str) -> bool:
    """Whether an answer is a complete sentence by the FAQ's rules: a capital start, an end mark,
    no bare pronoun for its subject, and the short answer inside it."""
    text = text.strip()
    quoted = text[:1] in _OPENING
    text = text.lstrip(_OPENING)
    if quoted:  # a quotation opens it: its pronouns are the speaker's, who is named after it
        return bool(text) and (text[0].isupper() or text[0].isdigit()) and bool(_END.search(text)) and short in text
    return bool(text) and (text[0].isupper() or text[0].isdigit()) and bool(_END.search(text)) and not _PRONOUN_START.match(text) and short in text


def answer_inside(answer: Span, evidence: Span) -> bool:
    return evidence.start <= answer.start and answer.end <= evidence.end

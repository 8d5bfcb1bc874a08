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
        return f"{m.group(1)} is {short}."
    return None
_END = re.compile(r"[.!?][\"'”’)]*$")


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

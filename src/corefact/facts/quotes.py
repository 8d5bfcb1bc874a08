"""Quotes: direct quotations with speaker and cue verb, and indirect speech."""

from __future__ import annotations

from typing import Optional

from ..model import Person, Quote
from ..nlp import Parsed, article_quotations, ent_at, ents, ents_within, is_speech
from .people import person_for

CUE_LEMMAS = {
    "say", "tell", "add", "explain", "state", "note", "write", "ask", "warn", "insist", "claim", "argue",
    "announce", "tweet", "urge", "reply", "respond", "admit", "declare", "suggest", "stress", "confirm",
    "deny", "report", "describe", "predict", "acknowledge", "believe", "recall", "continue", "conclude",
    "promise", "vow", "call", "comment", "observe", "remark", "agree", "post",
}
INDIRECT_LEMMAS = CUE_LEMMAS - {"add", "continue", "describe", "call", "post", "agree", "believe"}
_PRONOUNS = {"he", "she", "they", "i", "we"}


def _named_in(tok):
    """The first person's name inside a subject's phrase ("The lender's chief executive, Sofia
    Lind," / "Chief financial officer Daniel Osei"), or None."""
    return next((e for e in ents(tok.doc) if e.label_ == "PERSON" and tok.left_edge.i <= e.start and e.end - 1 <= tok.right_edge.i and not _hangs_off(e.root, tok)), None)


def _hangs_off(name, head) -> bool:
    """Whether a name inside a subject's phrase is someone else: the object of its preposition or
    in its relative clause ('A lawyer for Ada Pell', 'Tom Harte, who met Ada Pell'), not its
    apposition or title ('The lender's chief executive, Sofia Lind')."""
    tok = name
    while tok.i != head.i and tok.head.i != tok.i:
        if tok.dep_ in ("pobj", "relcl", "acl"):
            return True
        tok = tok.head
    return False


# cue verbs whose passive subject is who was spoken to ('Ada Pell was told by Tom Harte that...')
_TOLD = {"tell", "ask", "inform", "warn", "advise", "assure", "urge", "remind"}


def _speaker_of(verb) -> tuple[Optional[object], Optional[object]]:
    """Subject (a token and its span) of a cue verb; of a passive, its agent ('was told by Tom
    Harte'), and none when its subject is who was spoken to or spoken of ('is said to')."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    for child in [by] if by is not None else verb.children:
        if child.dep_ == "nsubjpass" and (verb.lemma_.lower() in _TOLD or verb.lemma_.lower() == "say"):
            return None, None  # 'was told by', 'is said to have misled': not their words
        if child.dep_ in ("nsubj", "nsubjpass", "pobj"):
            tok = child
            named = _named_in(child)
            if named is not None:
                return named.root, named
            found = ent_at(tok)
            if found is not None:
                e = found
                return tok, (e[1:] if e[0].lower_ == "the" and len(e) > 1 else e)
            if tok.lower_ in ("which", "who", "that") and tok.head.dep_ == "relcl":
                tok = tok.head.head  # "the agency, which said ...": the antecedent speaks
                found = ent_at(tok)
                if found is not None:
                    return tok, found
            start = tok.left_edge.i
            while start < tok.i and verb.doc[start].dep_ in ("det", "punct"):
                start += 1
            return tok, verb.doc[start:tok.i + 1]
    return None, None


def _named_beside(parsed: Parsed, people: list[Person], start: int, verb):
    """The person or body named right before a cue verb, after nothing but punctuation from
    ``start`` (where the quotation before it closes: '," Trump wrote'), or right after it ('," insisted
    Lena Voss'); (None, None) when there is none."""
    verb_end = verb.idx + len(verb.text)
    for e in ents_within(parsed.doc, start, verb_end + 2):
        if e.start_char < verb.idx:
            beside = not parsed.text[start:e.start_char].strip(" ,\"'”’") and not parsed.text[e.end_char:verb.idx].strip()
        else:
            beside = not parsed.text[verb_end:e.start_char].strip()
        if beside and (e.label_ in ("PERSON", "ORG") or person_for(people, e.text) is not None):
            return e.root, e
    return None, None


def _according_to(doc, start_tok: int, end_tok: int):
    for t in doc[start_tok:end_tok]:
        if t.lower_ == "according" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to":
            for o in doc[t.i + 1].children:
                if o.dep_ == "pobj":
                    found = ent_at(o)
                    return t, (found if found is not None else doc[o.left_edge.i:o.i + 1])
    return None, None


def _resolve(parsed: Parsed, people: list[Person], tok, span, before_char: int):
    """Map a subject to a person: by name, or a pronoun to the person its sentence opens with as
    the main clause's subject ('Ada Pell sent a letter to Tom Harte, blaming what she said was...':
    Pell), else to the last person named before."""
    if tok is not None and tok.lower_ in _PRONOUNS and tok.lower_ in ("he", "she"):
        main = next((c for c in tok.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if main is not None and main.i < tok.i:
            named = _named_in(main)
            p = person_for(people, named.text if named is not None else main.text)
            if p is not None:
                return p.name, None
        last = None
        for p in people:
            for m in p.mentions:
                if m.start < before_char and (last is None or m.start > last[1].start):
                    last = (p, m)
        if last:
            return last[0].name, None
        return None, None
    if span is None:
        return None, None
    p = person_for(people, span.text) or _person_by_role(people, span.text)
    name = p.name if p else span.text
    return name, parsed.span(span.start_char, span.end_char)


def _person_by_role(people: list[Person], text: str) -> Optional[Person]:
    """'the minister' -> the one person whose role names a minister."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) != 1 or not words[0].islower():
        return None  # only a definite description: "the minister"
    word = words[0]
    found = [p for p in people if p.role and word in p.role.lower().split()]
    return found[0] if len(found) == 1 else None


def _cue_verbs(tokens):
    return [t for t in tokens if t.lemma_.lower() in CUE_LEMMAS and t.pos_ in ("VERB", "AUX")]


def extract_quotes(parsed: Parsed, people: list[Person]) -> list[Quote]:
    """Direct quotations (with speaker) and indirect speech (``direct=False``), in text order."""
    doc = parsed.doc
    text = parsed.text
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    marked = article_quotations(parsed)
    for q_start, q_end in marked:
        if not is_speech(text, q_start, q_end):  # scare quotes: "so-called"
            continue
        inner = text[q_start:q_end].strip('"“”\'‘’ \n')
        sent = parsed.sent_of(q_start)
        if sent is None:
            continue
        sent_end = parsed.sent_of(q_end - 1) or sent
        # cue verbs outside the quotation, in its sentence(s), else in the sentence after
        candidates = []
        for s in (sent, sent_end):
            for t in parsed.tokens(s):
                if not (q_start <= t.idx < q_end) and t.lemma_.lower() in CUE_LEMMAS and t.pos_ in ("VERB", "AUX"):
                    candidates.append(t)
        verb = min(candidates, key=lambda t: min(abs(t.idx - q_start), abs(t.idx - q_end)), default=None)
        tok, span = (None, None)
        cue = None
        if verb is not None:
            tok, span = _speaker_of(verb)
            cue = verb.text
            # the quotation itself, or one of three words or more that closes right before the verb
            # ('"A modern library," insisted Lena Voss, "will..."'; not scare quotes: "'Rich' promised")
            around = [(q_start, q_end)] + [(a, b) for a, b in marked if b <= verb.idx and not text[b:verb.idx].strip(" ,\"'”’") and is_speech(text, a, b)]
            if span is not None and any(a <= span.start_char < b for a, b in around):
                # the parse took a name in a quotation for the verb's subject ('"Kim Young Chol
                # ... heading now to New York," Trump wrote'): the speaker is the name beside the verb
                before = max((b for a, b in marked if b <= verb.idx), default=sent.start)
                tok, span = _named_beside(parsed, people, before, verb)
        if span is None:
            acc, aspan = _according_to(doc, sent.tok_start, sent_end.tok_end)
            if acc is not None:
                tok, span, cue = aspan.root if hasattr(aspan, "root") else None, aspan, "according to"
        speaker, speaker_span = _resolve(parsed, people, tok, span, q_start)
        if speaker is None and sent.index > 0 and verb is None:
            # a quotation continuing the previous speaker's words
            prev = [q for q in quotes if q.sentence.end <= sent.start and q.direct]
            if prev and prev[-1].sentence.end >= parsed.sents[sent.index - 1].start:
                speaker, speaker_span, cue = prev[-1].speaker, prev[-1].speaker_span, prev[-1].cue
        quotes.append(
            Quote(
                text=inner,
                speaker=speaker,
                speaker_span=speaker_span,
                cue=cue,
                direct=True,
                span=parsed.span(q_start, q_end),
                sentence=parsed.span(sent.start, sent_end.end),
            )
        )
        covered.append((sent.start, sent_end.end))
    # indirect speech: "the minister urged lenders to ...", "X said (that) ..."
    for s in parsed.sents:
        if any(a <= s.start < b for a, b in covered) or '"' in s.text or "“" in s.text:
            continue
        for verb in _cue_verbs(parsed.tokens(s)):
            if verb.lemma_.lower() not in INDIRECT_LEMMAS:
                continue
            comp = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
            if not comp or any(c.dep_ == "neg" for c in verb.children):
                continue  # 'did not say whether the plan would fail': nothing said
            tok, span = _speaker_of(verb)
            if span is None:
                continue
            c = comp[0]
            left = c.left_edge.i
            if c.dep_ == "xcomp":  # "urged lenders to suspend ...": the addressee is part of it
                left = min([left] + [d.left_edge.i for d in verb.children if d.dep_ == "dobj" and d.i > verb.i])
            else:  # "said on Monday (that) it would ...": start at the clause's subject
                subj = next((d for d in c.children if d.dep_ in ("nsubj", "nsubjpass", "expl")), None)
                if subj is not None and subj.left_edge.i > left:
                    left = subj.left_edge.i
                while left < c.i and doc[left].dep_ == "mark":
                    left += 1
            left = max(left, s.tok_start)
            right = min(c.right_edge.i + 1, s.tok_end)
            while right > left + 1 and doc[right - 1].is_punct:
                right -= 1
            content = doc[left:right]
            if len(content) < 3:
                continue
            speaker, speaker_span = _resolve(parsed, people, tok, span, s.start)
            quotes.append(
                Quote(
                    text=content.text,
                    speaker=speaker,
                    speaker_span=speaker_span,
                    cue=verb.text,
                    direct=False,
                    span=parsed.span(content.start_char, content.end_char),
                    sentence=s.span(),
                )
            )
            break
    quotes.sort(key=lambda q: q.span.start)
    return quotes

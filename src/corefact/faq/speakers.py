"""Speaker questions: 'What did X say?' of X's first statement, and of a later one with what it is
about ('What did Eliot Engel say about Aung San Suu Kyi?'), as ``ask`` answers them."""

from __future__ import annotations

import re
from typing import Optional

from ..facts.people import person_for
from ..model import Facts
from ..nlp import Parsed, Sent


# what a statement can be about, by name: not a date, a figure or an amount
_TOPIC_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
_TOPIC_PREPS = {"about", "on", "over", "against", "for", "with", "between"}


def _topic(root) -> bool:
    """Whether a name is what a statement is about: its subject or object ('reminded America'),
    or the object of 'about', 'on', 'against' and the like ('data on Ireland'); not a name that
    qualifies a noun ('Irish equities', 'its UK projects'), nor a place or owner in passing ('in
    west London', 'the quality of The Daily Telegraph')."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.pos_ == "ADJ":
        return False
    if root.dep_ == "pobj":
        return root.head.lower_ in _TOPIC_PREPS
    return root.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos")


def topical(parsed: Parsed, facts: Facts, question: str, sent: Sent, content) -> Optional[str]:
    """'What did X say?' as the FAQ asks it of ``sent``: as it is, when ``sent`` is the first in
    which X says something (``ask`` answers it from there: :func:`corefact.faq.answer.first_statement`);
    of a later statement, with what it is about, a name other than the speaker's in the
    statement's words ``content`` that no earlier statement of theirs names ('What did Eliot Engel
    say about Aung San Suu Kyi?'). None when there is no such name."""
    from .answer import SPEECH_QUESTION, first_statement, later_statement

    if not later_statement(parsed, question, facts, sent.index):
        return question
    speaker = SPEECH_QUESTION.match(question).group(1).lower()
    ids = {t.i for t in content}
    for ent in parsed.doc.ents:
        if ent.label_ not in _TOPIC_LABELS or ent.start not in ids or ent.end - 1 not in ids:
            continue
        if not _topic(ent.root):
            continue
        name = ent.text.strip(" -–—,;:'\"")  # 'the European Court of Human Rights -'; 'U.S.' keeps its stop
        person = person_for(facts.people, name)
        if name.lower() in speaker or person is not None and person is person_for(facts.people, speaker):
            continue  # the speaker, by another name
        about = question[:-1] + f" about {as_written(parsed, name, parsed.span(ent.start_char, ent.end_char))}?"
        if first_statement(parsed, about, facts) == sent.index:  # where ``ask`` answers it
            return about
    return None


def as_written(parsed: Parsed, name: str, span) -> str:
    """A name with the article ('the', 'a') the article writes before it ('the Football
    Association of Wales said', whose name is 'Football Association of Wales'; 'a White House
    official confirmed'); not the 'the' of another word for them
    ('the judge said', of Letitia Clark)."""
    if span is not None and span.text.lower() in name.lower() and not re.match(r"(?:the|an?) ", name, re.IGNORECASE):
        m = re.search(r"(?<![\w])(the|an?)\s+$", parsed.text[max(0, span.start - 5):span.start], re.IGNORECASE)
        if m:
            return f"{m.group(1).lower()} {name}"
    return name


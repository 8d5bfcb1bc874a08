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
_END = re.compile(r"[.!?][\"'”’)]*$")


def answer_sentence(parsed: Parsed, sent: Sent) -> Sentence:
    """The evidence sentence of an answer, with its recorded transformations."""
    return as_sentence(parsed, sent)


def is_complete(text: str, short: str) -> bool:
    """Whether an answer is a complete sentence by the FAQ's rules: a capital start, an end mark,
    no bare pronoun for its subject, and the short answer inside it."""
    text = text.strip()
    return bool(text) and text[0].isupper() and bool(_END.search(text)) and not _PRONOUN_START.match(text) and short in text


def answer_inside(answer: Span, evidence: Span) -> bool:
    return evidence.start <= answer.start and answer.end <= evidence.end

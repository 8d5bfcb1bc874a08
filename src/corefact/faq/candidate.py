"""A candidate question: its text, kind, answer span and evidence sentence, before ranking."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Span
from ..nlp import Sent


@dataclass
class Candidate:
    question: str
    kind: str
    answer: Span
    evidence: Sent
    question_spans: list[Span] = field(default_factory=list)
    bonus: float = 0.0
    clause: int = -1  # the token index of the verb whose clause the question asks about (-1: none)


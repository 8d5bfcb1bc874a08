"""What a check reports (:class:`Problem`), and the per-span cache the checks share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class Problem:
    kind: str  # number, qualifier, name, date, negation, modality, speaker, evidence
    message: str
    claim: str
    original: Optional[str] = None
    contradicts: bool = True


def _per_span(span, fn):
    """``fn(span)``, computed once per span of a Doc (an original's sentences are evidence for
    many claims)."""
    cache = span.doc.user_data.setdefault("corefact_" + fn.__name__, {})
    key = (span.start, span.end)
    if key not in cache:
        cache[key] = fn(span)
    return cache[key]

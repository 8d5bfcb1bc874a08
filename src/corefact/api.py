"""Public functions beyond ``explain``."""

from __future__ import annotations

from typing import Any

from .faq.answer import ask as _ask
from .ingest import Source, load_article
from .nlp import parse


def ask(article: Source, question: str) -> dict[str, Any]:
    """Answer ``question`` from an article.

    Returns:
        ``{"question", "answered", "answer", "answer_span", "evidence"}``; ``answered`` is False (and
        the rest None) when the article does not answer the question.
    """
    parsed = parse(load_article(article))
    a = _ask(parsed, question)
    return {
        "question": question,
        "answered": a.answered,
        "answer": (a.answer.text if a.answer else a.evidence.text) if a.answered else None,
        "answer_span": a.answer.model_dump() if a.answer else None,
        "evidence": a.evidence.model_dump() if a.evidence else None,
    }

"""The plain-text layout: a date line, the brief, then the FAQ."""

from __future__ import annotations

from ..model import Explainer
from .common import key_facts, paragraphs


def render_text(ex: Explainer, *, facts: bool = False) -> str:
    lines: list[str] = []
    if ex.article.date:
        lines.append(f"date {ex.article.date.isoformat()}")
    for i, p in enumerate(paragraphs(ex.brief)):
        if i:
            lines.append("")
        lines.append(p)
    if facts:
        lines += ["", "Key facts", ""]
        lines += [f"- {line}" for line in key_facts(ex)]
    lines += ["", "FAQs", ""]
    for qa in ex.faq:
        lines += [f"Q: {qa.question}", "", qa.answer, ""]
    return "\n".join(lines).rstrip() + "\n"

"""Markdown: title, date, the core fact in bold, the brief, and the FAQ with evidence footnotes."""

from __future__ import annotations

from ..model import Explainer
from .common import key_facts, paragraphs


def _escape(text: str) -> str:
    return text.replace("*", r"\*").replace("_", r"\_")


def render_markdown(ex: Explainer, *, facts: bool = False) -> str:
    out: list[str] = [f"# {_escape(ex.article.title or 'Explainer')}", ""]
    if ex.article.date:
        out += [f"*{ex.article.date.isoformat()}*", ""]
    out += [f"**{_escape(ex.core_fact.text)}**", ""]
    for p in paragraphs(ex.brief):
        out += [_escape(p), ""]
    if facts:
        out += ["## Key facts", ""] + [f"- {_escape(line)}" for line in key_facts(ex)] + [""]
    out += ["## FAQ", ""]
    notes: list[str] = []
    for qa in ex.faq:
        n = len(notes) + 1
        out += [f"### {_escape(qa.question)}", "", f"{_escape(qa.answer)}[^{n}]", ""]
        ev = qa.evidence[0]
        notes.append(f"[^{n}]: \"{_escape(ev.text)}\" (characters {ev.start}–{ev.end})")
    out += notes
    return "\n".join(out).rstrip() + "\n"

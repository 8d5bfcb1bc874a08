"""Renderers: one module per output format."""

from __future__ import annotations

from ..model import Explainer
from .jsonld import jsonld, render_jsonld
from .markdown import render_markdown
from .text import render_text

FORMATS = ("text", "markdown", "json", "jsonld")


def render(explainer: Explainer, fmt: str = "text", *, facts: bool = False) -> str:
    """Render an explainer as ``text``, ``markdown``, ``json`` or ``jsonld`` (schema.org FAQPage)."""
    if fmt == "text":
        return render_text(explainer, facts=facts)
    if fmt == "markdown":
        return render_markdown(explainer, facts=facts)
    if fmt == "json":
        return explainer.model_dump_json(indent=2)
    if fmt == "jsonld":
        return render_jsonld(explainer)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["render", "FORMATS", "render_text", "render_markdown", "render_jsonld", "jsonld"]

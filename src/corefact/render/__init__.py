"""Renderers: one module per output format."""

from __future__ import annotations

from ..model import Explainer
from .markdown import render_markdown
from .text import render_text

FORMATS = ("text", "markdown", "json")


def render(explainer: Explainer, fmt: str = "text", *, facts: bool = False) -> str:
    """Render an explainer as ``text``, ``markdown`` or ``json``."""
    if fmt == "text":
        return render_text(explainer, facts=facts)
    if fmt == "markdown":
        return render_markdown(explainer, facts=facts)
    if fmt == "json":
        return explainer.model_dump_json(indent=2)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["render", "FORMATS", "render_text", "render_markdown"]

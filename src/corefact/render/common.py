"""Pieces shared by the text renderers."""

from __future__ import annotations

from ..model import Explainer, Sentence


def paragraphs(sentences: list[Sentence]) -> list[str]:
    out: list[list[str]] = []
    last = None
    for s in sentences:
        if s.paragraph != last:
            out.append([])
            last = s.paragraph
        out[-1].append(s.text)
    return [" ".join(p) for p in out]


def key_facts(ex: Explainer, limit: int = 8) -> list[str]:
    """One line per figure and person, for the 'Key facts' block."""
    lines = []
    for f in ex.facts.figures:
        if f.kind in ("ordinal", "year") or f.part_of is not None and not f.counts:
            continue
        head = f"{f.text} {f.counts}" if f.counts else f.text
        lines.append(f"{head}{(' — ' + f.context) if f.context else ''}")
        if len(lines) >= limit:
            break
    for p in ex.facts.people[:limit]:
        desc = ", ".join(x for x in (p.role, p.affiliation) if x)
        lines.append(f"{p.name}{(' — ' + desc) if desc else ''}")
    return lines

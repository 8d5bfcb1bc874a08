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
    """One line per figure and person, for the 'Key facts' block. A figure carries the noun it
    counts, and a figure nested in another stays with its whole, in the article's words ('Over
    2,000 villagers, including more than 600 children — have lost their homes since May'); a
    context that already holds the figure is the line itself ('destroyed 350 houses in Marlo')."""
    lines = []
    for index, f in enumerate(ex.facts.figures):
        if f.kind in ("ordinal", "year") or f.part_of is not None:
            continue
        head = figure_head(ex, index)
        if f.context and head in f.context:
            lines.append(f.context)
        else:
            lines.append(f"{head}{(' — ' + f.context) if f.context else ''}")
        if len(lines) >= limit:
            break
    for p in ex.facts.people[:limit]:
        desc = ", ".join(x for x in (p.role, p.affiliation) if x)
        lines.append(f"{p.name}{(' — ' + desc) if desc else ''}")
    return lines


def figure_head(ex: Explainer, index: int) -> str:
    """Figure ``index`` with what it counts and the figures nested in it, as the article writes them."""
    f = ex.facts.figures[index]
    head = f"{f.text} {f.counts}" if f.counts else f.text
    text = ex.article.text
    if f.counts and text.startswith(head, f.span.start):
        end = f.span.start + len(head)
        for part in ex.facts.figures:
            if part.part_of == index and part.counts:
                at = part.span.end + 1
                # the nested figure right after its whole (', including more than 600 children')
                if text.startswith(part.counts, at) and 0 <= part.span.start - end <= 20 and at + len(part.counts) <= f.sentence.end:
                    end = max(end, at + len(part.counts))
        head = text[f.span.start:end]
    return head

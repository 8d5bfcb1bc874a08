"""The condensed rewrite: chosen sentences turned into output Sentences, each backed by Spans.

Output text is the article's own sentence, or that sentence after a recorded, rule-defined
transformation (so a reader can see exactly what was changed).
"""

from __future__ import annotations

import re
from typing import Optional

from .model import Sentence, Transformation
from .nlp import Parsed, Sent
from .select import connective

# "LONDON (Reuters) - ", "(CNN) -- ", "WASHINGTON — ", "By . Jane Doe . "
_DATELINE = re.compile(
    r"^(?:By\s+\.?\s*[A-Z][\w.' -]{0,40}?\s+\.\s+(?:PUBLISHED:.*?\.\s+)?)?"
    r"(?:[A-Z][A-Za-z.,' ]{1,40}\s+)?\((?:CNN|Reuters|AP|AFP|UPI|Xinhua|BBC|EXCLUSIVE)\)\s*(?:[-—–:]+\s*)?"
    r"|^[A-Z][A-Z .,']{2,30}\s+[-—–]+\s+"
)


# a sentence that ends on a word, a figure or a bracket, with no end mark
_UNFINISHED = re.compile(r"[\w%)\]]$")


def as_sentence(parsed: Parsed, sent: Sent, paragraph: int = 0, after_previous: bool = False) -> Sentence:
    """An output Sentence for an article sentence, with its recorded transformations: the dateline
    removed; unless it is shown right after the sentence before it (``after_previous``), the
    connective that ties it to that sentence removed ('But the bank...' -> 'The bank...'); a
    quotation that the article goes on with in the next paragraph closed; and a full stop after a
    sentence the article leaves without one (a photo caption run into the text, a list line)."""
    text, transformations = sent.text, []
    m = _DATELINE.match(sent.text)
    if m and m.end() < len(sent.text) - 20:
        rest = sent.text[m.end():]
        text = rest[0].upper() + rest[1:]
        transformations.append(Transformation(rule="strip_dateline", removed=[parsed.span(sent.start, sent.start + m.end())]))
    cut = connective(text) if not after_previous else 0
    if cut:
        start = sent.start + len(sent.text) - len(text)  # where ``text`` begins in the article
        text = text[cut].upper() + text[cut + 1:]
        transformations.append(Transformation(rule="drop_connective", removed=[parsed.span(start, start + cut)]))
    if sent.closing_mark:
        text += sent.closing_mark
        transformations.append(Transformation(rule="close_quotation", added=sent.closing_mark))
    elif _UNFINISHED.search(text):
        text += "."
        transformations.append(Transformation(rule="add_full_stop", added="."))
    return Sentence(text=text, evidence=[sent.span()], paragraph=paragraph, transformations=transformations)


def apply_transformations(evidence_text: str, start: int, transformations: list[Transformation]) -> Optional[str]:
    """Re-derive an output text from its evidence and transformations (used by the checks); None
    when a transformation is not one of corefact's rules."""
    text = evidence_text
    for t in transformations:
        if t.rule in ("strip_dateline", "drop_connective"):  # what the rule removed opens the text
            rest = evidence_text[t.removed[-1].end - start:].lstrip()
            text = rest[0].upper() + rest[1:] if rest else rest
        elif t.rule == "close_quotation" and t.added in ('"', "”", "'", "’") or t.rule == "add_full_stop" and t.added == ".":
            text += t.added
        else:
            return None
    return text


def brief(parsed: Parsed, chosen: list[Sent]) -> list[Sentence]:
    """Chosen sentences as paragraphs: article paragraphs kept; one long run split in pairs."""
    if not chosen:
        return []
    groups: list[list[Sent]] = []
    for s in chosen:
        if groups and groups[-1][-1].paragraph == s.paragraph:
            groups[-1].append(s)
        else:
            groups.append([s])
    if len(groups) == 1 and len(chosen) > 3:
        groups = [chosen[i:i + 2] for i in range(0, len(chosen), 2)]
    shown = {s.index for s in chosen}
    out: list[Sentence] = []
    for p, group in enumerate(groups):
        out.extend(as_sentence(parsed, s, p, after_previous=s.index - 1 in shown) for s in group)
    return out

"""The attribution check: who says what, against the original's speakers."""

from __future__ import annotations

import re

from ..facts.quotes import CUE_LEMMAS
from .problem import Problem, _per_span

_PRONOUNS = {"he", "she", "they", "it", "i", "we", "who", "which"}


def _speakers(span, people_only: bool = False) -> set[str]:
    """Who says something in a span: the subjects of its cue verbs ('said', 'told') and the object of
    'according to', lower-cased last words; only PERSON entities with ``people_only``."""
    return _per_span(span, _find_people_speakers if people_only else _find_speakers)


def _find_people_speakers(span) -> set[str]:
    return _find_speakers(span, people_only=True)


def _find_speakers(span, people_only: bool = False) -> set[str]:
    out = set()
    for v in span:
        if v.lemma_.lower() in CUE_LEMMAS and v.pos_ == "VERB":
            for c in v.children:
                if c.dep_ == "nsubj" and (not people_only or c.ent_type_ == "PERSON"):
                    out.add(c.text.lower())
        if v.lower_ == "according" and v.i + 1 < len(v.doc) and v.doc[v.i + 1].lower_ == "to":
            for o in v.doc[v.i + 1].children:
                if o.dep_ == "pobj" and (not people_only or o.ent_type_ == "PERSON"):
                    out.add(o.text.lower())
    return out


def _said_pairs(span, speaker_words: set[str]) -> set[tuple[str, str]]:
    """The word pairs of what a span reports, leaving out the speakers' names."""
    words = [w for w in re.findall(r"[a-z0-9]+", span.text.lower()) if w not in speaker_words]
    return set(zip(words, words[1:]))


def check_attribution(claim, evidence: list) -> list[Problem]:
    said = {s for s in _speakers(claim, people_only=True) if s not in _PRONOUNS}
    if not said or not evidence:
        return []
    ev_speakers = [_speakers(s) for s in evidence]
    named_ev = set().union(*(_speakers(s, people_only=True) for s in evidence))
    # the sentence that says what the claim reports: its speaker is the one that counts, not another
    # sentence's that merely shares the name ('Mr Hasson said games developers ...' -> 'Mr Kingsley
    # said games developers ...', Kingsley quoted elsewhere)
    pairs = _said_pairs(claim, said)
    if len(pairs) >= 4:
        shares = [len(pairs & _said_pairs(s, ev_speakers[i])) / len(pairs) for i, s in enumerate(evidence)]
        best = max(range(len(evidence)), key=shares.__getitem__)
        own = max((shares[i] for i, sp in enumerate(ev_speakers) if sp & said), default=0.0)
        if shares[best] >= 0.6 and shares[best] >= own + 0.3 and not ev_speakers[best] & said:
            theirs = _speakers(evidence[best], people_only=True)  # 'the Frenchman' may well be Henry
            if theirs:
                return [Problem("speaker", f"attributed to '{', '.join(sorted(said))}' but the original's speaker is '{', '.join(sorted(theirs))}'",
                                ", ".join(sorted(said)), ", ".join(sorted(theirs)))]
            if ev_speakers[best] & {"he", "she"} and any(t.lower_ in said for t in evidence[best] if t.ent_type_ == "PERSON" and t.dep_ != "nsubj"):
                # 'He said ... he sympathised with Mr Gordon's position': 'he' is not Gordon
                return [Problem("speaker", f"attributed to '{', '.join(sorted(said))}' but in the original someone else says it of them",
                                ", ".join(sorted(said)), None)]
    if not named_ev or said & set().union(*ev_speakers):
        return []
    return [Problem("speaker", f"attributed to '{', '.join(sorted(said))}' but the original's speaker is '{', '.join(sorted(named_ev))}'", ", ".join(sorted(said)), ", ".join(sorted(named_ev)))]

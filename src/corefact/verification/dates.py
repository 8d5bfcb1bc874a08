"""The date check: weekdays, months and years (and year ranges) of a claim against its evidence,
and where each date attaches."""

from __future__ import annotations

import re

from ..facts.dates import MONTHS, WEEKDAYS
from .names import _anchor
from .problem import Problem, _per_span

_BEFORE_MONTH = {"in", "since", "until", "till", "by", "of", "early", "late", "mid", "last", "next", "this", "from", "to", "between", "through", "before", "after", "during"}


def _month_may(t) -> bool:
    """'May' the month, not the modal: a date entity, or next to a number or a date preposition."""
    doc = t.doc
    prev = doc[t.i - 1] if t.i > 0 else None
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    return (t.ent_type_ == "DATE" or (prev is not None and (prev.like_num or prev.lower_ in _BEFORE_MONTH))
            or (nxt is not None and nxt.like_num))


_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s?[-–/]\s?(\d\d(?:\d\d)?)\b")


def _year_ranges(text: str) -> set[tuple[str, str]]:
    return {(a, b[-2:]) for a, b in _YEAR_RANGE.findall(text)}


def _date_words(span) -> list[tuple[str, str]]:
    """(kind, word) of weekday, month and year words in a span's DATE entities (or bare)."""
    return _per_span(span, _find_date_words)


def _find_date_words(span) -> list[tuple[str, str]]:
    return [(kind, word) for kind, word, _ in _date_tokens(span)]


def _date_tokens(span):
    """(kind, word, token) of the weekday, month and year words of a span."""
    for t in span:
        low = t.lower_
        if low in WEEKDAYS:
            yield "weekday", low, t
        elif low in MONTHS and (len(low) > 3 and (t.ent_type_ == "DATE" or t.text[:1].isupper()) or t.text == "May" and _month_may(t)):
            yield "month", low, t
        elif re.fullmatch(r"(1[89]|20)\d\d", t.text) and t.ent_type_ == "DATE":
            yield "year", t.text, t


def _find_dated(span) -> dict[tuple[str, tuple[str, str]], set[str]]:
    """(kind, where a date attaches) -> its words: 'caught fire on a freeway Thursday morning' gives
    ('weekday', ('npadvmod', 'catch')) -> {'thursday'}; 'from Friday to Monday' attaches its two
    days to 'from' and 'to'. A date word inside a longer date ('Thursday morning') attaches where
    that date does."""
    out: dict[tuple[str, tuple[str, str]], set[str]] = {}
    for kind, word, t in _date_tokens(span):
        while t.dep_ in ("compound", "nummod", "amod", "npadvmod", "appos") and t.head.ent_type_ in ("DATE", "TIME") and t.head.i != t.i:
            t = t.head
        out.setdefault((kind, _anchor(t)), set()).add(word)
    return out


def _content(span) -> set[str]:
    return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop and t.ent_type_ not in ("DATE", "TIME")}


def _dated_elsewhere(claim, kind: str, word: str, evidence: list) -> bool:
    """Whether a sentence of the original outside the evidence gives the claim's date about the
    same thing: it shares at least half the claim's other content words (and two)."""
    if not evidence:
        return False
    inside = {(s.start, s.end) for s in evidence}
    words = _content(claim)
    for sent in evidence[0].doc.sents:
        if (sent.start, sent.end) in inside or (kind, word) not in _date_words(sent):
            continue
        if len(_content(sent) & words) >= max(2, len(words) / 2):
            return True
    return False


def check_dates(claim, evidence: list, article_lower: str) -> list[Problem]:
    problems = []
    ev_words = [w for span in evidence for w in _date_words(span)]
    claim_dates = dict.fromkeys(_date_words(claim))
    ev_dated: dict[tuple[str, tuple[str, str]], set[str]] = {}
    for span in evidence if claim_dates else ():  # where the evidence's dates attach: only for a dated claim
        for where, words in _per_span(span, _find_dated).items():
            ev_dated.setdefault(where, set()).update(words)
    for kind, word in claim_dates:
        if any(w == word for _, w in ev_words):
            # the word is there, but is it where the claim puts it? ('caught fire Sunday' where the
            # evidence has the fire on Thursday and a concert on Sunday)
            moved = [(where, ev_dated[where]) for where, words in _per_span(claim, _find_dated).items()
                     if word in words and where[0] == kind and ev_dated.get(where) and word not in ev_dated[where]]
            if moved and not _dated_elsewhere(claim, kind, word, evidence):
                (_, (_, head)), other = moved[0]
                problems.append(Problem("date", f"'{word}' for '{head}' but the original says '{sorted(other)[0]}' there", word, sorted(other)[0]))
            continue
        other = [w for k, w in ev_words if k == kind]
        if other and _dated_elsewhere(claim, kind, word, evidence):
            continue  # 'given an Apple Watch on Thursday': another sentence says so, the evidence has the match on Sunday
        if other:
            problems.append(Problem("date", f"'{word}' but the original says '{other[0]}'", word, other[0]))
        elif not re.search(r"\b" + re.escape(word) + r"\b", article_lower):
            problems.append(Problem("date", f"'{word}' does not appear in the original", word, None, contradicts=False))
    ev_ranges = set().union(*(_year_ranges(s.text) for s in evidence)) if evidence else set()
    for a, b in sorted(_year_ranges(claim.text) - ev_ranges - _year_ranges(article_lower)):
        other = sorted(ev_ranges)
        problems.append(Problem("date", f"'{a}-{b}' but the original says '{other[0][0]}-{other[0][1]}'" if other else f"'{a}-{b}' does not appear in the original",
                                f"{a}-{b}", "-".join(other[0]) if other else None, contradicts=bool(other)))
    return problems

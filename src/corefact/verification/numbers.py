"""The number check: figures (digits, number words, money, percentages, scores, ordinals) and the
qualifiers before them ('more than', 'about'), and what each number counts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts.numbers import parse_number
from .problem import Problem, _per_span

_QUAL_CLASS = {
    "more than": "lower", "over": "lower", "at least": "lower", "above": "lower", "just over": "lower",
    "well over": "lower", "less than": "upper", "fewer than": "upper", "under": "upper", "below": "upper",
    "up to": "upper", "as many as": "upper", "as much as": "upper", "at most": "upper", "nearly": "upper", "almost": "upper", "just under": "upper",
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx", "exactly": "exact",
}
_QUAL_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _QUAL_CLASS), key=len, reverse=True)) + r")\s+$", re.IGNORECASE)


@dataclass
class Num:
    text: str
    value: float
    qualifier: str  # class: lower, upper, approx, exact
    unit: str  # percent, money, count, score, ordinal
    context: frozenset = frozenset()  # the words right after the number: what it counts
    counts: str = ""  # the noun it is the number of, from the parse ('six points' -> 'point')


_WORDNUM = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    "hundreds|thousand|thousands|dozen|dozens|million|millions|billion|billions"
)
_NUM_RE = re.compile(
    r"(?P<cur>[$£€¥])?\s?"
    r"(?:(?P<score>\d{1,3}\s?[-–]\s?\d{1,3})(?![\d%])(?!\s?(?:per ?cent|%))(?![\s-]*year)"
    r"|(?P<ord>\d+(?:st|nd|rd|th))\b"
    r"|(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(?P<scale>bn|billion|m|mn|million|k|thousand|trillion|tn)\b)?"
    r"|\b(?P<word>(?:" + _WORDNUM + r")(?:[\s-](?:" + _WORDNUM + r"))*)\b)"
    r"(?P<pct>\s?(?:%|per ?cent|percent))?",
    re.IGNORECASE,
)
_CTX_STOP = {"the", "and", "for", "with", "from", "that", "this", "was", "were", "has", "have", "had", "are", "its", "his", "her", "their", "who", "which", "but", "than", "per", "into", "over", "after"}
_UNIT_WORDS = re.compile(r"\s*(?:[-–]\s*)?([a-z]+)(?:[\s-]+([a-z]+))?", re.IGNORECASE)


def _numbers(tokens, text: str = "") -> list[Num]:
    """Numbers written in a span (digits, number words, money, percentages, scores, ordinals),
    each with the class of the qualifier before it and the words after it (computed once per span
    of a Doc)."""
    return _per_span(tokens, _find_numbers)


def _find_numbers(tokens) -> list[Num]:
    doc_text = tokens.doc.user_data.get("corefact_text")
    if doc_text is None:  # Doc.text joins every token: compute it once per Doc
        doc_text = tokens.doc.user_data["corefact_text"] = tokens.doc.text
    base = tokens.start_char
    chunk = tokens.text
    out = []
    for m in _NUM_RE.finditer(chunk):
        if not m.group(0).strip():
            continue
        start = base + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        end = base + m.end()
        if doc_text[start - 1:start] == "/" or doc_text[end:end + 1] == "/":
            continue  # "9/11", "24/7": names and dates, not figures
        if m.group("score") and _MONTH_BEFORE.search(doc_text[max(0, start - 12):start]):
            continue  # 'May 2-3': days, the date check's business
        if m.group("score"):
            a, b = re.split(r"\s?[-–]\s?", m.group("score"))
            value, unit = -(1000.0 * int(a) + int(b) + 1), "score"  # negative: never equal to a count
        elif m.group("ord"):
            value, unit = float(re.match(r"\d+", m.group("ord")).group(0)), "ordinal"
        else:
            raw = m.group("num") or m.group("word")
            if m.group("scale"):
                raw += " " + m.group("scale")
            value, _ = parse_number(raw)
            if value is None:
                continue
            unit = "percent" if m.group("pct") else "money" if m.group("cur") else "count"
            if unit == "count" and re.fullmatch(r"(1[89]|20)\d\d", m.group(0).strip()):
                continue  # a year: the date check's business
        after = _UNIT_WORDS.match(chunk, m.end())
        ctx = frozenset(w.lower().rstrip("s") for w in (after.groups() if after else ()) if w and len(w) > 2 and w.lower() not in _CTX_STOP)
        out.append(Num(m.group(0).strip(), value, _qualifier_before(doc_text, start), unit, ctx, _counted(tokens, start, end)))
    return out


def _counted(tokens, start: int, end: int) -> str:
    """The lemma of the noun a number counts: its head in the parse, that noun coming next or
    after adjectives ('six points', 'three young children'); '' for 'people' and 'person', which
    any other count of people may stand for ('two people' for 'two passengers')."""
    last = next((t for t in reversed(tokens) if t.idx < end and t.idx >= start), None)
    if last is None or last.dep_ != "nummod" or last.head.pos_ != "NOUN" or last.head.i < last.i:
        return ""
    between = last.doc[last.i + 1:last.head.i]
    if any(t.pos_ not in ("ADJ", "ADV", "PUNCT") for t in between):
        return ""
    lemma = last.head.lemma_.lower()
    return "" if lemma in ("people", "person") else lemma


_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)


def _qualifier_before(doc_text: str, start_char: int) -> str:
    before = doc_text[max(0, start_char - 16):start_char]
    m = _QUAL_RE.search(before)
    return _QUAL_CLASS[m.group(1).lower()] if m else "exact"


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def check_numbers(claim, evidence: list, article_nums: list[Num]) -> list[Problem]:
    problems = []
    ev_nums = [n for span in evidence for n in _numbers(span, "")]
    for n in _numbers(claim, ""):
        same = [e for e in ev_nums if _close(e.value, n.value)]
        if not same:
            other = [e for e in ev_nums if e.unit == n.unit]
            elsewhere = [a for a in article_nums if _close(a.value, n.value)]
            if elsewhere and (not other or any(a.context & n.context for a in elsewhere) or {"year", "old"} <= n.context):
                continue  # from another part of the article, about the same thing (or an age: 'Smith, 24,')
            if any(_rounds(n, e) for e in other):
                continue  # 'more than 10,000' for the original's 10,190
            if _counts_named(claim, n):
                continue  # 'Arsenal face Liverpool as the two sides compete': the claim's own names
            if other:
                problems.append(Problem("number", f"'{n.text}' is not in the original, which says '{other[0].text}'", n.text, other[0].text))
            else:
                problems.append(Problem("number", f"'{n.text}' does not appear in the original", n.text, None, contradicts=False))
            continue
        if _counts_another_thing(n, same, article_nums):
            e = next(e for e in same if e.counts)
            problems.append(Problem("number", f"'{n.text}' counts '{n.counts}' here but '{e.counts}' in the original", n.text, e.text))
            continue
        if all(e.qualifier != n.qualifier for e in same):
            e = same[0]
            if n.qualifier == "approx" and e.qualifier == "exact" or n.qualifier == "exact" and not _explicit_exact(claim, n):
                continue  # hedging an exact figure, or leaving a qualifier out, says no more than the original
            problems.append(Problem("qualifier", f"'{n.text}' ({n.qualifier}) but the original says '{e.text}' ({e.qualifier})", n.text, e.text))
    return problems


def _counts_another_thing(n: Num, same: list[Num], article_nums: list[Num]) -> bool:
    """'six points clear' where the original's six counts games: the same value, but of another
    thing, everywhere the original gives it."""
    if n.unit != "count" or not n.counts:
        return False
    found = same + [a for a in article_nums if _close(a.value, n.value)]
    said = {e.counts for e in found} | {w for e in found for w in e.context}
    return all(e.counts for e in found) and n.counts not in said and n.counts.rstrip("s") not in said


_NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def _counts_named(claim, n: Num) -> bool:
    """'the two sides': a two that counts the names the claim itself gives ('Arsenal face Liverpool
    as the two sides compete'), not a figure of the original."""
    if n.unit != "count" or n.qualifier != "exact" or n.value != 2:
        return False
    if not re.search(r"\bthe\s+" + re.escape(n.text) + r"\s+[a-z]+s\b", claim.text):
        return False
    # capitalised words outside dates and figures, a run of them one name ('Arsenal' may be tagged ADJ)
    capital = [t.i for t in claim if t.is_title and t.is_alpha and not t.is_stop and t.ent_type_ not in _NOT_NAMES]
    return sum(1 for i in capital if i - 1 not in capital) >= 2


def _round(v: float) -> bool:
    """At most two significant digits, and a multiple of five below 100: 10,000, 2.5m, 40%."""
    if v < 10 or v < 100 and v % 5:
        return False
    digits = f"{v:.6g}".replace(".", "").replace("e", " ").split()[0].strip("0")
    return len(digits) <= 2


def _rounds(n: Num, e: Num) -> bool:
    """A round claim figure whose qualifier makes the original's exact figure true: 'more than
    10,000' for 10,190, 'nearly 500' for 483, 'about 40%' for 41%."""
    if e.unit != n.unit or not _round(n.value) or e.qualifier not in ("exact", n.qualifier):
        return False
    if n.qualifier == "lower":
        return n.value < e.value <= 1.5 * n.value
    if n.qualifier == "upper":
        return n.value / 1.5 <= e.value < n.value
    if n.qualifier == "approx":
        return abs(e.value - n.value) <= 0.1 * n.value
    return False


def _explicit_exact(claim, n: Num) -> bool:
    return bool(re.search(r"\bexactly\s+" + re.escape(n.text), claim.text, re.IGNORECASE))

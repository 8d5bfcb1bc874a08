"""Dates: explicit and relative expressions, resolved against the publication date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

from ..model import DateMention
from ..nlp import Parsed

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9

Range = tuple[Optional[dt.date], Optional[dt.date]]


def _month_range(year: int, month: int) -> Range:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _past_month(month: int, ref: dt.date) -> int:
    """Year of the latest ``month`` not after ``ref``."""
    return ref.year if month <= ref.month else ref.year - 1


def resolve(text: str, ref: Optional[dt.date]) -> tuple[Range, bool]:
    """Resolve a date expression to ``((start, end), relative)``; ``end`` is None for a single day."""
    low = text.lower().strip()
    low = re.sub(r"^(?:on|in|early|late)\s+", "", low)
    # explicit day, month and year: "14 March 2024", "March 14, 2024"
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})", low) or None
    if m and m.group(2) in MONTHS:
        return _safe(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))), False
    m = re.search(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", low)
    if m and m.group(1) in MONTHS:
        return _safe(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2))), False
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", low)
    if m:
        return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3))), False
    m = re.fullmatch(r"(?:in\s+)?([a-z]+)\.?\s+(\d{4})", low)
    if m and m.group(1) in MONTHS:
        return _month_range(int(m.group(2)), MONTHS[m.group(1)]), False
    m = re.fullmatch(r"(?:the\s+year\s+)?(\d{4})", low)
    if m and 1000 < int(m.group(1)) < 2200:
        y = int(m.group(1))
        return (dt.date(y, 1, 1), dt.date(y, 12, 31)), False
    if ref is None:
        return (None, None), True
    if low in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return (ref, None), True
    if low in ("yesterday", "last night"):
        return (ref - dt.timedelta(days=1), None), True
    if low == "tomorrow":
        return (ref + dt.timedelta(days=1), None), True
    m = re.fullmatch(r"(last|this|next)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?", low)
    if m:
        wd = WEEKDAYS[m.group(2)]
        back = (ref.weekday() - wd) % 7
        if m.group(1) == "next":
            fwd = (wd - ref.weekday()) % 7 or 7
            return (ref + dt.timedelta(days=fwd), None), True
        if m.group(1) == "last" and back == 0:
            back = 7
        return (ref - dt.timedelta(days=back), None), True
    m = re.fullmatch(r"(last|this|next)\s+(week|month|year)", low)
    if m:
        which, unit = m.groups()
        shift = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "week":
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
            return (monday, monday + dt.timedelta(days=6)), True
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
            return _month_range(y, mo + 1), True
        y = ref.year + shift
        return (dt.date(y, 1, 1), dt.date(y, 12, 31)), True
    m = re.fullmatch(r"(?:last\s+)?([a-z]+)", low)
    if m and m.group(1) in MONTHS and m.group(1) not in ("may", "march") or (m and m.group(1) in ("may", "march") and text[:1].isupper()):
        mo = MONTHS[m.group(1)]
        return _month_range(_past_month(mo, ref), mo), True
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)|([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?", low)
    if m:
        day, mon = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if mon in MONTHS:
            mo = MONTHS[mon]
            return _safe(_past_month(mo, ref), mo, int(day)), True
    m = re.fullmatch(r"(\w+)\s+(days|weeks|months|years)\s+ago", low)
    if m:
        from .numbers import parse_number

        n = parse_number(m.group(1))[0]
        if n is not None:
            days = {"days": 1, "weeks": 7, "months": 30, "years": 365}[m.group(2)] * int(n)
            return (ref - dt.timedelta(days=days), None), True
    return (None, None), True


def _safe(y: int, m: int, d: int) -> Range:
    try:
        return dt.date(y, m, d), None
    except ValueError:
        return None, None


_SINCE = re.compile(r"\b(since|from|until|by|before|after)\s+$", re.IGNORECASE)
_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)"
# Durations, ages and frequencies: time words that are not dates.
_NOT_A_DATE = re.compile(
    r"^(?:(?!1\d{3}$|2[01]\d{2}$)\d+|under \w+|over \w+|(?:daily|weekly|monthly|quarterly|annual|annually|yearly|decades?|years?|months?|weeks?|days?)"
    r"|(?:the\s+)?(?:next|past|last|first|coming)?\s*" + _NUMBER + r"(?:[- ]|\s+)(?:day|week|month|year|decade|hour)s?(?:-long|-old| old)?"
    r"|(?:the\s+)?(?:next|past|last|coming)\s+" + _NUMBER + r"\s+(?:day|week|month|year|decade)s?)$",
    re.IGNORECASE,
)
_FUTURE_HEADS = {"expect", "plan", "aim", "hope", "intend", "schedule", "set", "due", "promise", "vow", "pledge"}


def _future(ent) -> bool:
    """True when the clause a date expression belongs to speaks of the future."""
    tok = ent.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.lower_ in ("will", "shall", "'ll", "wo") for c in tok.children if c.dep_ in ("aux", "auxpass")):
                return True
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _FUTURE_HEADS:
                return True
            if tok.lemma_.lower() in _FUTURE_HEADS and tok.lemma_.lower() != "set":
                return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _forward(text: str, ref: dt.date, start: Optional[dt.date], end: Optional[dt.date]) -> Range:
    """Move a weekday or month that the past-leaning rules placed before ``ref`` to its next occurrence."""
    low = text.lower().strip()
    if start is None or start >= ref or re.search(r"\d{4}|last|ago|yesterday", low):
        return start, end
    if low.split()[-1] in WEEKDAYS or low.split()[0] in WEEKDAYS:
        return start + dt.timedelta(days=7), None
    if end is not None and low.split()[-1] in MONTHS:
        mo = start.month
        y = ref.year if mo > ref.month else ref.year + 1
        if mo == ref.month:
            return start, end
        return _month_range(y, mo)
    return start, end


def _end_of(text: str, ref: Optional[dt.date]) -> Optional[dt.date]:
    """'the end of 2026' -> 2026-12-31; 'the end of the year' -> 31 December of the reference year."""
    m = re.fullmatch(r"(?:the\s+)?end\s+of\s+(?:the\s+)?(year|month|\d{4}|[a-z]+)", text.lower().strip())
    if not m:
        return None
    what = m.group(1)
    if what.isdigit():
        return dt.date(int(what), 12, 31)
    if ref is None:
        return None
    if what == "year":
        return dt.date(ref.year, 12, 31)
    if what == "month":
        return _month_range(ref.year, ref.month)[1]
    if what in MONTHS:
        y = ref.year if MONTHS[what] >= ref.month else ref.year + 1
        return _month_range(y, MONTHS[what])[1]
    return None


def extract_dates(parsed: Parsed) -> list[DateMention]:
    """Date expressions in the article, resolved where the publication date allows.

    Weekdays and months lean to the past (news reports what happened) unless the clause speaks of
    the future ("will reopen in March", "expects ... by Thursday"). "since X" runs to the
    publication date; "by/until X" and "before X" are deadlines (``value`` empty, ``value_end`` set).
    Durations, ages and frequencies ("three days", "23", "quarterly") are not dates and are left out.
    """
    ref = parsed.article.date
    out: list[DateMention] = []
    for ent in parsed.doc.ents:
        if ent.label_ != "DATE" or _NOT_A_DATE.match(ent.text.strip()):
            continue
        text = ent.text
        (start, end), relative = resolve(text, ref)
        if start is None and (last := _end_of(text, ref)) is not None:
            start, relative = last, not re.search(r"\d{4}", text)
        if ref is not None and relative and _future(ent):
            start, end = _forward(text, ref, start, end)
        before = parsed.text[max(0, ent.start_char - 8):ent.start_char]
        since = _SINCE.search(before)
        span_start = ent.start_char
        if since and start is not None:
            word = since.group(1).lower()
            span_start = ent.start_char - (len(before) - since.start())
            if word == "since" and ref is not None:
                end = ref
            elif word in ("until", "by"):
                start, end = None, end or start
            elif word == "before":
                start, end = None, start - dt.timedelta(days=1)
        out.append(
            DateMention(
                text=parsed.text[span_start:ent.end_char],
                span=parsed.span(span_start, ent.end_char),
                value=start,
                value_end=end,
                relative=relative,
            )
        )
    return out

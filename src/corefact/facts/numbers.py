"""Reading numbers as written: digits, scale words and number words."""

from __future__ import annotations

import re
from typing import Optional

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a": 1, "an": 1, "half": 0.5, "couple": 2,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100,
}
SCALES = {
    "dozen": 12, "dozens": 12, "hundred": 100, "hundreds": 100, "thousand": 1e3, "thousands": 1e3, "k": 1e3, "million": 1e6,
    "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₦": "NGN"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "rupees": "INR", "naira": "NGN", "yuan": "CNY",
    "usd": "USD", "gbp": "GBP", "eur": "EUR",
}
_NUM = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_PIECES = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+|[$£€¥₹₦%]")


def parse_number(text: str) -> tuple[Optional[float], Optional[float]]:
    """Value (and upper bound for a range) of a number as written, or ``(None, None)``.

    >>> parse_number("$1.13bn")
    (1130000000.0, None)
    >>> parse_number("tens of thousands")
    (10000.0, None)
    >>> parse_number("10 to 12")
    (10.0, 12.0)
    """
    low = text.lower().replace("per cent", "percent")
    parts = re.split(r"\s*(?:-|–|to|and)\s*(?=[$£€\d])", low, maxsplit=1) if re.search(r"\d", low) else [low]
    values = [_value(p) for p in parts]
    if len(values) == 2 and values[0] is not None and values[1] is not None:
        a, b = values
        # "10 to 12 million": the scale of the second applies to the first
        if b >= 1000 * a and not re.search(r"[a-z]", parts[0].replace("percent", "")):
            scale = b / _value(re.sub(r"[a-z%]+", "", parts[1]).strip() or "1") if _value(re.sub(r"[a-z%]+", "", parts[1]).strip() or "1") else 1
            a *= scale
        return a, b
    return values[0], None


def _value(text: str) -> Optional[float]:
    tokens = _PIECES.findall(text)
    total = 0.0
    current: Optional[float] = None
    seen = False
    for tok in tokens:
        if tok[0].isdigit():
            m = _NUM.fullmatch(tok)
            if not m:
                continue
            v = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
            current = (current or 0) + v
            seen = True
        elif tok in SMALL:
            current = (current or 0) + SMALL[tok]
            seen = True
        elif tok in ORDINALS:
            current = (current or 0) + ORDINALS[tok]
            seen = True
        elif tok in SCALES:
            scale = SCALES[tok]
            if tok in ("tens",):
                continue
            if current is None:
                current = 1.0
            if scale in (12, 100):
                current *= scale
            else:
                total += current * scale
                current = None
            seen = True
        elif tok == "tens":
            current = (current or 0) + 10
            seen = True
    if not seen:
        return None
    return total + (current or 0)


def currency(text: str) -> Optional[str]:
    """ISO code of the currency a figure is written in, if any."""
    for sym, code in CURRENCY_SYMBOLS.items():
        if sym in text:
            return code
    for word in re.findall(r"[A-Za-z]+", text.lower()):
        if word in CURRENCY_WORDS:
            return CURRENCY_WORDS[word]
    return None

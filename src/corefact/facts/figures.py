"""Figures: numbers with their qualifier, unit, what they count and the event they belong to."""

from __future__ import annotations

import re
from typing import Optional

from ..model import Figure
from ..nlp import Parsed
from .numbers import CURRENCY_SYMBOLS, CURRENCY_WORDS, currency, parse_number

NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "TIME"}
# Nouns that make a number a measurement rather than a count.
UNITS = {
    "hectares", "hectare", "acres", "acre", "metres", "metre", "meters", "meter", "kilometres", "kilometre",
    "kilometers", "km", "miles", "mile", "centimetres", "centimetre", "cm", "millimetres", "mm", "feet",
    "foot", "inches", "tonnes", "tonne", "tons", "ton", "kilograms", "kg", "grams", "litres", "liters",
    "gallons", "barrels", "degrees", "seconds", "minutes", "hours", "megawatts", "gigawatts", "mph", "kph",
}
_DURATION = re.compile(r"\b(?:seconds?|minutes?|hours?)\b", re.IGNORECASE)
QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "as much as",
    "just over", "just under", "well over", "nearly", "almost", "about", "around", "roughly",
    "approximately", "some", "over", "under", "below", "above", "only", "exactly", "an estimated",
    "estimated", "at",
)
_QUAL_RE = re.compile(r"^(" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s+", re.IGNORECASE)
_NUMBER_WORD = re.compile(
    r"\b(?:tens|hundreds|thousands|millions|billions|dozens?|a dozen|a hundred|a thousand|"
    r"one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
_COUNT_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod", "pobj", "appos"}
_CONTEXT_DEPS = {"prep", "agent", "advmod", "npadvmod", "prt", "dobj", "attr", "oprd", "acomp", "dative", "xcomp"}


def _unit_and_kind(text: str, label: str, next_word: str) -> tuple[Optional[str], str]:
    low = text.lower()
    if "%" in text or "percent" in low or "per cent" in low or next_word in ("percent",):
        return "percent", "percent"
    cur = currency(text) or (currency(next_word) if label == "MONEY" else None)
    if cur or label == "MONEY":
        return cur, "money"
    if label == "ORDINAL":
        return None, "ordinal"
    if label == "QUANTITY":
        m = re.search(r"[A-Za-z]+$", text)
        return (m.group(0).lower() if m else None), "quantity"
    return None, "count"


def _duration(text: str) -> tuple[Optional[float], None, Optional[str]]:
    """'24 hours' -> (24, 'hours'); '2 hours 17 minutes and 40 seconds' -> (8260, 'seconds')."""
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*(hour|minute|second)s?", text.lower())
    if not parts:
        return None, None, None
    if len(parts) == 1:
        return float(parts[0][0]), None, parts[0][1] + "s"
    secs = {"hour": 3600, "minute": 60, "second": 1}
    return sum(float(n) * secs[u] for n, u in parts), None, "seconds"


UP = {"rise", "jump", "grow", "increase", "climb", "surge", "gain", "soar", "rebound", "advance", "up"}
DOWN = {"fall", "drop", "decline", "decrease", "slip", "plunge", "slump", "sink", "shrink", "tumble", "cut", "down", "lose"}


def _change(ent) -> tuple[Optional[str], Optional[str]]:
    """'rose 2% to $11.1bn from $10.9bn': 2% is the change (by), $11.1bn the new value (to)."""
    tok = ent.root
    role = None
    if tok.head.dep_ == "prep" or tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ in ("to", "from", "by"):
            role, verb = prep.lower_, prep.head
        else:
            return None, None
    elif tok.dep_ in ("npadvmod", "dobj", "nummod") or tok.head.text == "%":
        verb = tok.head if tok.head.text != "%" else tok.head.head
        if tok.head.text == "%" and tok.head.dep_ not in ("npadvmod", "dobj"):
            return None, None
        role = "by"
    else:
        return None, None
    lemma = verb.lemma_.lower()
    if lemma in UP:
        return role, "up"
    if lemma in DOWN:
        return role, "down"
    return None, None


def _expand_left(parsed: Parsed, start: int) -> int:
    """Include a currency symbol written just before the entity."""
    text = parsed.text
    while start > 0 and text[start - 1] in CURRENCY_SYMBOLS:
        start -= 1
    return start


def _counted(ent) -> tuple[Optional[object], Optional[str]]:
    """The noun a number counts ('4,200 residents' -> residents) and its phrase."""
    doc = ent.doc
    root = ent.root
    head = root.head
    # "4,200 residents": the number modifies the noun
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and head.pos_ in ("NOUN", "PROPN") and head.i >= ent.end - 1:
        noun = head
    elif root.pos_ in ("NOUN",) and root.i == ent.end - 1 and ent.label_ == "QUANTITY":
        return None, None
    else:
        # "4,200 of the residents"
        of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [g for o in of for g in o.children if g.dep_ == "pobj"]
        if objs and objs[0].pos_ in ("NOUN", "PROPN"):
            noun = objs[0]
        else:
            return None, None
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
        return None, None
    left = min([t.i for t in noun.lefts if t.dep_ in ("amod", "compound") and t.i >= ent.end] + [noun.i])
    return noun, doc[left:noun.i + 1].text


def _context(parsed: Parsed, ent, noun, sent) -> Optional[str]:
    """The event a figure belongs to: its verb with the verb's complements, as written."""
    tok = noun if noun is not None else ent.root
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    parts = [verb]
    for child in verb.rights:
        if child.dep_ in _CONTEXT_DEPS and not (child.i <= tok.i <= child.right_edge.i) or child.dep_ == "dobj" and child.i > tok.i:
            if child.dep_ in _CONTEXT_DEPS:
                parts.extend(child.subtree)
    aux = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")]
    start = min([verb.i] + [a.i for a in aux])
    end = max(t.i for t in parts) + 1
    span = ent.doc[start:end]
    if span.end_char > sent.end:
        return None
    text = span.text.strip(" ,;")
    return text if len(text.split()) <= 25 else None


def extract_figures(parsed: Parsed) -> list[Figure]:
    """Every figure in the article, in text order, with nested ones linked by ``part_of``."""
    doc = parsed.doc
    figures: list[Figure] = []
    nouns: list[Optional[int]] = []
    for ent in doc.ents:
        if ent.label_ not in NUMERIC_LABELS:
            continue
        words = ent.text.lower()
        if not re.search(r"\d", words) and not _NUMBER_WORD.search(words) and ent.label_ != "ORDINAL":
            continue
        if ent.label_ == "TIME" and not (_DURATION.search(words) and re.search(r"\d", words)):
            continue  # clock times ("2pm") are dates' business; durations are measurements
        start = _expand_left(parsed, ent.start_char)
        end = ent.end_char
        # the qualifier, inside the entity or just before it
        qualifier = None
        inside = _QUAL_RE.match(parsed.text[start:end])
        if inside:
            qualifier = inside.group(1).lower()
        else:
            before = parsed.text[max(0, start - 20):start]
            m = re.search(r"\b(" + "|".join(re.escape(q) for q in QUALIFIERS if q not in ("at", "some", "only")) + r")\s+$", before, re.IGNORECASE)
            if m:
                qualifier = m.group(1).lower()
                start = start - len(before) + m.start()
        suffix = re.match(r"(?:bn|m|mn|k|tn|trn)\b", parsed.text[end:end + 4])
        if suffix:
            end += suffix.end()
        number_text = parsed.text[start:end]
        if qualifier:
            number_text = number_text[len(qualifier):].strip()
        next_tok = doc[ent.end] if ent.end < len(doc) else None
        next_word = next_tok.lower_ if next_tok is not None else ""
        if next_word in ("percent", "per") and next_tok is not None:
            extra = doc[ent.end: ent.end + (2 if next_word == "per" else 1)]
            end = extra.end_char
        if next_tok is not None and next_word in UNITS | set(CURRENCY_WORDS) and next_tok.head.i == next_tok.i or (
            next_tok is not None and next_word in UNITS | set(CURRENCY_WORDS) and ent.label_ in ("CARDINAL", "QUANTITY")
        ):
            end = next_tok.idx + len(next_tok.text)  # "12,000 hectares", "42 million euros"
        label = "QUANTITY" if ent.label_ == "TIME" or next_word in UNITS else ent.label_
        unit, kind = _unit_and_kind(parsed.text[start:end], label, next_word)
        value, value_max = parse_number(number_text)
        if kind == "percent":
            value, value_max = parse_number(number_text.replace("%", ""))
        if ent.label_ == "TIME":
            value, value_max, unit = _duration(number_text)
        if unit is None and kind == "money":
            unit = currency(parsed.text[ent.end_char:ent.end_char + 12])
        if kind == "ordinal":
            words_ = number_text.lower().split()
            from .numbers import ORDINALS

            value = ORDINALS.get(words_[-1]) if words_ else None
            if value is None:
                m = re.match(r"(\d+)(?:st|nd|rd|th)", number_text)
                value = float(m.group(1)) if m else None
        if kind == "count" and value is not None and 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", number_text):
            kind = "year"
        sent = parsed.sent_of(ent.start_char)
        if sent is None:
            continue
        noun, counts = _counted(ent) if kind in ("count", "ordinal") else (None, None)
        if counts and counts.split()[-1].lower() in UNITS:
            noun, counts = None, None
        change, direction = _change(ent) if kind in ("money", "percent", "quantity", "count") else (None, None)
        figures.append(
            Figure(
                change=change,
                direction=direction,
                text=parsed.text[start:end],
                value=value,
                value_max=value_max,
                unit=unit,
                qualifier=qualifier,
                counts=counts,
                context=_context(parsed, ent, noun, sent),
                kind=kind,
                span=parsed.span(start, end),
                sentence=sent.span(),
            )
        )
        nouns.append(noun.i if noun is not None else ent.root.i)
    # nesting: "4,200 residents, including more than 1,100 children"
    by_token = {tok_i: k for k, tok_i in enumerate(nouns) if tok_i is not None}
    for k, tok_i in enumerate(nouns):
        tok = doc[tok_i]
        steps = 0
        while tok.head.i != tok.i and steps < 4:
            tok = tok.head
            steps += 1
            if tok.i in by_token and by_token[tok.i] != k:
                between = doc[min(tok.i, tok_i):max(tok.i, tok_i)]
                if any(t.lower_ in ("including", "among", "whom") for t in between):
                    parent = by_token[tok.i]
                    if figures[parent].sentence == figures[k].sentence and figures[parent].kind == figures[k].kind == "count":
                        figures[k] = figures[k].model_copy(update={"part_of": parent, "context": figures[parent].context})
                break
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep":
                break
    return figures

"""A perturbation benchmark for ``verify``, built from reference sentences with a fixed seed.

For each reference sentence: faithful variants (reorder, drop a clause, synonym, merge with the
next sentence) and unfaithful ones (number, qualifier, name swap, negation inserted or removed, date
shift, speaker swap, a name the article never mentions). A variant is made only where the sentence
offers what the edit needs, so types have different counts.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Optional

from ..facts.dates import MONTHS, WEEKDAYS

FAITHFUL = ("untouched", "reorder", "drop_clause", "synonym", "merge")
UNFAITHFUL = ("number", "qualifier", "name_swap", "negation_added", "negation_removed", "date_shift", "speaker_swap", "new_name")
_UNKNOWN_NAMES = ("Harriet Quell", "Tomasz Wrenfield", "Odile Marchbank", "Kwabena Ashworth", "Ingrid Pellow", "Rafael Dunmore")
_SYNONYMS = {
    "said": "stated", "says": "states", "big": "large", "buy": "purchase", "bought": "purchased", "help": "assist",
    "helped": "assisted", "start": "begin", "started": "began", "began": "started", "show": "indicate",
    "shows": "indicates", "showed": "indicated", "children": "kids", "about": "around", "got": "received",
    "wants": "hopes", "want": "hope", "told": "informed", "also": "additionally", "huge": "enormous",
    "quickly": "rapidly", "rise": "increase", "rose": "increased", "fell": "dropped", "fall": "drop",
    "firm": "company", "company": "firm", "cut": "reduced", "biggest": "largest", "hit": "struck",
}
_WEEKDAY_NAMES = [d.capitalize() for d in sorted(WEEKDAYS, key=WEEKDAYS.get)]
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


@dataclass
class Variant:
    kind: str
    text: str
    faithful: bool
    source: str


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _number(doc, rng) -> Optional[str]:
    toks = [t for t in doc if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", t.text) and t.ent_type_ not in ("DATE", "TIME")]
    if not toks:
        return None
    t = rng.choice(toks)
    v = float(t.text.replace(",", ""))
    new = v * rng.choice([2, 3, 0.5]) + rng.choice([1, 3, 7]) if v > 3 else v + rng.choice([2, 3, 5])
    fmt = f"{new:,.0f}" if "," in t.text or new >= 10000 else (f"{new:.1f}" if "." in t.text else f"{new:.0f}")
    return _replace(doc.text, t.idx, t.idx + len(t.text), fmt)


_QUALS = ("more than", "less than", "at least", "up to", "nearly", "about", "over", "almost", "around")


def _qualifier(doc, rng) -> Optional[str]:
    text = doc.text
    m = re.search(r"\b(" + "|".join(_QUALS) + r") (?=[$£€]?\d)", text, re.IGNORECASE)
    if m:
        q = m.group(1).lower()
        options = {"more than": ["less than", "exactly"], "over": ["under", "exactly"], "at least": ["at most", "exactly"],
                   "less than": ["more than"], "up to": ["more than", "exactly"], "nearly": ["more than", "exactly"],
                   "almost": ["more than", "exactly"], "about": ["more than", "less than"], "around": ["more than", "less than"]}[q]
        new = rng.choice(options)
        return _replace(text, m.start(), m.end() - 1, new if m.group(1)[0].islower() else new.capitalize())
    toks = [t for t in doc if re.fullmatch(r"\d[\d,]*", t.text) and t.ent_type_ in ("CARDINAL", "QUANTITY", "MONEY") and t.i > 0]
    if not toks:
        return None
    t = rng.choice(toks)
    return _replace(text, t.idx, t.idx, rng.choice(["more than ", "less than "]))


def _names(doc, labels=("PERSON",)):
    seen, out = set(), []
    for e in doc.ents:
        if e.label_ in labels and e.text not in seen:
            seen.add(e.text)
            out.append(e)
    return out


def _coordinated(a, b) -> bool:
    """Two names in one list ("A, B and C", "A and B"): exchanging them changes nothing."""
    ra, rb = a.root, b.root

    def members(t):
        while t.dep_ == "conj":
            t = t.head
        return {t.i} | {c.i for c in t.subtree if c.dep_ == "conj"}

    return rb.i in members(ra) or ra.i in members(rb)


def _apposed(text: str, a, b, labels) -> bool:
    """Two names side by side that are one name, one thing or one list: "Mesut Ozil" read as two
    names, "the Office for National Statistics (ONS)", "Thierry Henry, Graeme Souness and ...",
    "Kiev, Ukraine" and "Fulham, south west London" (a place and the place it lies in)."""
    between = text[a.end_char:b.start_char]
    if re.fullmatch(r"\s*(?:[,(]\s*(?:the\s+)?)?", between):
        return True
    return labels == ("GPE",) and bool(re.fullmatch(r"\s*,\s*(?:[a-z]+\s+){0,3}", between))


def _name_swap(doc, rng) -> Optional[str]:
    for labels in (("PERSON",), ("ORG",), ("GPE",)):
        ents = _names(doc, labels)
        if len(ents) >= 2:
            a, b = ents[0], ents[1]
            if a.text.lower() in b.text.lower() or b.text.lower() in a.text.lower():
                continue
            if _coordinated(a, b) or _apposed(doc.text, a, b, labels):
                continue  # "Hoddle, Taylor and Keegan" -> "Taylor, Hoddle and Keegan" says the same
            text = doc.text
            return text[:a.start_char] + b.text + text[a.end_char:b.start_char] + a.text + text[b.end_char:]
    return None


def _negation_added(doc, rng) -> Optional[str]:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or any(c.dep_ == "neg" for c in root.children):
        return None
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    text = doc.text
    if aux:
        a = aux[0]
        return _replace(text, a.idx + len(a.text), a.idx + len(a.text), " not")
    if root.lemma_ == "be" and root.pos_ == "AUX":
        return _replace(text, root.idx + len(root.text), root.idx + len(root.text), " not")
    if root.tag_ in ("VBD", "VBZ", "VBP") and root.pos_ == "VERB":
        do = {"VBD": "did", "VBZ": "does", "VBP": "do"}[root.tag_]
        return _replace(text, root.idx, root.idx + len(root.text), f"{do} not {root.lemma_}")
    return None


def _negation_removed(doc, rng) -> Optional[str]:
    negs = [t for t in doc if t.dep_ == "neg" and t.lower_ in ("not", "n't", "never")]
    if not negs:
        return None
    t = negs[0]
    text = doc.text
    if t.lower_ == "n't":
        return _replace(text, t.idx, t.idx + len(t.text), "") if t.head.lemma_ not in ("do",) else None
    start = t.idx - 1 if t.idx > 0 and text[t.idx - 1] == " " else t.idx
    return _replace(text, start, t.idx + len(t.text), "")


def _date_shift(doc, rng) -> Optional[str]:
    for t in doc:
        low = t.lower_
        if low in WEEKDAYS and t.text[0].isupper():
            new = _WEEKDAY_NAMES[(WEEKDAYS[low] + rng.choice([1, 2, 3])) % 7]
            return _replace(doc.text, t.idx, t.idx + len(t.text), new)
        if low in MONTHS and len(low) > 3 and t.text[0].isupper() and t.ent_type_ == "DATE":
            new = _MONTH_NAMES[(MONTHS[low] - 1 + rng.choice([1, 2, 4])) % 12]
            return _replace(doc.text, t.idx, t.idx + len(t.text), new)
        if re.fullmatch(r"(19|20)\d\d", t.text) and t.ent_type_ == "DATE":
            return _replace(doc.text, t.idx, t.idx + 4, str(int(t.text) + rng.choice([-2, -1, 1, 2])))
    return None


def _speaker_swap(doc, rng, article_people: list[str]) -> Optional[str]:
    for v in doc:
        if v.lemma_ in ("say", "tell", "add", "warn", "insist", "claim") and v.pos_ == "VERB":
            subj = next((c for c in v.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"), None)
            if subj is None:
                continue
            ent = next(e for e in doc.ents if e.start <= subj.i < e.end)
            others = [p for p in article_people if p.split()[-1].lower() not in ent.text.lower() and p.lower() not in doc.text.lower()]
            if not others:
                return None
            return _replace(doc.text, ent.start_char, ent.end_char, rng.choice(others))
    return None


def _new_name(doc, rng) -> Optional[str]:
    people = _names(doc)
    if not people:
        return None
    e = rng.choice(people)
    return _replace(doc.text, e.start_char, e.end_char, rng.choice(_UNKNOWN_NAMES))


def _reorder(doc, rng) -> Optional[str]:
    text = doc.text.rstrip()
    m = re.match(r"^(.{20,}), ((?:[A-Z][\w.'-]*\s?){1,4}|the [\w ]{3,30}?) (said|says|told reporters)\.$", text)
    if m:
        clause = m.group(1)
        if doc[0].pos_ != "PROPN" and doc[0].ent_type_ == "" and doc[0].text != "I":
            clause = clause[0].lower() + clause[1:]
        return f"{m.group(2)[0].upper()}{m.group(2)[1:]} {m.group(3)} {clause}."
    m = re.match(r"^(.{20,}) (on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last (?:week|month|year)|in \d{4})\.$", text)
    if m:
        first = m.group(1)
        lead = first[0].lower() + first[1:] if doc[0].pos_ not in ("PROPN",) and doc[0].ent_type_ == "" else first
        return f"{m.group(2)[0].upper()}{m.group(2)[1:]}, {lead}."
    return None


def _drop_clause(doc, rng) -> Optional[str]:
    text = doc.text
    m = re.search(r", (?:which|who|where) [^,]{3,80}, ", text) or re.search(r", (?:including|a|an|the) [^,]{3,60}, ", text)
    if m:
        return text[:m.start()] + " " + text[m.end():]
    m = re.search(r",? (?:after|as|while|because|before) [^,]{8,}\.$", text)
    if m and m.start() > 25:
        return text[:m.start()] + "."
    return None


def _synonym(doc, rng) -> Optional[str]:
    cands = [t for t in doc if t.lower_ in _SYNONYMS and t.ent_type_ == ""]
    if not cands:
        return None
    t = rng.choice(cands)
    new = _SYNONYMS[t.lower_]
    if t.text[0].isupper():
        new = new.capitalize()
    return _replace(doc.text, t.idx, t.idx + len(t.text), new)


def variants(doc, next_text: Optional[str], article_people: list[str], rng: random.Random) -> list[Variant]:
    """All variants of one reference sentence (a spaCy Doc of it)."""
    src = doc.text
    out = [Variant("untouched", src, True, src)]
    for kind, fn in (("reorder", _reorder), ("drop_clause", _drop_clause), ("synonym", _synonym)):
        v = fn(doc, rng)
        if v and v != src:
            out.append(Variant(kind, v, True, src))
    if next_text:
        nxt = next_text.strip()
        out.append(Variant("merge", src.rstrip(" .") + ", and " + (nxt[0].lower() + nxt[1:] if nxt[:2].istitle() and not nxt.split()[0] in ("I",) else nxt), True, src))
    edits = {
        "number": _number, "qualifier": _qualifier, "name_swap": _name_swap, "negation_added": _negation_added,
        "negation_removed": _negation_removed, "date_shift": _date_shift, "new_name": _new_name,
    }
    for kind, fn in edits.items():
        v = fn(doc, rng)
        if v and v != src:
            out.append(Variant(kind, v, False, src))
    v = _speaker_swap(doc, rng, article_people)
    if v and v != src:
        out.append(Variant("speaker_swap", v, False, src))
    return out

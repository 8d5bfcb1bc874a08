"""The checks a claim passes against its evidence: numbers and qualifiers, names, dates, negation,
modality and attribution. Each returns :class:`Problem` objects; none means the check passed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..facts.dates import MONTHS, WEEKDAYS
from ..facts.numbers import parse_number
from ..facts.quotes import CUE_LEMMAS

NUMERIC = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
NAMES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
_QUAL_CLASS = {
    "more than": "lower", "over": "lower", "at least": "lower", "above": "lower", "just over": "lower",
    "well over": "lower", "less than": "upper", "fewer than": "upper", "under": "upper", "below": "upper",
    "up to": "upper", "at most": "upper", "nearly": "upper", "almost": "upper", "just under": "upper",
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx", "exactly": "exact",
}
_QUAL_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _QUAL_CLASS), key=len, reverse=True)) + r")\s+$", re.IGNORECASE)
_CERTAIN = {"will", "shall", "must", "wo"}
_POSSIBLE = {"may", "might", "could", "can", "ca"}
_NEG_WORDS = {"not", "n't", "never", "no"}


@dataclass
class Problem:
    kind: str  # number, qualifier, name, date, negation, modality, speaker, evidence
    message: str
    claim: str
    original: Optional[str] = None
    contradicts: bool = True


@dataclass
class Num:
    text: str
    value: float
    qualifier: str  # class: lower, upper, approx, exact
    unit: str
    context: frozenset = frozenset()  # lemmas of the words the number attaches to


def _numbers(tokens, text: str) -> list[Num]:
    """Numbers in a token span, with the class of the qualifier before them."""
    out = []
    doc = tokens.doc
    seen: set[int] = set()
    for e in doc.ents:
        if e.start < tokens.start or e.end > tokens.end or e.label_ not in NUMERIC:
            continue
        t = e.text
        if t.lower() in ("one", "a", "an"):
            continue  # "one of those", "a" : not figures
        nxt = doc[e.end] if e.end < len(doc) else None
        if nxt is not None and nxt.lower_ in ("m", "bn", "k", "mn") and not doc[e.end - 1].whitespace_:
            t += nxt.text
        v = _value(t, e.label_)
        if v is None:
            continue
        seen.update(range(e.start, e.end))
        out.append(Num(t, v, _qualifier(doc, e.start_char, t), _unit(t, e.label_), _context(e.root)))
    for tok in tokens:
        if tok.i in seen or not tok.like_num or tok.ent_type_ in ("DATE", "TIME"):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        text = tok.text + (nxt.text if nxt is not None and nxt.lower_ in ("m", "bn", "k", "million", "billion") and not tok.whitespace_ else "")
        if nxt is not None and nxt.lower_ in ("million", "billion", "thousand") and tok.whitespace_:
            text = tok.text + " " + nxt.text
        v = _value(text, "CARDINAL")
        if v is not None:
            out.append(Num(tok.text, v, _qualifier(doc, tok.idx, tok.text), "count", _context(tok)))
    return out


def _context(tok) -> frozenset:
    """The number's head word and that word's head: what it counts and what happened to it."""
    heads = [tok.head, tok.head.head]
    return frozenset(h.lemma_.lower() for h in heads if h.is_alpha and not h.is_stop)


def _value(text: str, label: str) -> Optional[float]:
    score = re.fullmatch(r"(\d{1,3})\s*[-–]\s*(\d{1,3})", text.strip())
    if score:  # a score or a range written as 2-1: compare as a whole
        return 1e9 + 1000 * int(score.group(1)) + int(score.group(2))
    m = re.search(r"(\d+)(?:st|nd|rd|th)\b", text)
    if label == "ORDINAL" and m:
        return float(m.group(1))
    cleaned = re.sub(r"^(?:" + "|".join(map(re.escape, _QUAL_CLASS)) + r")\s+", "", text.strip(), flags=re.IGNORECASE)
    v, _ = parse_number(cleaned.replace("%", ""))
    return v


def _unit(text: str, label: str) -> str:
    if "%" in text or "percent" in text.lower() or "per cent" in text.lower() or label == "PERCENT":
        return "percent"
    if label == "MONEY" or re.search(r"[$£€¥]", text):
        return "money"
    return "count"


def _qualifier(doc, start_char: int, ent_text: str) -> str:
    low = ent_text.lower()
    for q, cls in sorted(_QUAL_CLASS.items(), key=lambda kv: -len(kv[0])):
        if low.startswith(q + " "):
            return cls
    before = doc.text[max(0, start_char - 16):start_char]
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
            if elsewhere and (not other or any(a.context & n.context for a in elsewhere)):
                continue  # from another part of the article, about the same thing
            if other:
                problems.append(Problem("number", f"'{n.text}' is not in the original, which says '{other[0].text}'", n.text, other[0].text))
            else:
                problems.append(Problem("number", f"'{n.text}' does not appear in the original", n.text, None, contradicts=False))
            continue
        if all(e.qualifier != n.qualifier for e in same):
            e = same[0]
            if n.qualifier == "approx" and e.qualifier == "exact" or n.qualifier == "exact" and not _explicit_exact(claim, n):
                continue  # hedging an exact figure, or leaving a qualifier out, says no more than the original
            problems.append(Problem("qualifier", f"'{n.text}' ({n.qualifier}) but the original says '{_with_qual(e)}' ({e.qualifier})", n.text, e.text))
    return problems


def _explicit_exact(claim, n: Num) -> bool:
    return bool(re.search(r"\bexactly\s+" + re.escape(n.text), claim.text, re.IGNORECASE))


def _with_qual(n: Num) -> str:
    return n.text


def _name_tokens(text: str) -> list[str]:
    text = re.sub(r"(?:'s|’s)$", "", text.strip())
    return [w.lower() for w in re.findall(r"\w[\w.'-]*", text) if w.lower() not in ("the", "of", "and", "'s")]


def check_names(claim, evidence: list, article_words: set[str]) -> list[Problem]:
    problems = []
    for e in claim.doc.ents:
        if e.start < claim.start or e.end > claim.end or e.label_ not in NAMES:
            continue
        words = _name_tokens(e.text)
        if not words:
            continue
        if e.label_ == "PERSON":
            ok = words[-1] in article_words or words[0] in article_words
        else:
            ok = all(w in article_words for w in words)
        if not ok:
            problems.append(Problem("name", f"'{e.text}' is not mentioned in the original", e.text, None, contradicts=False))
    # capitalised words the entity recogniser missed ("Mr Odile Marchbank", "the Ingrid Pellow win")
    flagged = {w for p in problems for w in _name_tokens(p.claim)}
    for t in claim:
        low = t.lower_
        if (t.pos_ == "PROPN" and t.text[:1].isupper() and t.i > claim.start and not t.is_sent_start and t.is_alpha
                and low not in article_words and low not in flagged and low not in WEEKDAYS and low not in MONTHS):
            problems.append(Problem("name", f"'{t.text}' is not mentioned in the original", t.text, None, contradicts=False))
            flagged.add(low)
    problems += _role_swaps(claim, evidence)
    return problems


def _anchor(tok) -> tuple[str, str]:
    """Where a name attaches: (relation, governing lemma); through a preposition to its head."""
    head = tok.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        return (head.lower_, head.head.lemma_.lower())
    if tok.dep_ == "poss":
        return ("poss", head.lemma_.lower())
    return (tok.dep_, head.lemma_.lower())


def _name_anchors(span) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for e in span.doc.ents:
        if e.start < span.start or e.end > span.end or e.label_ not in NAMES:
            continue
        key = " ".join(_name_tokens(e.text))
        if key:
            out.setdefault(key, set()).add(_anchor(e.root))
    return out


def _role_swaps(claim, evidence: list) -> list[Problem]:
    """Two names of the original trading places: each now attached where the other was."""
    c = _name_anchors(claim)
    e: dict[str, set[tuple[str, str]]] = {}
    for span in evidence:
        for k, v in _name_anchors(span).items():
            e.setdefault(k, set()).update(v)
    problems = []
    for name, anchors in c.items():
        if name not in e or anchors & e[name]:
            continue
        for anchor in anchors:
            rivals = [m for m, ev_anchors in e.items() if m != name and anchor in ev_anchors and m in c and not (c[m] & ev_anchors)]
            if rivals:
                problems.append(Problem("name", f"'{name}' is where the original has '{rivals[0]}' ({anchor[0]} {anchor[1]}): names swapped", name, rivals[0]))
                break
    return problems


def _date_words(span) -> list[tuple[str, str]]:
    """(kind, word) of weekday, month and year words in a span's DATE entities (or bare)."""
    out = []
    for t in span:
        low = t.lower_
        if low in WEEKDAYS:
            out.append(("weekday", low))
        elif low in MONTHS and len(low) > 3 and (t.ent_type_ == "DATE" or t.text[:1].isupper()):
            out.append(("month", low))
        elif re.fullmatch(r"(1[89]|20)\d\d", t.text) and t.ent_type_ == "DATE":
            out.append(("year", t.text))
    return out


def check_dates(claim, evidence: list, article_lower: str) -> list[Problem]:
    problems = []
    ev_words = [w for span in evidence for w in _date_words(span)]
    for kind, word in _date_words(claim):
        if any(w == word for _, w in ev_words):
            continue
        other = [w for k, w in ev_words if k == kind]
        if other:
            problems.append(Problem("date", f"'{word}' but the original says '{other[0]}'", word, other[0]))
        elif not re.search(r"\b" + re.escape(word) + r"\b", article_lower):
            problems.append(Problem("date", f"'{word}' does not appear in the original", word, None, contradicts=False))
    return problems


def _args_of(v) -> set[str]:
    """Content lemmas of a verb's subject and object phrases."""
    out = set()
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "acomp", "pobj", "prep", "agent", "xcomp"):
            out |= {t.lemma_.lower() for t in c.subtree if t.is_alpha and not t.is_stop} | {t.lower_ for t in c.subtree if t.like_num}
    return out


def _key(v) -> str:
    """What a clause asserts: the verb's lemma, or for be/have/do and 'are to' the complement's."""
    lemma = v.lemma_.lower()
    if lemma in ("be", "have", "do", "get", "seem", "become"):
        comp = next((c for c in v.children if c.dep_ in ("attr", "acomp", "dobj", "xcomp", "oprd")), None)
        if comp is not None:
            return comp.lemma_.lower()
    return lemma


def _verb_features(span) -> dict[str, tuple[bool, set[str], set[str]]]:
    """clause key -> (negated, modals, argument lemmas) for the clauses of a span."""
    out: dict[str, tuple[bool, set[str], set[str]]] = {}
    for v in span:
        is_head = v.pos_ == "VERB" or v.pos_ == "AUX" and v.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp")
        if not is_head:
            continue
        neg = any(c.dep_ == "neg" or c.lower_ == "never" for c in v.children)
        neg = neg or any(c.dep_ == "det" and c.lower_ == "no" for o in v.children if o.dep_ in ("dobj", "attr") for c in o.children)
        modals = {c.lower_ for c in v.children if c.dep_ == "aux" and c.tag_ == "MD"}
        key = _key(v)
        prev = out.get(key)
        out[key] = (neg or (prev[0] if prev else False), modals | (prev[1] if prev else set()), _args_of(v) | (prev[2] if prev else set()))
    return out


def check_negation_and_modality(claim, evidence: list) -> list[Problem]:
    problems = []
    ev: dict[str, list[tuple[bool, set[str], set[str]]]] = {}
    for span in evidence:
        for lemma, f in _verb_features(span).items():
            ev.setdefault(lemma, []).append(f)
    ev_any_neg = any(f[0] for fs in ev.values() for f in fs)
    for lemma, (neg, modals, args) in _verb_features(claim).items():
        if neg and lemma not in ev and not ev_any_neg:
            problems.append(Problem("negation", f"the claim negates '{lemma}'; the original has no negation there", lemma, None, contradicts=False))
            continue
        if lemma not in ev or lemma in ("be", "have", "do"):
            continue
        same = [f for f in ev[lemma] if f[2] & args or not args]
        if not same:
            continue  # the same verb about other things
        ev_negs = {f[0] for f in same}
        if neg not in ev_negs:
            said = "negates" if neg else "drops the negation of"
            problems.append(Problem("negation", f"the claim {said} '{lemma}'", lemma, lemma))
        ev_modals = set().union(*(f[1] for f in same))
        if modals & _CERTAIN and ev_modals & _POSSIBLE and not ev_modals & _CERTAIN:
            problems.append(Problem("modality", f"'{'/'.join(sorted(modals))} {lemma}' but the original says '{'/'.join(sorted(ev_modals))} {lemma}'", lemma, lemma))
        elif not modals and ev_modals & _POSSIBLE and not ev_modals & _CERTAIN and not neg:
            problems.append(Problem("modality", f"'{lemma}' stated as fact but the original says '{'/'.join(sorted(ev_modals))} {lemma}'", lemma, lemma))
    return problems


def _speakers(span, people_only: bool = False) -> set[str]:
    out = set()
    for v in span:
        if v.lemma_.lower() in CUE_LEMMAS and v.pos_ == "VERB":
            for c in v.children:
                if c.dep_ == "nsubj" and (not people_only or c.ent_type_ == "PERSON"):
                    out.add(c.text.lower())
        if v.lower_ == "according" and v.i + 1 < len(v.doc) and v.doc[v.i + 1].lower_ == "to":
            for o in v.doc[v.i + 1].children:
                if o.dep_ == "pobj":
                    out.add(o.text.lower())
    return out


def check_attribution(claim, evidence: list) -> list[Problem]:
    said = {s for s in _speakers(claim, people_only=True) if s not in ("he", "she", "they", "it", "i", "we", "who", "which")}
    if not said:
        return []
    ev_speakers = set().union(*(_speakers(s) for s in evidence)) if evidence else set()
    named_ev = set().union(*(_speakers(s, people_only=True) for s in evidence)) if evidence else set()
    if not named_ev or said & ev_speakers:
        return []
    return [Problem("speaker", f"attributed to '{', '.join(sorted(said))}' but the original's speaker is '{', '.join(sorted(named_ev))}'", ", ".join(sorted(said)), ", ".join(sorted(named_ev)))]

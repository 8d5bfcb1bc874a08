"""The checks a claim passes against its evidence: numbers and qualifiers, names, dates, negation,
modality and attribution. Each returns :class:`Problem` objects; none means the check passed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..facts.dates import MONTHS, WEEKDAYS
from ..facts.numbers import parse_number
from ..facts.quotes import CUE_LEMMAS
from ..nlp import ents

NAMES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
_QUAL_CLASS = {
    "more than": "lower", "over": "lower", "at least": "lower", "above": "lower", "just over": "lower",
    "well over": "lower", "less than": "upper", "fewer than": "upper", "under": "upper", "below": "upper",
    "up to": "upper", "as many as": "upper", "as much as": "upper", "at most": "upper", "nearly": "upper", "almost": "upper", "just under": "upper",
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx", "exactly": "exact",
}
_QUAL_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _QUAL_CLASS), key=len, reverse=True)) + r")\s+$", re.IGNORECASE)
_CERTAIN = {"will", "shall", "must", "wo"}
_OBLIGED = {"must", "should", "ought"}  # 'must pay back' for 'was ordered to pay back'
_POSSIBLE = {"may", "might", "could", "can", "ca"}


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


def _per_span(span, fn):
    """``fn(span)``, computed once per span of a Doc (an original's sentences are evidence for
    many claims)."""
    cache = span.doc.user_data.setdefault("corefact_" + fn.__name__, {})
    key = (span.start, span.end)
    if key not in cache:
        cache[key] = fn(span)
    return cache[key]


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



_POSSESSIVE = r"(?:'s|’s|')$"  # "Arsenal's", "Jones'"


def _name_tokens(text: str) -> list[str]:
    words = (re.sub(_POSSESSIVE, "", w).rstrip(".") for w in re.findall(r"\w[\w.'’-]*", text.strip()))
    return [w.lower() for w in words if w and w.lower() not in ("the", "of", "and")]


_ABBREVIATIONS = {"man": "manchester", "utd": "united", "intl": "international", "univ": "university", "govt": "government", "dept": "department"}
_SEASONS = {"spring", "summer", "autumn", "winter", "fall"}


_ACRONYM_RUN = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:(?:of|for|and|the|de)\s+)*[A-Z][\w'-]*)+")


@lru_cache(maxsize=8)
def _acronyms(text: str) -> frozenset[str]:
    """Initials of the runs of capitalised words in a text, lower-cased ('Self Defense Force' ->
    'sdf', 'Office for National Statistics' -> 'ons')."""
    out = set()
    for m in _ACRONYM_RUN.finditer(text):
        caps = [w for w in m.group(0).split() if w[:1].isupper()]
        for i in range(len(caps)):
            for j in range(i + 2, min(len(caps), i + 6) + 1):
                out.add("".join(w[0] for w in caps[i:j]).lower())
    return frozenset(out)


def _name_words(entity, article_words: set[str], known: set[str]) -> list[str]:
    """The words of a name the original must have: abbreviations spelled out ('Utd' -> 'united'),
    figures left to the number check ('3.6million Britons'; 'Radio 3' keeps its 3), acronyms the
    original spells out left aside ('SDF') unless nothing else is left."""
    words = [w if w in article_words else _ABBREVIATIONS.get(w, w) for w in _name_tokens(entity.text)]
    words = [w for w in words if not (entity.label_ in ("NORP", "PERSON") and any(ch.isdigit() for ch in w)
                                      or re.fullmatch(r"\d[\d.,]*[a-z]+", w))]
    return [w for w in words if w not in known or w in article_words] or words[:1]


def check_names(claim, evidence: list, article_words: set[str], article_text: str = "") -> list[Problem]:
    problems = []
    known = article_words | _acronyms(article_text) | _acronyms(claim.text)
    for e in ents(claim.doc):
        if e.start < claim.start or e.end > claim.end or e.label_ not in NAMES:
            continue
        words = _name_words(e, article_words, known)
        if not words:
            continue
        if len(words) == 1 and words[0] in known:
            ok = True  # 'SDF' for the original's 'Self Defense Force'
        elif e.label_ == "PERSON":
            ok = words[-1] in article_words or words[0] in article_words
        elif e.label_ in ("NORP", "GPE", "LOC"):  # 'German' for the original's 'Germany', 'Europe' for 'European'
            ok = all(w in article_words or len(w) >= 5 and any(a.startswith(w[:5]) for a in article_words) for w in words)
        else:
            ok = all(w in article_words for w in words)
        if not ok:
            problems.append(Problem("name", f"'{e.text}' is not mentioned in the original", e.text, None, contradicts=False))
    # capitalised words the entity recogniser missed ("Mr Odile Marchbank", "the Ingrid Pellow win")
    flagged = {w for p in problems for w in _name_tokens(p.claim)}
    for t in claim:
        low = t.lower_
        if (t.pos_ == "PROPN" and t.text[:1].isupper() and t.i > claim.start and not t.is_sent_start and t.is_alpha
                and len(low) > 2 and low not in _SEASONS
                and low not in known and _ABBREVIATIONS.get(low, low) not in known and low not in flagged and low not in WEEKDAYS and low not in MONTHS
                and not _word_of(low, article_words)):
            problems.append(Problem("name", f"'{t.text}' is not mentioned in the original", t.text, None, contradicts=False))
            flagged.add(low)
    if article_text:
        problems += _pieced_names(claim, article_text) + _numbered_names(claim, article_text)
    problems += (_lexical_swaps(claim, evidence, article_text) or _role_swaps(claim, evidence) or _subject_swaps(claim, evidence)
                 or _mirrored_swaps(claim, evidence) or _reversed_phrases(claim, article_text))
    return problems


def _numbered_names(claim, article_text: str) -> list[Problem]:
    """A name whose number is part of it ('BBC Radio 3', 'Channel 4') where the original gives the
    same name another number ('Radio 1'): the number check sees only '3', which may count something
    else in the original ('three shows')."""
    problems = []
    for t in claim:
        if not (t.text.isdigit() and t.i > claim.start and t.i + 1 < len(t.doc)):
            continue
        name = t.doc[t.i - 1]
        if name.pos_ != "PROPN" or name.is_sent_start or not name.text[:1].isupper() or name.lower_ in MONTHS or t.doc[t.i + 1].text in ("-", "–"):
            continue
        written = re.findall(rf"\b{re.escape(name.text)}\s+(\d+)(?:'?s)?\b", article_text)  # 'Under 18s'
        if written and t.text not in written:
            problems.append(Problem("name", f"'{name.text} {t.text}' but the original says '{name.text} {written[0]}'", f"{name.text} {t.text}", f"{name.text} {written[0]}"))
    return problems


@lru_cache(maxsize=4096)
def _always_before(word: str, article_text: str) -> str:
    """The one capitalised word the original always writes right after a word ('raheem' ->
    'Sterling': a first name and its surname); '' when there is none."""
    after = {m.group(1) or "" for m in re.finditer(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])(?:\s+(\w+))?", article_text, re.IGNORECASE)}
    if len(after) == 1:
        (w,) = after
        if w[:1].isupper():
            return w
    return ""


def _word_of(word: str, article_words: set[str]) -> bool:
    """A longer word of the original that begins with this one ('Europe' for 'European', 'Samuel'
    for 'Samuels'): the same name in another form."""
    return len(word) >= 5 and any(len(a) - len(word) <= 3 and a.startswith(word) for a in article_words)


def _pieced_names(claim, article_text: str) -> list[Problem]:
    """A name made of words the original gives other names ('Raheem Liverpool' where it has
    'Raheem Sterling', 'Ozil Mesut' for 'Mesut Ozil'): a word the original always follows with one
    surname, followed here by another word while that surname is elsewhere in the claim."""
    words = [t for t in claim if t.is_alpha]
    claim_lower = {t.lower_ for t in words}
    for t, nxt in zip(words, words[1:] + [None]):
        if t.pos_ != "PROPN" or not t.text[:1].isupper():
            continue
        if nxt is None or nxt.pos_ != "PROPN" and not (t.i > claim.start and t.doc[t.i - 1].pos_ == "PROPN"):
            continue  # a first name alone ('Raheem') is not a new name
        surname = _always_before(t.lower_, article_text)
        if surname and (nxt is None or nxt.lower_ != surname.lower()) and surname.lower() in claim_lower:
            name = t.text + (" " + nxt.text if nxt is not None and nxt.pos_ == "PROPN" else "")
            return [Problem("name", f"'{name}': the original always writes '{t.text}' before '{surname}': names mixed up", name, None)]
    return []


def _anchor(tok) -> tuple[str, str]:
    """Where a name attaches: (relation, governing lemma); through a preposition to its head, and
    for a member of a list ('A, B and C') where the list attaches."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        return (head.lower_, head.head.lemma_.lower())
    if tok.dep_ == "poss":
        return ("poss", head.lemma_.lower())
    return (tok.dep_, head.lemma_.lower())


def _keyed_names(span, labels=NAMES):
    """(key, entity) for the name entities inside a span, keyed by their last word: 'Radamel Falcao'
    and 'Falcao' are one name."""
    for e in ents(span.doc):
        if span.start <= e.start and e.end <= span.end and e.label_ in labels:
            words = _name_tokens(e.text)
            if words:
                yield words[-1], e


def _name_anchors(span) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for key, e in _keyed_names(span):
        anchor = _anchor(e.root)
        out.setdefault(key, set()).add(anchor)
        if anchor[0] == "nsubj":  # 'Gribbin made and scored the first': the subject of 'scored' too
            verb = e.root.head
            out[key].update(("nsubj", c.lemma_.lower()) for c in verb.children
                            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(d.dep_.startswith("nsubj") for d in c.children))
            # 'Hazard scored the opening goal' says what 'Hazard's opening goal' says
            out[key].update(("poss", c.lemma_.lower()) for c in verb.children
                            if c.dep_ == "dobj" and c.pos_ == "NOUN" and not any(d.dep_ == "poss" for d in c.children))
    return out


_GENERIC = {"the", "a", "an", "of", "and", "in", "on", "at", "for", "to", "by", "with", "from", "said", "says",
            "told", "was", "is", "has", "had", "who", "that", "as", "but", ""}


@lru_cache(maxsize=1024)
def _contexts(name: str, text: str) -> frozenset[tuple[str, str]]:
    """(word before, word after) of each occurrence of a name in a text, lower-cased; a 'the'
    before the name is skipped, so 'the Blues' and 'Blues' share their context."""
    out = set()
    for m in re.finditer(r"(?<![\w'])" + re.escape(name) + r"(?![\w])", text):
        before = [w for w in re.findall(r"[\w']+", text[max(0, m.start() - 40):m.start()])]
        if before and before[-1] == "the":
            before.pop()
        after = re.findall(r"[\w]+", text[m.end():m.end() + 40])
        if after and after[0] == "s":  # possessive 's
            after.pop(0)
        out.add((before[-1] if before else "", after[0] if after else ""))
    return frozenset(out)


def _span_names(span) -> set[str]:
    """The names of a span: its entities and runs of proper nouns (and their longer words)."""
    found = set()
    for e in ents(span.doc):
        if span.start <= e.start and e.end <= span.end and e.label_ in NAMES:
            found.add(re.sub(r"^(?:the|The)\s+|" + _POSSESSIVE, "", e.text))
    run: list[str] = []
    for t in list(span) + [None]:
        if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper():
            run.append(t.text)
            continue
        if run:
            found.add(" ".join(run))
            found.update(w for w in run if len(w) > 3)  # 'London' of 'London Olympic Games'
        run = []
    return found


def _swap_names(claim, evidence: list) -> list[str]:
    """Names in both the claim and its evidence, as the original writes them (its entities and
    runs of proper nouns), longest first."""
    found = set().union(*(_per_span(span, _span_names) for span in evidence)) if evidence else set()
    c_text = claim.text
    return sorted((n for n in found if len(n) > 1 and n in c_text and re.search(r"(?<![\w'])" + re.escape(n) + r"(?![\w])", c_text)), key=len, reverse=True)


# 'the ex-Clippers used the money': a name with such a prefix stands for someone else (its former owner)
_PREFIXED = r"\b(?:ex|pro|anti|non)-"


def _lexical_swaps(claim, evidence: list, article_text: str = "") -> list[Problem]:
    """A name standing in the words another name has in the original ('Chelsea physio Blues was
    hopeful' where the original has 'Chelsea physio Mike Banks was hopeful', and Mike Banks now
    in the Blues' place): the claim's context of the name is one the original gives another name
    of the claim, and never this one."""
    if sum(1 for t in claim if t.text[:1].isupper()) < 2:
        return []  # two names are needed to swap
    c_text = claim.text.lower()
    names = [n for n in _swap_names(claim, evidence) if not re.search(_PREFIXED + re.escape(n.lower()) + r"\b", c_text)]
    e_text = " ".join(s.text for s in evidence).lower()
    a_text = (article_text or e_text).lower()
    for a in names:
        la = a.lower()
        ca = {c for c in _contexts(la, c_text) if not (c[0] in _GENERIC and c[1] in _GENERIC) and not {"and", "or", "nor"} & set(c)}
        ca -= _contexts(la, e_text)
        if ca:
            ca -= _contexts(la, a_text)
        if not ca:
            continue
        for b in names:
            lb = b.lower()
            if lb == la or lb in la or la in lb:
                continue
            if ca & _contexts(lb, e_text):
                return [Problem("name", f"'{a}' stands where the original has '{b}': names swapped", a, b)]
    # one side is enough when it is a telling word: a title before ('leaders Middlesbrough' for
    # 'leaders United'), a verb after ('Champions Cup missed' for 'Hughes missed')
    telling = ({t.lower_ for t in claim if t.pos_ == "NOUN"}, {t.lower_ for t in claim if t.pos_ == "VERB"})
    for a in names:
        la = a.lower()
        if any(la in n.lower() and n.lower() != la for n in names):
            continue  # 'Redknapp' of 'Jamie Redknapp': the whole name is judged
        if re.search(r"(?:,|\band|\bor)\s+" + re.escape(la) + r"\b|\b" + re.escape(la) + r"\s*(?:,|and\b|or\b)", c_text):
            continue  # a member of a list
        ca = {c for c in _contexts(la, c_text) if not {"and", "or", "nor"} & set(c)} - _contexts(la, e_text)
        if not ca:
            continue  # every context of the name is the evidence's own
        seen = _contexts(la, a_text)
        for side in (0, 1):
            words = ({c[side] for c in ca} - {c[side] for c in seen} - _GENERIC) & telling[side]
            for b in names:
                lb = b.lower()
                if lb == la or lb in la or la in lb or re.search(re.escape(la) + r"\W+" + re.escape(lb) + "|" + re.escape(lb) + r"\W+" + re.escape(la), c_text):
                    continue  # one name ('Bayern Munich'), not two
                shared = words & {c[side] for c in _contexts(lb, e_text)}
                if shared:
                    w = sorted(shared)[0]
                    where = f"'{w} {b}'" if side == 0 else f"'{b} {w}'"
                    return [Problem("name", f"'{a}' stands where the original has {where}: names swapped", a, b)]
    return []


def _written(span) -> dict[str, str]:
    """A span's names by key (last word, lower-cased) -> as the span writes them, for messages."""
    out: dict[str, str] = {}
    for key, e in _keyed_names(span):
        out.setdefault(key, re.sub(_POSSESSIVE, "", e.text))
    return out


def _role_swaps(claim, evidence: list) -> list[Problem]:
    """Two names of the original trading places: each now attached where the other was."""
    c = _per_span(claim, _name_anchors)
    places = {key for key, _ in _keyed_names(claim, ("GPE", "LOC"))}
    e: dict[str, set[tuple[str, str]]] = {}
    for span in evidence:
        for k, v in _per_span(span, _name_anchors).items():
            e.setdefault(k, set()).update(v)
    listing = claim.text.count(";") >= 2
    problems = []
    for name, anchors in c.items():
        if anchors & e.get(name, set()) or re.match(_PREFIXED, name):
            continue
        for anchor in anchors:
            if anchor[0] == "appos" and listing:
                continue  # 'director - Martin Scorsese; actor - Jamie Foxx': list items parsed as appositions
            rivals = [m for m, ev_anchors in e.items() if m != name and anchor in ev_anchors and m in c and not (c[m] & ev_anchors)
                      and not ({name, m} <= places and re.search(rf"\b{re.escape(name)}\W{{1,3}}{re.escape(m)}\b|\b{re.escape(m)}\W{{1,3}}{re.escape(name)}\b", claim.text.lower()))]
            if rivals:
                written = _written(claim)
                a, b = written.get(name, name), written.get(rivals[0], rivals[0])
                problems.append(Problem("name", f"'{a}' stands where the original has '{b}' (with '{anchor[1]}'): names swapped", a, b))
                break
    return problems


_LOOSE = {"compound", "flat", "appos", "dep", "ROOT", "npadvmod", "nmod", "conj", "punct"}


def _mirrored_swaps(claim, evidence: list) -> list[Problem]:
    """Two names of the claim each where the other stands somewhere in the original, and neither
    ever where the claim puts it ('Parents of Tsarnaev argue against the death penalty for Richard'
    where the original has the parents of Richard and the death penalty for Tsarnaev): the whole
    article is searched, for rewrites that say it in other sentences than any one of the original."""
    if not evidence:
        return []
    c = _per_span(claim, _name_anchors)
    whole = _per_span(evidence[0].doc[:], _name_anchors)
    for a, a_anchors in c.items():
        for b, b_anchors in c.items():
            if a >= b or a in b or b in a:
                continue
            only_a = {x for x in a_anchors - whole.get(a, set()) if x[0] not in _LOOSE}
            only_b = {x for x in b_anchors - whole.get(b, set()) if x[0] not in _LOOSE}
            if only_a & whole.get(b, set()) and only_b & whole.get(a, set()):
                x = sorted(only_a & whole.get(b, set()))[0]
                written = _written(claim)
                a, b = written.get(a, a), written.get(b, b)
                return [Problem("name", f"'{a}' stands where the original has '{b}' (with '{x[1]}'), and '{b}' where it has '{a}': names swapped", a, b)]
    return []


_SYMMETRIC = {"and", "or", "nor", "with", "v", "vs", "versus", "the", "both", "between"}
_NEAR_CHARS = 30  # the words between two names of one phrase


def _reversed_phrases(claim, article_text: str) -> list[Problem]:
    """Two names close together in the claim that the original has the other way round, in the
    same words ('from Mexico to Russia' where the original has 'from Russia to Mexico',
    'Balochistan's Pakistan province' for 'Pakistan's Balochistan province'), and never the claim's
    way. Names joined only by 'and', 'with', 'v' or commas may come in either order."""
    if not article_text:
        return []
    text, lower = claim.text, _spaced(article_text)
    found = []
    for name in _span_names(claim):
        if len(name) > 2 and name.lower() in lower:
            found += [(m.start(), m.end()) for m in re.finditer(r"(?<![\w'])" + re.escape(name) + r"(?![\w])", text)]
    for s1, e1 in sorted(found):
        for s2, e2 in sorted(found):
            between = text[e1:s2]
            if not 0 < len(between) <= _NEAR_CHARS or set(re.findall(r"\w+", between.lower())) <= _SYMMETRIC:
                continue
            a, b = text[s1:e1], text[s2:e2]
            if a.lower() in b.lower() or b.lower() in a.lower():
                continue
            said, reversed_ = _spaced(text[s1:e2]), _spaced(b + between + a)
            if reversed_ in lower and said not in lower:
                return [Problem("name", f"'{text[s1:e2]}' where the original has '{b + between + a}': names swapped", a, b)]
    return []


@lru_cache(maxsize=64)
def _spaced(text: str) -> str:
    return " ".join(text.lower().split())


def _clause_subject(tok):
    """The verb whose subject (or passive agent) a name is, else None: 'Hart labelled Buffon' ->
    labelled for Hart; a name inside a longer name or in apposition counts as that name."""
    while (tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN" or tok.dep_ in ("appos", "conj")) and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("nsubj", "csubj"):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    return None


def _subjects(span) -> dict[str, list[tuple[object, Optional[object]]]]:
    """The names of a span (by last word: 'Falcao' for 'Radamel Falcao') -> each mention as (its
    root token, the verb it is the subject of or None)."""
    out: dict[str, list] = {}
    for key, e in _keyed_names(span):
        out.setdefault(key, []).append((e.root, _clause_subject(e.root)))
    return out


_NEAR = 12  # tokens: beyond, run-on captions make anything look like a verb's object


def _governed(verb, mentions, subject=None) -> bool:
    """Whether a name (not as a subject) is in the clause of a verb, near it: below it, not in a
    clause joined to it by 'and', and not part of the subject's own phrase ('Kluivert's Curacao')."""
    for tok, subject_of in mentions:
        if subject_of is not None or abs(tok.i - verb.i) > _NEAR:
            continue
        if subject is not None and subject.left_edge.i <= tok.i <= subject.right_edge.i:
            continue
        while tok.i != verb.i and tok.head.i != tok.i and not (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
            tok = tok.head
        if tok.i == verb.i:
            return True
    return False


def _subject_swaps(claim, evidence: list) -> list[Problem]:
    """A name made the subject of a clause where the original has another name of the claim as the
    subject of the clause holding the first ('Buffon is inspired by Hart' where it has 'Hart
    labelled Buffon a legend'), and never the first as the subject of a clause holding the second."""
    if not evidence:
        return []
    c = _per_span(claim, _subjects)
    ev = [_per_span(span, _subjects) for span in evidence]
    whole = _per_span(evidence[0].doc[:], _subjects)
    for a, mentions in c.items():
        for a_tok, verb in mentions:
            if verb is None:
                continue
            for b, b_mentions in c.items():
                if a in b or b in a or not _governed(verb, b_mentions, a_tok) or any(v is not None for _, v in b_mentions):
                    continue
                if any(w is not None and _governed(w, whole.get(b, ())) for _, w in whole.get(a, ())):
                    continue  # the original has the claim's way round too
                if any(w is not None and _governed(w, e.get(a, ())) for e in ev for _, w in e.get(b, ())):
                    name_a, name_b = mentions[0][0].text, b_mentions[0][0].text
                    return [Problem("name", f"'{name_a}' is made the subject where the original has '{name_b}' as the subject and '{name_a}' in its clause: names swapped", name_a, name_b)]
    return []


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


def _args_of(v) -> set[str]:
    """Content lemmas of a verb's subject and object phrases."""
    out = set()
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "acomp", "pobj", "prep", "agent", "xcomp"):
            out |= {t.lemma_.lower() for t in c.subtree if t.is_alpha and not t.is_stop} | {t.lower_ for t in c.subtree if t.like_num}
    if v.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in v.children):
        for c in v.head.children:  # 'Gribbin made and scored the first': the subject is the first verb's
            if c.dep_ in ("nsubj", "nsubjpass"):
                out |= {t.lemma_.lower() for t in c.subtree if t.is_alpha and not t.is_stop}
    return out


def _key(v) -> str:
    """What a clause asserts: the verb's lemma, or for be/have/do and 'are to' the complement's."""
    lemma = v.lemma_.lower()
    if lemma in ("be", "have", "do", "get", "seem", "become"):
        comp = next((c for c in v.children if c.dep_ in ("attr", "acomp", "dobj", "xcomp", "oprd")), None)
        if comp is not None:
            return comp.lemma_.lower()
    return lemma


_IRREALIS = {"urge", "ask", "call", "want", "plan", "hope", "expect", "propose", "demand", "seek", "try", "aim", "intend", "threaten", "consider", "request", "recommend", "suggest"}


_DIRECTIVE = {"tell", "order", "advise", "instruct", "encourage", "persuade", "invite", "force", "allow"}


# verbs of asking and proposing: what they govern is only urged when it is an infinitive, a bare
# verb ('proposed that he resign'), a question ('asked whether') or a modal's ('suggested it should')
_PROPOSING = {"ask", "call", "demand", "propose", "recommend", "request", "suggest", "urge", "consider"}


def _irrealis(v) -> bool:
    """A clause only wished, urged or planned: 'urged lenders to suspend repayments', 'told patients
    to stop taking medication' (but 'told reporters that it stopped' reports a fact, and 'asked
    them to. He altered the answers', a caption run into a sentence, is no proposal of 'altered'). A
    present tense under a past 'proposed that' is the bare verb ('proposed that he resign')."""
    head = v.head.lemma_.lower()
    if v.dep_ == "ccomp" and head in _PROPOSING:
        bare = v.tag_ == "VB" or v.tag_ == "VBP" and v.head.tag_ == "VBD"  # 'proposed that he resign'
        return bare or any(c.dep_ == "mark" and c.lower_ in ("whether", "if") or c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD")
                           for c in v.children)
    return v.dep_ in ("xcomp", "ccomp") and head in _IRREALIS or v.dep_ == "xcomp" and head in _DIRECTIVE


def _verb_features(span) -> dict[str, tuple[bool, set[str], set[str], bool]]:
    """clause key -> (negated, modals, argument lemmas, irrealis) for the clauses of a span."""
    return _per_span(span, _find_verb_features)


def _find_verb_features(span) -> dict[str, tuple[bool, set[str], set[str], bool]]:
    out: dict[str, tuple[bool, set[str], set[str], bool]] = {}
    for v in span:
        is_head = v.pos_ == "VERB" or v.pos_ == "AUX" and v.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp")
        if not is_head:
            continue
        neg = any((c.dep_ == "neg" or c.lower_ == "never") and not _limiting(c) for c in v.children)
        neg = neg or v.dep_ == "xcomp" and v.head.lemma_.lower() in _NEGATIVE_VERBS  # 'refused to comment'
        neg = neg or any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NEGATIVE_SUBJECTS or any(d.lower_ in ("no", "neither") and not _before_number(d) for d in c.children if d.dep_ == "det"))
                         for c in v.children)  # 'Neither has been disciplined', 'No one was hurt'
        neg = neg or any(c.dep_ == "det" and c.lower_ == "no" for o in v.children if o.dep_ in ("dobj", "attr") for c in o.children)
        modals = {c.lower_ for c in v.children if c.dep_ == "aux" and c.tag_ == "MD"}
        key = _key(v)
        prev = out.get(key)
        irr = _irrealis(v) and (prev[3] if prev else True)
        out[key] = (neg or (prev[0] if prev else False), modals | (prev[1] if prev else set()), _args_of(v) | (prev[2] if prev else set()), irr)
    return out


_NEGATORS = {"not", "n't", "never", "no"}
_NEGATIVE_SUBJECTS = {"neither", "none", "nobody", "nothing", "noone"}
_NEGATIVE_VERBS = {"refuse", "fail", "decline", "neglect", "avoid", "cease", "stop"}
# Words by which an original can say no without 'not': a claim's 'not' may paraphrase them.
_NEGATIVE = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|nowhere|neither|nor|without|cannot|fail(?:s|ed|ing|ure)?|refus\w*|"
    r"den(?:y|ies|ied)|reject\w*|declin\w*|unable|lack\w*|absen\w*|yet to|instead|rather than|ruled? out|"
    r"unlikely|impossible|barred|banned|prevent\w*|stop(?:s|ped)?|avoid\w*|ignor\w*)\b|n't|n’t",
    re.IGNORECASE,
)
_LIMITERS = {"just", "only", "merely", "simply", "solely", "necessarily"}


def _limiting(neg) -> bool:
    """'not just', 'not only', 'was not the only thing': the clause still holds, so this is no
    negation of it."""
    after = [t.lower_ for t in neg.doc[neg.i + 1:neg.i + 3]]
    if after[:1] == ["the"]:
        after = after[1:]
    return bool(after) and after[0] in _LIMITERS


def _negation_bigrams(span) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(words around each negation, adjacent word pairs) of a span, as lemmas.

    'did not profit' gives the negated pair ('do', 'profit'); 'did profit' the plain pair."""
    words = [t.lower_ if t.lower_ in _NEGATORS else t.lemma_.lower() for t in span if not t.is_punct]
    negated, plain = set(), set()
    for i, w in enumerate(words):
        if w in _NEGATORS and 0 < i < len(words) - 1:
            negated.add((words[i - 1], words[i + 1]))
        if i + 1 < len(words):
            plain.add((w, words[i + 1]))
    return negated, plain


def _lexical_negation(claim, evidence: list) -> list[Problem]:
    """A negation dropped or added between the same two words ('but not all' -> 'but all')."""
    c_neg, c_plain = _negation_bigrams(claim)
    problems = []
    for span in evidence:
        e_neg, e_plain = _negation_bigrams(span)
        for pair in sorted(e_neg & c_plain - c_neg):
            problems.append(Problem("negation", f"the original says '{pair[0]} not {pair[1]}', the claim '{pair[0]} {pair[1]}'", " ".join(pair), f"{pair[0]} not {pair[1]}"))
        for pair in sorted(c_neg & e_plain - e_neg):
            problems.append(Problem("negation", f"the claim says '{pair[0]} not {pair[1]}', the original '{pair[0]} {pair[1]}'", f"{pair[0]} not {pair[1]}", " ".join(pair)))
    return problems[:1]


def _before_number(t) -> bool:
    """'No 1', 'no. 10': a number, not a negation."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is not None and (nxt.like_num or nxt.text == ".")


_NEGATIVE_WORDS = {"not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without", "cannot", "unable", "instead", "nowhere", "unlikely", "impossible"}
_NEGATIVE_LEMMAS = {"fail", "refuse", "deny", "reject", "decline", "lack", "prevent", "avoid"}
_DOUBT = {"question", "doubt"}  # verbs that say 'not so' about the clause they govern


def _negation_explained(lemma: str, args: set[str], ev: dict, evidence: list, claim_words: frozenset = frozenset(),
                        affirmed: frozenset = frozenset()) -> bool:
    """Whether the evidence says no about what a negated claim clause is about: a negated clause
    with its verb or its words, or with a verb the claim affirms while the evidence affirms the
    claim's negated one (the verbs crossed: 'the bags were recovered, but the gun has not been found'
    for 'the bags were found, but the rifle has not been recovered'), a negative word ('without',
    'refused', 'denied') followed within six words by one of them (or governed by one), or a verb of
    doubt ('questioned whether') with the claim clause's subject, governing words of the claim."""
    if any(f[0] and (key == lemma or f[2] & args) for key, fs in ev.items() for f in fs):
        return True
    if any(not f[0] for f in ev.get(lemma, [])) and any(f[0] for key in affirmed - {lemma} for f in ev.get(key, [])):
        return True
    about = args | {lemma}
    for span in evidence:
        toks = list(span)
        for i, t in enumerate(toks):
            if t.lemma_.lower() in _DOUBT:
                # 'The pundit questioned whether Arsenal can win with Giroud' for 'The pundit does not
                # believe Giroud can lead': the same subject doubts what the claim denies
                if _doubts(t, args, claim_words):
                    return True
            elif t.lower_ in _NEGATIVE_WORDS or t.lemma_.lower() in _NEGATIVE_LEMMAS:
                window = toks[i + 1:i + 7] + [t.head]  # a negation reaches forward, and to its head
                if any(w.lemma_.lower() in about or w.lower_ in about for w in window):
                    return True
    return False


def _doubts(verb, args: set[str], claim_words: frozenset) -> bool:
    """Whether a verb of doubt has a subject among a claim clause's words and governs words of the
    claim ('The pundit questioned whether Arsenal can win with Giroud', for a claim about what the
    pundit believes of Giroud)."""
    subject = {w.lemma_.lower() for c in verb.children if c.dep_ == "nsubj" for w in c.subtree}
    governed = {w.lemma_.lower() for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj") for w in c.subtree if not w.is_stop}
    return bool(subject & args and governed & claim_words)


_BELIEF = {"believe", "think", "expect", "trust"}


def _belief_doubted(claim_clauses: dict, evidence: list, claim_words: frozenset) -> list[Problem]:
    """A claim that someone believes what the original has them doubt ('The pundit does believe
    Giroud can lead' where the pundit questioned whether Arsenal can win with Giroud)."""
    for lemma, (neg, _, args, _) in claim_clauses.items():
        if neg or lemma not in _BELIEF:
            continue
        for span in evidence:
            for t in span:
                if t.lemma_.lower() in _DOUBT and _doubts(t, args, claim_words):
                    return [Problem("negation", f"the claim says '{lemma}' where the original doubts it ('{t.text}')", lemma, t.text)]
    return []


def _negation_lost(claim, claim_clauses: dict, ev: dict) -> list[Problem]:
    """An affirmative claim whose closest clause in the evidence is negated ('does want to leave
    Ajax this summer' for 'not interested in leaving Ajax Amsterdam at the end of the season')."""
    if any(f[0] for f in claim_clauses.values()) or _NEGATIVE.search(claim.text):
        return []
    roots = {_key(t) for t in claim if t.dep_ == "ROOT"}
    if any(not f[0] for r in roots for f in ev.get(r, [])):
        return []  # the claim's main clause is there, affirmative: it comes from that clause
    c_args = set().union(*(f[2] for f in claim_clauses.values())) if claim_clauses else set()
    one_name = {w: i for i, e in enumerate(claim.ents) for w in e.text.lower().split()}

    def overlap(args: set[str]) -> int:  # the words of one name count once: 'Old Trafford'
        return len({one_name.get(w, w) for w in args & c_args})

    best = max(((overlap(f[2]), f[0], lemma) for lemma, fs in ev.items() for f in fs), default=(0, False, ""))
    shared, negated, lemma = best
    ties = [f for fs in ev.values() for f in fs if overlap(f[2]) == shared and not f[0]]
    if negated and shared >= 2 and not ties:
        return [Problem("negation", f"the original says this with a negation ('{lemma}' negated); the claim has none", claim.text, f"not {lemma}", contradicts=False)]
    return []


def check_negation_and_modality(claim, evidence: list) -> list[Problem]:
    problems = _lexical_negation(claim, evidence)
    if problems:
        return problems
    ev: dict[str, list[tuple[bool, set[str], set[str], bool]]] = {}
    for span in evidence:
        for lemma, f in _verb_features(span).items():
            ev.setdefault(lemma, []).append(f)
    claim_clauses = _verb_features(claim)
    # 'orders him to pay': an infinitive of the claim states nothing as fact, however it is parsed
    infinitives = {_key(v) for v in claim if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)}
    claim_words = frozenset(t.lemma_.lower() for t in claim if t.is_alpha and not t.is_stop)
    lost = _negation_lost(claim, claim_clauses, ev) or _belief_doubted(claim_clauses, evidence, claim_words)
    if lost:
        return lost
    affirmed = frozenset(key for key, f in claim_clauses.items() if not f[0])
    for lemma, (neg, modals, args, irrealis) in claim_clauses.items():
        if not lemma.isalpha() or len(lemma) < 2:
            continue  # a tokenisation slip ("she ’ s"), not a clause
        comparable = lemma in ev and lemma not in ("be", "have", "do")
        same = [f for f in ev[lemma] if f[2] & args or not args or not f[2]] if comparable else []
        if not same:  # no clause of the evidence says the same thing: a 'not' must be answered
            if neg and not _negation_explained(lemma, args, ev, evidence, claim_words, affirmed):
                problems.append(Problem("negation", f"the claim negates '{lemma}'; the original has no negation there", lemma, None, contradicts=False))
            continue
        ev_negs = {f[0] for f in same}
        if neg not in ev_negs:
            said = "negates" if neg else "drops the negation of"
            problems.append(Problem("negation", f"the claim {said} '{lemma}'", lemma, lemma))
        if not irrealis and lemma not in infinitives and not modals & _OBLIGED and all(f[3] for f in same):
            problems.append(Problem("modality", f"'{lemma}' stated as fact but the original only reports it as urged, asked or planned", lemma, lemma))
            continue
        ev_modals = set().union(*(f[1] for f in same))
        if modals & _CERTAIN and ev_modals & _POSSIBLE and not ev_modals & _CERTAIN:
            problems.append(Problem("modality", f"'{'/'.join(sorted(modals))} {lemma}' but the original says '{'/'.join(sorted(ev_modals))} {lemma}'", lemma, lemma))
        elif not modals and lemma not in infinitives and ev_modals & _POSSIBLE and not ev_modals & _CERTAIN and not neg:
            problems.append(Problem("modality", f"'{lemma}' stated as fact but the original says '{'/'.join(sorted(ev_modals))} {lemma}'", lemma, lemma))
    return problems


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

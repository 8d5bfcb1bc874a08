"""The name check: names the original does not mention, names pieced together from others, and
names swapped (in their words, their roles, as subjects, mirrored, or reversed in a phrase)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..facts.dates import MONTHS, WEEKDAYS
from ..nlp import ents
from .problem import Problem, _per_span

NAMES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}


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

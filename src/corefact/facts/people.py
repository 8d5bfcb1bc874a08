"""People, organisations and places: each once, with all mentions merged."""

from __future__ import annotations

import re
from typing import Optional

from ..model import Entity, Person
from ..nlp import Parsed

_TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "gen",
    "general", "col", "colonel", "capt", "captain", "sgt", "judge", "justice", "president", "senator",
    "sen", "rep", "governor", "gov", "mayor", "minister", "secretary", "chancellor", "king", "queen",
    "prince", "princess", "pope", "bishop", "coach", "manager", "chief", "officer", "director",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "ceo", "executive",
    "leader", "head", "inspector", "commissioner", "ambassador", "prime", "deputy", "vice", "former",
    "acting", "detective", "superintendent", "constable", "sheriff", "attorney", "lawyer", "founder",
    "boss", "striker", "midfielder", "defender", "goalkeeper", "player", "actor", "actress", "singer",
    "author", "economist", "analyst", "researcher", "scientist", "doctor", "nurse", "police",
}
_HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev")
# words of the title list that are no role on their own: honorifics and modifiers ("Mr", "former")
_NOT_A_HEAD = {h.lower() for h in _HONORIFICS} | {"former", "acting", "deputy", "vice", "prime", "police"}
# nouns for people that the title list and the agent endings below do not cover
_PERSON_NOUNS = {
    "star", "champion", "mate", "friend", "sister", "brother", "daughter", "son", "father", "mother",
    "wife", "husband", "bride", "groom", "girlfriend", "boyfriend", "partner", "fiancee", "fiance",
    "widow", "cousin", "uncle", "aunt", "grandmother", "grandfather", "mum", "dad", "teenager", "child",
    "boy", "girl", "man", "woman", "international", "legend", "veteran", "graduate", "student", "pupil",
    "colleague", "sub", "half", "back", "winger", "keeper", "official", "rival", "ally", "aide",
    "expert", "victim", "guest", "host", "heir", "chef", "pilot", "poet", "artist", "model", "agent",
    "envoy",
}
_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person|ee|eur|ess)$")


def _names_a_person(head) -> bool:
    """Whether the head noun of a role names a person ('minister', 'striker', 'pop star'), not a
    thing the parse took for one ('glamorous pictures', 'video', 'Mr', 'former')."""
    word = head.lower_
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NNPS") or word in _NOT_A_HEAD:
        return False
    return person_noun(word)


def person_noun(word: str) -> bool:
    """Whether a (lower-case, singular) noun can name a person: a title, a word for a person, or an
    agent's ending ('minister', 'winger', 'campaigner')."""
    return word in _TITLE_WORDS or word in _PERSON_NOUNS or _AGENT.search(word) is not None


_HONORIFIC = re.compile(rf"^(?:{'|'.join(_HONORIFICS)})\.?\s+")
_SUFFIX = re.compile(r"(?:'s|’s|')$")


def _clean_name(text: str) -> str:
    text = _SUFFIX.sub("", text.strip())
    return _HONORIFIC.sub("", text).strip(" ,.")


def _role_before(ent) -> Optional[str]:
    """'Nigerian Finance Minister Maria Okafor' -> 'Nigerian Finance Minister'; 'The lender's chief
    executive, Sofia Lind' -> 'chief executive'."""
    doc = ent.doc
    root = ent.root
    # the name in apposition to a role noun: "The airline's operations director, Ben Carter,"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
        head = root.head
        mods = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod")]
        start = min([m.left_edge.i for m in mods] + [head.i])
        # "the head of Naftogaz, Yury Boyko": the role goes with what it heads
        end = max([p.right_edge.i for p in head.rights if p.dep_ == "prep" and p.lower_ in ("of", "at", "for") and p.right_edge.i < ent.start] + [head.i]) + 1
        return doc[start:end].text if _names_a_person(head) else None
    i = ent.start
    # a title with 'of' before the name: "US Secretary of State John Roe", "Minister of Health Ana Ruiz"
    last = doc[i - 1] if i > 0 else None
    if last is not None and last.dep_ == "pobj" and last.head.lower_ == "of" and last.right_edge.i == i - 1:
        title = last.head.head
        if title.dep_ in ("compound", "nmod", "amod") and ent.start <= title.head.i < ent.end and _names_a_person(title):
            return doc[title.left_edge.i:i].text
    words = []
    while i > 0:
        t = doc[i - 1]
        inside = t.head.i >= ent.start and t.head.i < ent.end or any(t.head.i == w.i for w in words)
        hyphen = t.text == "-" and not t.whitespace_ and i >= 2 and not doc[i - 2].whitespace_  # "fly-half"
        if t.dep_ in ("compound", "amod", "nmod") and inside and t.ent_type_ != "PERSON" and (hyphen or not t.is_punct):
            words.insert(0, t)
            i -= 1
        else:
            break
    while words and words[0].i >= 2 and doc[words[0].i - 1].text == "-" and not doc[words[0].i - 1].whitespace_ and not doc[words[0].i - 2].whitespace_:
        words[:0] = [doc[words[0].i - 2], doc[words[0].i - 1]]  # the whole of "21-year-old winger"
    while words and (words[-1].lower_.rstrip(".") in _NOT_A_HEAD or words[-1].text.endswith(".")):
        words.pop()  # "Caucus member Rep. Raul Labrador": the role is "Caucus member"
    if not words or not _names_a_person(words[-1]):
        return None
    return doc[words[0].i:words[-1].i + 1].text


def _appos(ent) -> tuple[Optional[str], Optional[str]]:
    """'Okafor, a former professor of the University of Lagos,' -> role, affiliation."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and _names_a_person(child):
            left = [t for t in child.lefts if t.dep_ in ("amod", "compound", "nmod", "poss")]
            start = min([t.left_edge.i for t in left] + [child.i])
            role = ent.doc[start:child.i + 1].text
            aff = None
            for p in child.subtree:
                if p.dep_ == "prep" and p.lower_ in ("of", "at", "for", "with") and any(
                    g.ent_type_ in ("ORG", "GPE") for g in p.subtree
                ):
                    aff = ent.doc[p.i:p.right_edge.i + 1].text
                    break
            if aff is None:
                role = ent.doc[start:child.right_edge.i + 1].text if child.right_edge.i - start < 8 else role
            return role, aff
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "from") and any(
            g.ent_type_ in ("ORG", "GPE") for g in child.subtree
        ):
            return None, ent.doc[child.i:child.right_edge.i + 1].text
    return None, None


# "the town of Abeokuta": a name after one of these is a place, whatever the tagger says
_PLACE_NOUNS = {"town", "city", "village", "county", "state", "province", "region", "district", "island", "port", "capital", "suburb", "borough"}


def _named_as_place(ent) -> bool:
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in _PLACE_NOUNS


def _person_mentions(doc) -> list:
    """The PERSON entities of the parse, a name the tagger cut in two put back together.

    Where the article writes 'Aung San Suu Kyi' and the tagger found 'Aung San' there and 'Suu Kyi'
    (there or elsewhere), the two names written side by side, one space apart, are one mention.
    Two names that each stand alone elsewhere in the article are two people run together ('as Rhett
    Butler Hattie McDaniel (left)' in a caption), and a half with a title or a lower-case word in it
    ('the Rt Rev Dr') is no part of a name: neither is merged.
    """
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    at: dict[tuple, list[int]] = {}
    for e in ents:
        if _name_words(e):
            at.setdefault(tuple(t.text for t in e), []).append(e.start)

    def words(lo: int, hi: int) -> tuple:
        return tuple(t.text for t in doc[lo:hi])

    def alone_elsewhere(name: tuple, other: tuple, after: bool) -> bool:
        """Whether the name is tagged somewhere without the other half beside it."""
        n, m = len(name), len(other)
        return any(words(s + n, s + n + m) != other if after else words(s - m, s) != other for s in at.get(name, []))

    def joined(lo: int, mid: int, hi: int) -> bool:
        left, right = words(lo, mid), words(mid, hi)
        return (
            lo >= 0 and hi <= len(doc) and doc[mid - 1].whitespace_ == " "
            and _name_words(doc[lo:mid]) and _name_words(doc[mid:hi])
            and not (alone_elsewhere(left, right, True) and alone_elsewhere(right, left, False))
        )

    longest_first = sorted(at, key=len, reverse=True)
    out = []
    for ent in ents:
        start, end = ent.start, ent.end
        for name in longest_first:  # a known name written right after it
            if words(end, end + len(name)) == name and joined(start, end, end + len(name)):
                end += len(name)
                break
        for name in longest_first:  # or right before it
            if words(start - len(name), start) == name and joined(start - len(name), start, end):
                start -= len(name)
                break
        if out and out[-1].end > start:  # both halves were tagged: already the one mention
            out[-1] = doc[out[-1].start:max(end, out[-1].end)]
            continue
        out.append(ent if (start, end) == (ent.start, ent.end) else doc[start:end])
    return [ent for ent in out if not _named_as_place(ent)]


_NOT_IN_A_NAME = _TITLE_WORDS | _NOT_A_HEAD | {"rt", "the"}


def _name_words(span) -> bool:
    """Whether every word of the span can be part of a name: capitalised, no title, no possessive."""
    return len(span) > 0 and all(
        t.text[:1].isupper() and t.lower_.rstrip(".") not in _NOT_IN_A_NAME and not _SUFFIX.search(t.text)
        for t in span
    )


def extract_people(parsed: Parsed) -> list[Person]:
    """People named in the article, surname mentions merged into the full name."""
    people: list[dict] = []
    by_key: dict[str, int] = {}
    for ent in _person_mentions(parsed.doc):
        name = _clean_name(ent.text)
        if not name or not name[0].isupper() or len(name) < 2:
            continue
        parts = name.split()
        last = parts[-1].lower()
        span = parsed.span(ent.start_char, ent.start_char + len(ent.text.rstrip()))
        key = name.lower()
        if key in by_key:
            idx = by_key[key]
        elif len(parts) == 1 and last in by_key:
            idx = by_key[last]
        elif (tail := _tail_of_one(key, people)) is not None:
            idx = tail  # "Suu Kyi" after "Aung San Suu Kyi"
        else:
            idx = None
            if len(parts) > 1 and last in by_key and len(people[by_key[last]]["name"].split()) == 1:
                idx = by_key[last]
                people[idx]["name"] = name
            if idx is None:
                idx = len(people)
                people.append({"name": name, "role": None, "affiliation": None, "mentions": []})
            by_key[key] = idx
            if len(parts) > 1:
                by_key.setdefault(last, idx)
        person = people[idx]
        person["mentions"].append(span)
        role = _role_before(ent)
        arole, aff = _appos(ent)
        person["role"] = person["role"] or role or arole
        person["affiliation"] = person["affiliation"] or aff
    return [Person(**p) for p in _first_names_merged(people)]


def _tail_of_one(key: str, people: list[dict]) -> Optional[int]:
    """The one person whose full name ends with this several-word name ('suu kyi' of 'Aung San Suu
    Kyi'); None when none or more than one does."""
    if " " not in key:
        return None
    found = [i for i, p in enumerate(people) if p["name"].lower().endswith(" " + key)]
    return found[0] if len(found) == 1 else None


def _first_names_merged(people: list[dict]) -> list[dict]:
    """'Tomas' after 'Tomas Reis': a lone first name is the one person named in full with it (two
    with that first name, it stays apart)."""
    out = []
    for p in people:
        parts = p["name"].split()
        full = [q for q in people if len(parts) == 1 and q is not p and len(q["name"].split()) > 1 and q["name"].split()[0] == parts[0]]
        if len(full) == 1:
            q = full[0]
            q["mentions"] = sorted(q["mentions"] + p["mentions"], key=lambda m: m.start)
            q["role"], q["affiliation"] = q["role"] or p["role"], q["affiliation"] or p["affiliation"]
        else:
            out.append(p)
    return out


def _entities(parsed: Parsed, labels: set[str], kind: str) -> list[Entity]:
    out: list[dict] = []
    index: dict[str, int] = {}
    for ent in parsed.doc.ents:
        if ent.label_ not in labels and not (kind == "place" and ent.label_ == "PERSON" and _named_as_place(ent)):
            continue
        name = _SUFFIX.sub("", ent.text.strip())
        name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        if len(name) < 2:
            continue
        key = name.lower()
        if kind == "organisation" and key.split()[-1] in _TITLE_WORDS:
            continue  # "Economy Minister": a title, not an organisation
        span = parsed.span(ent.start_char, ent.end_char)
        # "Halvern" after "Halvern Semiconductor": the same organisation
        longer = next((k for k in index if k.startswith(key + " ") or key.startswith(k + " ")), None)
        if key not in index and longer is not None:
            if len(key) > len(longer):
                index[key] = index[longer]
                out[index[key]]["name"] = name
            else:
                key = longer
        if key not in index:
            index[key] = len(out)
            out.append({"name": name, "label": kind, "mentions": []})
        out[index[key]]["mentions"].append(span)
    return [Entity(**e) for e in out]


def extract_organisations(parsed: Parsed) -> list[Entity]:
    return _entities(parsed, {"ORG"}, "organisation")


def extract_places(parsed: Parsed) -> list[Entity]:
    return _entities(parsed, {"GPE", "LOC", "FAC"}, "place")


def person_for(people: list[Person], text: str) -> Optional[Person]:
    """The person a name or surname refers to."""
    name = _clean_name(text).lower()
    if not name:
        return None
    for p in people:
        if p.name.lower() == name:
            return p
    last = name.split()[-1]
    for p in people:
        if p.name.lower().split()[-1] == last:
            return p
    return None

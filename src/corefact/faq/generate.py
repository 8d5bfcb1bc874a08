"""Question generation over the dependency parse (overgenerate; ``rank`` selects).

Two families of candidates:

* clause questions: wh-movement with subject-auxiliary inversion and do-support
  ("The mayor urged the council to delay the vote" -> "What did the mayor urge the council to do?");
* fact questions from the key facts: how many / how much, who is, what did X say.

Every question is a template filled with article spans; every answer is an article span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..facts.people import person_for, person_noun
from ..model import Facts, Span
from ..nlp import Parsed, Sent, ent_at, leaves_quotation_open

CORE_QUESTION = "What is the core fact from the original article?"

_SUBJ = ("nsubj", "nsubjpass")
_AUX = ("aux", "auxpass")
_SKIP_DEPS = {"punct", "cc", "conj", "mark", "advcl", "parataxis", "dep", "meta", "intj", "preconj"}
_RELATIVES = ("who", "which", "that")  # a relative pronoun, as a clause's subject
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "this", "that", "these", "those", "i", "we", "you", "there", "one"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT"}
_TIME_LABELS = {"DATE", "TIME"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_WHERE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into"}
_WHEN_PREPS = {"on", "in", "at", "since", "by", "until", "during", "before", "after"}
_DURATION = re.compile(r"\b(?:seconds?|minutes?|hours?|days|weeks|months|years)\b", re.I)
_SPEECH = {"say", "tell", "add", "state", "note", "explain", "claim", "argue", "announce", "report", "write"}


@dataclass
class Candidate:
    question: str
    kind: str
    answer: Span
    evidence: Sent
    question_spans: list[Span] = field(default_factory=list)
    bonus: float = 0.0


def _text(tokens) -> str:
    """Text of a token sequence, spacing as in the article."""
    toks = list(tokens)
    if not toks:
        return ""
    out = []
    for i, t in enumerate(toks):
        out.append(t.text)
        if i + 1 < len(toks):
            nxt = toks[i + 1]
            out.append(t.whitespace_ if nxt.i == t.i + 1 else " ")
    return "".join(out).strip()



def _np_text(tok, core_only: bool = False) -> str:
    """A noun phrase for use inside a question; a sentence-initial common noun is lower-cased
    (not a word that keeps its capital, :func:`_keeps_capital`: 'FA chief Greg Dyke', not 'fA chief').

    With ``core_only``, appositions and 'including ...' phrases set off by commas are left out."""
    drop: set[int] = set()
    if core_only:
        for c in tok.children:
            if c.dep_ in ("appos", "relcl", "acl") or c.dep_ == "prep" and c.lower_ in ("including", "among"):
                drop.update(t.i for t in c.subtree)
    toks = [t for t in tok.subtree if t.i not in drop and (t.dep_ not in ("punct",) or t.i not in (tok.left_edge.i, tok.right_edge.i))]
    toks = [t for k, t in enumerate(toks) if not (t.is_punct and t.text == "," and (k + 1 == len(toks) or toks[k + 1].is_punct))]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    text = _text(toks)
    first = toks[0] if toks else None
    starts = first is not None and (first.is_sent_start or first.i > 0 and "\n" in first.doc[first.i - 1].text_with_ws)
    if starts and text[:1].isupper() and not _keeps_capital(first):
        text = text[0].lower() + text[1:]
    elif starts and first.text == "The" and first.ent_type_ and not _the_in_name(first):
        text = "the" + text[3:]  # 'the Commerce Department'
    return text


def _keeps_capital(tok) -> bool:
    """Whether a word that opens a sentence keeps its capital inside a question: a name, 'I', an
    abbreviation, or a word the article writes as a name (:func:`_capital_inside`)."""
    return (
        tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_LABELS or tok.text == "I" or tok.text[1:2].isupper()
        or tok.pos_ in ("NOUN", "ADJ") and _capital_inside(tok)
    )


# where a word stands inside a sentence, not at its start: after a word or a comma and a space
_INSIDE = r"(?<=[\w,;:])\s+"


def _capital_inside(tok) -> bool:
    """Whether the article writes a word with its capital inside a sentence too, and never in lower
    case: a name the tagger took for a common noun ('Rovers manager Tom Harte saw...',
    'Port Wendle Rovers won'), not 'Steel analyst' beside 'British Steel' and 'steel prices'."""
    data = tok.doc.user_data
    if "corefact_capitals" not in data:  # once per article: the FAQ asks for many words
        text = tok.doc.text
        data["corefact_capitals"] = ({m.group(1) for m in re.finditer(_INSIDE + r"([A-Z]\w*)", text)}, set(re.findall(r"\b[a-z]\w*", text)))
    inside, lower = data["corefact_capitals"]
    return tok.text in inside and tok.text.lower() not in lower


def _the_in_name(the) -> bool:
    """Whether a capital 'The' that opens a sentence belongs to the name after it ('The Times'):
    the article writes it with a capital inside a sentence too."""
    if the.i + 1 >= len(the.doc):
        return False
    after = re.escape(the.doc[the.i + 1].text)
    return re.search(rf"{_INSIDE}The\s+{after}\b", the.doc.text) is not None


def _do_form(verb) -> Optional[str]:
    tag = verb.tag_
    if tag == "VBD":
        return "did"
    if tag == "VBZ":
        return "does"
    if tag in ("VBP",):
        return "do"
    return None


def _clause_parts(verb):
    """Subject, auxiliaries and negation of a clause headed by ``verb``."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    auxes = [c for c in verb.children if c.dep_ in _AUX and c.i < verb.i]
    neg = [c for c in verb.children if c.dep_ == "neg"]
    return subj, auxes, neg


_LEMMA_FIX = {"fin": "fine"}  # known slips of the small model's lemmatizer


def _lemma(verb) -> str:
    lemma = verb.lemma_.lower()
    return _LEMMA_FIX.get(lemma, lemma)


def _ent_of(tok):
    return ent_at(tok)


def _is_adjunct_prep(prep) -> bool:
    """A preposition whose object is a time or place: it modifies the clause, wherever the parser
    attached it."""
    if prep.dep_ != "prep":
        return False
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    ent = _ent_of(pobj) if pobj is not None else None
    return ent is not None and (ent.label_ in _TIME_LABELS or ent.label_ in _PLACE_LABELS and prep.lower_ in _WHERE_PREPS)


def _detached(tok) -> set[int]:
    """Token ids of time/place prepositions the parser hung on a noun ("a factory in Dresden")."""
    out: set[int] = set()
    for c in tok.rights:
        if _is_adjunct_prep(c):
            out.update(t.i for t in c.subtree)
    return out


def _adjuncts(verb) -> list:
    """Prepositions that modify the clause: the verb's own, those hung on its object, and those of a
    to-infinitive complement ("is expected to reach the coast on Sunday")."""
    out = [c for c in verb.children if c.dep_ in ("prep", "agent")]
    for c in verb.children:
        if c.dep_ in ("dobj", "attr"):
            out.extend(p for p in c.rights if _is_adjunct_prep(p))
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            out.extend(p for p in c.children if p.dep_ == "prep")
    return out


def _rest(verb, exclude: set[int]) -> list:
    """Tokens after the verb that stay in the question (complements, prepositions)."""
    out = []
    for c in verb.rights:
        if c.dep_ in _SKIP_DEPS or c.dep_ == "ccomp":
            continue
        out.extend(t for t in c.subtree if t.i not in exclude)
    while out and out[-1].is_punct and out[-1].text != "%":
        out.pop()
    return out


def _inverted(verb, subj_text: str, auxes, neg, rest_text: str, after_verb: str = "") -> Optional[str]:
    """'<aux> <subject> [not] <verb> <rest>' with do-support where the clause has no auxiliary."""
    neg_text = " not" if neg else ""
    if auxes:
        first = auxes[0]
        others = " ".join(a.text for a in auxes[1:])
        body = f"{first.text.lower()} {subj_text}{neg_text}{(' ' + others) if others else ''} {verb.text}"
    else:
        do = _do_form(verb)
        if do is None or (do == "do" and _singular_subject(verb)):
            return None  # 'do a whale swam': the parse took a past or singular verb for a plural present
        if _lemma(verb) == "be":
            body = f"{verb.text.lower()} {subj_text}{neg_text}"
        else:
            body = f"{do} {subj_text}{neg_text} {_lemma(verb)}"
    if after_verb:
        body += " " + after_verb
    return (body + (" " + rest_text if rest_text else "")).strip()


def _singular_subject(verb) -> bool:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in _RELATIVES and verb.dep_ == "relcl":
        subj = verb.head
    # 'a' or 'each' marks one; 'the City squad have' is British English for a team
    return subj is not None and subj.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "each", "every") for c in subj.children)


def _resolve_subject(parsed: Parsed, subj, facts: Facts, sent: Sent) -> Optional[str]:
    """The subject as a noun phrase, a pronoun replaced by the person last named before it, a
    relative pronoun by what it stands for ('Kane, who has netted 19 goals')."""
    if subj.lower_ in _RELATIVES and subj.head.dep_ == "relcl":
        subj = _relative_antecedent(subj)
        if subj is None:
            return None
    if subj.lower_ in ("he", "she") and len(list(subj.subtree)) == 1:
        return _antecedent(parsed, facts, sent)
    if subj.lower_ in _PRONOUNS:
        return None
    text = _np_text(subj, core_only=True)
    if len(text.split()) > 8:
        return None
    return text


def _relative_antecedent(rel):
    """What a relative pronoun stands for, when nothing can be mistaken: the noun right before it
    (a comma between), alone (not 'McManus and Magnier, who own 29%'), not a date or figure
    ('Saturday, which...'), a person for 'who' and no person for 'which'."""
    doc = rel.doc
    noun = rel.head.head
    before = rel.i - 1 - (rel.i > 0 and doc[rel.i - 1].text == ",")
    ent = ent_at(noun)
    person = ent is not None and ent.label_ == "PERSON"
    if noun.i != before or noun.pos_ not in ("NOUN", "PROPN") or (ent is not None and ent.label_ in _NOT_ANTECEDENTS) or noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children):
        return None
    if (rel.lower_ == "who" and noun.pos_ == "PROPN" and not person) or (rel.lower_ == "which" and person):
        return None
    return noun


_NOT_ANTECEDENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def _antecedent(parsed: Parsed, facts: Facts, sent: Sent) -> Optional[str]:
    """The person 'he' or 'she' stands for: the subject of the previous sentence when that is a
    named person (a conservative rule: otherwise no question is made)."""
    if sent.index == 0:
        return None
    prev = parsed.sents[sent.index - 1]
    for t in parsed.tokens(prev):
        if t.dep_ in _SUBJ and t.head.dep_ == "ROOT":
            ent = ent_at(t)
            ent = ent if ent is not None and ent.label_ == "PERSON" else None
            if ent is None:
                return None
            person = person_for(facts.people, ent.text)
            return person.name if person else None
    return None



def _finish(q: str) -> str:
    q = re.sub(r"\s+", " ", q).strip().rstrip(",;:.")
    q = re.sub(r"\s+([,.;:?!%])", r"\1", q)
    return q[0].upper() + q[1:] + "?"


def _span_of(parsed: Parsed, toks) -> Span:
    toks = list(toks)
    while len(toks) > 1 and toks[-1].is_punct:
        toks.pop()
    while len(toks) > 1 and toks[0].is_punct:
        toks.pop(0)
    return parsed.span(toks[0].idx, toks[-1].idx + len(toks[-1].text))


# a role that is no answer without what it belongs to
_INCOMPLETE_ROLES = {"head", "member", "chief", "part", "one", "leader", "chair", "deputy"}
# a role whose owner is a pronoun ('their president, Rui Sampaio'): the answer would not say whose
_POSSESSOR_BEFORE = re.compile(r"\b(?:his|her|its|their|our|my|your)\s+$", re.IGNORECASE)


def _asides(tok) -> set[int]:
    """Token ids of the relative clauses and appositions set off by a comma on a noun, commas
    included ('the way he played' is no aside), outside the name or date the noun is part of."""
    doc, ent = tok.doc, ent_at(tok)
    out: set[int] = set()
    for c in tok.children:
        first = c.left_edge.i
        if c.dep_ in ("relcl", "appos") and first > 0 and doc[first - 1].text == "," and (ent is None or not ent.start <= c.i < ent.end):
            out |= {t.i for t in c.subtree} | {first - 1}
            if c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].text == "," and doc[c.right_edge.i + 1].head.i == tok.i:
                out.add(c.right_edge.i + 1)
    return out


def _without_clauses(tok) -> list:
    """A noun phrase without its asides: 'Saturday', not 'Saturday, which has claimed more than
    4,000 lives'."""
    side = _asides(tok)
    return [t for t in tok.subtree if t.i not in side]


def _ids(toks) -> set[int]:
    return {t.i for t in toks}


def clause_questions(parsed: Parsed, sent: Sent, facts: Facts) -> list[Candidate]:
    """Wh-questions about the main clause(s) of a sentence."""
    out: list[Candidate] = []

    def add(question: Optional[str], kind: str, answer_toks) -> None:
        answer_toks = [t for t in answer_toks if t.i >= sent.tok_start and t.i < sent.tok_end]
        if question and answer_toks:
            out.append(Candidate(_finish(question), kind, _span_of(parsed, answer_toks), sent))

    for verb in parsed.tokens(sent):
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        if sum(1 for c in verb.children if c.dep_ == "dobj") > 1:
            continue  # a misparse: 'lifted rates 0.25%, their first move in a year' has one object
        subj, auxes, neg = _clause_parts(verb)
        if subj is None:
            continue
        subj_text = _resolve_subject(parsed, subj, facts, sent)
        if not subj_text:
            continue
        lemma = _lemma(verb)

        def ask_about(exclude: set[int], after_verb: str = "") -> Optional[str]:
            return _inverted(verb, subj_text, auxes, neg, _text(_rest(verb, exclude)), after_verb)

        # reported speech: "The agency reported hundreds of homes flooded" -> What did the agency report?
        ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if lemma in _SPEECH and ccomp is not None:
            content = [t for t in ccomp.subtree if not (t.dep_ == "mark" and t.head.i == ccomp.i)]
            inv = ask_about(_ids(ccomp.subtree))
            if ccomp.i > verb.i and inv:
                add(f"What {inv}", "what", content)
            continue
        # who / which organisation did it: the subject is the answer
        subj_ent = _ent_of(subj)
        rest = _rest(verb, set())
        if rest and lemma != "be" and subj.lower_ not in ("he", "she"):
            is_person = subj_ent is not None and (subj_ent.label_ == "PERSON" or person_for(facts.people, subj_ent.text) is not None)
            is_org = subj_ent is not None and not is_person and subj_ent.label_ == "ORG"
            if is_person or is_org:
                lead = _text(auxes + neg + [verb]) if auxes or neg else verb.text
                wh = "Who" if is_person else "Which organisation"
                side = {t.i for c in subj.children if c.dep_ in ("appos", "relcl", "acl") for t in c.subtree}
                answer = [t for t in subj.subtree if t.i not in side]
                out.append(Candidate(_finish(f"{wh} {lead} {_text(rest)}"), "who", _span_of(parsed, answer), sent))
        for child in verb.rights:
            # objects: "What did the council approve on Tuesday?"
            if child.dep_ in ("dobj", "attr") and child.pos_ in ("NOUN", "PROPN", "NUM") and lemma != "be":
                ent = _ent_of(child)
                if ent is not None and ent.label_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
                    continue
                if any(c.dep_ == "xcomp" for c in verb.children):
                    continue  # "urged lenders to suspend ...": the to-do question covers it
                if len(list(child.subtree)) == 1 and child.pos_ == "NOUN":
                    continue  # "take part", "take place": an idiom, not a thing
                person = (ent is not None and ent.label_ == "PERSON") or (child.text[:1].isupper() and person_for(facts.people, child.text) is not None)
                detached = _detached(child) | _asides(child)
                if person:  # "angered Townsend for writing...": what follows a name is the clause's
                    detached |= {t.i for c in child.rights if c.dep_ == "prep" and c.lower_ != "of" for t in c.subtree}
                answer = [t for t in child.subtree if t.i not in detached]
                wh = "Who" if person else "What"
                inv = ask_about(_ids(answer) | _asides(child))  # an aside is in neither
                add(f"{wh} {inv}" if inv else None, "what", answer)
            # "urged the council to delay the vote" -> What did the mayor urge the council to do?
            elif child.dep_ == "xcomp" and child.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if obj is None:
                    continue
                inv = _inverted(verb, subj_text, auxes, neg, _np_text(obj) + " to do")
                answer = [t for t in child.subtree if not (t.dep_ == "aux" and t.head.i == child.i)]
                add(f"What {inv}" if inv else None, "what", answer)
            elif child.dep_ == "npadvmod":
                ent = _ent_of(child)
                if ent is not None and ent.label_ in _TIME_LABELS and not _DURATION.search(ent.text):
                    inv = ask_about(_ids(child.subtree))
                    add(f"When {inv}" if inv else None, "when", list(child.subtree))
        # when / where / by whom: prepositions of the clause
        for prep in _adjuncts(verb):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            ent = _ent_of(pobj)
            if prep.dep_ == "agent":
                wh = "Who" if (ent.label_ in ("PERSON", "ORG", "NORP") if ent is not None else _acts(pobj)) else "What"
                # the particle stays with its verb: 'carried out by', not 'carried by out'
                prts = [c for c in verb.children if c.dep_ == "prt"]
                inv = ask_about(_ids(prep.subtree) | _ids(prts), after_verb=" ".join([p.text for p in prts] + ["by"]))
                add(f"{wh} {inv}" if inv else None, "who", _without_clauses(pobj))
                continue
            if ent is None:
                continue
            if ent.label_ in _TIME_LABELS:
                if prep.lower_ not in _WHEN_PREPS or _DURATION.search(ent.text):
                    continue
                kind = "when"
            elif ent.label_ in _PLACE_LABELS and prep.lower_ in _WHERE_PREPS:
                kind = "where"
            else:
                continue
            inv = ask_about(_ids(prep.subtree))
            answer = list(prep.subtree) if kind == "when" and prep.lower_ in ("since", "until", "by") else _without_clauses(pobj)
            add(f"{kind.capitalize()} {inv}" if inv else None, kind, answer)
        # why: a because / due to clause
        for child in verb.children:
            marker = None
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("because", "since") for m in child.children):
                marker = child
            elif child.dep_ == "prep" and child.lower_ in ("because", "due") and child.i > verb.i and not _due_to_do(child):
                marker = child
            if marker is None:
                continue
            answer = list(marker.subtree)
            if marker.dep_ == "advcl":
                mark = next(m for m in marker.children if m.dep_ == "mark")
                answer = [t for t in answer if t.i >= mark.i]
            inv = ask_about(_ids(marker.subtree))
            add(f"Why {inv}" if inv else None, "why", answer)
    return out


# bodies that act, for 'Who ... by?' ('set by the government', 'dismissed by a court'); people
# ('official', 'resident', 'regulator') are facts.people.person_noun's
_BODIES = {
    "government", "council", "police", "court", "company", "firm", "bank", "club", "team", "agency",
    "authority", "committee", "board", "union", "party", "army", "ministry", "department", "group",
    "family", "public", "fan", "people", "parliament", "commission", "jury", "panel", "school",
    "university", "hospital", "organisation", "organization", "administration", "opposition", "force",
    "troop", "navy", "state", "country", "staff",
}


def _acts(noun) -> bool:
    """Whether a common noun names someone who acts, a person or a body, not a thing ('the
    winds', 'the way he played')."""
    lemma = noun.lemma_.lower()
    return lemma in _BODIES or person_noun(lemma)


_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _finite(verb) -> bool:
    """Whether a verb makes a clause of its own: finite, or with a finite auxiliary ('have been
    evacuated'), not a participle that hangs on a noun ('200 people wounded')."""
    return verb.tag_ in _FINITE_TAGS or any(c.dep_ in _AUX and c.tag_ in _FINITE_TAGS for c in verb.children)


def _due_to_do(tok) -> bool:
    """'is due to be completed in January': 'due' with an infinitive is a timetable, not a cause."""
    doc = tok.doc
    return tok.lower_ == "due" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to" and doc[tok.i + 2].pos_ in ("VERB", "AUX")


_CHANGE_VERBS = {"rise", "fall", "jump", "drop", "grow", "increase", "decrease", "decline", "climb", "slip", "surge", "plunge", "gain", "lose", "shrink", "soar", "tumble"}


def _figure_phrase(parsed: Parsed, fig):
    """The token that carries a figure in the clause ('%' for '38%', 'metres' for '3.2 metres')."""
    span = parsed.doc.char_span(fig.span.start, fig.span.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    while tok.dep_ in ("nummod", "quantmod", "compound", "nmod") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "SYM", "NUM", "PROPN"):
        tok = tok.head
    return tok


def fact_questions(parsed: Parsed, facts: Facts) -> list[Candidate]:
    """How many / how much, who is, and what did X say questions from the key facts."""
    out: list[Candidate] = []
    for fig in facts.figures:
        sent = parsed.sent_of(fig.span.start)
        if sent is None:
            continue
        # a count of one is no answer to 'how many' ('one thing is the most important...')
        if fig.kind == "count" and fig.counts and fig.context and fig.counts.lower() not in _PRONOUNS and fig.value != 1:
            noun_tok = next((t for t in parsed.tokens(sent) if t.idx >= fig.span.end and t.text == fig.counts.split()[-1]), None)
            if noun_tok is None:
                continue
            verb = noun_tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if fig.part_of is not None:
                # "including more than 1,100 children" -> how many of the counted were children
                parent = facts.figures[fig.part_of]
                if parent.counts:
                    q = f"How many of the {parent.counts} {parent.context or ''} were {fig.counts}"
                    out.append(Candidate(_finish(q), "how_many", fig.span, sent, bonus=0.3))
                continue
            if noun_tok.dep_ in _SUBJ:
                if not _finite(verb) or any(c.dep_ == "ccomp" for c in verb.children):
                    continue  # 'How many people wounded?'; 'How many firms said in a statement?' (what?)
                q = f"How many {fig.counts} {fig.context}"
            elif noun_tok.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX"):
                subj, auxes, neg = _clause_parts(verb)
                subj_text = _resolve_subject(parsed, subj, facts, sent) if subj is not None else None
                if not subj_text:
                    continue
                exclude = _ids(noun_tok.subtree) - _detached(noun_tok)
                inv = _inverted(verb, subj_text, auxes, neg, _text(_rest(verb, exclude)))
                if not inv:
                    continue
                q = f"How many {fig.counts} {inv}"
            else:
                continue
            out.append(Candidate(_finish(q), "how_many", fig.span, sent, bonus=0.5))
        elif fig.kind in ("money", "percent", "quantity") and fig.part_of is None:
            phrase = _figure_phrase(parsed, fig)
            if phrase is None or phrase.dep_ not in ("dobj", "npadvmod", "attr") or phrase.head.pos_ not in ("VERB", "AUX"):
                continue
            verb = phrase.head
            subj, auxes, neg = _clause_parts(verb)
            subj_text = _resolve_subject(parsed, subj, facts, sent) if subj is not None else None
            if not subj_text:
                continue
            exclude = _ids(phrase.subtree) - _detached(phrase)
            change = _lemma(verb) in _CHANGE_VERBS
            if change:  # "rose 2% to $11.1bn from $10.9bn": the new and old values go too
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ in ("to", "from"):
                        exclude |= _ids(c.subtree)
            rest = _rest(verb, exclude)
            if any(t.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") for t in rest):
                continue
            inv = _inverted(verb, subj_text, auxes, neg, _text(rest))
            if inv:
                word = "By how much" if change else "How much"
                out.append(Candidate(_finish(f"{word} {inv}"), "how_much", fig.span, sent, bonus=0.4))
    for person in facts.people:
        if person.role:
            for m in person.mentions:
                sent = parsed.sent_of(m.start)
                if sent is None or person.role not in sent.text:
                    continue
                rs = sent.start + sent.text.find(person.role)
                answer = parsed.span(rs, rs + len(person.role))
                if person.affiliation and person.affiliation in sent.text:
                    a0 = sent.start + sent.text.find(person.affiliation)
                    if a0 >= answer.end and a0 - answer.end <= 3:
                        answer = parsed.span(rs, a0 + len(person.affiliation))
                if answer.text.lower() in _INCOMPLETE_ROLES or _POSSESSOR_BEFORE.search(parsed.text, max(0, answer.start - 12), answer.start):
                    break  # 'Who is Robert Sinche? head', 'their president': of what, the reader asks
                out.append(Candidate(f"Who is {person.name}?", "who_is", answer, sent, [m], bonus=0.2))
                break
    said: set[str] = set()
    for q in facts.quotes:
        if not q.speaker or not q.direct or q.speaker in said or len(q.text.split()) < 5:
            continue
        sent = parsed.sent_of(q.span.start)
        if sent is None or q.speaker.lower() in _PRONOUNS:
            continue
        said.add(q.speaker)
        inner_start = q.span.start + q.span.text.find(q.text)
        inner = q.text.rstrip(",;: ")
        answer = parsed.span(inner_start, inner_start + len(inner))
        out.append(Candidate(f"What did {_as_written(parsed, q.speaker, q.speaker_span)} say?", "quote", answer, sent, [q.speaker_span] if q.speaker_span else [], bonus=0.1))
    return out


def _as_written(parsed: Parsed, name: str, span) -> str:
    """A name with the 'the' the article writes before it ('the Football Association of Wales
    said', whose name is 'Football Association of Wales')."""
    if span is not None and not name.lower().startswith("the ") and re.search(r"(?<![\w])the\s+$", parsed.text[max(0, span.start - 5):span.start], re.IGNORECASE):
        return "the " + name
    return name


def generate(parsed: Parsed, facts: Facts, sentences: list[Sent]) -> list[Candidate]:
    """All candidate questions from the given sentences and the facts."""
    out: list[Candidate] = []
    for s in sentences:
        out.extend(clause_questions(parsed, s, facts))
    out.extend(fact_questions(parsed, facts))
    for c in out:
        c.answer = _with_closing_mark(parsed, c.answer)
    return out


def _with_closing_mark(parsed: Parsed, answer: Span) -> Span:
    """An answer that stops right before the mark closing a quotation it opens takes the mark ('he
    expected the striker to stay for ' a long time '', not '... a long time')."""
    if leaves_quotation_open(answer.text):
        m = re.match(r" ?['\"’”]", parsed.text[answer.end:answer.end + 2])
        if m and not leaves_quotation_open(parsed.text[answer.start:answer.end + m.end()]):
            return parsed.span(answer.start, answer.end + m.end())
    return answer

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
from ..nlp import Parsed, Sent, leaves_quotation_open, quotations
from .grammar import (
    AUX,
    BAD_WORDS,
    PLACE_LABELS,
    PRONOUNS,
    QUESTION_WORDS,
    SPEECH_VERBS,
    SUBJ,
    TIME_LABELS,
    WHERE_PREPS,
    adjuncts_of,
    aside_ids,
    clause_of,
    clause_parts,
    detached_ids,
    ent_of,
    finish,
    finite,
    ids_of,
    inverted,
    lemma_of,
    np_text,
    optional_phrases,
    resolve_subject,
    rest_of,
    shorter,
    span_of,
    text_of,
    without_clauses,
)

CORE_QUESTION = "What is the core fact from the original article?"

_WHEN_PREPS = {"on", "in", "at", "since", "by", "until", "during", "before", "after"}
_DURATION = re.compile(r"\b(?:seconds?|minutes?|hours?|days|weeks|months|years)\b", re.I)
_GIVEN = re.compile(r"\b(?:the|these|those|its|their|his|her|our|both)\s+$", re.IGNORECASE)
_VERB_PREPS = {"for", "against", "on", "with", "about", "over", "into"}
_AMOUNTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_CONTENT = {"NOUN", "PROPN", "NUM", "ADJ", "VERB"}
_SINGULAR = {"have": "has", "are": "is", "were": "was", "do": "does"}


@dataclass
class Candidate:
    question: str
    kind: str
    answer: Span
    evidence: Sent
    question_spans: list[Span] = field(default_factory=list)
    bonus: float = 0.0
    clause: int = -1  # the token index of the verb whose clause the question asks about (-1: none)


# what a main actor does that a reader asks about first: decisions, demands, warnings, plans
_ACTS = {
    "urge", "decide", "announce", "order", "approve", "reject", "vote", "ban", "warn", "call", "demand",
    "agree", "accept", "refuse", "launch", "plan", "propose", "promise", "pledge", "threaten", "sign",
    "pass", "block", "cut", "raise", "suspend", "cancel", "resign", "appoint", "elect", "win", "lose",
    "kill", "arrest", "charge", "sentence", "convict", "sue", "fine", "evacuate", "close", "open",
}
# verbs whose infinitive is what the subject means or decides to do: 'plans to hold talks', 'vowed to
# vote against'; not 'seems to', 'has to', 'began to'
_INTENT = {
    "plan", "aim", "intend", "vow", "promise", "pledge", "threaten", "want", "hope", "seek", "try", "attempt",
    "agree", "refuse", "decide", "expect", "offer", "propose", "vote", "choose", "prepare", "fail", "move",
}
# what happens next: a future or conditional clause
_FUTURE = {"will", "would", "shall", "'ll", "plan", "expect", "intend", "aim"}


def clause_bonus(verb) -> float:
    """What a clause is worth to a reader before its sentence's salience: an act of the main actor
    ('urged', 'decided', 'banned') and what happens next ('will reopen', 'plans to') weigh more."""
    bonus = 0.6 * (lemma_of(verb) in _ACTS)
    auxes = [c.lower_ for c in verb.children if c.dep_ in AUX]
    if any(a in _FUTURE for a in auxes) or lemma_of(verb) in _FUTURE or any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children):
        bonus += 0.3
    return bonus


_INCOMPLETE_ROLES = {"head", "member", "chief", "part", "one", "leader", "chair", "deputy"}
# a role whose owner is a pronoun ('their president, Rui Sampaio'): the answer would not say whose
_POSSESSOR_BEFORE = re.compile(r"\b(?:his|her|its|their|our|my|your)\s+$", re.IGNORECASE)


def clause_questions(parsed: Parsed, sent: Sent, facts: Facts) -> list[Candidate]:
    """Wh-questions about the main clause(s) of a sentence."""
    out: list[Candidate] = []
    quoted = [(a, b) for a, b in quotation_spans(parsed) if a < sent.end and b > sent.start]

    def add(question: Optional[str], kind: str, answer_toks, verb, bonus: float = 0.0) -> None:
        answer_toks = [t for t in answer_toks if t.i >= sent.tok_start and t.i < sent.tok_end]
        if question and answer_toks:
            out.append(Candidate(finish(question), kind, span_of(parsed, answer_toks), sent, bonus=clause_bonus(verb) + bonus, clause=verb.i))

    for verb in parsed.tokens(sent):
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "ccomp", "conj") and not _stated_clause(verb):
            continue
        if verb.dep_ == "ccomp" and any(c.i < verb.i and (c.tag_ in ("WRB", "WP", "WDT") or c.dep_ == "mark" and c.lower_ in ("whether", "if")) for c in verb.children):
            continue  # 'It is not known how Granado intends to plead': a clause asked about, not stated
        if sum(1 for c in verb.children if c.dep_ == "dobj") > 1 or sum(1 for c in verb.children if c.dep_ == "nsubj") > 1:
            continue  # a misparse: 'lifted rates 0.25%, their first move in a year' has one object, 'Republican co-sponsor told' one subject
        clause = clause_of(verb, _agent)
        if clause is None:
            continue
        verb, subj, auxes, neg = clause
        if not finite(verb) and not any(a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in auxes) or _bare_infinitive(verb):
            continue  # 'getting governments to spend', 'saw profits fall 2%': no tense of its own to ask with
        if any(a <= subj.idx < b for a, b in quoted) and not any(a <= verb.idx < b for a, b in quoted):
            continue  # the parse took a name in the quotation for the subject ('"Kim ... heading to New York," Trump wrote')
        if _addressed(subj, verb, auxes):
            continue  # 'Senator Schumer, do not shut down the government': someone spoken to, not the subject
        subj_text = resolve_subject(parsed, subj, facts, sent)
        if not subj_text:
            continue
        lemma = lemma_of(verb)

        def trim(rest, lead: str) -> list:
            # too long to read, or a pronoun a reader cannot resolve ('for his leadership'): the
            # phrases a question can leave out go, last first; not under a negation, where asking
            # less would say more ('Who did not vote in March?')
            # and not down to a phrase that names nothing ('Who made the comments?')
            phrases = [] if neg else optional_phrases(verb, rest)
            while phrases and not fits(lead, rest):
                short = shorter(rest, phrases.pop(0))
                if sum(1 for t in short if t.pos_ in _CONTENT) < 2:
                    break
                rest = short
            return rest

        def ask_about(exclude: set[int], after_verb: str = "") -> Optional[str]:
            rest = trim(rest_of(verb, exclude), f"{subj_text} {after_verb}")
            return inverted(verb, subj_text, auxes, neg, text_of(rest), after_verb)

        # reported speech: "The agency reported hundreds of homes flooded" -> What did the agency report?
        ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if lemma in SPEECH_VERBS and ccomp is not None:
            content = [t for t in ccomp.subtree if not (t.dep_ == "mark" and t.head.i == ccomp.i)]
            content = _main_clause(ccomp, content)
            inv = ask_about(ids_of(ccomp.subtree))
            if inv and (ccomp.i > verb.i or subj.i < verb.i and not any(t.dep_ in ("prep", "advcl", "nsubj") for t in verb.rights)):  # '..., advocates say.'
                question = topical(parsed, facts, finish(f"What {inv}"), sent, content)
                if question:
                    add(question[:-1], "what", content, verb)
            continue
        # who / which organisation did it: the subject is the answer
        subj_ent = ent_of(subj)
        rest = rest_of(verb, set())
        # not of a clause whose content is a clause of its own ('Who insists despite ...?')
        if rest and lemma != "be" and subj.lower_ not in ("he", "she") and ccomp is None:
            is_person = subj_ent is not None and (subj_ent.label_ == "PERSON" or person_for(facts.people, subj_ent.text) is not None)
            is_org = subj_ent is not None and not is_person and subj_ent.label_ == "ORG"
            # a group: named for its party, faith or nation ('Democrats'), or a body or people named by
            # a common noun of the lists ('the council', 'investors'); not 'the number' (an agent's ending)
            is_group = not is_person and not is_org and (subj_ent is not None and subj_ent.label_ == "NORP" or subj_ent is None and subj.pos_ == "NOUN" and _group(subj))
            # 'who' takes a singular verb: 'Who has vowed', not 'Who have vowed' (the auxiliary's
            # singular form); a plural present with none ('Lawmakers urge') has no question here
            if (is_person or is_org or is_group) and (auxes or verb.tag_ != "VBP"):
                lead = text_of(auxes + neg + [verb]) if auxes or neg else verb.text
                if auxes and auxes[0].lower_ in _SINGULAR:
                    lead = _SINGULAR[auxes[0].lower_] + lead[len(auxes[0].text):]
                wh = "Which organisation" if is_org else "Who"
                side = {t.i for c in subj.children if c.dep_ in ("appos", "relcl", "acl") for t in c.subtree}
                answer = [t for t in subj.subtree if t.i not in side]
                # a body named by a common noun answers "who" less than a name does
                out.append(Candidate(finish(f"{wh} {lead} {text_of(trim(rest, ''))}"), "who", span_of(parsed, answer), sent, bonus=clause_bonus(verb) - 0.3 * is_group, clause=verb.i))
        verb_rights = [c for c in verb.rights if c.dep_ != "punct"]
        for child in verb.rights:
            # how long: "The repairs will take at least eight months", "suspended flights for 40 days"
            span = _duration(child)
            if span is not None:
                inv = ask_about(ids_of(child.subtree))
                add(f"How long {inv}" if inv else None, "how_long", span, verb)
                continue
            # objects: "What did the council approve on Tuesday?"
            if child.dep_ in ("dobj", "attr") and child.pos_ in ("NOUN", "PROPN", "NUM") and lemma != "be":
                ent = ent_of(child)
                if ent is not None and ent.label_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
                    continue
                if any(c.dep_ == "xcomp" for c in verb.children):
                    continue  # "urged lenders to suspend ...": the to-do question covers it
                if len(list(child.subtree)) == 1 and child.pos_ == "NOUN":
                    continue  # "take part", "take place": an idiom, not a thing
                person = (ent is not None and ent.label_ == "PERSON") or (child.text[:1].isupper() and person_for(facts.people, child.text) is not None)
                detached = detached_ids(child) | aside_ids(child)
                if person:  # "angered Townsend for writing...": what follows a name is the clause's
                    detached |= {t.i for c in child.rights if c.dep_ == "prep" and c.lower_ != "of" for t in c.subtree}
                answer = [t for t in child.subtree if t.i not in detached]
                wh = "Who" if person else "What"
                inv = ask_about(ids_of(answer) | aside_ids(child))  # an aside is in neither
                add(f"{wh} {inv}" if inv else None, "what", answer, verb)
            # "urged the council to delay the vote" -> What did the mayor urge the council to do?
            # "plans to hold talks with Abe" -> What does the president plan to do? (a verb of intent or decision)
            elif child.dep_ == "xcomp" and child.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if obj is None and (lemma not in _INTENT or neg or any(c.dep_ == "neg" for c in child.children)) or obj is not None and obj.i > child.i:
                    continue  # 'decided not to reopen', 'did not plan to': no 'What did X (not) decide to do?'
                inv = inverted(verb, subj_text, auxes, neg, (np_text(obj) + " " if obj is not None else "") + "to do")
                answer = [t for t in child.subtree if not (t.dep_ == "aux" and t.head.i == child.i)]
                add(f"What {inv}" if inv else None, "what", answer, verb)
            # "pushed for a fix" -> What have Democrats pushed for? (the preposition the verb takes, last in the clause)
            elif child.dep_ == "prep" and child.lower_ in _VERB_PREPS and child.i == verb.i + 1 and child.i == verb_rights[-1].i and lemma not in ("be", "have"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                ent = ent_of(pobj) if pobj is not None else None
                if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or ent is not None and (ent.label_ in TIME_LABELS or ent.label_ in PLACE_LABELS or ent.label_ in _AMOUNTS):
                    continue
                person = ent is not None and ent.label_ == "PERSON"
                answer = [t for t in pobj.subtree if t.i not in aside_ids(pobj)]
                inv = ask_about(ids_of(child.subtree))
                add(f"{'Who' if person else 'What'} {inv} {child.text}" if inv else None, "what", answer, verb)
            elif child.dep_ == "npadvmod":
                ent = ent_of(child)
                if ent is not None and ent.label_ in TIME_LABELS and not _DURATION.search(ent.text):
                    inv = ask_about(ids_of(child.subtree))
                    add(f"When {inv}" if inv else None, "when", list(child.subtree), verb)
        # when / where / by whom: prepositions of the clause
        for prep in adjuncts_of(verb):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            ent = ent_of(pobj)
            if prep.dep_ == "agent":
                wh = "Who" if (ent.label_ in ("PERSON", "ORG", "NORP") if ent is not None else _acts(pobj)) else "What"
                # the particle stays with its verb: 'carried out by', not 'carried by out'
                prts = [c for c in verb.children if c.dep_ == "prt"]
                inv = ask_about(ids_of(prep.subtree) | ids_of(prts), after_verb=" ".join([p.text for p in prts] + ["by"]))
                add(f"{wh} {inv}" if inv else None, "who", without_clauses(pobj), verb)
                continue
            if ent is None:
                continue
            if ent.label_ in TIME_LABELS:
                if prep.lower_ not in _WHEN_PREPS or _DURATION.search(ent.text):
                    continue
                kind = "when"
            elif ent.label_ in PLACE_LABELS and prep.lower_ in WHERE_PREPS:
                kind = "where"
            else:
                continue
            if kind == "when" and any(t.ent_type_ in TIME_LABELS for t in rest_of(verb, ids_of(prep.subtree))):
                continue  # 'When was she arrested on Monday?': the question holds a time already
            inv = ask_about(ids_of(prep.subtree))
            answer = list(prep.subtree) if kind == "when" and prep.lower_ in ("since", "until", "by") else without_clauses(pobj)
            add(f"{kind.capitalize()} {inv}" if inv else None, kind, answer, verb)
        # why: a because / due to clause, or a stated purpose ('in a bid to', 'so that')
        for child in verb.children:
            marker = None
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("because", "since") for m in child.children):
                marker = child
            elif child.dep_ == "prep" and child.lower_ in ("because", "due") and child.i > verb.i and not _due_to_do(child):
                marker = child
            elif child.i > verb.i and _purpose(child):
                marker = child
            if marker is None:
                continue
            answer = list(marker.subtree)
            if marker.dep_ == "advcl":
                mark = next(m for m in marker.children if m.dep_ == "mark")
                answer = [t for t in answer if t.i >= mark.i]
            inv = ask_about(ids_of(marker.subtree))
            add(f"Why {inv}" if inv else None, "why", answer, verb, bonus=0.3)
    return out


def fits(lead: str, rest) -> bool:
    """Whether a clause question stays short enough to read (the wh-word, an auxiliary, the verb and
    ``lead``, its subject, counted) and its rest names what it refers to."""
    words = 3 + len(lead.split()) + len(text_of(rest).split())
    return words <= QUESTION_WORDS - 4 and not BAD_WORDS.search(text_of(rest))


def _main_clause(head, content: list) -> list:
    """What was said, its opening subordinate clause left out when it is too long for a short
    answer ('[While the decision applies to all seeking asylum ...,] applicants from Mexico ...
    could be hit especially hard'); the FAQ's answer sentence keeps it."""
    if sum(1 for t in content if not t.is_punct) <= 30:
        return content
    lead = next((c for c in head.children if c.dep_ == "advcl" and c.left_edge.i == content[0].i), None)
    if lead is None or lead.right_edge.i + 1 >= len(head.doc) or head.doc[lead.right_edge.i + 1].text != ",":
        return content
    return [t for t in content if t.i > lead.right_edge.i + 1]


# verbs whose complement is a bare infinitive ('saw profits fall', 'helped the carmaker boost')
_BARE_HEADS = {"see", "watch", "hear", "help", "make", "let", "have"}


def _bare_infinitive(verb) -> bool:
    """A clause after 'saw', 'helped', 'let' with neither an auxiliary nor a 'that' ('saw fourth
    quarter profits fall to 785m euros'): the tagger may read its verb as a present tense."""
    return verb.dep_ == "ccomp" and lemma_of(verb.head) in _BARE_HEADS and verb.tag_ in ("VB", "VBP") and not any(c.dep_ in AUX or c.dep_ == "mark" for c in verb.children)


def _addressed(subj, verb, auxes) -> bool:
    """A name set off by a comma right before an order ('Senator Schumer, do not shut down...'):
    the person it is given to, which the parse takes for the subject."""
    doc = subj.doc
    comma = subj.right_edge.i if subj.right_edge.text == "," else subj.right_edge.i + 1  # the parse may hang it on the name
    order = verb.tag_ == "VB" and all(a.lower_ in ("do", "don't") for a in auxes)
    return order and comma + 1 < len(doc) and doc[comma].text == "," and comma + 1 == min(t.i for t in auxes + [verb])


def quotation_spans(parsed: Parsed) -> list[tuple[int, int]]:
    """The article's direct quotations (:func:`corefact.nlp.quotations`), found once per article."""
    data = parsed.doc.user_data
    if "corefact_quotations" not in data:
        data["corefact_quotations"] = quotations(parsed.text)
    return data["corefact_quotations"]


def _duration(child) -> Optional[list]:
    """The tokens of a stretch of time a clause takes: its object or adverbial noun ('take at
    least eight months'), or 'for' and one ('for 40 days'); the answer is the stretch itself."""
    if child.dep_ in ("dobj", "npadvmod"):
        noun = child
    elif child.dep_ == "prep" and child.lower_ == "for":
        noun = next((c for c in child.children if c.dep_ == "pobj"), None)
    else:
        return None
    ent = ent_of(noun) if noun is not None else None
    if ent is None or ent.label_ not in TIME_LABELS or not _DURATION.search(ent.text) or re.search(r"\b(?:ago|last|next|this|past)\b", ent.text, re.I):
        return None
    after = noun.doc[ent.end].lower_ if ent.end < len(noun.doc) else ""
    if after in _RELATIVE_TIME or any(c.lower_ in _RELATIVE_TIME for c in noun.children):
        return None  # 'comes just a few months after...': a point in time, not a stretch
    return list(noun.subtree)


_RELATIVE_TIME = {"after", "before", "ago", "later", "earlier", "since"}


# subordinate clauses that state a fact of their own ('came after President Trump ordered an end
# to the policy'); not a condition ('if', 'unless'), a purpose, or what has not happened yet ('until
# the management puts an offer on the table', 'once the deal is signed', 'before it can go into
# effect': 'before', 'until' and 'once' state a clause in the past, of a main clause with no modal)
_STATED_MARKS = {"as", "after", "while", "when", "because", "since", "although", "though"}
_ONCE_DONE = {"before", "until", "once"}  # stated only of the past


def _stated_clause(verb) -> bool:
    """A finite adverbial clause with its own subject and a mark that states it as a fact."""
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    if any(m in _ONCE_DONE for m in marks):
        # 'once Barcelona had decided', 'until he retired in 2001'; not 'will continue until the management puts an offer on the table'
        past = verb.tag_ == "VBD" or any(c.dep_ in AUX and c.tag_ == "VBD" for c in verb.children)
        return verb.dep_ == "advcl" and past and not any(c.dep_ in AUX and c.tag_ == "MD" for c in verb.head.children)
    return verb.dep_ == "advcl" and finite(verb) and any(m in _STATED_MARKS for m in marks)


# bodies that act, for 'Who ... by?' ('set by the government', 'dismissed by a court'); people
# ('official', 'resident', 'regulator') are facts.people.person_noun's
_BODIES = {
    "government", "council", "police", "court", "company", "firm", "bank", "club", "team", "agency",
    "authority", "committee", "board", "union", "party", "army", "ministry", "department", "group",
    "family", "public", "fan", "people", "parliament", "commission", "jury", "panel", "school",
    "university", "hospital", "organisation", "organization", "administration", "opposition", "force",
    "troop", "navy", "state", "country", "staff",
}


_GROUPS = {
    "investor", "analyst", "lender", "resident", "official", "worker", "expert", "voter", "shareholder",
    "consumer", "buyer", "customer", "passenger", "protester", "campaigner", "rebel", "soldier", "officer",
    "lawmaker", "senator", "activist", "advocate", "critic", "player", "economist", "scientist", "researcher",
    "doctor", "prosecutor", "judge", "minister", "leader", "employee", "citizen", "migrant", "refugee",
    "student", "parent", "farmer", "driver", "firefighter", "rescuer", "trader", "negotiator", "regulator",
    "airline", "insurer", "bank", "retailer", "carmaker", "manufacturer", "supplier", "producer",
}


def _group(noun) -> bool:
    """Whether a common noun names people or a body who act ('investors', 'the city council')."""
    lemma = noun.lemma_.lower()
    words = [t for t in noun.subtree if not t.is_punct]
    if len(words) == 2 and words[0].lower_ in ("the", "this", "that"):
        return False  # 'the company', 'the group': who, the sentence before says
    return lemma in _BODIES or lemma in _GROUPS


def _acts(noun) -> bool:
    """Whether a common noun names someone who acts, a person or a body, not a thing ('the
    winds', 'the way he played')."""
    lemma = noun.lemma_.lower()
    return lemma in _BODIES or person_noun(lemma)


def _agent(subj) -> bool:
    """A subject that can act: a person, a body, a place's government or a people, or a pronoun
    standing for one ('they are to meet'; not 'the plan is to build')."""
    ent = ent_of(subj)
    if ent is not None:
        return ent.label_ in ("PERSON", "ORG", "NORP", "GPE")
    return subj.lower_ in ("he", "she", "they", "we") or subj.pos_ == "PROPN" or subj.pos_ == "NOUN" and (_acts(subj) or _group(subj))


# the nouns of a stated purpose: 'in a bid to', 'with the aim of', 'in an effort to', 'in order to'
_PURPOSE_NOUNS = {"aim", "bid", "effort", "attempt", "order", "hope", "drive", "push"}


def _purpose(child) -> bool:
    """A phrase of the clause that states what it is for: 'in a bid to deter airlines', 'with the
    aim of cutting traffic', 'in order to pay its debts', 'so that drivers pay less'. Not a bare
    infinitive, which may tell what came of it as well as what it was for ('replaced Marin in
    January to become the club's third coach')."""
    if child.dep_ == "prep" and child.lower_ in ("in", "with"):
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        return pobj is not None and pobj.lemma_.lower() in _PURPOSE_NOUNS and any(
            c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) or c.dep_ == "prep" and c.lower_ == "of" for c in pobj.children
        )
    if child.dep_ != "advcl":
        return False
    return [m.lower_ for m in child.children if m.dep_ == "mark"][:2] == ["so", "that"]


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
    counted = [f for f in facts.figures if f.kind == "count" and f.counts and f.part_of is None and f.value is not None]
    largest = max(counted, key=lambda f: f.value) if counted else None
    for fig in facts.figures:
        sent = parsed.sent_of(fig.span.start)
        if sent is None:
            continue
        # a count of one is no answer to 'how many' ('one thing is...'), nor a count the article has
        # already given ('the two newspapers'); the article's largest count is asked first
        if fig.kind == "count" and fig.counts and fig.context and fig.counts.lower() not in PRONOUNS and fig.value != 1 and not (fig.value == 2 and _GIVEN.search(parsed.text, max(0, fig.span.start - 8), fig.span.start)):
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
                    out.append(Candidate(finish(q), "how_many", fig.span, sent, bonus=0.3))
                continue
            if noun_tok.dep_ in SUBJ:
                if not finite(verb) or any(c.dep_ == "ccomp" for c in verb.children):
                    continue  # 'How many people wounded?'; 'How many firms said in a statement?' (what?)
                q = f"How many {fig.counts} {fig.context}"
            elif noun_tok.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and not _bare_infinitive(verb):
                subj, auxes, neg = clause_parts(verb)
                subj_text = resolve_subject(parsed, subj, facts, sent) if subj is not None else None
                if not subj_text:
                    continue
                exclude = ids_of(noun_tok.subtree) - detached_ids(noun_tok)
                inv = inverted(verb, subj_text, auxes, neg, text_of(rest_of(verb, exclude)))
                if not inv:
                    continue
                q = f"How many {fig.counts} {inv}"
            else:
                continue
            clause, act = (verb.i, clause_bonus(verb)) if verb.pos_ in ("VERB", "AUX") else (-1, 0.0)
            out.append(Candidate(finish(q), "how_many", fig.span, sent, bonus=0.5 + 0.8 * (fig is largest) + act, clause=clause))
        elif fig.kind in ("money", "percent", "quantity") and fig.part_of is None:
            phrase = _figure_phrase(parsed, fig)
            if phrase is None or phrase.dep_ not in ("dobj", "npadvmod", "attr") or phrase.head.pos_ not in ("VERB", "AUX"):
                continue
            verb = phrase.head
            if _bare_infinitive(verb):
                continue  # 'saw worldwide vehicle sales rise 8%': no 'By how much do sales rise?'
            subj, auxes, neg = clause_parts(verb)
            subj_text = resolve_subject(parsed, subj, facts, sent) if subj is not None else None
            if not subj_text:
                continue
            exclude = ids_of(phrase.subtree) - detached_ids(phrase)
            change = lemma_of(verb) in _CHANGE_VERBS
            if change:  # "rose 2% to $11.1bn from $10.9bn": the new and old values go too
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ in ("to", "from"):
                        exclude |= ids_of(c.subtree)
            rest = rest_of(verb, exclude)
            if any(t.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") for t in rest):
                continue
            inv = inverted(verb, subj_text, auxes, neg, text_of(rest))
            if inv:
                word = "By how much" if change else "How much"
                out.append(Candidate(finish(f"{word} {inv}"), "how_much", fig.span, sent, bonus=0.4 + clause_bonus(verb), clause=verb.i))
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
    for q in facts.quotes:
        if not q.speaker or not q.direct or len(q.text.split()) < 5:
            continue
        sent = parsed.sent_of(q.span.start)
        if sent is None or q.speaker.lower() in PRONOUNS:
            continue
        inner_start = q.span.start + q.span.text.find(q.text)
        inner = q.text.rstrip(",;: ")
        answer = parsed.span(inner_start, inner_start + len(inner))
        words = parsed.doc.char_span(answer.start, answer.end, alignment_mode="expand")
        question = topical(parsed, facts, f"What did {_as_written(parsed, q.speaker, q.speaker_span)} say?", sent, list(words) if words is not None else [])
        if question:
            out.append(Candidate(question, "quote", answer, sent, [q.speaker_span] if q.speaker_span else [], bonus=0.1))
    return out


# what a statement can be about, by name: not a date, a figure or an amount
_TOPIC_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
_TOPIC_PREPS = {"about", "on", "over", "against", "for", "with", "between"}


def _topic(root) -> bool:
    """Whether a name is what a statement is about: its subject or object ('reminded America'),
    or the object of 'about', 'on', 'against' and the like ('data on Ireland'); not a name that
    qualifies a noun ('Irish equities', 'its UK projects'), nor a place or owner in passing ('in
    west London', 'the quality of The Daily Telegraph')."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.pos_ == "ADJ":
        return False
    if root.dep_ == "pobj":
        return root.head.lower_ in _TOPIC_PREPS
    return root.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos")


def topical(parsed: Parsed, facts: Facts, question: str, sent: Sent, content) -> Optional[str]:
    """'What did X say?' as the FAQ asks it of ``sent``: as it is, when ``sent`` is the first in
    which X says something (``ask`` answers it from there: :func:`corefact.faq.answer.first_statement`);
    of a later statement, with what it is about, a name other than the speaker's in the
    statement's words ``content`` that no earlier statement of theirs names ('What did Eliot Engel
    say about Aung San Suu Kyi?'). None when there is no such name."""
    from .answer import SPEECH_QUESTION, first_statement

    if not SPEECH_QUESTION.match(question):
        return question
    first = first_statement(parsed, question, facts)
    if first is None or first == sent.index:
        return question
    speaker = SPEECH_QUESTION.match(question).group(1).lower()
    ids = {t.i for t in content}
    for ent in parsed.doc.ents:
        if ent.label_ not in _TOPIC_LABELS or ent.start not in ids or ent.end - 1 not in ids:
            continue
        if not _topic(ent.root):
            continue
        name = ent.text.strip(" -–—,;:'\"")  # 'the European Court of Human Rights -'; 'U.S.' keeps its stop
        person = person_for(facts.people, name)
        if name.lower() in speaker or person is not None and person is person_for(facts.people, speaker):
            continue  # the speaker, by another name
        about = question[:-1] + f" about {_as_written(parsed, name, parsed.span(ent.start_char, ent.end_char))}?"
        if first_statement(parsed, about, facts) == sent.index:  # where ``ask`` answers it
            return about
    return None


def _as_written(parsed: Parsed, name: str, span) -> str:
    """A name with the article ('the', 'a') the article writes before it ('the Football
    Association of Wales said', whose name is 'Football Association of Wales'; 'a White House
    official confirmed'); not the 'the' of another word for them
    ('the judge said', of Letitia Clark)."""
    if span is not None and span.text.lower() in name.lower() and not re.match(r"(?:the|an?) ", name, re.IGNORECASE):
        m = re.search(r"(?<![\w])(the|an?)\s+$", parsed.text[max(0, span.start - 5):span.start], re.IGNORECASE)
        if m:
            return f"{m.group(1).lower()} {name}"
    return name


def generate(parsed: Parsed, facts: Facts, sentences: list[Sent]) -> list[Candidate]:
    """All candidate questions from the given sentences and the facts."""
    out: list[Candidate] = []
    for s in sentences:
        out.extend(clause_questions(parsed, s, facts))
    out.extend(fact_questions(parsed, facts))
    for c in out:
        c.answer = _with_closing_mark(parsed, c.answer)
    return _speaker_questions_once(parsed, facts, out)


def _speaker_questions_once(parsed: Parsed, facts: Facts, candidates: list[Candidate]) -> list[Candidate]:
    """'What did X say?' without a topic is asked of the first sentence in which X says something
    (as ``ask`` answers it, :func:`corefact.faq.answer.first_statement`), not of a later one."""
    from .answer import SPEECH_QUESTION, first_statement

    first: dict[str, Optional[int]] = {}
    out = []
    for c in candidates:
        if SPEECH_QUESTION.match(c.question):
            if c.question not in first:
                first[c.question] = first_statement(parsed, c.question, facts)
            if first[c.question] is not None and first[c.question] != c.evidence.index:
                continue
        out.append(c)
    return out


def _with_closing_mark(parsed: Parsed, answer: Span) -> Span:
    """An answer that stops right before the mark closing a quotation it opens takes the mark ('he
    expected the striker to stay for ' a long time '', not '... a long time')."""
    if leaves_quotation_open(answer.text):
        m = re.match(r" ?['\"’”]", parsed.text[answer.end:answer.end + 2])
        if m and not leaves_quotation_open(parsed.text[answer.start:answer.end + m.end()]):
            return parsed.span(answer.start, answer.end + m.end())
    return answer

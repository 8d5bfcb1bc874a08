"""Clause questions: wh-movement over the dependency parse, with subject-auxiliary inversion and
do-support ("The mayor urged the council to delay the vote" -> "What did the mayor urge the council
to do?"), and the tests of which clauses a sentence states, which phrases a question can leave out,
and what a clause is worth to a reader."""

from __future__ import annotations

import re
from typing import Optional

from ..facts.people import person_for, person_noun
from ..model import Facts
from ..nlp import Parsed, Sent, article_quotations, is_speech
from .candidate import Candidate
from .grammar import (
    AUX,
    FINITE_TAGS,
    BAD_WORDS,
    PLACE_LABELS,
    QUESTION_WORDS,
    SPEECH_VERBS,
    TIME_LABELS,
    WHERE_PREPS,
    adjuncts_of,
    aside_ids,
    clause_of,
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
from .speakers import topical


_WHEN_PREPS = {"on", "in", "at", "since", "by", "until", "during", "before", "after"}
_DURATION = re.compile(r"\b(?:seconds?|minutes?|hours?|days|weeks|months|years)\b", re.I)
_VERB_PREPS = {"for", "against", "on", "with", "about", "over", "into"}
_AMOUNTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_CONTENT = {"NOUN", "PROPN", "NUM", "ADJ", "VERB"}
_SINGULAR = {"have": "has", "are": "is", "were": "was", "do": "does"}



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




def clause_questions(parsed: Parsed, sent: Sent, facts: Facts) -> list[Candidate]:
    """Wh-questions about the main clause(s) of a sentence."""
    out: list[Candidate] = []
    marked = [(a, b) for a, b in article_quotations(parsed) if a < sent.end and b > sent.start]
    quoted = [(a, b) for a, b in marked if is_speech(parsed.text, a, b)]

    def add(question: Optional[str], kind: str, answer_toks, verb, bonus: float = 0.0) -> None:
        answer_toks = [t for t in answer_toks if t.i >= sent.tok_start and t.i < sent.tok_end]
        if question and answer_toks:
            out.append(Candidate(finish(question), kind, span_of(parsed, answer_toks), sent, bonus=clause_bonus(verb) + bonus, clause=verb.i))

    for verb in parsed.tokens(sent):
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "ccomp", "conj") and not _stated_clause(verb):
            continue
        if _unstated(verb):
            continue  # 'It is not known how Granado intends to plead': a clause asked about, not stated
        if sum(1 for c in verb.children if c.dep_ == "dobj") > 1 or sum(1 for c in verb.children if c.dep_ == "nsubj") > 1:
            continue  # a misparse: 'lifted rates 0.25%, their first move in a year' has one object, 'Republican co-sponsor told' one subject
        clause = clause_of(verb, _agent)
        if clause is None:
            continue
        verb, subj, auxes, neg = clause
        if not finite(verb) and not any(a.tag_ in FINITE_TAGS for a in auxes) or bare_infinitive(verb):
            continue  # 'getting governments to spend', 'saw profits fall 2%': no tense of its own to ask with
        if any(a <= subj.idx < b for a, b in quoted) and not any(a <= verb.idx < b for a, b in quoted):
            continue  # the parse took a name in the quotation for the subject ('"Kim ... heading to New York," Trump wrote')
        if any(a <= t.idx < b for t in neg for a, b in marked) and not any(a <= verb.idx < b for a, b in marked):
            continue  # '"Absolutely not," Ada Pell told the council': the 'not' is her words, not the clause's
        if _nobody(subj):
            continue  # 'Nobody said that...': no 'What did nobody say?'
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
                # on the subject's side of the verb: a phrase the parse hangs on it from across the
                # verb ('40 people died in the crash, including 12 children') would take the verb in
                answer = [t for t in subj.subtree if t.i not in side and (t.i < verb.i) == (subj.i < verb.i)]
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
    lead = next((c for c in head.children if c.dep_ == "advcl" and c.left_edge.i == content[0].i and any(m.dep_ == "mark" and m.lower_ in ("while", "although", "though", "as", "whereas") for m in c.children)), None)
    if lead is None or lead.right_edge.i + 1 >= len(head.doc) or head.doc[lead.right_edge.i + 1].text != ",":
        return content
    return [t for t in content if t.i > lead.right_edge.i + 1]


# verbs whose complement is a bare infinitive ('saw profits fall', 'helped the carmaker boost')
_BARE_HEADS = {"see", "watch", "hear", "help", "make", "let", "have"}


def bare_infinitive(verb) -> bool:
    """A clause after 'saw', 'helped', 'let' with neither an auxiliary nor a 'that' ('saw fourth
    quarter profits fall to 785m euros'): the tagger may read its verb as a present tense."""
    return verb.dep_ == "ccomp" and lemma_of(verb.head) in _BARE_HEADS and verb.tag_ in ("VB", "VBP") and not any(c.dep_ in AUX or c.dep_ == "mark" for c in verb.children)


def _addressed(subj, verb, auxes) -> bool:
    """A name set off by a comma right before an order ('Senator Schumer, do not shut down...'):
    the person it is given to, which the parse takes for the subject."""
    doc = subj.doc
    comma = subj.right_edge.i if subj.right_edge.text == "," else subj.right_edge.i + 1  # the parse may hang it on the name
    order = verb.tag_ == "VB" and all(a.lower_ == "do" for a in auxes)
    return order and comma + 1 < len(doc) and doc[comma].text == "," and comma + 1 == min(t.i for t in auxes + [verb])


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
_STATED_MARKS = {"as", "after", "while", "when", "because", "since", "although", "though"}  # not "before"
_ONCE_DONE = {"until", "once"}  # stated only of the past ("before": not even then, 'collapsed before the bank approved the loan')


# verbs whose clause is what someone holds untrue, asks or fears: 'denied that the council had
# closed the bridge' (not 'said', 'believes': the answer sentence says who holds it)
_UNASSERTING = {"deny", "doubt", "dispute", "question", "wonder", "ask", "fear", "refute", "reject", "hope", "wish", "pretend", "imagine"}
# verbs and adjectives whose infinitive was not done: 'failed to prove that', 'declined to confirm
# that', 'were unable to confirm that'
_NOT_DONE = {"fail", "refuse", "decline", "unable", "yet"}
# adjectives that leave a clause open: 'It is unlikely that the council will close the bridge'
_DOUBTFUL = {"unlikely", "likely", "possible", "impossible", "probable", "unclear", "uncertain", "doubtful", "untrue", "false", "sure", "certain", "unknown"}
_NOBODY = {"nobody", "none", "no one", "neither"}


def _nobody(subj) -> bool:
    return " ".join(t.lower_ for t in subj.subtree) in _NOBODY


def _unstated(verb) -> bool:
    """A clause the sentence does not state: one it asks about ('checking whether the council
    closed the bridge', 'It is not known how Granado intends to plead'), one someone denies, asks,
    fears, fails or declines to confirm, holds unlikely or says not ('did not say that', 'Nobody
    said that', 'is not sure'), a condition or what has not happened yet (an adverbial clause
    ``_stated_clause`` does not state), and a clause coordinated with one of these or inside one
    ('whether the council closed the bridge and reopened the road', 'whether the council closed
    the bridge after engineers found cracks')."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    head = verb.head
    if head.i == verb.i:
        return False
    if verb.dep_ == "ccomp":
        if any(c.i < verb.i and (c.tag_ in ("WRB", "WP", "WDT") or c.dep_ == "mark" and c.lower_ in ("whether", "if")) for c in verb.children):
            return True
        if any(_holds_open(g) for g in _governors(head)):
            return True
        return head.pos_ in ("VERB", "AUX", "ADJ") and _unstated(head)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
        # (an advcl is asked only when stated, so this matters for what is joined to or inside one)
        return not _stated_clause(verb) or head.pos_ in ("VERB", "AUX") and _unstated(head)
    if verb.dep_ == "xcomp":
        return _unstated(head)
    return False


def _governors(head) -> list:
    """The words that govern a clause's head: itself, and what it is the infinitive or adjective
    of ('failed to prove', 'were unable to confirm', 'is not sure')."""
    out = [head]
    while (head.dep_ in ("xcomp", "acomp") or head.pos_ == "ADJ") and head.head.i != head.i:
        head = head.head
        out.append(head)
    return out


def _holds_open(tok) -> bool:
    """Whether a governing word leaves its clause unstated: a verb of denying, asking or fearing, of
    not doing, a negation, an adjective of doubt (on it, or as its complement: 'It is unlikely
    that'), or a subject that is nobody."""
    lemma = lemma_of(tok)
    if tok.pos_ in ("VERB", "AUX") and lemma in _UNASSERTING or lemma in _NOT_DONE or tok.pos_ == "ADJ" and lemma in _DOUBTFUL:
        return True
    return any(
        c.dep_ == "neg"
        or c.lower_ in _NOT_DONE
        or c.dep_ == "acomp" and c.lemma_.lower() in _DOUBTFUL
        or c.dep_ in ("nsubj", "nsubjpass") and _nobody(c)
        for c in tok.children
    )


def _stated_clause(verb) -> bool:
    """A finite adverbial clause with its own subject and a mark that states it as a fact."""
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    if any(m in _ONCE_DONE for m in marks):
        # 'once Barcelona had decided', 'until he retired in 2001'; not 'will continue until the management puts an offer on the table'
        past = verb.tag_ == "VBD" or any(c.dep_ in AUX and c.tag_ == "VBD" for c in verb.children)
        return verb.dep_ == "advcl" and past and _realised(verb.head)
    return verb.dep_ == "advcl" and finite(verb) and any(m in _STATED_MARKS for m in marks)


def _realised(verb) -> bool:
    """Whether a main clause tells what was done, not what may be or is meant to be: no modal on it
    or on the verbs it is the infinitive of, and none of these a verb of intent ('vowed to fight on
    until the council reversed its decision', 'refused to return until...'; 'continued to strike
    until the firm had raised pay' was done)."""
    while True:
        if any(c.dep_ in AUX and c.tag_ == "MD" for c in verb.children):
            return False
        if (lemma_of(verb) in _INTENT or verb.lower_ == "going") and any(c.dep_ == "xcomp" for c in verb.children):
            return False  # 'promised to pay staff once...', 'was going to pay staff once...'
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return True
        if verb.dep_ == "xcomp" and (lemma_of(verb.head) in _INTENT or verb.head.pos_ not in ("VERB", "AUX")):
            return False  # 'vowed to fight on until', 'was determined to fight on until'
        verb = verb.head


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
            c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children)
            or c.dep_ == "prep" and c.lower_ == "of" and pobj.lemma_.lower() in ("aim", "hope") and any(g.tag_ == "VBG" for g in c.children)
            for c in pobj.children
        )  # not 'in order of size', 'with a bid of two million pounds'
    if child.dep_ != "advcl":
        return False
    return [m.lower_ for m in child.children if m.dep_ == "mark"][:2] == ["so", "that"]


def _due_to_do(tok) -> bool:
    """'is due to be completed in January': 'due' with an infinitive is a timetable, not a cause."""
    doc = tok.doc
    return tok.lower_ == "due" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to" and doc[tok.i + 2].pos_ in ("VERB", "AUX")



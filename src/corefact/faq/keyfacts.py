"""Fact questions from the key facts: how many / how much of the figures, 'Who is X?' of the
people's roles, 'What did X say?' of the quotations."""

from __future__ import annotations

import re

from ..model import Facts
from ..nlp import Parsed
from .candidate import Candidate
from .grammar import (
    PRONOUNS,
    SUBJ,
    clause_parts,
    detached_ids,
    finish,
    finite,
    ids_of,
    inverted,
    lemma_of,
    resolve_subject,
    rest_of,
    text_of,
)
from .clauses import bare_infinitive, clause_bonus
from .speakers import as_written, topical


_GIVEN = re.compile(r"\b(?:the|these|those|its|their|his|her|our|both)\s+$", re.IGNORECASE)
_INCOMPLETE_ROLES = {"head", "member", "chief", "part", "one", "leader", "chair", "deputy"}
# a role whose owner is a pronoun ('their president, Rui Sampaio'): the answer would not say whose
_POSSESSOR_BEFORE = re.compile(r"\b(?:his|her|its|their|our|my|your)\s+$", re.IGNORECASE)


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


def _participle_first(parsed: Parsed, fig) -> bool:
    """Whether a figure's context opens with a participle ('evacuated from the valley')."""
    if not fig.context:
        return False
    at = parsed.text.find(fig.context, fig.span.start)
    span = parsed.doc.char_span(at, at + 1, alignment_mode="expand") if at >= 0 else None
    return span is not None and span[0].tag_ in ("VBN", "VBG")


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
                    # the context when it says which they are, a participle ('residents evacuated from the
                    # valley'); not a clause ('have been involved in a crash', 'died in the crash', 'could lose')
                    context = parent.context if _participle_first(parsed, parent) else ""
                    q = f"How many of the {parent.counts} {context} were {fig.counts}"
                    out.append(Candidate(finish(q), "how_many", fig.span, sent, bonus=0.3))
                continue
            if noun_tok.dep_ in SUBJ:
                if not finite(verb) or any(c.dep_ == "ccomp" for c in verb.children):
                    continue  # 'How many people wounded?'; 'How many firms said in a statement?' (what?)
                q = f"How many {fig.counts} {fig.context}"
            elif noun_tok.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and not bare_infinitive(verb):
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
            if bare_infinitive(verb):
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
        question = topical(parsed, facts, f"What did {as_written(parsed, q.speaker, q.speaker_span)} say?", sent, list(words) if words is not None else [])
        if question:
            out.append(Candidate(question, "quote", answer, sent, [q.speaker_span] if q.speaker_span else [], bonus=0.1))
    return out



"""The grammar of a question built from a clause: noun phrases as a question writes them, the
clause's subject (a pronoun or relative pronoun resolved), subject-auxiliary inversion with
do-support, and the token sets a question leaves out (asides, detached time and place phrases)."""

from __future__ import annotations

import re
from typing import Optional

from ..facts.people import person_for, person_noun
from ..model import Facts, Span
from ..nlp import Parsed, Sent, ent_at, ents_within

SUBJ = ("nsubj", "nsubjpass")
AUX = ("aux", "auxpass")
_SKIP_DEPS = {"punct", "cc", "conj", "mark", "advcl", "parataxis", "dep", "meta", "intj", "preconj"}
_RELATIVES = ("who", "which", "that")  # a relative pronoun, as a clause's subject
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "this", "that", "these", "those", "i", "we", "you", "there", "one"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT"}
TIME_LABELS = {"DATE", "TIME"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
WHERE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into"}
# words that leave a question without its referent: pronouns, demonstratives, a relative pronoun
# taken for the subject ('How many lives has which claimed?'), the indefinite 'someone'
BAD_WORDS = re.compile(
    r"\b(?:he|she|it|they|him|her|them|his|its|their|this|that|these|those|i|we|you|me|us|our|my|your|which|who|whom|whose"
    r"|someone|somebody|something|anyone|anybody)\b",
    re.IGNORECASE,
)
QUESTION_WORDS = 24  # the longest question the FAQ asks
# verbs of reported speech: "The agency reported hundreds of homes flooded" -> What did the agency report?
SPEECH_VERBS = {"say", "tell", "add", "state", "note", "explain", "claim", "argue", "announce", "report", "write"}


def text_of(tokens) -> str:
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


def np_text(tok, core_only: bool = False, drop: frozenset[int] | set[int] = frozenset()) -> str:
    """A noun phrase for use inside a question; a sentence-initial common noun is lower-cased
    (not a word that keeps its capital, :func:`_keeps_capital`: 'FA chief Greg Dyke', not 'fA chief').

    With ``core_only``, appositions, 'including ...' phrases and whatever else a comma sets off
    right after the noun ('Rank, formerly famous for the Carry On series,') are left out, and the
    tokens in ``drop``."""
    drop = set(drop)
    if core_only:
        for c in tok.children:
            if c.dep_ in ("appos", "relcl", "acl") or c.dep_ == "prep" and c.lower_ in ("including", "among"):
                drop.update(t.i for t in c.subtree)
        drop |= _set_off(tok)
    toks = [t for t in tok.subtree if t.i not in drop and (t.dep_ not in ("punct",) or t.i not in (tok.left_edge.i, tok.right_edge.i))]
    toks = [t for k, t in enumerate(toks) if not (t.is_punct and t.text == "," and (k + 1 == len(toks) or toks[k + 1].is_punct))]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    text = text_of(toks)
    first = toks[0] if toks else None
    starts = first is not None and (first.is_sent_start or first.i > 0 and "\n" in first.doc[first.i - 1].text_with_ws)
    if starts and text[:1].isupper() and not _keeps_capital(first):
        text = text[0].lower() + text[1:]
    elif starts and first.text == "The" and first.ent_type_ and not _the_in_name(first):
        text = "the" + text[3:]  # 'the Commerce Department'
    return text


def _set_off(tok) -> set[int]:
    """Token ids of what a comma right after a noun sets off inside its phrase, up to the phrase's
    last comma or its end ('Rank[, formerly famous for the Carry On series,]'); none for a list
    ('Smith, Jones and Brown')."""
    doc, sub = tok.doc, [t for t in tok.subtree]
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != "," or doc[tok.i + 1].head.i != tok.i or any(c.dep_ == "conj" for c in tok.children):
        return set()
    commas = [t.i for t in sub if t.text == "," and t.i > tok.i]
    end = commas[-1] if len(commas) > 1 else sub[-1].i
    return set(range(tok.i + 1, end + 1))


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


def clause_parts(verb):
    """Subject, auxiliaries and negation of a clause headed by ``verb``."""
    subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
    auxes = [c for c in verb.children if c.dep_ in AUX and c.i < verb.i]
    neg = [c for c in verb.children if c.dep_ == "neg"]
    return subj, auxes, neg


def clause_of(verb, agent=lambda subj: False):
    """(head, subject, auxiliaries, negation) of the clause ``verb`` heads, or None without a subject.

    Two shapes where the parse hides the clause: 'Trump and Abe are to attend the summit' (a 'be
    to' plan of a subject that can act, ``agent(subj)``: the clause is the infinitive's, with 'are
    to' as its auxiliaries; not 'the plan was to build a dam'), and a second verb sharing the first
    one's subject ('arrived on Monday and met the mayor': the subject is the first verb's)."""
    subj, auxes, neg = clause_parts(verb)
    if lemma_of(verb) == "be" and subj is not None and agent(subj) and not any(c.dep_ in ("attr", "acomp") for c in verb.children):
        plan = next((c for c in verb.rights if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        to = next((c for c in plan.children if c.dep_ == "aux" and c.lower_ == "to" and c.i == plan.i - 1), None) if plan is not None else None
        if to is not None and not any(c.dep_ in SUBJ or c.dep_ in AUX and c.i != to.i for c in plan.children):
            return plan, subj, auxes + [verb, to], neg + [c for c in plan.children if c.dep_ == "neg"]
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.dep_ in ("ROOT", "ccomp"):
        first = clause_of(verb.head, agent)
        # right after the 'and' or 'but' (its auxiliaries and adverbs between): not 'and goalkeeper
        # Morgan de Sanctis did the rest', where the parse lost the second clause's own subject
        lead = min([c.i for c in verb.lefts if c.dep_ in AUX or c.dep_ in ("neg", "advmod")] + [verb.i])
        before = verb.doc[lead - 1] if lead > 0 else None
        if first is None or first[1].i > verb.i or any(c.dep_ == "mark" for c in verb.children) or before is None or before.dep_ != "cc" or before.lower_ not in ("and", "but"):
            return None
        return verb, first[1], auxes, neg
    return (verb, subj, auxes, neg) if subj is not None else None


_LEMMA_FIX = {"fin": "fine"}  # known slips of the small model's lemmatizer


def lemma_of(verb) -> str:
    lemma = verb.lemma_.lower()
    return _LEMMA_FIX.get(lemma, lemma)


def ent_of(tok):
    return ent_at(tok)


def is_adjunct_prep(prep) -> bool:
    """A preposition whose object is a time or place: it modifies the clause, wherever the parser
    attached it."""
    if prep.dep_ != "prep":
        return False
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    ent = ent_of(pobj) if pobj is not None else None
    return ent is not None and (ent.label_ in TIME_LABELS or ent.label_ in PLACE_LABELS and prep.lower_ in WHERE_PREPS)


def detached_ids(tok) -> set[int]:
    """Token ids of time/place prepositions the parser hung on a noun ("a factory in Dresden")."""
    out: set[int] = set()
    for c in tok.rights:
        if is_adjunct_prep(c):
            out.update(t.i for t in c.subtree)
    return out


def adjuncts_of(verb) -> list:
    """Prepositions that modify the clause: the verb's own, those hung on its object, and those of a
    to-infinitive complement ("is expected to reach the coast on Sunday")."""
    out = [c for c in verb.children if c.dep_ in ("prep", "agent")]
    for c in verb.children:
        if c.dep_ in ("dobj", "attr"):
            out.extend(p for p in c.rights if is_adjunct_prep(p))
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            out.extend(p for p in c.children if p.dep_ == "prep")
    return out


def rest_of(verb, exclude: set[int]) -> list:
    """Tokens after the verb that stay in the question (complements, prepositions)."""
    out = []
    for c in verb.rights:
        if c.dep_ in _SKIP_DEPS or c.dep_ == "ccomp":
            continue
        out.extend(t for t in c.subtree if t.i not in exclude)
    while out and (out[-1].is_punct and out[-1].text != "%" or _dangling(out[-1])):
        out.pop()
    return out


def optional_phrases(verb, rest) -> list[set[int]]:
    """The phrases of a question's rest that it can leave out, last first, each as its token ids:
    an aside on a noun (a relative clause or apposition after a comma, a relative clause on a
    definite noun: 'the crisis that has displaced...', not 'any bill that does not...'), a participle ('criticisms
    levelled by Republicans'; not what a noun needs: 'plans to sell', 'a manner that'), an
    'including' list (never an 'according to': a claim would read as a fact), and a preposition of the clause after the
    verb's first complement ('praised Wray for his leadership'; not 'voted against the bill', nor
    the 'of' of 'a grant of asylum'). Leaving one out asks less than the sentence says."""
    ids = {t.i for t in rest}
    first = next((c.i for c in verb.rights if c.i in ids and not c.is_punct), None)
    out = []
    for t in rest:
        if t.head.i not in ids and t.head.i != verb.i or t.i == first:
            continue
        aside = t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","
        optional = (
            t.dep_ in ("relcl", "appos") and (aside or t.dep_ == "relcl" and _definite(t.head))
            or t.dep_ == "acl" and t.tag_ in ("VBN", "VBG") and not any(c.dep_ == "aux" for c in t.children)
            or t.dep_ == "prep" and (t.lower_ in ("including", "among") or t.lower_ not in ("of", "according") and t.head.i == verb.i)
        )
        if optional:
            out.append({c.i for c in t.subtree} & ids)
    return sorted(out, key=min, reverse=True)


def _definite(noun) -> bool:
    """A noun phrase that names one thing without its relative clause: 'the crisis (that has
    displaced...)', a name, a possessive; not 'any bill (that does not fund...)', whose clause
    restricts what it says."""
    return noun.pos_ == "PROPN" or any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def shorter(rest, phrase: set[int]) -> list:
    """``rest`` without ``phrase``, and without the comma or conjunction that is left at its end."""
    out = [t for t in rest if t.i not in phrase]
    while out and (out[-1].is_punct and out[-1].text != "%" or _dangling(out[-1]) or out[-1].dep_ == "cc"):
        out.pop()
    return out


def _dangling(tok) -> bool:
    """An 'and' or 'but' the parse hung on the last word of a phrase, that joins what follows it
    ('won the first set and coach Tom Harte did the rest'): no end for a question or an answer."""
    return tok.dep_ == "cc" and tok.head.i < tok.i


def inverted(verb, subj_text: str, auxes, neg, rest_text: str, after_verb: str = "") -> Optional[str]:
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
        if lemma_of(verb) == "be":
            body = f"{verb.text.lower()} {subj_text}{neg_text}"
        else:
            body = f"{do} {subj_text}{neg_text} {lemma_of(verb)}"
    if after_verb:
        body += " " + after_verb
    return (body + (" " + rest_text if rest_text else "")).strip()


def _singular_subject(verb) -> bool:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in _RELATIVES and verb.dep_ == "relcl":
        subj = verb.head
    # 'a' or 'each' marks one; 'the City squad have' is British English for a team
    return subj is not None and subj.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "each", "every") for c in subj.children)


def resolve_subject(parsed: Parsed, subj, facts: Facts, sent: Sent) -> Optional[str]:
    """The subject as a noun phrase, a pronoun replaced by the person last named before it, a
    relative pronoun by what it stands for ('Kane, who has netted 19 goals')."""
    if subj.lower_ in _RELATIVES and subj.head.dep_ == "relcl":
        subj = _relative_antecedent(subj)
        if subj is None:
            return None
    if subj.lower_ in ("he", "she") and len(list(subj.subtree)) == 1:
        return _antecedent(parsed, facts, sent, subj)
    if subj.lower_ in PRONOUNS:
        return None
    text = np_text(subj, core_only=True)
    if len(text.split()) <= 8:
        return text
    # a name needs no place to say which it is: 'the Burma Sanctions Bill (in the House of
    # Representatives) and a companion bill in the Senate'; not 'shares (in Multiplex)', nor the
    # name's own words ('the University of Leeds')
    named = {
        t.i
        for n in subj.subtree
        if n.pos_ == "PROPN" and n.dep_ in ("nsubj", "nsubjpass", "conj")
        for c in n.children
        if c.dep_ == "prep" and c.lower_ in WHERE_PREPS and not _within_name(c, n)
        for t in c.subtree
    }
    if not named:
        return None
    text = np_text(subj, core_only=True, drop=named)
    return text if len(text.split()) <= 12 else None


def _within_name(tok, name) -> bool:
    """Whether ``tok`` is a word of the name that ``name`` is in ('of' in 'the University of Leeds')."""
    ent = ent_at(name)
    return ent is not None and ent.start <= tok.i < ent.end


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


def _antecedent(parsed: Parsed, facts: Facts, sent: Sent, pronoun=None) -> Optional[str]:
    """The person 'he' or 'she' stands for: the subject of the previous sentence when that is a
    named person and no other person is named, or named by a common noun ('a man', 'her deputy'),
    before the pronoun in its own sentence ('...when Trump tweeted that he "didn't see a deal"' is
    not the previous sentence's Paul Ryan, nor is 'The council thanked Tom Harte after he signed
    the deal'), but in a phrase that opens the pronoun's clause ('Hosted by Gordon Brown, he said'
    may be: :func:`_in_opening_phrase`); a conservative rule: otherwise no question is made."""
    if sent.index == 0:
        return None
    prev = parsed.sents[sent.index - 1]
    for t in parsed.tokens(prev):
        if t.dep_ in SUBJ and t.head.dep_ == "ROOT":
            ent = ent_at(t)
            ent = ent if ent is not None and ent.label_ == "PERSON" else None
            if ent is None:
                return None
            person = person_for(facts.people, ent.text)
            if person is None or pronoun is not None and (
                any(
                    e.label_ == "PERSON" and person_for(facts.people, e.text) is not person and not _in_opening_phrase(e.root, pronoun)
                    for e in ents_within(parsed.doc, sent.start, pronoun.idx)
                )
                or any(  # a person named by a common noun: 'Police arrested a man after he', 'Her deputy said he'
                    n.pos_ == "NOUN" and not n.ent_type_ and person_noun(n.lemma_.lower()) and not _in_opening_phrase(n, pronoun)
                    for n in parsed.doc[sent.tok_start:pronoun.i]
                )
            ):
                return None
            return person.name
    return None


def _in_opening_phrase(tok, pronoun) -> bool:
    """Whether ``tok`` is in a phrase that opens the pronoun's clause and has no subject of its own
    ('Hosted by Gordon Brown, he said'; 'At a conference hosted by Gordon Brown, he said'; 'After
    meeting Tom Harte, she said'), and is not a subject itself: the pronoun is not that person
    ('After Tom Harte resigned, he said' may be)."""
    if tok.dep_ in SUBJ:
        return False
    head = pronoun.head
    while True:  # the pronoun's clause, or the clause it reports ('..., he said that he was')
        for c in head.children:
            if c.i < pronoun.i and c.dep_ in ("prep", "advcl", "acl", "npadvmod") and c.left_edge.i <= tok.i <= c.right_edge.i:
                return not any(x.dep_ in SUBJ for x in c.children)
        if head.dep_ not in ("ccomp", "conj") or head.head.i == head.i:
            return False
        head = head.head


def finish(q: str) -> str:
    q = re.sub(r"\s+", " ", q).strip().rstrip(",;:.")
    q = re.sub(r"(?:\s*,){2,}", ",", q)  # the commas around a phrase left out ('the scheme,,, taking')
    q = re.sub(r"\s+([,.;:?!%])", r"\1", q)
    return q[0].upper() + q[1:] + "?"


def span_of(parsed: Parsed, toks) -> Span:
    toks = list(toks)
    while len(toks) > 1 and (toks[-1].is_punct or _dangling(toks[-1])):
        toks.pop()
    while len(toks) > 1 and toks[0].is_punct:
        toks.pop(0)
    return parsed.span(toks[0].idx, toks[-1].idx + len(toks[-1].text))


# a role that is no answer without what it belongs to

def aside_ids(tok) -> set[int]:
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


def without_clauses(tok) -> list:
    """A noun phrase without its asides: 'Saturday', not 'Saturday, which has claimed more than
    4,000 lives'."""
    side = aside_ids(tok)
    return [t for t in tok.subtree if t.i not in side]


def ids_of(toks) -> set[int]:
    return {t.i for t in toks}


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def finite(verb) -> bool:
    """Whether a verb makes a clause of its own: finite, or with a finite auxiliary ('have been
    evacuated'), not a participle that hangs on a noun ('200 people wounded')."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ in AUX and c.tag_ in FINITE_TAGS for c in verb.children)



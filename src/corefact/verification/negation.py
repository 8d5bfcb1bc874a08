"""The negation and modality check: a negation added or dropped, a clause only urged or planned
stated as fact, 'will' for the original's 'may'."""

from __future__ import annotations

import re

from .problem import Problem, _per_span

_CERTAIN = {"will", "shall", "must", "wo"}
_OBLIGED = {"must", "should", "ought"}  # 'must pay back' for 'was ordered to pay back'
_POSSIBLE = {"may", "might", "could", "can", "ca"}


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

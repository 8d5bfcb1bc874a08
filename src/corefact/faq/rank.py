"""Ranking and selecting FAQ candidates: salience, variety, and the filters a reader expects."""

from __future__ import annotations

import re
from typing import Callable, Iterable, Optional

from ..nlp import leaves_quotation_open
from ..select import Scored
from .candidate import Candidate
from .grammar import BAD_WORDS, QUESTION_WORDS

# a short answer in a quoted speaker's own words ('my parents'): whose, the reader cannot tell
_SPEAKERS_OWN = re.compile(r"(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our)\b")
# an answer that starts in the middle of a word ("s atmosphere", from "Earth ' s atmosphere")
_TORN_START = re.compile(r"[b-z]\s")
# an answer cut off after a conjunction, preposition or article ('the news and')
_CUT_ANSWER = re.compile(r"\b(?:and|or|but|of|to|the|a|an|with|for|in|on|at|by)$", re.IGNORECASE)


# the counted subject's own thing, the object of its verb, and a thing one can only have of one's
# own: 'How many villagers have lost their homes?'; not 'How many MPs have backed their plan?' nor
# 'How many candidates have been spotted in their restaurants?' (whose, it may not say)
_THEIR_OWN = re.compile(
    r"How many [\w-]+(?: [\w-]+)? (?:(?:have|has|had|will|would|could|did) )?\w+ their (?:homes?|jobs?|lives|seats?|families|children|livelihoods|possessions|belongings)\b"
)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def acceptable(c: Candidate) -> bool:
    """Filters: length, self-contained, not answering itself, a short answer."""
    words = c.question.split()
    if not 4 <= len(words) <= QUESTION_WORDS:
        return False
    body = c.question[:-1].split(" ", 1)[1] if " " in c.question else ""
    if c.kind == "how_many" and _THEIR_OWN.match(c.question):
        body = body.replace(" their ", " ")  # the counted ones' own: 'How many villagers have lost their homes?'
    if BAD_WORDS.search(body):
        return False
    ans = _norm(c.answer.text)
    if not ans or ans in _norm(c.question):
        return False
    if len(c.answer.text.split()) > 30 or _CUT_ANSWER.search(c.answer.text.rstrip(" ,;:")) or _TORN_START.match(c.answer.text):
        return False
    if len(c.answer.text.split()) <= 4 and _SPEAKERS_OWN.match(c.answer.text):
        return False
    if '"' in c.question or "“" in c.question or "”" in c.question:
        return False
    return well_formed(c.question)


# an apostrophe set apart as the PTB-detokenised CNN/DM text has it ("the Gunners ' 2-1 win",
# "Hughes ’ s"), a word cut at its hyphen ("a swift counter- in"), a dangling conjunction ("to make the transfer permanent but?")
# a score cut at its hyphen ("help -0 on Sunday", of "a 3-0 win")
_TORN = re.compile(r"\w\s+['’]\s+\w|\w-\s|\s-\d|\b(?:and|but|or|than)\?$")
# a second question word inside the question: a subject the parse took with its own ('What had how
# many people seen?'); a news agency's dateline run into the first sentence ('Rome (CNN) Italy')
_INNER_WH = re.compile(r"\b(?:how many|how much|what)\b", re.IGNORECASE)
_DATELINE = re.compile(r"\((?:CNN|AP|AFP|Reuters|BBC|PA|dpa|UPI)\)")
# a photo caption run into the story without its full stop ('a photo shoot for Surrey The event at
# the Oval comes...'): a capital 'The' (or another word that opens a sentence: 'Around', 'It'; not
# 'A', which names things: 'Group A on Sunday')
# inside the question before a word in lower case or a number
_RUN_ON = re.compile(r"\w\s+(?:The|An|Around|About|Some|Many|More|Most|It|He|She|They|We|This|These|Those|But|After|When|While)\s+[a-z0-9]")


def well_formed(question: str) -> bool:
    """A question a reader can take as written: brackets and quotation marks closed (a clause cut
    at '(right' or at "'horrible"), no torn apostrophe or score, no dangling conjunction, no caption
    or dateline run in, no second question word."""
    body = question[:-1]
    if _INNER_WH.search(body.split(" ", 1)[1] if " " in body else "") and not body.lower().startswith(("how many of", "by how much")) or _DATELINE.search(body):
        return False
    return body.count("(") == body.count(")") and not leaves_quotation_open(body) and not _TORN.search(question) and not _RUN_ON.search(body)


def rank(
    candidates: list[Candidate],
    scored: list[Scored],
    n: int,
    core_index: int = -1,
    leans: frozenset[int] | set[int] = frozenset(),
    answer_of: Optional[Callable[[Candidate], str]] = None,
    shown: Iterable[str] = (),
) -> list[Candidate]:
    """Choose ``n`` candidates: salient sources first, varied question types and sources (the core
    fact's sentence is already answered by the first question), distinct answers, one question per
    clause, and at most one 'Who is X?' whose role is news to the reader; a source in ``leans`` (it
    names what the sentence before it brings up: 'the cut') weighs against a candidate twice as much
    as a repeated source: its questions ('What did the government say?') are vague without that
    sentence. With ``answer_of`` (the answer a reader is shown for a candidate), each answer is
    shown once: none that is in ``shown`` (the core fact's) or another chosen one's ('What did the
    spokesman say?' beside 'What did the spokesman refuse to do?', both answered by one sentence);
    the next in rank order takes its place."""
    if n <= 0:
        return []
    by_index = {s.sent.index: s.score for s in scored}
    order = sorted(by_index, key=by_index.get, reverse=True)
    rank_of = {idx: r for r, idx in enumerate(order)}
    core = next((s.sent for s in scored if s.sent.index == core_index), None)
    pool = [c for c in candidates if acceptable(c) and not (c.kind == "who_is" and not role_is_news(c, core))]
    chosen: list[Candidate] = []
    kinds: dict[str, int] = {}
    questions: set[str] = set()
    if shown and answer_of is None:
        raise ValueError("rank: 'shown' needs 'answer_of' to compare answers with")
    answers = set(shown)
    while pool and len(chosen) < n:
        def value(c: Candidate) -> float:
            same_source = sum(1 for x in chosen if x.evidence.index == c.evidence.index)
            # the core sentence: its question is taken (1.0, as for any repeated source), and it says little more (0.7)
            core = 1.7 * (c.evidence.index == core_index)
            return -rank_of.get(c.evidence.index, 99) / 4 + c.bonus - 0.8 * kinds.get(c.kind, 0) - 1.0 * same_source - core - 2.0 * (c.evidence.index in leans)

        best = max(pool, key=value)
        pool.remove(best)
        if best.question.lower() in questions or any(_overlaps(best, c) or _same_clause(best, c) for c in chosen):
            continue
        if best.kind == "who_is" and (kinds.get("who_is") or any(_shows_role(best, c) for c in chosen)):
            continue  # at most one 'Who is X?', and none whose role another question shows
        answer = answer_of(best) if answer_of is not None else None
        if answer in answers:
            continue
        # a 'Who is X?' already chosen says nothing new once this question's answer or words show the role
        for c in [c for c in chosen if c.kind == "who_is" and _shows_role(c, best)]:
            chosen.remove(c)
            kinds[c.kind] -= 1
            answers.discard(answer_of(c) if answer_of is not None else None)
        chosen.append(best)
        if answer is not None:
            answers.add(answer)
        kinds[best.kind] = kinds.get(best.kind, 0) + 1
        questions.add(best.question.lower())
    return chosen


# roles whose holder a reader of the news knows by the title: heads of state and government
_HEAD_OF_STATE = re.compile(r"\b(?:president|prime minister|premier|chancellor|king|queen|pope|emperor|taoiseach)\b", re.IGNORECASE)


def role_is_news(c: Candidate, core=None) -> bool:
    """Whether a 'Who is X?' tells the reader something: a role of more than one word or with what
    it belongs to ('deputy chief economist at BMO Financial Group', not 'economist'), not a head of
    state or government ('Chancellor', 'US President'), not a role the core fact already gives."""
    role = c.answer.text
    if len(role.split()) < 2 or _HEAD_OF_STATE.search(role) and not re.search(r"\b(?:of|at)\b", role):
        return False
    return core is None or role not in core.text


def _same_clause(a: Candidate, b: Candidate) -> bool:
    return a.clause >= 0 and a.clause == b.clause


def _shows_role(who: Candidate, other: Candidate) -> bool:
    """Whether ``other`` shows the role a 'Who is X?' answers: in its question ('What did Texas
    Judge Letitia Clark say?') or in its answer sentence (the evidence that names the speaker)."""
    ev = other.evidence
    return who.answer.text in other.question or ev.start <= who.answer.start and who.answer.end <= ev.end


def _overlaps(a: Candidate, b: Candidate) -> bool:
    lo = max(a.answer.start, b.answer.start)
    hi = min(a.answer.end, b.answer.end)
    return hi - lo > 0.5 * min(a.answer.end - a.answer.start, b.answer.end - b.answer.start)

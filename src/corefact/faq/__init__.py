"""The FAQ: the core-fact question first, then generated questions, ranked and round-trip checked."""

from __future__ import annotations

from ..model import QA, Facts, Sentence, Transformation
from ..nlp import Parsed
from ..select import Scored, eligible, leans_on_previous
from .answer import SentenceIndex, ask
from .generate import CORE_QUESTION, Candidate, generate
from .rank import rank
from .sentence import answer_sentence, reverse_wh


def round_trip(parsed: Parsed, candidates: list[Candidate], index: SentenceIndex, facts: Facts | None = None) -> list[Candidate]:
    """Keep the candidates whose question, put to ``ask``, comes back to their own evidence."""
    kept = []
    for c in candidates:
        a = ask(parsed, c.question, index=index, fast=True, facts=facts)
        if a.evidence is not None and a.evidence.start == c.evidence.start:
            kept.append(c)
    return kept


def build_faq(parsed: Parsed, facts: Facts, scored: list[Scored], core: Sentence, n: int, index: SentenceIndex | None = None) -> tuple[list[QA], tuple[int, int]]:
    """The FAQ with ``n`` questions (the core-fact question included), and the round-trip counts
    ``(candidates checked, candidates dropped)``."""
    faq = [QA(question=CORE_QUESTION, kind="core", answer=core.text, evidence=core.evidence, transformations=core.transformations)]
    sentences = [s.sent for s in scored if eligible(s.sent)]
    candidates = generate(parsed, facts, sentences)
    index = index or SentenceIndex(parsed)
    # overgenerate and rank: take a generous shortlist, check it, then select
    core_index = next((s.sent.index for s in scored if s.sent.start == core.evidence[0].start), -1)
    leans = leans_on_previous(parsed)
    shortlist = rank(candidates, scored, max(3 * n, 12), core_index, leans)
    checked = round_trip(parsed, shortlist, index, facts)
    dropped = len(shortlist) - len(checked)
    made: dict[int, tuple] = {}  # a candidate's answer sentence, its transformations and evidence

    def answer_of(c: Candidate) -> str:
        # the sentence a reader is shown: the evidence sentence, or for how many / who is the
        # question's own words around the answer span (kept only when the span is there verbatim)
        if id(c) not in made:
            sentence = answer_sentence(parsed, c.evidence)
            text, transformations = sentence.text, sentence.transformations
            reversed_ = reverse_wh(c.question, c.answer.text) if c.kind in ("how_many", "who_is") else None
            if reversed_ is not None and c.answer.text in reversed_:
                text, transformations = reversed_, [Transformation(rule="reverse_wh", added=reversed_.replace(c.answer.text, "", 1).strip())]
            made[id(c)] = (text, transformations, sentence.evidence)
        return made[id(c)][0]

    # each answer shown once, the core fact's included: rank skips a candidate whose answer is shown
    for c in rank(checked, scored, n - 1, core_index, leans, answer_of=answer_of, shown=[core.text]):
        text, transformations, evidence = made[id(c)]
        faq.append(
            QA(
                question=c.question,
                kind=c.kind,
                answer=text,
                short_answer=c.answer.text,
                answer_span=c.answer,
                evidence=evidence,
                question_spans=c.question_spans,
                transformations=transformations,
            )
        )
    return faq, (len(shortlist), dropped)


__all__ = ["build_faq", "ask", "SentenceIndex", "CORE_QUESTION"]

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
    # in rank order, each answer shown once: not the core fact's sentence again, nor a sentence
    # another question already shows ('What did the spokesman say?' beside 'What did the spokesman
    # refuse to do?'). The whole checked list is ranked, so rank's variety penalties also count
    # candidates dropped here, and a 'Who is X?' it replaces late can differ from a run of n - 1.
    for c in rank(checked, scored, len(checked), core_index, leans):
        if len(faq) == n:
            break
        sentence = answer_sentence(parsed, c.evidence)
        text, transformations = sentence.text, sentence.transformations
        reversed_ = reverse_wh(c.question, c.answer.text) if c.kind in ("how_many", "who_is") else None
        if reversed_ is not None and c.answer.text in reversed_:  # the question's own words around the answer span (kept only when the span is there verbatim, not recased)
            text, transformations = reversed_, [Transformation(rule="reverse_wh", added=reversed_.replace(c.answer.text, "", 1).strip())]
        if any(q.answer == text for q in faq):
            continue
        faq.append(
            QA(
                question=c.question,
                kind=c.kind,
                answer=text,
                short_answer=c.answer.text,
                answer_span=c.answer,
                evidence=sentence.evidence,
                question_spans=c.question_spans,
                transformations=transformations,
            )
        )
    return faq, (len(shortlist), dropped)


__all__ = ["build_faq", "ask", "SentenceIndex", "CORE_QUESTION"]

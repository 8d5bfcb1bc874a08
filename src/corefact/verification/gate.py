"""Support of output sentences against the article.

The gate inside ``explain``: every output unit is checked against the article text; a unit whose
evidence does not reproduce exactly, or whose text is not its evidence after its recorded
transformations, is dropped.
"""

from __future__ import annotations

from ..model import QA, Article, Sentence, Span, Transformation, Verification
from ..rewrite import apply_transformations


def span_exact(article: Article, span: Span) -> bool:
    """``article.text[start:end] == span.text``."""
    return 0 <= span.start <= span.end <= len(article.text) and article.text[span.start:span.end] == span.text


def _derived(text: str, evidence: list[Span], transformations: list[Transformation]) -> bool:
    """Whether a text is its first evidence span after its recorded transformations."""
    ev = evidence[0]
    return apply_transformations(ev.text, ev.start, transformations) == text


def sentence_supported(article: Article, sentence: Sentence) -> bool:
    """A sentence is supported when its evidence is exact and its text derives from it."""
    if not sentence.evidence or not all(span_exact(article, s) for s in sentence.evidence):
        return False
    if sentence.transformations:
        return _derived(sentence.text, sentence.evidence, sentence.transformations)
    return sentence.text == " ".join(s.text for s in sentence.evidence)


def qa_supported(article: Article, qa: QA) -> bool:
    """An answer is supported when it is an exact span inside its exact evidence."""
    if not qa.evidence or not all(span_exact(article, s) for s in qa.evidence):
        return False
    if not all(span_exact(article, s) for s in qa.question_spans):
        return False
    if qa.short_answer is not None:  # schema 1.2: the answer is its evidence sentence, the short answer a span in it
        if qa.answer_span is None or qa.short_answer != qa.answer_span.text or not span_exact(article, qa.answer_span):
            return False
        if not any(s.start <= qa.answer_span.start and qa.answer_span.end <= s.end for s in qa.evidence):
            return False
        if [t.rule for t in qa.transformations] == ["reverse_wh"]:  # the question's words around the answer span
            from ..faq.sentence import reverse_wh

            return qa.answer == reverse_wh(qa.question, qa.short_answer)
        if qa.transformations:
            return _derived(qa.answer, qa.evidence, qa.transformations)
        return qa.answer == " ".join(s.text for s in qa.evidence)
    if qa.transformations:  # the core-fact answer: the core fact's text
        return qa.answer_span is None and _derived(qa.answer, qa.evidence, qa.transformations)
    if qa.answer_span is None:
        return qa.answer in (" ".join(s.text for s in qa.evidence),) or any(qa.answer in s.text for s in qa.evidence)
    inside = any(s.start <= qa.answer_span.start and qa.answer_span.end <= s.end for s in qa.evidence)
    return span_exact(article, qa.answer_span) and qa.answer == qa.answer_span.text and inside


def _claim_supported(checker, unit_span: Span) -> bool:
    """The faithfulness check of ``verify`` run on an output unit, read from the parsed article."""
    if checker is None:
        return True
    from . import check_claim

    doc = checker.parsed.doc
    claim = doc.char_span(unit_span.start, unit_span.end, alignment_mode="expand")
    if claim is None:
        return False
    verdict, _score, _evidence, _problems = check_claim(checker, claim)
    return verdict == "supported"


def gate(article: Article, core: Sentence, brief: list[Sentence], faq: list[QA], checker=None) -> tuple[list[Sentence], list[QA], Verification]:
    """Drop every unit that fails its checks; count what was checked, supported and dropped.

    Each unit must reproduce its evidence exactly, and (with ``checker``, an
    :class:`~corefact.verification.Original`) pass the same faithfulness check as ``verify``.
    """

    def sentence_ok(s: Sentence) -> bool:
        return sentence_supported(article, s) and _claim_supported(checker, s.evidence[0])

    def qa_ok(q: QA) -> bool:
        return qa_supported(article, q) and _claim_supported(checker, q.evidence[0] if q.short_answer is not None else q.answer_span or q.evidence[0])

    checked = 1 + len(brief) + len(faq)
    kept_brief = [s for s in brief if sentence_ok(s)]
    kept_faq = [q for q in faq if qa_ok(q)]
    core_ok = sentence_ok(core)
    supported = int(core_ok) + len(kept_brief) + len(kept_faq)
    if not core_ok:
        raise AssertionError("core fact failed its own evidence check")  # a bug, never input's fault
    return kept_brief, kept_faq, Verification(checked=checked, supported=supported, dropped=checked - supported)

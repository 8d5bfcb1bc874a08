"""Question generation over the dependency parse (overgenerate; ``rank`` selects).

Two families of candidates:

* clause questions (``faq/clauses``): wh-movement with subject-auxiliary inversion and do-support
  ("The mayor urged the council to delay the vote" -> "What did the mayor urge the council to do?");
* fact questions from the key facts (``faq/keyfacts``): how many / how much, who is, what did X
  say (``faq/speakers``: of which statement, with what topic).

Every question is a template filled with article spans; every answer is an article span.
"""

from __future__ import annotations

import re

from ..model import Facts, Span
from ..nlp import Parsed, Sent, leaves_quotation_open
from .candidate import Candidate
from .clauses import clause_questions
from .keyfacts import fact_questions

__all__ = ["CORE_QUESTION", "Candidate", "clause_questions", "fact_questions", "generate"]


CORE_QUESTION = "What is the core fact from the original article?"


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
    (as ``ask`` answers it, :func:`corefact.faq.answer.first_statement`), not of a later one: the
    speaker questions are made so (:func:`corefact.faq.speakers.topical`), and this holds it for a
    clause question that reads as one ('What did the mayor tell the council?')."""
    from .answer import later_statement

    return [c for c in candidates if not later_statement(parsed, c.question, facts, c.evidence.index)]


def _with_closing_mark(parsed: Parsed, answer: Span) -> Span:
    """An answer that stops right before the mark closing a quotation it opens takes the mark ('he
    expected the striker to stay for ' a long time '', not '... a long time')."""
    if leaves_quotation_open(answer.text):
        m = re.match(r" ?['\"’”]", parsed.text[answer.end:answer.end + 2])
        if m and not leaves_quotation_open(parsed.text[answer.start:answer.end + m.end()]):
            return parsed.span(answer.start, answer.end + m.end())
    return answer


"""The question table (question_table.tsv, written by the project): each sentence must yield exactly
the expected question with the expected answer."""

from pathlib import Path

import pytest

from corefact.facts import extract_facts
from corefact.faq.generate import clause_questions, fact_questions

from ..conftest import parsed_text

TABLE = [
    tuple(line.split("\t"))
    for line in (Path(__file__).with_name("question_table.tsv")).read_text().splitlines()
    if line.strip() and not line.startswith("#")
]


def candidates(sentence: str) -> dict[str, str]:
    p = parsed_text(sentence + " Officials gave no further details.")
    facts = extract_facts(p)
    cands = clause_questions(p, p.sents[0], facts) + fact_questions(p, facts)
    return {c.question: c.answer.text for c in cands}


def test_table_is_large_enough():
    assert len(TABLE) >= 60


@pytest.mark.parametrize("sentence,question,answer", TABLE, ids=[f"{i:02d}" for i in range(len(TABLE))])
def test_expected_question(sentence, question, answer):
    got = candidates(sentence)
    assert question in got, sorted(got)
    assert got[question] == answer

"""FAQ answers are sentences a reader can lift out (schema 1.2), over 50 shared BBC articles."""

import json
from pathlib import Path

import pytest

import corefact
from corefact.faq.sentence import reverse_wh
from corefact.rewrite import apply_transformations

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "summ_bbc_dev.jsonl"


@pytest.mark.skipif(not DATA.exists(), reason="shared data not present")
def test_answers_are_sentences_derived_from_their_evidence():
    with DATA.open() as f:
        articles = [json.loads(line)["article"] for _, line in zip(range(50), f)]
    checked = 0
    for text in articles:
        ex = corefact.explain(text)
        for qa in ex.faq[1:]:
            for e in qa.evidence:
                assert ex.article.text[e.start:e.end] == e.text
            assert qa.short_answer == qa.answer_span.text and qa.short_answer in qa.answer, qa
            body = qa.answer.lstrip("\"'“‘")
            assert body[0].isupper() or body[0].isdigit(), qa.answer
            assert qa.answer.rstrip("\"'”’)").endswith((".", "!", "?")), qa.answer
            if [t.rule for t in qa.transformations] == ["reverse_wh"]:
                assert qa.answer == reverse_wh(qa.question, qa.short_answer)
            else:
                ev = qa.evidence[0]
                assert qa.answer == apply_transformations(ev.text, ev.start, qa.transformations), qa
            checked += 1
    assert checked >= 150, checked


def test_complete_sentence_rules():
    from corefact.faq.sentence import is_complete

    assert is_complete("At least 17 people have died.", "At least 17")
    assert is_complete("Bruce added: 'They are big players for us. '", "They are big players for us")  # a closing mark set apart
    assert not is_complete("He said the vote was close.", "the vote was close")  # a bare pronoun for its subject
    assert not is_complete("the vote was close.", "the vote was close")  # no capital
    assert not is_complete("The vote was close", "close")  # no end mark
    assert not is_complete("The vote was close.", "narrow")  # the short answer is not in it

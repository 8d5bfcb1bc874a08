import pytest

from corefact.errors import TooShortError
from corefact.ingest import load_article
from corefact.nlp import parse

from .conftest import parsed_text


def test_sentence_units_are_exact_spans(flood):
    for s in flood.sents:
        assert flood.text[s.start:s.end] == s.text
        assert s.text == s.text.strip()


def test_dateline_fragment_joins_next_sentence():
    p = parsed_text("LONDON (Reuters) -\nThe Bank of England raised rates to 5% on Thursday. Markets fell sharply after the news.")
    assert p.sents[0].text.startswith("LONDON (Reuters)")
    assert "raised rates" in p.sents[0].text
    assert len(p.sents) == 2


def test_paragraph_break_ends_a_sentence_and_counts_paragraphs():
    p = parsed_text("Storm hits coast\n\nThe storm hit the coast on Monday. Thousands lost power.\n\nRepairs began on Tuesday.")
    assert [s.text for s in p.sents][0] == "Storm hits coast"
    assert [s.paragraph for s in p.sents] == [0, 1, 1, 2]


def test_quotation_is_never_cut():
    p = parsed_text('"We will not abandon them. The state will pay," said the minister. Officials agreed.')
    first = p.sents[0].text
    assert first.count('"') == 2 and "said the minister" in first


def test_a_quotation_that_never_closes_holds_no_sentences_together():
    # an extract cut inside a quotation: the sentences after it are sentences of their own
    p = parsed_text('The coach said: "It is a great challenge. The club appointed him on Monday. He starts in May.')
    assert [s.text for s in p.sents] == ['The coach said: "It is a great challenge.', "The club appointed him on Monday.", "He starts in May."]


def test_closing_quote_stays_with_its_sentence(flood):
    for s in flood.sents:
        assert s.text.count('"') % 2 == 0, s.text


def test_too_short():
    with pytest.raises(TooShortError, match="1 sentence"):
        parse(load_article("Only one sentence is here."))

"""`ask`, given each FAQ question, gives back the FAQ's own answer (issue #19)."""

from corefact.eval.faq import answers

from ..conftest import SHARED as DATA


def test_ask_gives_back_the_faq_answer_on_100_bbc_articles():
    r = answers(DATA / "summ_bbc_dev.jsonl", 100)
    assert r["answers"] >= 300
    assert r["ask_same_answer"] >= 0.95, r["misses"]


def test_ask_gives_back_the_faq_answer_on_100_cnndm_articles():
    r = answers(DATA / "summ_cnndm_summeval.jsonl", 100)
    assert r["ask_same_answer"] >= 0.95, r["misses"]

import pytest

import corefact

from .conftest import EXAMPLES, assert_spans_exact


@pytest.mark.parametrize("name", ["flood.txt", "chipmaker.txt", "marathon.txt"])
def test_explainer_is_grounded(name):
    ex = corefact.explain((EXAMPLES / name).read_text())
    assert assert_spans_exact(ex) > 20
    assert 3 <= len(ex.brief) <= 6
    assert ex.core_fact.evidence[0].text in ex.article.text
    assert ex.verification.checked == ex.verification.supported + ex.verification.dropped
    assert ex.verification.dropped == 0


def test_sentences_and_questions_options():
    text = (EXAMPLES / "chipmaker.txt").read_text()
    ex = corefact.explain(text, sentences=6, questions=4)
    assert len(ex.brief) == 6 and len(ex.faq) == 4
    ex = corefact.explain(text, corefact.Options(sentences=3))
    assert len(ex.brief) == 3


def test_stage_times_add_up_per_stage():
    times: dict[str, float] = {}
    text = (EXAMPLES / "flood.txt").read_text()
    corefact.explain(text, stage_times=times)
    once = dict(times)
    assert set(once) == {"ingest", "parse", "facts", "select", "rewrite", "faq", "verify"}
    assert all(v >= 0 for v in once.values()) and once["parse"] > 0
    corefact.explain(text, stage_times=times)  # a second article adds to the same dict
    assert all(times[k] >= once[k] for k in once) and times["parse"] > once["parse"]


def test_public_surface_is_explicit():
    assert set(corefact.__all__) >= {"explain", "explain_many", "ask", "load_article", "render", "explainer_schema", "Options", "CorefactError"}
    for name in corefact.__all__:
        assert hasattr(corefact, name)


def test_ask_api():
    r = corefact.ask((EXAMPLES / "marathon.txt").read_text(), "How many runners took part in the race?")
    assert r["answered"] and r["answer"] == "About 32,000"

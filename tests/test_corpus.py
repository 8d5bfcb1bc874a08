"""A run over 100 real articles of the shared BBC set."""

import json

import jsonschema
import pytest

import corefact
from corefact.nlp import parse
from corefact.select import eligible

from .conftest import SHARED, assert_spans_exact, read_jsonl

BBC = SHARED / "summ_bbc_dev.jsonl"


@pytest.mark.skipif(not BBC.exists(), reason="shared data not present")
def test_bbc_100_articles():
    schema = corefact.explainer_schema()
    rows = read_jsonl(BBC)[::10][:100]
    assert len(rows) == 100
    for row in rows:
        ex = corefact.explain(corefact.load_article(row["article"], title=row.get("title"), id=row["id"]))
        jsonschema.validate(json.loads(ex.model_dump_json()), schema)
        assert_spans_exact(ex)
        core = ex.core_fact.evidence[0]
        assert ex.article.text[core.start:core.end] == core.text
        assert core.text.count(". ") <= 2  # one sentence unit, not a run of them
        n_eligible = sum(1 for s in parse(ex.article).sents if eligible(s))
        # every sentence that can stand alone is available, and a leaning one may join the one before it
        assert min(4, max(1, n_eligible)) <= len(ex.brief) <= 4, row["id"]
        assert ex.faq[0].answer == ex.core_fact.text
        assert ex.verification.dropped == 0

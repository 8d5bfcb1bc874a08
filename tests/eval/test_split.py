import json
from importlib import resources

from corefact.eval.split import in_split, is_eval
from corefact.select import FEATURES

from ..conftest import SHARED, read_jsonl


def test_split_is_deterministic_and_holds_out_what_the_docs_say():
    ids = [r["id"] for r in read_jsonl(SHARED / "summ_bbc_dev.jsonl")]
    held = [i for i in ids if is_eval(i)]
    assert len(held) == 428
    assert sum(is_eval(r["id"]) for r in read_jsonl(SHARED / "summ_cnndm_summeval.jsonl")) == 27
    assert held == [i for i in ids if is_eval(i)]
    assert all(in_split(i, "train") != in_split(i, "eval") for i in ids[:50])


def test_shipped_weights_cover_every_feature():
    data = json.loads(resources.files("corefact").joinpath("data/salience.json").read_text())
    for model in ("core", "brief", "brief_no_paragraphs"):
        assert set(data["models"][model]["weights"]) == set(FEATURES)
    assert "is_eval" in data["split"]

"""`corefact batch` and `corefact.explain_many` (batch/__init__.py): the records, their order, a
run that cannot start."""

from __future__ import annotations

import subprocess

import corefact
from corefact.batch import run_batch
from corefact.ingest import article_id

from ..conftest import EXAMPLES
from .common import CLI, FRENCH, example_texts, write_jsonl, read_records, expected


def test_every_record_is_the_explainer_the_cli_gives(tmp_path):
    texts = example_texts()
    records = [{"id": name, "text": t} for name, t in texts.items()]
    records.append({"text": texts["flood"], "title": "A title of ours", "url": "https://example.org/a", "date": "2023-11-02"})
    src = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    assert run_batch([str(src)], out, workers=1, quiet=True) == 0
    got = read_records(out)
    assert [r["id"] for r in got] == list(texts) + [article_id(texts["flood"])]
    for name, rec in zip(texts, got):
        assert rec["explainer"] == expected(texts[name], name)
    last = got[-1]["explainer"]
    assert last["article"]["date"] == "2023-11-02" and last["article"]["date_source"] == "record"
    assert last["article"]["title"] == "A title of ours" and last["article"]["url"] == "https://example.org/a"
    assert last == expected(texts["flood"], got[-1]["id"], title="A title of ours", url="https://example.org/a",
                             date=__import__("datetime").date(2023, 11, 2), date_source="record")


def test_run_that_cannot_start_exits_2(tmp_path):
    for args in (["batch", str(tmp_path / "missing.jsonl")],
                 ["batch", str(EXAMPLES), "--select", "brief,nonsense"],
                 ["batch", str(EXAMPLES), "--format", "parquet", "-o", str(tmp_path / "o.parquet"), "--resume"]):
        proc = subprocess.run(CLI + args, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.startswith("corefact: error: ") and proc.stderr.count("\n") == 1


def test_explain_many_keeps_order_and_yields_errors():
    texts = list(example_texts().values())
    items = [texts[0], "", texts[1], {"id": "rec", "text": texts[2]}, FRENCH]
    got = list(corefact.explain_many(items, workers=2))
    assert len(got) == 5
    assert got[0].model_dump() == corefact.explain(texts[0]).model_dump()
    assert isinstance(got[1], corefact.EmptyInputError)
    assert got[2].core_fact == corefact.explain(texts[1]).core_fact
    assert got[3].article.id == "rec"
    assert isinstance(got[4], corefact.UnsupportedLanguageError)

"""What batch reads (batch/inputs.py): bad records become error records, folders, gzip, stdin."""

from __future__ import annotations

import gzip
import json
import subprocess

from corefact.batch import run_batch
from corefact.options import Options

from .common import CLI, FRENCH, example_texts, write_jsonl, read_records, expected


def test_bad_records_become_error_records_and_the_rest_is_explained(tmp_path):
    texts = example_texts()
    big = texts["chipmaker"] + "\n\n" + "The company said more details would follow next week. " * 40
    records = [
        {"id": "ok-1", "text": texts["flood"]},
        {"id": "empty", "text": "   \n "},
        {"id": "binary", "text": "PK\u0003\u0004" + "\u0000\u0001\u0002\u0003" * 50},
        {"id": "huge", "text": big},
        {"id": "french", "text": FRENCH},
        {"id": "no-text", "title": "only a title"},
        {"id": "ok-2", "text": texts["marathon"]},
    ]
    src = write_jsonl(tmp_path / "in.jsonl", records[:3], raw_lines=('{"id": "broken", "text": "unterminated',))
    with src.open("a") as fh:
        for r in records[3:]:
            fh.write(json.dumps(r) + "\n")
    out = tmp_path / "out.jsonl"
    options = Options(max_bytes=len(texts["marathon"].encode()) + 500)
    assert len(big.encode()) > options.max_bytes
    assert run_batch([str(src)], out, workers=2, quiet=True, options=options) == 1
    got = {r["id"]: r for r in read_records(out)}
    assert list(got) == ["ok-1", "empty", "binary", f"{src}:4", "huge", "french", "no-text", "ok-2"]
    types = {k: v["error"]["type"] for k, v in got.items() if "error" in v}
    assert types == {"empty": "empty", "binary": "binary", f"{src}:4": "bad_input", "huge": "too_large",
                     "french": "language", "no-text": "bad_input"}
    assert all("\n" not in v["error"]["message"] for v in got.values() if "error" in v)
    assert got["ok-1"]["explainer"] == expected(texts["flood"], "ok-1")
    assert got["ok-2"]["explainer"] == expected(texts["marathon"], "ok-2")


def test_folders_gzip_select_and_stdin(tmp_path):
    texts = example_texts()
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "flood.txt").write_text(texts["flood"])
    (folder / "sub" / "page.html").write_text(
        "<html><head><title>Runners fill the streets</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in texts["marathon"].split("\n\n")) + "</article></body></html>")
    (folder / "notes.md").write_text("not an article suffix")
    gz = tmp_path / "in.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "chip", "text": texts["chipmaker"]}) + "\n")
    out = tmp_path / "out.jsonl"
    assert run_batch([str(folder), str(gz)], out, workers=1, quiet=True, select="brief,faq") == 0
    got = read_records(out)
    assert [r["id"] for r in got] == ["flood.txt", "sub/page.html", "chip"]
    assert all(set(r["explainer"]) == {"brief", "faq"} for r in got)
    full = expected(texts["chipmaker"], "chip")
    assert got[2]["explainer"] == {"brief": full["brief"], "faq": full["faq"]}
    # stdin through the real command
    proc = subprocess.run(CLI + ["batch", "-", "--select", "core_fact", "--quiet", "--workers", "1"],
                          input=json.dumps({"id": "s", "text": texts["flood"]}) + "\n", capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"id": "s", "explainer": {"core_fact": expected(texts["flood"], "s")["core_fact"]}}

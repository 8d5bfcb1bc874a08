"""`corefact batch` and `corefact.explain_many` on real inputs: the project's example articles,
records written here, and articles of ../shared/data read by path (never copied into the project)."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import corefact
from corefact.batch import run_batch
from corefact.ingest import article_id, load_article
from corefact.options import Options

from .conftest import EXAMPLES, SHARED, read_jsonl

CLI = [sys.executable, "-m", "corefact.cli"]
BBC = SHARED / "summ_bbc_dev.jsonl"
FRENCH = ("Le conseil municipal a voté mardi soir la construction d'une nouvelle piscine dans le quartier nord. "
          "Les travaux commenceront au printemps et dureront deux ans, selon la mairie. ") * 3


def _texts() -> dict[str, str]:
    return {p.stem: p.read_text() for p in sorted(EXAMPLES.glob("*.txt"))}


def _write_jsonl(path: Path, records: list, raw_lines: tuple[str, ...] = ()) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
        for line in raw_lines:
            fh.write(line + "\n")
    return path


def _lines(path: Path) -> int:
    """Whole records written so far (a partial last line is not counted)."""
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _expected(text: str, id: str, **kw) -> dict:
    """What `corefact explain` gives for the same article, as JSON."""
    return corefact.explain(load_article(text, id=id, **kw)).model_dump(mode="json")


def test_every_record_is_the_explainer_the_cli_gives(tmp_path):
    texts = _texts()
    records = [{"id": name, "text": t} for name, t in texts.items()]
    records.append({"text": texts["flood"], "title": "A title of ours", "url": "https://example.org/a", "date": "2023-11-02"})
    src = _write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    assert run_batch([str(src)], out, workers=1, quiet=True) == 0
    got = _read(out)
    assert [r["id"] for r in got] == list(texts) + [article_id(texts["flood"])]
    for name, rec in zip(texts, got):
        assert rec["explainer"] == _expected(texts[name], name)
    last = got[-1]["explainer"]
    assert last["article"]["date"] == "2023-11-02" and last["article"]["date_source"] == "record"
    assert last["article"]["title"] == "A title of ours" and last["article"]["url"] == "https://example.org/a"
    assert last == _expected(texts["flood"], got[-1]["id"], title="A title of ours", url="https://example.org/a",
                             date=__import__("datetime").date(2023, 11, 2), date_source="record")


def test_bad_records_become_error_records_and_the_rest_is_explained(tmp_path):
    texts = _texts()
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
    src = _write_jsonl(tmp_path / "in.jsonl", records[:3], raw_lines=('{"id": "broken", "text": "unterminated',))
    with src.open("a") as fh:
        for r in records[3:]:
            fh.write(json.dumps(r) + "\n")
    out = tmp_path / "out.jsonl"
    options = Options(max_bytes=len(texts["marathon"].encode()) + 500)
    assert len(big.encode()) > options.max_bytes
    assert run_batch([str(src)], out, workers=2, quiet=True, options=options) == 1
    got = {r["id"]: r for r in _read(out)}
    assert list(got) == ["ok-1", "empty", "binary", f"{src}:4", "huge", "french", "no-text", "ok-2"]
    types = {k: v["error"]["type"] for k, v in got.items() if "error" in v}
    assert types == {"empty": "empty", "binary": "binary", f"{src}:4": "bad_input", "huge": "too_large",
                     "french": "language", "no-text": "bad_input"}
    assert all("\n" not in v["error"]["message"] for v in got.values() if "error" in v)
    assert got["ok-1"]["explainer"] == _expected(texts["flood"], "ok-1")
    assert got["ok-2"]["explainer"] == _expected(texts["marathon"], "ok-2")


def test_folders_gzip_select_and_stdin(tmp_path):
    texts = _texts()
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
    got = _read(out)
    assert [r["id"] for r in got] == ["flood.txt", "sub/page.html", "chip"]
    assert all(set(r["explainer"]) == {"brief", "faq"} for r in got)
    full = _expected(texts["chipmaker"], "chip")
    assert got[2]["explainer"] == {"brief": full["brief"], "faq": full["faq"]}
    # stdin through the real command
    proc = subprocess.run(CLI + ["batch", "-", "--select", "core_fact", "--quiet", "--workers", "1"],
                          input=json.dumps({"id": "s", "text": texts["flood"]}) + "\n", capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"id": "s", "explainer": {"core_fact": _expected(texts["flood"], "s")["core_fact"]}}


def test_parquet_output_reads_back(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    texts = _texts()
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": "f", "text": texts["flood"]}, {"id": "e", "text": ""}])
    out = tmp_path / "out.parquet"
    assert run_batch([str(src)], out, fmt="parquet", workers=1, quiet=True) == 1
    rows = pq.read_table(out).to_pylist()
    assert [r["id"] for r in rows] == ["f", "e"]
    assert json.loads(rows[0]["explainer"]) == _expected(texts["flood"], "f") and rows[0]["error_type"] is None
    assert rows[1]["explainer"] is None and rows[1]["error_type"] == "empty"


def test_run_that_cannot_start_exits_2(tmp_path):
    for args in (["batch", str(tmp_path / "missing.jsonl")],
                 ["batch", str(EXAMPLES), "--select", "brief,nonsense"],
                 ["batch", str(EXAMPLES), "--format", "parquet", "-o", str(tmp_path / "o.parquet"), "--resume"]):
        proc = subprocess.run(CLI + args, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.startswith("corefact: error: ") and proc.stderr.count("\n") == 1


def test_explain_many_keeps_order_and_yields_errors():
    texts = list(_texts().values())
    items = [texts[0], "", texts[1], {"id": "rec", "text": texts[2]}, FRENCH]
    got = list(corefact.explain_many(items, workers=2))
    assert len(got) == 5
    assert got[0].model_dump() == corefact.explain(texts[0]).model_dump()
    assert isinstance(got[1], corefact.EmptyInputError)
    assert got[2].core_fact == corefact.explain(texts[1]).core_fact
    assert got[3].article.id == "rec"
    assert isinstance(got[4], corefact.UnsupportedLanguageError)


def _bbc_records(tmp_path: Path, n: int) -> Path:
    rows = read_jsonl(BBC, n)
    return _write_jsonl(tmp_path / "bbc.jsonl", [{"id": r["id"], "text": r["article"], "title": r["title"]} for r in rows])


needs_bbc = pytest.mark.skipif(not BBC.exists(), reason="needs ../shared/data/summ_bbc_dev.jsonl")


@needs_bbc
def test_resume_repairs_a_partial_last_line(tmp_path):
    src = _bbc_records(tmp_path, 6)
    full = tmp_path / "full.jsonl"
    assert run_batch([str(src)], full, workers=1, quiet=True) == 0
    data = full.read_bytes()
    lines = data.splitlines(keepends=True)
    cut = len(b"".join(lines[:3])) + len(lines[3]) // 2  # three whole lines and half of the fourth
    part = tmp_path / "part.jsonl"
    part.write_bytes(data[:cut])
    assert run_batch([str(src)], part, workers=1, quiet=True, resume=True) == 0
    assert part.read_bytes() == data
    assert run_batch([str(src)], part, workers=1, quiet=True, resume=True) == 0  # nothing left to do
    assert part.read_bytes() == data


@needs_bbc
def test_sigkill_at_random_points_then_resume_gives_the_uninterrupted_output(tmp_path):
    src = _bbc_records(tmp_path, 30)
    reference = tmp_path / "reference.jsonl"
    assert run_batch([str(src)], reference, workers=1, quiet=True) == 0
    ref = _read(reference)
    out = tmp_path / "out.jsonl"
    rng = random.Random(22)
    kills = 0
    for attempt in range(6):
        before = _lines(out)
        if before >= len(ref) - 2:
            break
        target = before + rng.randint(1, 4)  # kill once this many records are out, mid-way through the next
        proc = subprocess.Popen(CLI + ["batch", str(src), "-o", str(out), "--resume", "--workers", "2", "--quiet"],
                                start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while proc.poll() is None and _lines(out) < target and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is not None:
            break
        time.sleep(rng.uniform(0.0, 0.05))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        kills += 1
    assert kills >= 2, "the run finished before it could be killed twice"
    proc = subprocess.run(CLI + ["batch", str(src), "-o", str(out), "--resume", "--workers", "2", "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    got = _read(out)
    assert sorted(r["id"] for r in got) == sorted(r["id"] for r in ref)  # every id exactly once
    assert got == ref  # in input order too: each run appends where the last one stopped


@needs_bbc
def test_ray_engine_writes_the_local_engines_records(tmp_path):
    pytest.importorskip("ray")
    src = _bbc_records(tmp_path, 8)
    with src.open("a") as fh:
        fh.write(json.dumps({"id": "empty", "text": ""}) + "\n" + json.dumps({"id": "fr", "text": FRENCH}) + "\n")
    local = tmp_path / "local.jsonl"
    assert run_batch([str(src)], local, workers=1, quiet=True) == 1
    proc = subprocess.run(CLI + ["batch", str(src), "-o", str(tmp_path / "ray"), "--engine", "ray", "--workers", "1", "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr[-2000:]
    got = [json.loads(line) for f in sorted((tmp_path / "ray").glob("*.jsonl")) for line in f.read_text().splitlines()]
    key = lambda r: r["id"]  # noqa: E731
    assert sorted(got, key=key) == sorted(_read(local), key=key)

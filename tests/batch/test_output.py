"""What batch writes (batch/output.py): Parquet, and JSONL that survives a crash (resume)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time

import pytest

from corefact.batch import run_batch

from .common import CLI, example_texts, write_jsonl, whole_lines, read_records, expected, bbc_records, needs_bbc


def test_parquet_output_reads_back(tmp_path):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        pytest.fail("pyarrow is not installed: `make test` installs the corefact[parquet] extra")
    texts = example_texts()
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "f", "text": texts["flood"]}, {"id": "e", "text": ""}])
    out = tmp_path / "out.parquet"
    assert run_batch([str(src)], out, fmt="parquet", workers=1, quiet=True) == 1
    rows = pq.read_table(out).to_pylist()
    assert [r["id"] for r in rows] == ["f", "e"]
    assert json.loads(rows[0]["explainer"]) == expected(texts["flood"], "f") and rows[0]["error_type"] is None
    assert rows[1]["explainer"] is None and rows[1]["error_type"] == "empty"


@needs_bbc
def test_resume_repairs_a_partial_last_line(tmp_path):
    src = bbc_records(tmp_path, 6)
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
    src = bbc_records(tmp_path, 30)
    reference = tmp_path / "reference.jsonl"
    assert run_batch([str(src)], reference, workers=1, quiet=True) == 0
    ref = read_records(reference)
    out = tmp_path / "out.jsonl"
    rng = random.Random(22)
    kills = 0
    for attempt in range(6):
        before = whole_lines(out)
        if before >= len(ref) - 2:
            break
        target = before + rng.randint(1, 4)  # kill once this many records are out, mid-way through the next
        proc = subprocess.Popen(CLI + ["batch", str(src), "-o", str(out), "--resume", "--workers", "2", "--quiet"],
                                start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while proc.poll() is None and whole_lines(out) < target and time.monotonic() < deadline:
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
    got = read_records(out)
    assert sorted(r["id"] for r in got) == sorted(r["id"] for r in ref)  # every id exactly once
    assert got == ref  # in input order too: each run appends where the last one stopped

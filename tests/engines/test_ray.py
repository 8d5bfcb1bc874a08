"""`corefact batch --engine ray` (engines/ray.py) on a real local Ray."""

from __future__ import annotations

import json
import subprocess

import pytest

from corefact.batch import run_batch

from ..batch.common import CLI, FRENCH, read_records, bbc_records, needs_bbc


@needs_bbc
def test_ray_engine_writes_the_local_engines_records(tmp_path):
    try:
        import ray  # noqa: F401
    except ImportError:
        pytest.fail("Ray is not installed: `make test` installs the corefact[ray] extra")
    src = bbc_records(tmp_path, 8)
    with src.open("a") as fh:
        fh.write(json.dumps({"id": "empty", "text": ""}) + "\n" + json.dumps({"id": "fr", "text": FRENCH}) + "\n")
    local = tmp_path / "local.jsonl"
    assert run_batch([str(src)], local, workers=1, quiet=True) == 1
    proc = subprocess.run(CLI + ["batch", str(src), "-o", str(tmp_path / "ray"), "--engine", "ray", "--workers", "1", "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr[-2000:]
    got = [json.loads(line) for f in sorted((tmp_path / "ray").glob("*.jsonl")) for line in f.read_text().splitlines()]
    key = lambda r: r["id"]  # noqa: E731
    assert sorted(got, key=key) == sorted(read_records(local), key=key)

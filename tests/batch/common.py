"""What the batch tests share: the example articles, JSONL written here, BBC records read from
../shared/data by path (never copied into the project)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import corefact
from corefact.ingest import load_article

from ..conftest import EXAMPLES, SHARED, read_jsonl

CLI = [sys.executable, "-m", "corefact.cli"]
BBC = SHARED / "summ_bbc_dev.jsonl"
FRENCH = ("Le conseil municipal a voté mardi soir la construction d'une nouvelle piscine dans le quartier nord. "
          "Les travaux commenceront au printemps et dureront deux ans, selon la mairie. ") * 3


def example_texts() -> dict[str, str]:
    return {p.stem: p.read_text() for p in sorted(EXAMPLES.glob("*.txt"))}


def write_jsonl(path: Path, records: list, raw_lines: tuple[str, ...] = ()) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
        for line in raw_lines:
            fh.write(line + "\n")
    return path


def whole_lines(path: Path) -> int:
    """Whole records written so far (a partial last line is not counted)."""
    return path.read_bytes().count(b"\n") if path.exists() else 0


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def expected(text: str, id: str, **kw) -> dict:
    """What `corefact explain` gives for the same article, as JSON."""
    return corefact.explain(load_article(text, id=id, **kw)).model_dump(mode="json")


def bbc_records(tmp_path: Path, n: int) -> Path:
    rows = read_jsonl(BBC, n)
    return write_jsonl(tmp_path / "bbc.jsonl", [{"id": r["id"], "text": r["article"], "title": r["title"]} for r in rows])


needs_bbc = pytest.mark.skipif(not BBC.exists(), reason="needs ../shared/data/summ_bbc_dev.jsonl")

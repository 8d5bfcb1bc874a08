from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared" / "data"


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def parsed_text(text: str, **kw):
    from corefact.ingest import load_article
    from corefact.nlp import parse

    return parse(load_article(text, **kw))


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def flood():
    return parsed_text((EXAMPLES / "flood.txt").read_text())


@pytest.fixture(scope="session")
def transfer():  # quotations in single marks, the Daily Mail's style
    return parsed_text((EXAMPLES / "transfer.txt").read_text())


@pytest.fixture(scope="session")
def chipmaker():
    return parsed_text((EXAMPLES / "chipmaker.txt").read_text())


@pytest.fixture(scope="session")
def marathon():
    return parsed_text((EXAMPLES / "marathon.txt").read_text())


def assert_spans_exact(ex) -> int:
    """Every Span in an explainer reproduces the article text; returns how many were checked."""
    text = ex.article.text
    n = 0

    def walk(obj):
        nonlocal n
        if isinstance(obj, dict):
            if set(obj) == {"start", "end", "text"}:
                assert text[obj["start"]:obj["end"]] == obj["text"], obj
                n += 1
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(ex.model_dump())
    return n

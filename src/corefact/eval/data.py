"""Reading the evaluation sets (JSONL)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Optional


def read_jsonl(path: Path, limit: Optional[int] = None) -> Iterator[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        n = 0
        for line in fh:
            if line.strip():
                yield json.loads(line)
                n += 1
                if limit and n >= limit:
                    return

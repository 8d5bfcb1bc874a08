"""Writing batch results: JSONL (one write per record, so a kill leaves at most one partial line,
which ``--resume`` cuts off) or Parquet (pyarrow, row groups as records arrive)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

from ..errors import BadInputError

PARQUET_ROWS = 256


def resume_ids(path: Path) -> set[str]:
    """Ids already in a JSONL output; a partial last line (a killed run's) is truncated away."""
    if not path.exists():
        return set()
    ids: set[str] = set()
    good = 0  # offset just past the last complete line
    with path.open("rb+") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                break  # a torn line: it and anything after it are rewritten
            good += len(line)
        fh.truncate(good)
    return ids


class JsonlWriter:
    def __init__(self, path: Optional[Path], append: bool):
        if path is None:
            self.fd, self.own = 1, False  # stdout
        else:
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (0 if append else os.O_TRUNC)
            self.fd, self.own = os.open(path, flags, 0o644), True

    def write(self, id: str, line: str) -> None:
        data = line.encode("utf-8")
        while data:  # one write(2) for the whole line on a regular file
            data = data[os.write(self.fd, data):]

    def close(self) -> None:
        if self.own:
            os.fsync(self.fd)
            os.close(self.fd)


class ParquetWriter:
    """Columns: ``id``, ``error_type``, ``error_message``, and ``explainer`` (the explainer's JSON text,
    for DuckDB's ``json_extract`` or pandas' ``json.loads``)."""

    def __init__(self, path: Path):
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise BadInputError("--format parquet needs pyarrow: pip install 'corefact[parquet]'") from None
        self.pa = pa
        self.schema = pa.schema([(n, pa.string()) for n in ("id", "explainer", "error_type", "error_message")])
        self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")
        self.rows: list[dict] = []

    def write(self, id: str, line: str) -> None:
        rec = json.loads(line)
        err = rec.get("error") or {}
        ex = rec.get("explainer")
        self.rows.append({"id": rec["id"], "explainer": json.dumps(ex, ensure_ascii=False) if ex is not None else None,
                          "error_type": err.get("type"), "error_message": err.get("message")})
        if len(self.rows) >= PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()

"""Reading a batch's inputs: JSONL files (plain or gzip), folders of .txt/.html files, or '-' (JSONL
on stdin). Every input record becomes one :class:`Item`, in input order; a record that cannot be
read (invalid JSON, no text) becomes an Item that already carries its error, so it is written as an
error record and the rest of the batch goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..errors import BadInputError, CorefactError
from ..ingest import article_id

RECORD_FIELDS = ("text", "html", "id", "url", "title", "date")
FILE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class Item:
    """One input record on its way to a worker.

    ``kind``: ``'record'`` (``payload`` is the record's fields), ``'file'`` (``payload`` is a path
    whose bytes are read in the worker), ``'bytes'`` (``payload`` is ``(origin, data)``), ``'source'`` (``payload`` is anything ``explain`` takes)
    or ``'error'`` (``error`` is set; nothing to explain).
    """

    id: str
    kind: str
    payload: object = None
    error: Optional[tuple[str, str]] = None  # (type, message)


def error_item(id: str, exc: CorefactError) -> Item:
    return Item(id=id, kind="error", error=(exc.code, str(exc)))


def record_item(record: object, where: str) -> Item:
    """An Item from one decoded JSON value; ``where`` ('file:line') names it when it has no id."""
    if not isinstance(record, dict):
        return error_item(where, BadInputError(f"{where}: the line is JSON but not an object with a 'text' or 'html' field"))
    rid = record.get("id")
    if rid is not None and not isinstance(rid, (str, int)):
        return error_item(where, BadInputError(f"{where}: 'id' must be a string or a number"))
    body = record.get("text") if record.get("text") is not None else record.get("html")
    if body is None:
        return error_item(str(rid) if rid is not None else where, BadInputError(f"{where}: the record has neither a 'text' nor an 'html' field"))
    if not isinstance(body, str):
        return error_item(str(rid) if rid is not None else where, BadInputError(f"{where}: 'text' and 'html' must be strings"))
    fields = {k: record.get(k) for k in RECORD_FIELDS if record.get(k) is not None}
    return Item(id=str(rid) if rid is not None else article_id(body), kind="record", payload=fields)


def line_item(raw, where: str) -> Item:
    """The Item of one JSONL line (``where`` names it when it has no id)."""
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return error_item(where, BadInputError(f"{where}: not a JSON line ({exc.__class__.__name__}: {exc})"))
    return record_item(record, where)


def _lines(stream: io.BufferedIOBase, name: str) -> Iterator[Item]:
    for n, raw in enumerate(stream, 1):
        if raw.strip():  # blank lines (a trailing newline) are not records
            yield line_item(raw, f"{name}:{n}")


def check_inputs(paths: Iterable[str]) -> None:
    """Raise :class:`BadInputError` for an input that does not exist (the run cannot start)."""
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise BadInputError(f"no such file or folder: {p}")


def read_inputs(paths: Iterable[str]) -> Iterator[Item]:
    """Every record of every input, in order, one at a time (nothing is read ahead)."""
    for p in paths:
        if p == "-":
            yield from _lines(sys.stdin.buffer, "stdin")
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in FILE_SUFFIXES:
                    yield Item(id=f.relative_to(path).as_posix(), kind="file", payload=str(f))
        elif path.name.endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                yield from _lines(fh, str(path))
        else:
            with path.open("rb") as fh:
                yield from _lines(fh, str(path))


def items_from_objects(objects: Iterable[object]) -> Iterator[Item]:
    """Items for :func:`corefact.explain_many`: dict records, or anything ``explain`` accepts."""
    for n, obj in enumerate(objects):
        if isinstance(obj, dict):
            yield record_item(obj, f"item {n}")
        else:
            yield Item(id=str(n), kind="source", payload=obj)

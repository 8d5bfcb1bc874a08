"""The work done in each worker process: ingest a chunk of items, parse their texts together with
``nlp.pipe``, explain each, and hand back one result per item (an error never stops the chunk)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Optional

from ..errors import BadInputError, CorefactError
from ..ingest import check_not_binary, load_article
from ..nlp import load_nlp
from ..options import Options
from ..pipeline import explain
from .inputs import Item

PIPE_BATCH = 16


def init_worker() -> None:
    """Load the spaCy pipeline once per worker process."""
    load_nlp()


def _article(item: Item, options: Options):
    if item.kind == "file":
        data = Path(item.payload).read_bytes()
        return load_article(data, id=item.id, origin=str(item.payload), date=options.date, max_bytes=options.max_bytes)
    if item.kind == "bytes":  # (origin, data): a file another engine read
        origin, data = item.payload
        return load_article(data, id=item.id, origin=origin, date=options.date, max_bytes=options.max_bytes)
    if item.kind == "source":
        return load_article(item.payload, date=options.date, max_bytes=options.max_bytes)
    rec = item.payload
    body = rec.get("text", rec.get("html"))
    check_not_binary(body)
    date, source = options.date, "option"
    if rec.get("date") is not None and date is None:
        try:
            date, source = dt.date.fromisoformat(str(rec["date"])[:10]), "record"
        except ValueError:
            raise BadInputError(f"the record's date must be YYYY-MM-DD, got {rec['date']!r}") from None
    return load_article(body, id=item.id, title=rec.get("title"), url=rec.get("url"), date=date,
                        date_source=source, max_bytes=options.max_bytes)


def _error(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, CorefactError):
        return exc.code, str(exc)
    if isinstance(exc, OSError):
        return BadInputError.code, " ".join(f"cannot read the file: {exc.strerror or exc}".split())
    return "internal", " ".join(f"{exc.__class__.__name__}: {exc}".split())  # a bug, reported per record


def explain_chunk(items: list[Item], options: Options) -> list[tuple[str, object, Optional[tuple[str, str]]]]:
    """``(id, Explainer or None, error or None)`` for every item, in order."""
    out: list = [None] * len(items)
    todo = []
    for i, item in enumerate(items):
        if item.error:
            out[i] = (item.id, None, item.error)
            continue
        try:
            todo.append((i, _article(item, options)))
        except Exception as exc:  # noqa: BLE001 - every failure becomes that record's error
            out[i] = (item.id, None, _error(exc))
    docs = load_nlp().pipe([a.text for _, a in todo], batch_size=PIPE_BATCH)
    for (i, article), doc in zip(todo, docs):
        try:
            out[i] = (items[i].id if items[i].kind != "source" else article.id, explain(article, options, doc=doc), None)
        except Exception as exc:  # noqa: BLE001
            out[i] = (items[i].id, None, _error(exc))
    return out


def to_record(id: str, explainer, error, select: Optional[tuple[str, ...]] = None) -> dict:
    """The output record: ``{"id", "explainer"}`` or ``{"id", "error": {"type", "message"}}``."""
    if error:
        return {"id": id, "error": {"type": error[0], "message": error[1]}}
    data = explainer.model_dump(mode="json")
    if select:
        data = {k: data[k] for k in select}
    return {"id": id, "explainer": data}


def lines_chunk(items: list[Item], options: Options, select: Optional[tuple[str, ...]]) -> list[tuple[str, bool, str]]:
    """``(id, ok, JSON line)`` for every item: serialised in the worker, not the parent."""
    return [
        (id, error is None, json.dumps(to_record(id, ex, error, select), ensure_ascii=False) + "\n")
        for id, ex, error in explain_chunk(items, options)
    ]

"""Corpus runs: ``corefact batch`` and :func:`corefact.explain_many`.

Inputs are read one record at a time, explained in worker processes (the spaCy pipeline loaded once
per worker, texts parsed together with ``nlp.pipe``) and written in input order as they finish, so
memory stays flat whatever the corpus size.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..errors import BadInputError, CorefactError
from ..model import Explainer
from ..options import Options
from .inputs import Item, check_inputs, items_from_objects, read_inputs
from .output import JsonlWriter, ParquetWriter, resume_ids
from .progress import Progress
from .runner import default_workers, run_ordered
from .work import explain_chunk, lines_chunk

OUTPUT_FORMATS = ("jsonl", "parquet")


def _error_from(code: str, message: str) -> CorefactError:
    for cls in _error_classes():
        if cls.code == code:
            return cls(message)
    exc = CorefactError(message)
    exc.code = code
    return exc


def _error_classes():
    stack, seen = [CorefactError], []
    while stack:
        cls = stack.pop()
        seen.append(cls)
        stack.extend(cls.__subclasses__())
    return seen


def explain_many(items: Iterable[object], *, workers: Optional[int] = None, options: Optional[Options] = None) -> Iterator[Union[Explainer, CorefactError]]:
    """Explain many articles over ``workers`` processes (default: the machine's cores).

    Args:
        items: article texts, HTML, bytes, Paths, :class:`Article` objects, or dict records with
            ``text`` or ``html`` and optional ``id``, ``url``, ``title``, ``date`` (as in ``corefact batch``).
        workers: processes; 1 runs in this process.
        options: the :class:`Options` for every article.

    Yields:
        One result per item, in input order: the :class:`Explainer`, or the :class:`CorefactError`
        the item raised (it is yielded, not raised, so the rest goes on).
    """
    options = options or Options()
    for chunk in run_ordered(explain_chunk, items_from_objects(items), (options,), workers):
        for _id, ex, error in chunk:
            yield ex if error is None else _error_from(*error)


def parse_select(value: Optional[str]) -> Optional[tuple[str, ...]]:
    """``'brief,faq'`` -> ``('brief', 'faq')``, checked against the explainer's fields."""
    if not value:
        return None
    keys = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in keys if k not in Explainer.model_fields]
    if unknown or not keys:
        raise BadInputError(f"--select: unknown field {', '.join(unknown) or '(none)'}; choose from {', '.join(Explainer.model_fields)}")
    return keys


def run_batch(inputs: list[str], out: Optional[Path], *, fmt: str = "jsonl", select: Optional[str] = None,
              workers: Optional[int] = None, resume: bool = False, quiet: bool = False,
              options: Optional[Options] = None, progress_every: float = 10.0) -> int:
    """Run a batch; return the exit code (0 all explained, 1 some error records).

    Raises:
        CorefactError: when the run cannot start (missing input, bad option): exit code 2.
    """
    options = options or Options()
    keys = parse_select(select)
    if fmt not in OUTPUT_FORMATS:
        raise BadInputError(f"--format must be one of {', '.join(OUTPUT_FORMATS)}, got {fmt!r}")
    check_inputs(inputs)
    if fmt == "parquet" and (out is None or resume):
        raise BadInputError("--format parquet needs -o OUT and cannot --resume (Parquet files are not appendable)")
    if resume and out is None:
        raise BadInputError("--resume needs -o OUT")
    done = resume_ids(out) if resume else set()
    writer = ParquetWriter(out) if fmt == "parquet" else JsonlWriter(out, append=resume)
    progress = Progress(quiet=quiet, every=progress_every)
    seen = set(done)

    def todo() -> Iterator[Item]:
        for item in read_inputs(inputs):
            if item.id in seen:  # done in an earlier run, or a repeated id in the input
                progress.skipped += 1
                continue
            seen.add(item.id)
            yield item

    try:
        for chunk in run_ordered(lines_chunk, todo(), (options, keys), workers or default_workers()):
            for id, ok, line in chunk:
                writer.write(id, line)
                progress.advance(ok)
    finally:
        writer.close()
        progress.close()
    return 1 if progress.errors else 0


__all__ = ["explain_many", "run_batch", "parse_select", "OUTPUT_FORMATS"]

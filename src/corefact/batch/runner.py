"""Running chunks of items over worker processes: bounded in-flight work, results in input order."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional

from .inputs import Item
from .work import init_worker

CHUNK = 8  # items per task: large enough for nlp.pipe, small enough to keep the workers even


def default_workers() -> int:
    return os.cpu_count() or 1


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run_ordered(fn: Callable, items: Iterable[Item], args: tuple, workers: Optional[int] = None, chunk: int = CHUNK) -> Iterator[list]:
    """Yield ``fn(chunk, *args)`` for consecutive chunks of ``items``, in order.

    One worker runs in this process. More run in a pool of processes (forked, the spaCy pipeline
    loaded once in each) with at most ``2 * workers`` chunks in flight, so memory stays flat however
    long the input is.
    """
    workers = workers or default_workers()
    if workers <= 1:
        init_worker()
        for c in chunks(items, chunk):
            yield fn(c, *args)
        return
    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker) as pool:
        pending: deque = deque()
        for c in chunks(items, chunk):
            pending.append(pool.submit(fn, c, *args))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

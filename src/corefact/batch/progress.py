"""Progress of a batch on stderr: a rich bar on a terminal, a plain line every few seconds
otherwise, and a summary at the end; ``quiet`` silences all of it."""

from __future__ import annotations

import sys
import time
from typing import Optional


class Progress:
    def __init__(self, total: Optional[int] = None, quiet: bool = False, every: float = 10.0, stream=None):
        self.stream = stream or sys.stderr
        self.quiet, self.every, self.total = quiet, every, total
        self.done = self.errors = self.skipped = 0
        self.start = self.last = time.monotonic()
        self.bar = self.task = None
        if not quiet and self.stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Bar(TextColumn("explaining"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.fields[rate]:.1f} articles/s, {task.fields[errors]} errors"),
                           TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                           console=Console(file=self.stream), transient=False)
            self.task = self.bar.add_task("batch", total=total, rate=0.0, errors=0)
            self.bar.start()

    def rate(self) -> float:
        return self.done / max(time.monotonic() - self.start, 1e-9)

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.errors += not ok
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(self.task, advance=1, rate=self.rate(), errors=self.errors)
        elif time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            print(f"corefact batch: {self.done} processed, {self.errors} errors, {self.rate():.1f} articles/s", file=self.stream, flush=True)

    def summary(self) -> str:
        elapsed = time.monotonic() - self.start
        return (f"corefact batch: {self.done} processed, {self.skipped} skipped on resume, {self.errors} errors, "
                f"{elapsed:.1f} s, {self.rate():.2f} articles/s")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
        if not self.quiet:
            print(self.summary(), file=self.stream, flush=True)

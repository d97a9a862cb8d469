"""Progress of the analysis: a rich progress bar on a terminal, plain periodic lines in CI logs."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn


class LineProgress:
    """One line every ``every`` seconds (and at the end): for logs, where a bar would be noise."""

    def __init__(self, emit: Callable[[str], None], every: float = 10.0) -> None:
        self.emit, self.every = emit, every
        self.total = self.done = 0
        self.started = self.last = 0.0

    def start(self, total: int) -> None:
        self.total, self.done = total, 0
        self.started = self.last = time.monotonic()
        if total:
            self.emit(f"analysing {total} article(s)")

    def advance(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if self.done >= self.total or now - self.last >= self.every:
            self.last = now
            rate = self.done / max(now - self.started, 1e-9)
            self.emit(f"analysed {self.done}/{self.total} ({100 * self.done // max(self.total, 1)}%), "
                      f"{rate:.1f} articles/s")


class BarProgress:
    """A rich progress bar with counts, rate and time left (on a terminal)."""

    def __init__(self) -> None:
        self.bar = Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                            transient=True)
        self.task = None
        self.started = 0.0

    def start(self, total: int) -> None:
        if total:
            self.bar.start()
            self.started = time.monotonic()
            self.task = self.bar.add_task("analyse", total=total, rate="")

    def advance(self, count: int) -> None:
        if self.task is None:
            return
        self.bar.advance(self.task, count)
        done = self.bar.tasks[0].completed
        rate = done / max(time.monotonic() - self.started, 1e-9)
        self.bar.update(self.task, rate=f"{rate:.1f}/s")
        if self.bar.finished:
            self.bar.stop()


def for_terminal(logger: logging.Logger | None = None) -> BarProgress | LineProgress:
    """A bar when standard error is a terminal, else periodic lines (to ``logger`` or standard error)."""
    if sys.stderr.isatty():
        return BarProgress()
    if logger is not None:
        return LineProgress(logger.info)
    return LineProgress(lambda line: print(line, file=sys.stderr, flush=True))

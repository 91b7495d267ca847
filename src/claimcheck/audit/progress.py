"""How an audit shows it is alive: a rich progress bar (articles per second, ETA) in a terminal,
plain log lines, at most one every few seconds, when stderr is a file or a pipe."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Protocol


class Progress(Protocol):
    def advance(self, articles: int) -> None: ...

    def __enter__(self) -> Progress: ...

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class LineProgress:
    """'audited 1,200/2,000 articles, 84.1/s, ETA 10 s' through `report`, throttled to one line
    per `every` seconds (and always the last), so a long run's log stays readable."""

    def __init__(self, total: int, report: Callable[[str], None], every: float = 5.0) -> None:
        self.total = total
        self.report = report
        self.every = every
        self.done = 0
        self.started = self.last = time.perf_counter()

    def __enter__(self) -> LineProgress:
        return self

    def __exit__(self, *_: object) -> None:
        pass

    def advance(self, articles: int) -> None:
        self.done += articles
        now = time.perf_counter()
        if now - self.last >= self.every or self.done >= self.total:
            self.last = now
            self.report(self.line(now))

    def line(self, now: float) -> str:
        rate = self.done / max(1e-9, now - self.started)
        eta = (self.total - self.done) / rate if rate else 0.0
        return f"audited {self.done:,}/{self.total:,} articles, {rate:,.1f}/s, ETA {eta:,.0f} s"


class BarProgress:
    """rich's bar on stderr, with articles per second and the time left."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self.bar = Bar(
            TextColumn("auditing"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]} articles/s"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.task = self.bar.add_task("audit", total=total, rate="-")
        self.started = time.perf_counter()
        self.done = 0

    def __enter__(self) -> BarProgress:
        self.bar.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.bar.stop()

    def advance(self, articles: int) -> None:
        self.done += articles
        rate = self.done / max(1e-9, time.perf_counter() - self.started)
        self.bar.update(self.task, advance=articles, rate=f"{rate:,.1f}")


def progress_for(total: int, report: Callable[[str], None] | None) -> Progress:
    """A bar for a person at a terminal; lines for logs, pipes and tests (which pass report)."""
    if report is None and sys.stderr.isatty():
        return BarProgress(total)
    return LineProgress(total, report or _to_stderr)


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)

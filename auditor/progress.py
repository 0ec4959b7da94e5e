"""Progress on stderr: a bar on a terminal, one plain line per finished job otherwise."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

if TYPE_CHECKING:
    from collections.abc import Callable

    from .audit import Progress
    from .model import Person, SourceResult


class BarProgress:
    """A live bar (rich) for people at a terminal."""

    def __init__(self, console: Console) -> None:
        self._bar = RichProgress(
            TextColumn("[bold]auditing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task = self._bar.add_task("", total=0)

    def start(self, total: int) -> None:
        self._bar.update(self._task, total=total)
        self._bar.start()

    def advance(self, person: Person, result: SourceResult) -> None:
        self._bar.update(
            self._task, advance=1, description=f"{person.id} · {result.source}: {result.status.value}"
        )

    def finish(self) -> None:
        self._bar.stop()


class LineProgress:
    """Plain lines for logs and cron: "[3/9] jane-doe crawl: ok (12 documents); about 2 min left"."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, out: TextIO | None = None) -> None:
        self._done = 0
        self._total = 0
        self._clock = clock
        self._out = out
        self._started = 0.0

    def start(self, total: int) -> None:
        self._total = total
        self._started = self._clock()

    def advance(self, person: Person, result: SourceResult) -> None:
        self._done += 1
        line = (
            f"[{self._done}/{self._total}] {person.id} {result.source}: {result.status.value} "
            f"({len(result.documents)} documents)"
        )
        if left := remaining(self._clock() - self._started, self._done, self._total):
            line += f"; {left}"
        print(line, file=self._out or sys.stderr, flush=True)

    def finish(self) -> None:
        pass


def remaining(elapsed: float, done: int, total: int) -> str:
    """ "about 3 min left" from the pace so far; "" before there is a pace or once all is done."""
    if done <= 0 or done >= total or elapsed <= 0:
        return ""
    seconds = elapsed / done * (total - done)
    if seconds < 60:
        return "less than a minute left"
    if seconds < 5400:
        return f"about {round(seconds / 60)} min left"
    return f"about {seconds / 3600:.1f} h left"


def make_progress() -> Progress:
    console = Console(stderr=True)
    return BarProgress(console) if console.is_terminal else LineProgress()

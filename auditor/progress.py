"""Progress on stderr: a bar on a terminal, one plain line per finished job otherwise."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

if TYPE_CHECKING:
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
    """Plain lines for logs and cron: "[3/9] jane-doe crawl: ok (12 documents)"."""

    def __init__(self) -> None:
        self._done = 0
        self._total = 0

    def start(self, total: int) -> None:
        self._total = total

    def advance(self, person: Person, result: SourceResult) -> None:
        self._done += 1
        print(
            f"[{self._done}/{self._total}] {person.id} {result.source}: {result.status.value} "
            f"({len(result.documents)} documents)",
            file=sys.stderr,
            flush=True,
        )

    def finish(self) -> None:
        pass


def make_progress() -> Progress:
    console = Console(stderr=True)
    return BarProgress(console) if console.is_terminal else LineProgress()

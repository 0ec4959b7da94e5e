"""What the benchmarks share: a generated web served from its own process, and a crawl-only audit of it.

The web runs in a separate process, as a real one would: its threads do not share the auditor's
interpreter, so its CPU does not count against the auditor's.
"""

from __future__ import annotations

import multiprocessing
import time
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.audit import run_audit
from auditor.config import Config, CrawlSettings, NetworkSettings
from auditor.demo.server import serving
from auditor.fetch import Fetcher

if TYPE_CHECKING:
    from collections.abc import Iterator

    from auditor.model import AuditRun, Person


def _serve(root: str, ready: Connection) -> None:
    with serving(Path(root)) as web:
        ready.send(web.proxy_url)
        while ready.recv() == "count":  # until the benchmark says it is done
            ready.send((len(web.requests), web.not_modified))


@dataclass(frozen=True)
class RemoteWeb:
    proxy_url: str
    _pipe: Connection

    def counts(self) -> tuple[int, int]:
        """(requests received, of which answered 304 Not Modified) so far."""
        self._pipe.send("count")
        requests, not_modified = self._pipe.recv()
        return int(requests), int(not_modified)


@contextmanager
def remote_web(root: Path) -> Iterator[RemoteWeb]:
    """The sample web over `root`, in its own process, for the duration of the block."""
    ours, theirs = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(target=_serve, args=(str(root), theirs))
    server.start()
    try:
        yield RemoteWeb(ours.recv(), ours)
    finally:
        ours.send("done")
        server.join(timeout=10)


def crawl(people: list[Person], network: NetworkSettings) -> tuple[float, AuditRun]:
    """A crawl-only audit of `people` (every page of their sites): seconds taken, and the run."""
    config = Config(network=network, crawl=CrawlSettings(max_pages=1000), sources={"crawl": {}})
    started = time.perf_counter()
    with Fetcher(network) as fetcher:
        run = run_audit(people, config, fetcher=fetcher, key=b"bench", advise=lambda *a: ())
    return time.perf_counter() - started, run


def documents_read(run: AuditRun) -> int:
    return sum(s.documents for a in run.people for s in a.sources)

"""Readers of hostile files (PDF, images, and in audits HTML) run in worker processes that can be stopped.

A PDF page can keep pypdf busy for hours (a form drawn thousands of times, each drawing a long
content stream), and a thread cannot be interrupted in CPython. So PDFs and images are read in a
pool of worker processes: a reader past `time_limit` is killed with its process and the document is
an `ExtractError` ("timeout"), and a reader that grows past the memory cap fails inside its worker.
HTML is capped by tags and bytes (extract.interface) and may stay in process; an audit sends it to the
workers too (`html=True`), so parsing uses every core. Plain text stays in process.

Pebble does the pool: concurrent.futures cannot stop a running task, and Pebble's per-task timeout
restarts the worker that held it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import threading
import warnings
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING

from pebble import ProcessExpired, ProcessPool

from auditor.extract.dispatch import extract, kind_of
from auditor.extract.interface import ExtractError
from auditor.model import DocKind, Extracted

if TYPE_CHECKING:
    from types import TracebackType

TIME_LIMIT = 30.0
"""Seconds one page, PDF or image may take to read (config `extract.time_limit`)."""
MEMORY_LIMIT = 1 << 30
"""Bytes of address space a reader process may map: decompression bombs fail there, not in the audit."""
log = logging.getLogger("auditor.extract")
_ISOLATED = frozenset({DocKind.PDF, DocKind.IMAGE})
_SOFT_SHARE = 0.6
"""Share of the time limit after which a PDF stops at the next page boundary and keeps what it read."""


class IsolatedExtractor:
    """`extract()` with PDFs and images read in killable worker processes. Thread-safe; close it (or use
    it as a context manager) to stop the workers. The pool starts on the first document it reads there."""

    def __init__(self, *, time_limit: float = TIME_LIMIT, workers: int | None = None,
                 memory_limit: int = MEMORY_LIMIT, html: bool = False) -> None:  # fmt: skip
        self.time_limit = time_limit
        self.kinds = _ISOLATED | {DocKind.HTML} if html else _ISOLATED
        """What is read in the workers. With `html`, pages too: parsing then uses every core, while the
        audit's own threads only fetch and detect (one interpreter parses on one core at a time)."""
        self.workers = workers or max(1, len(os.sched_getaffinity(0)))
        self.memory_limit = memory_limit
        self._pool: ProcessPool | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._warming: threading.Thread | None = None

    def __call__(self, body: bytes, *, url: str, content_type: str) -> Extracted | ExtractError:
        kind = kind_of(body, content_type)
        if kind not in self.kinds:
            return extract(body, url=url, content_type=content_type)
        assert kind is not None
        try:
            future = self._started().schedule(
                extract,
                args=(body,),
                kwargs={
                    "url": url,
                    "content_type": content_type,
                    "pdf_time_budget": self.time_limit * _SOFT_SHARE,
                },
                timeout=self.time_limit,
            )
            result: Extracted | ExtractError = future.result()
        except FutureTimeout:
            limit = f"{self.time_limit:g} s (extract.time_limit)"
            return ExtractError("timeout", f"gave up reading this {kind.value} after {limit}")
        except ProcessExpired as e:  # killed by the kernel, or a crash inside a C library
            return ExtractError("parse", f"the {kind.value} reader crashed (exit code {e.exitcode})")
        except Exception as e:  # a worker that cannot start, a result that cannot be sent back
            log.error("could not read a %s in a worker process: %s", kind.value, type(e).__name__)
            return ExtractError(
                "parse", f"{kind.value} not read: its reader process failed ({type(e).__name__})"
            )
        return result

    def warm(self) -> None:
        """Start the workers now, in the background: an audit's first pages are then parsed as soon as
        they arrive, rather than after a pool start-up during which every crawl stands idle (each needs
        its home page read before it has another address to fetch)."""
        with self._lock:
            if self._warming is None and not self._closed:
                self._warming = threading.Thread(target=self._warm, name="extract-warm", daemon=True)
                self._warming.start()

    def _warm(self) -> None:
        try:
            self._started().schedule(os.getpid)
        except Exception as e:  # closed meanwhile, or workers that cannot start: the first read says so
            log.debug("extractor workers not started ahead: %s", type(e).__name__)

    def _started(self) -> ProcessPool:
        with self._lock:
            if self._closed:
                raise RuntimeError("extractor used after close()")
            if self._pool is None:
                # forkserver: workers start from a clean single-threaded process, never forked from
                # the audit's fetch threads (which may hold locks at the moment of a fork).
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(
                    ["auditor.extract.dispatch", "auditor.extract.pdf", "auditor.extract.image"]
                )
                self._pool = ProcessPool(
                    max_workers=self.workers,
                    initializer=_start_worker,
                    initargs=(self.memory_limit,),
                    context=context,
                )
            return self._pool

    def close(self) -> None:
        """Stop the workers (a reader still running is killed)."""
        with self._lock:
            self._closed = True
            warming = self._warming
        if warming is not None:
            warming.join()  # a pool half started would be missed below
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.stop()  # type: ignore[no-untyped-call]
            pool.join()

    def __enter__(self) -> IsolatedExtractor:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _start_worker(memory_limit: int) -> None:
    """Worker initialiser: cap the address space, so a bomb raises MemoryError inside the reader, and
    keep the readers' library warnings ("EOF marker not found") off the terminal and cron's mail: the
    document's result says what went wrong."""
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = memory_limit if hard == resource.RLIM_INFINITY else min(memory_limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))

"""The orchestration: every person through every source concurrently, documents through the detectors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from typing import TYPE_CHECKING, Protocol

from . import __version__
from .detectors import DEFAULT_DETECTORS, Detector, Subject, detect
from .extract import IsolatedExtractor
from .findings import Advise, build_findings, exposure_score
from .model import (
    AuditRun,
    Document,
    Extracted,
    Hit,
    Person,
    PersonAudit,
    SourceReport,
    SourceResult,
    SourceState,
    SourceStatus,
)
from .seal import Sealer
from .sources import Source, SourceContext, build_sources, records

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from .config import Config
    from .fetch import Fetcher

log = logging.getLogger("auditor.audit")


class Progress(Protocol):
    """Where the audit reports progress (the CLI draws a bar or prints lines)."""

    def start(self, total: int) -> None: ...
    def advance(self, person: Person, result: SourceResult) -> None: ...
    def finish(self) -> None: ...


class NoProgress:
    """Progress that says nothing (--quiet, and library use)."""

    def start(self, total: int) -> None:
        pass

    def advance(self, person: Person, result: SourceResult) -> None:
        pass

    def finish(self) -> None:
        pass


def run_audit(
    people: Sequence[Person],
    config: Config,
    *,
    fetcher: Fetcher,
    key: bytes,
    advise: Advise,
    progress: Progress | None = None,
    detectors: Sequence[Detector] | None = None,
    environ: Mapping[str, str] | None = None,
) -> AuditRun:
    """Run every enabled source for every person, concurrently; never raises for a source's trouble."""
    progress = progress or NoProgress()
    detectors = tuple(detectors) if detectors is not None else DEFAULT_DETECTORS
    started = dt.datetime.now(dt.UTC)
    audits = []
    with IsolatedExtractor(time_limit=config.extract.time_limit, html=True) as extract:
        sealer = Sealer(key)
        context = SourceContext(
            fetcher=fetcher, config=config, environ=environ or {}, extract=extract, sealer=sealer
        )
        active, states = build_sources(context)
        if active and people:
            extract.warm()
        # Each person is settled as their last source ends: their findings are built and their pages
        # let go, so memory grows with the findings, never with the pages read.
        jobs = _run_jobs(people, active, config, fetcher, detectors, progress, sealer)
        for person, results, sightings in jobs:
            findings = build_findings(person.id, sightings, key=key, advise=advise)
            reports = tuple(_source_report(state, results.get(state.name)) for state in states)
            audits.append(PersonAudit(person, reports, tuple(findings), exposure_score(findings)))
    audits.sort(key=lambda a: (-a.score.value, a.person.id))
    return AuditRun(started, dt.datetime.now(dt.UTC), __version__, tuple(audits), tuple(states))


Settled = tuple[Person, dict[str, SourceResult], list[tuple[Document, Hit]]]
"""A person whose every source has ended: their results by source, and every (document, hit) seen."""


def _run_jobs(
    people: Sequence[Person],
    active: Sequence[Source],
    config: Config,
    fetcher: Fetcher,
    detectors: Sequence[Detector],
    progress: Progress,
    sealer: Sealer | None = None,
) -> Iterator[Settled]:
    """Every (person, source) job on a pool of threads; each result through the detectors as it ends,
    and each person handed on (and forgotten here) as soon as their last job ends."""
    results: dict[str, dict[str, SourceResult]] = {}
    sightings: dict[str, list[tuple[Document, Hit]]] = {}
    subjects: dict[str, Subject] = {}  # each person's values, compiled once on their first result
    waiting = {p.id: len(active) for p in people}
    progress.start(len(people) * len(active))
    if not active:
        yield from ((person, {}, []) for person in people)
    # One job per (person, source): a slow site holds up only its own job, never the whole audit. More
    # jobs run than requests may be in flight: a job spends most of its time waiting for its own host's
    # interval, which holds no request slot (fetch.politeness), so with only `concurrency` jobs at most
    # that many hosts would ever be busy. The fetcher's slots still cap the requests in flight.
    with ThreadPoolExecutor(
        max_workers=job_threads(config.network.concurrency), thread_name_prefix="source"
    ) as pool:
        futures: dict[Future[SourceResult], tuple[Person, Source]] = {
            pool.submit(_collect, source, person, fetcher, config.network.job_timeout): (person, source)
            for person in people
            for source in active
        }
        for future in as_completed(futures):
            person, source = futures.pop(future)  # dropped with its result: memory stays flat
            result = future.result()
            subject = subjects.get(person.id)
            if subject is None:
                subject = subjects[person.id] = Subject.of(person, sealer)
            seen = sightings.setdefault(person.id, [])
            kept = []
            for document in result.documents:
                hits = detect(document, subject, detectors)
                # Only what findings cite is kept: a page's text is read once, here, and let go.
                kept.append(bare := _bare(document))
                seen.extend((bare, hit) for hit in hits)
            ended = results.setdefault(person.id, {})
            ended[source.name] = dataclasses.replace(result, documents=tuple(kept))
            progress.advance(person, result)
            waiting[person.id] -= 1
            if not waiting[person.id]:
                del subjects[person.id]
                yield person, results.pop(person.id), sightings.pop(person.id)
    progress.finish()


def _bare(document: Document) -> Document:
    """The document without its text, links and metadata: what findings and counts still need."""
    bare = Extracted(kind=document.content.kind, text="", title=document.content.title)
    return dataclasses.replace(document, content=bare)


JOBS_PER_SLOT = 6
"""Jobs in progress per request slot: enough hosts waiting out their interval to keep every slot busy."""
MAX_JOB_THREADS = 128


def job_threads(concurrency: int) -> int:
    """How many (person, source) jobs progress at once for `network.concurrency` request slots."""
    return max(1, min(concurrency * JOBS_PER_SLOT, MAX_JOB_THREADS))


def _collect(source: Source, person: Person, fetcher: Fetcher, budget: float) -> SourceResult:
    """A source's result; a bug inside a source becomes a failed status, never a crashed audit, and a
    source stuck on one person runs out of its time budget rather than holding up the run."""
    try:
        records.forget_answers()
        with fetcher.budget(budget) as spent:
            result = source.collect(person)
        if spent.ran_out:
            # What it read still counts; what it could not read leaves it failed, never "ok".
            detail = f"timed out: {budget:g} s for this person ran out; {result.detail}"
            return dataclasses.replace(result, status=SourceStatus.FAILED, detail=detail[:500])
        return result
    except Exception as e:
        # Only the type: an exception's message may carry a private value from the roster.
        log.error("source %s failed with %s for %s", source.name, type(e).__name__, person.id)
        log.debug("source failure", exc_info=True)
        return SourceResult(source.name, SourceStatus.FAILED, f"internal error ({type(e).__name__})")


def _source_report(state: SourceState, result: SourceResult | None) -> SourceReport:
    if result is None:
        return SourceReport(state.name, state.description, SourceStatus.SKIPPED, state.reason, 0)
    return SourceReport(
        state.name,
        state.description,
        result.status,
        result.detail,
        len(result.documents),
        result.failures,
        None if result.checked is None else frozenset(result.checked),
    )

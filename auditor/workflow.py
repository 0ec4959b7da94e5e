"""One audit from start to finish: lock, fetch and detect, apply triage, record history, write reports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .advice import AdviceBook
from .audit import Progress, run_audit
from .fetch import Fetcher
from .findings import exposure_score
from .history import (
    HistoryStore,
    RunChanges,
    active_decisions,
    awaiting_triage,
    digest_files,
    record_run,
)
from .lock import run_lock
from .model import AuditRun, Category, Decision, Finding, Match, Person, PersonAudit, Triage
from .notify import Delivery, alert_after_audit
from .paths import lock_file_for
from .report import OutputPaths, Staged, build_view, write_outputs
from .scrub import scrub

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .config import Config
    from .report.view import RunView

log = logging.getLogger("auditor")


@dataclass(frozen=True)
class AuditOutcome:
    """What the CLI needs to decide its exit code and tell the user."""

    run: AuditRun
    """With triaged findings' weight taken out of each person's score."""
    triaged: Mapping[str, Decision]
    paths: OutputPaths
    changes: RunChanges | None
    deliveries: tuple[Delivery, ...] = ()
    """The alerts sent after the run (notify:), one per channel; () when none was due or configured."""

    @property
    def undelivered(self) -> list[Delivery]:
        return [d for d in self.deliveries if not d.delivered]

    def counted(self, audit: PersonAudit) -> list[Finding]:
        """The findings that count toward --fail-on and the score (not triaged away)."""
        return [f for f in audit.findings if f.id not in self.triaged]


def audit_with_history(
    people: Sequence[Person],
    config: Config,
    *,
    out: Path,
    key: bytes,
    reveal: bool,
    progress: Progress,
    environ: Mapping[str, str],
    state: Path | None,
    inputs: Sequence[Path] = (),
    today: dt.date | None = None,
    format_version: int = 2,
    single: bool = False,
) -> AuditOutcome:
    """The whole audit under a lock (so two cron runs never overlap); history when `state` is given; then
    the alert (notify:), once the lock is released."""
    lock = lock_file_for(state, out)
    lock.parent.mkdir(parents=True, exist_ok=True)
    with run_lock(lock):
        outcome, masked = _locked(
            people,
            config,
            out=out,
            key=key,
            reveal=reveal,
            progress=progress,
            environ=environ,
            state=state,
            inputs=inputs,
            today=today,
            format_version=format_version,
            single=single,
        )
    # Reports in place and the run recorded, so a failed delivery loses neither; and outside the lock,
    # so retries against a slow mail server never hold up a triage or the next run.
    if config.notify is None:
        return outcome
    sent = alert_after_audit(masked(), config.notify, out=out, environ=environ)
    return dataclasses.replace(outcome, deliveries=sent)


def _locked(
    people: Sequence[Person],
    config: Config,
    *,
    out: Path,
    key: bytes,
    reveal: bool,
    progress: Progress,
    environ: Mapping[str, str],
    state: Path | None,
    inputs: Sequence[Path],
    today: dt.date | None,
    format_version: int,
    single: bool,
) -> tuple[AuditOutcome, Callable[[], RunView]]:
    """The audit and its outputs (and history), and how to build the masked view an alert is made from."""
    if state is None:
        run = _audit(people, config, key=key, progress=progress, environ=environ)
        paths = write_outputs(
            run,
            out,
            reveal=reveal,
            advice=AdviceBook.load(),
            format_version=format_version,
            single=single,
        )
        return AuditOutcome(run, {}, paths, None), lambda: build_view(run)
    with HistoryStore.open(state, key) as store:
        today = today or dt.date.today()
        seq = store.begin_run()
        decided = active_decisions(store, today)
        run = _audit(people, config, key=key, progress=progress, environ=environ)
        present = {f.id for a in run.people for f in a.findings}
        # A finding marked fixed that is still there has come back: its decision no longer applies.
        triaged = {i: d for i, d in decided.items() if not (d.decision == "fixed" and i in present)}
        run = _rescore(run, triaged)
        config_files = [config.path] if config.path else []
        # The reports are written beside their places and put in place (renames, which need no
        # space) with the old copies kept aside until the run is committed: a run that dies or
        # cannot write the state (a full disk) leaves history and reports as they were, agreeing
        # with each other, and the next run reports the same changes rather than resolutions
        # nobody saw.
        staged = Staged()
        try:
            with store.transaction():
                changes = record_run(
                    store,
                    run,
                    seq=seq,
                    roster_digest=digest_files(key, list(inputs)),
                    config_digest=digest_files(key, config_files),
                )
                awaiting = awaiting_triage(store, today, run_id=changes.run_id)
                said = Triage(triaged, changes.came_back, awaiting, with_history=True)
                paths = write_outputs(
                    run,
                    out,
                    reveal=reveal,
                    changes=changes.changes,
                    resolved=changes.resolved,
                    triage=said,
                    advice=AdviceBook.load(),
                    staged=staged,
                    format_version=format_version,
                    unverified=changes.unchecked,
                    single=single,
                )
                staged.publish()  # a report that cannot be put in place rolls the run back too
        except BaseException:
            staged.rollback()  # history not committed: the previous reports back, matching it
            raise
        staged.finish()

        def masked() -> RunView:  # what an alert is built from, whatever --reveal said
            return build_view(run, changes=changes.changes, triage=said, unverified=changes.unchecked)

        return AuditOutcome(run, triaged, paths, changes), masked


def _audit(
    people: Sequence[Person], config: Config, *, key: bytes, progress: Progress, environ: Mapping[str, str]
) -> AuditRun:
    book = AdviceBook.load()

    def advise(category: Category, source: str, match: Match, archived: bool) -> tuple[str, ...]:
        return book.for_finding(category.value, source, match.value, archived=archived)

    with Fetcher(config.network) as fetcher:
        run = run_audit(
            people, config, fetcher=fetcher, key=key, advise=advise, progress=progress, environ=environ
        )
    for audit in run.people:
        for source in audit.sources:
            if source.status.value in ("failed", "rate_limited"):
                # A detail can name a page whose address spells a private value: never log it as is.
                detail = scrub(source.detail, audit.person)
                log.warning("%s: source %s %s: %s", audit.person.id, source.name, source.status.value, detail)
    return run


def _rescore(run: AuditRun, triaged: Mapping[str, Decision]) -> AuditRun:
    """Triaged findings (accepted, not this person, fixed) stop counting toward the score."""
    if not triaged:
        return run
    people = tuple(
        dataclasses.replace(a, score=exposure_score(f for f in a.findings if f.id not in triaged))
        for a in run.people
    )
    return dataclasses.replace(run, people=tuple(sorted(people, key=lambda a: (-a.score.rank, a.person.id))))

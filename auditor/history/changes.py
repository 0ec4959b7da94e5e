"""Recording a run: each finding new, persisting or reappeared; each absent one resolved or left unchecked."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..keys import keyed_hash
from ..mask import mask_text, mask_url, mask_value, secret_words, url_secrets
from ..model import (
    AuditRun,
    Category,
    Change,
    Finding,
    FindingStatus,
    Match,
    PersonAudit,
    ResolvedView,
    SourceStatus,
)
from ..scrub import scrub, scrub_sealed, scrub_url
from ..seal import Sealer
from .store import HistoryStore, StateError, format_time, next_sequence, parse_time, stored_fetch

if TYPE_CHECKING:
    import sqlite3


@dataclass(frozen=True)
class RunChanges:
    """What history says about one recorded run; `changes` and `resolved` go straight to the writers."""

    run_id: int
    changes: Mapping[str, Change]
    """Per finding id in the run: new (never seen), persisting (still open since it was last seen),
    reappeared (it had been resolved: gone while its source worked, and now it is back)."""
    resolved: Mapping[str, tuple[ResolvedView, ...]]
    """Per person: open findings absent this run although their source ran ok. Now resolved."""
    unchecked: Mapping[str, tuple[ResolvedView, ...]]
    """Per person: open findings absent this run because their source did not run ok (failed,
    rate-limited, skipped or gone). Not resolved: carried as open until the source can confirm."""
    came_back: frozenset[str]
    """Finding ids marked `fixed` (removal requested) before this run and present in it anyway. Their
    decision is closed: they count again."""


def record_run(
    store: HistoryStore,
    run: AuditRun,
    *,
    seq: int | None = None,
    roster_digest: str = "",
    config_digest: str = "",
) -> RunChanges:
    """Store `run` and say what changed since each person's earlier runs. Runs must be recorded in order.

    `seq` is the run's place in the event order from `store.begin_run()` at its start; without it the
    run is placed now, after every decision recorded so far."""
    started = format_time(run.started_at)
    changes: dict[str, Change] = {}
    resolved: dict[str, tuple[ResolvedView, ...]] = {}
    unchecked: dict[str, tuple[ResolvedView, ...]] = {}
    with store.transaction() as db:
        latest = db.execute("SELECT started FROM runs ORDER BY seq DESC LIMIT 1").fetchone()
        if latest is not None and str(latest["started"]) > started:
            # "Previous run" means the one that started before: out of order, every status would be wrong.
            raise StateError(
                f"this run started at {started}, before the latest run in {store.path} "
                f"({latest['started']}): runs must be recorded in the order they ran"
            )
        if seq is None:
            seq = next_sequence(db)
        cursor = db.execute(
            "INSERT INTO runs (started, finished, auditor_version, roster_digest, config_digest, seq) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (started, format_time(run.finished_at), run.version, roster_digest, config_digest, seq),
        )
        run_id = int(cursor.lastrowid or 0)
        sealer = Sealer(store.key) if any(a.person.sealed for a in run.people) else None
        for audit in run.people:
            _record_person(db, store.key, run_id, started, audit, changes)
            _scrub_reasons(db, audit, sealer if audit.person.sealed else None)
            gone, carried = _absent(db, run_id, audit, {f.id for f in audit.findings})
            resolved[audit.person.id] = gone
            unchecked[audit.person.id] = carried
        came_back = _came_back(db, run_id, seq, started)
    return RunChanges(run_id, changes, resolved, unchecked, came_back)


def _record_person(
    db: sqlite3.Connection,
    key: bytes,
    run_id: int,
    started: str,
    audit: PersonAudit,
    changes: dict[str, Change],
) -> None:
    person = audit.person
    secrets = secret_words(person)
    db.execute(
        "INSERT INTO person_runs (run_id, person_id, name, grp, score, rank) VALUES (?, ?, ?, ?, ?, ?)",
        (run_id, person.id, person.name, person.group, audit.score.value, audit.score.rank),
    )
    for source in audit.sources:
        db.execute(
            "INSERT INTO source_runs (run_id, person_id, source, status, detail, documents) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                run_id,
                person.id,
                source.name,
                source.status.value,
                scrub(source.detail, person),
                source.documents,
            ),
        )
    for finding in audit.findings:
        row = db.execute(
            "SELECT first_seen, resolved_run FROM findings WHERE id = ?", (finding.id,)
        ).fetchone()
        url = scrub_url(finding.url, person, _own_values(finding))
        masked = scrub(mask_value(finding.category, finding.value), person)
        # What this sighting showed, masked as the reports show it: kept to carry it forward unverified.
        evidence = scrub(mask_text(finding.evidence, secrets), person)
        label = scrub(finding.label, person)
        fetched = finding.fetched
        proof = (
            ("", None, None, "")
            if fetched is None
            else (
                # As the reports show it: masked, down to values too short for scrub_url to look for.
                mask_url(scrub_url(fetched.url, person, _own_values(finding)), url_secrets(person)),
                format_time(fetched.fetched_at),
                fetched.status,
                fetched.sha256,
            )
        )
        if row is None:
            status, first_seen = FindingStatus.NEW, started
            db.execute(
                "INSERT INTO findings (id, person_id, category, severity, match, source, url, value_hash, "
                "masked, first_seen, last_seen, evidence, advice, label, "
                "fetched_url, fetched_at, http_status, body_sha256) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    finding.id,
                    person.id,
                    finding.category.value,
                    finding.severity.value,
                    finding.match.value,
                    finding.source,
                    url,
                    value_hash(key, person.id, finding.category, finding.key),
                    masked,
                    started,
                    started,
                    evidence,
                    ",".join(finding.advice),
                    label,
                    *proof,
                ),
            )
        else:
            status = FindingStatus.REAPPEARED if row["resolved_run"] is not None else FindingStatus.PERSISTING
            first_seen = str(row["first_seen"])
            db.execute(
                "UPDATE findings SET severity = ?, match = ?, source = ?, url = ?, masked = ?, "
                "last_seen = ?, resolved_run = NULL, evidence = ?, advice = ?, label = ?, "
                "fetched_url = ?, fetched_at = ?, http_status = ?, body_sha256 = ? WHERE id = ?",
                (
                    finding.severity.value,
                    finding.match.value,
                    finding.source,
                    url,
                    masked,
                    started,
                    evidence,
                    ",".join(finding.advice),
                    label,
                    *proof,
                    finding.id,
                ),
            )
        db.execute(
            "INSERT INTO finding_runs (finding_id, run_id, severity, status) VALUES (?, ?, ?, ?)",
            (finding.id, run_id, finding.severity.value, status),
        )
        changes[finding.id] = Change(status, parse_time(first_seen))


def _scrub_reasons(db: sqlite3.Connection, audit: PersonAudit, sealer: Sealer | None) -> None:
    """Mask the person's private values in triage reasons about their findings.

    `auditor triage` has no roster, so it can mask only what looks like a contact detail; an address or
    a relative's name typed in a reason stays readable until this, the next audit with the roster.
    """
    rows = db.execute(
        "SELECT d.finding_id, d.reason FROM decisions d JOIN findings f ON f.id = d.finding_id "
        "WHERE f.person_id = ?",
        (audit.person.id,),
    ).fetchall()
    for row in rows:
        cleaned = scrub(str(row["reason"]), audit.person)
        if sealer is not None:  # a sealed roster: its words are found by hashing the reason's own
            cleaned = scrub_sealed(cleaned, audit.person, sealer)
        if cleaned != row["reason"]:
            db.execute("UPDATE decisions SET reason = ? WHERE finding_id = ?", (cleaned, row["finding_id"]))


def _absent(
    db: sqlite3.Connection, run_id: int, audit: PersonAudit, present: set[str]
) -> tuple[tuple[ResolvedView, ...], tuple[ResolvedView, ...]]:
    """Split the person's open findings missing from this run into (resolved, unchecked)."""
    # Only a source that ran ok can vouch that something is gone; a failure proves nothing. A source
    # that read only some places (a crawl cut short) vouches only for those places.
    checked = {s.name for s in audit.sources if s.status is SourceStatus.OK}
    places = {
        s.name: {scrub_url(url, audit.person) for url in s.checked}
        for s in audit.sources
        if s.checked is not None
    }
    rows = db.execute(
        "SELECT id, category, masked, url, last_seen, source, severity, match, evidence, advice, label, "
        "fetched_url, fetched_at, http_status, body_sha256 FROM findings "
        "WHERE person_id = ? AND resolved_run IS NULL ORDER BY category, id",
        (audit.person.id,),
    ).fetchall()
    previous = db.execute(
        "SELECT MAX(run_id) FROM person_runs WHERE person_id = ? AND run_id < ?", (audit.person.id, run_id)
    ).fetchone()[0]
    seen_before = {
        str(r[0])
        for r in db.execute("SELECT finding_id FROM finding_runs WHERE run_id = ?", (previous,)).fetchall()
    }
    gone: list[ResolvedView] = []
    carried: list[ResolvedView] = []
    for row in rows:
        if row["id"] in present:
            continue
        view = ResolvedView(
            id=str(row["id"]),
            category=str(row["category"]),
            value=str(row["masked"]),
            url=str(row["url"]),
            last_seen=str(row["last_seen"]),
        )
        looked = row["source"] not in places or row["url"] in places[row["source"]]
        if row["source"] in checked and looked:
            db.execute("UPDATE findings SET resolved_run = ? WHERE id = ?", (run_id, view.id))
            db.execute("INSERT INTO finding_resolutions VALUES (?, ?)", (view.id, run_id))
            gone.append(view)
        else:
            carried.append(
                dataclasses.replace(
                    view,
                    source=str(row["source"]),
                    severity=str(row["severity"]),
                    match=str(row["match"]),
                    evidence=str(row["evidence"]),
                    advice=tuple(a for a in str(row["advice"]).split(",") if a),
                    label=str(row["label"]),
                    fetched=stored_fetch(row),
                    first_missed=view.id in seen_before,
                )
            )
    return tuple(gone), tuple(carried)


def _came_back(db: sqlite3.Connection, run_id: int, seq: int, started: str) -> frozenset[str]:
    """Close `fixed` decisions made before this run (by the state's counter, never by the clock: a
    triage and an audit can share a second) whose finding is in it: the removal did not happen."""
    rows = db.execute(
        "SELECT d.finding_id FROM decisions d JOIN finding_runs fr ON fr.finding_id = d.finding_id "
        "WHERE fr.run_id = ? AND d.decision = 'fixed' AND d.came_back_at IS NULL AND d.seq < ?",
        (run_id, seq),
    ).fetchall()
    ids = frozenset(str(r["finding_id"]) for r in rows)
    db.executemany(
        "UPDATE decisions SET came_back_at = ?, came_back_seq = ? WHERE finding_id = ?",
        [(started, seq, i) for i in ids],
    )
    return ids


def value_hash(key: bytes, person_id: str, category: Category, value_key: str) -> str:
    """The keyed hash a value is stored as (never the value itself)."""
    return keyed_hash(key, "value/v1", person_id, category.value, value_key)


def _own_values(finding: Finding) -> tuple[str, ...]:
    """The finding's own value, to keep out of its stored URL, unless that value is meant to be public."""
    if finding.match is Match.PUBLIC or finding.category is Category.ACCOUNT:
        return ()
    return (finding.key, finding.value)

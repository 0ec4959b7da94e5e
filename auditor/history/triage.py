"""Triage: human decisions about findings (accepted, not me, fixed), kept by fingerprint across runs."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..model import Decision, Severity, TriageDecision
from ..scrub import scrub_free_text
from .store import HistoryStore, format_time, next_sequence, parse_time

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

TRIAGE_FLOOR = Severity.MEDIUM
"""Findings at or above this severity wait for triage; lower ones are for information."""

_FINDING_ID = re.compile(r"[0-9a-f]{24}")


class TriageError(UsageError):
    """A triage request that cannot be recorded as given."""


class UnknownFindingError(TriageError):
    """No finding with that id in the state file."""


def unknown_finding(finding_id: str, store: HistoryStore) -> UnknownFindingError:
    """The error for an id the state file does not hold, saying where ids come from."""
    hint = "" if _FINDING_ID.fullmatch(finding_id) else " (ids are 24 hexadecimal characters)"
    return UnknownFindingError(
        f"no finding with id {finding_id!r} in {store.path}{hint}. Finding ids are the `id` field "
        "of each finding in findings.json (and are shown in the person reports); the state file "
        "must be the one the audit that produced them used (--state)."
    )


def decide(
    store: HistoryStore,
    finding_id: str,
    decision: TriageDecision | str,
    reason: str,
    until: dt.date | None = None,
    *,
    now: dt.datetime | None = None,
    scrub_reason: Callable[[str, str], str] | None = None,
) -> Decision:
    """Record (or replace) the decision about one finding; it holds for every later run.

    `scrub_reason(person_id, reason)` masks the person's own private values in the reason before it is
    stored (the CLI's --roster); anything shaped like a contact detail is masked regardless."""
    now = now or dt.datetime.now(dt.UTC)
    finding_id = finding_id.strip().lower()
    if decision not in set(TriageDecision):
        raise TriageError(f"unknown decision {decision!r}: use one of {', '.join(TriageDecision)}")
    decision = TriageDecision(decision)
    if not reason.strip():
        raise TriageError("a reason is required: say why, for whoever reads the history next")
    if until is not None and decision is not TriageDecision.ACCEPTED:
        raise TriageError(f"--until applies only to 'accepted', not to {decision!r}")
    if until is not None and until < now.astimezone(dt.UTC).date():
        raise TriageError(f"--until {until.isoformat()} is already past")
    with store.transaction() as db:
        row = db.execute("SELECT person_id FROM findings WHERE id = ?", (finding_id,)).fetchone()
        if row is None:
            raise unknown_finding(finding_id, store)
        db.execute(
            "INSERT OR REPLACE INTO decisions "
            "(finding_id, decision, reason, until, decided_at, seq, came_back_at, came_back_seq) "
            "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)",
            (
                finding_id,
                decision.value,
                scrub_free_text(
                    scrub_reason(str(row["person_id"]), reason.strip()) if scrub_reason else reason.strip()
                ),
                until.isoformat() if until else None,
                format_time(now),
                next_sequence(db),
            ),
        )
    return _decisions(store, finding_id)[0]


def clear_decision(store: HistoryStore, finding_id: str) -> bool:
    """Forget the decision about a finding; False when there was none."""
    with store.transaction() as db:
        cursor = db.execute("DELETE FROM decisions WHERE finding_id = ?", (finding_id.strip().lower(),))
    return cursor.rowcount > 0


def decisions(store: HistoryStore) -> tuple[Decision, ...]:
    """Every decision, including expired ones and fixed ones that came back; by person then date."""
    return tuple(_decisions(store, None))


def active_decisions(store: HistoryStore, today: dt.date) -> Mapping[str, Decision]:
    """Decisions that apply on `today`, by finding id: those findings are shown apart and count toward
    neither --fail-on nor the score."""
    return {d.finding_id: d for d in _decisions(store, None) if d.active(today)}


def awaiting_triage(store: HistoryStore, today: dt.date, *, run_id: int | None = None) -> Mapping[str, int]:
    """Per person, findings of at least medium severity in their latest run (or in run `run_id`) that
    no active decision covers. Every person of those runs is present, zero included."""
    active = active_decisions(store, today)
    if run_id is None:
        rows = store.db.execute(
            "SELECT pr.person_id, pr.run_id FROM person_runs pr JOIN runs r ON r.id = pr.run_id "
            "ORDER BY r.seq"
        ).fetchall()
    else:
        rows = store.db.execute(
            "SELECT person_id, run_id FROM person_runs WHERE run_id = ?", (run_id,)
        ).fetchall()
    latest = {str(r["person_id"]): int(r["run_id"]) for r in rows}  # later rows win: the latest run
    counts: dict[str, int] = {}
    for person_id, rid in sorted(latest.items()):
        found = store.db.execute(
            "SELECT fr.finding_id, fr.severity FROM finding_runs fr JOIN findings f ON f.id = fr.finding_id "
            "WHERE fr.run_id = ? AND f.person_id = ?",
            (rid, person_id),
        ).fetchall()
        counts[person_id] = sum(
            1
            for r in found
            if Severity(r["severity"]).at_least(TRIAGE_FLOOR) and str(r["finding_id"]) not in active
        )
    return counts


_SELECT_DECISIONS = """
    SELECT d.*, f.person_id, f.category, f.masked, f.url
    FROM decisions d JOIN findings f ON f.id = d.finding_id
    WHERE ? IS NULL OR d.finding_id = ? ORDER BY f.person_id, d.seq, d.finding_id
"""


def _decisions(store: HistoryStore, finding_id: str | None) -> list[Decision]:
    rows = store.db.execute(_SELECT_DECISIONS, (finding_id, finding_id)).fetchall()
    return [
        Decision(
            finding_id=str(r["finding_id"]),
            person_id=str(r["person_id"]),
            category=str(r["category"]),
            value=str(r["masked"]),
            url=str(r["url"]),
            decision=TriageDecision(r["decision"]),
            reason=str(r["reason"]),
            until=dt.date.fromisoformat(r["until"]) if r["until"] else None,
            decided_at=parse_time(r["decided_at"]),
            came_back_at=parse_time(r["came_back_at"]) if r["came_back_at"] else None,
        )
        for r in rows
    ]

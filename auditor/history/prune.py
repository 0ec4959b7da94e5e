"""Retention: forget runs older than a date, the findings only they held, and those findings' decisions."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from .store import HistoryStore, StateError, format_time

_DELETE_ORPHAN_FINDINGS = """
    DELETE FROM findings WHERE NOT EXISTS (
        SELECT 1 FROM finding_runs fr JOIN runs r ON r.id = fr.run_id
        WHERE fr.finding_id = findings.id AND r.started >= ?)
"""
_COUNT_ORPHAN_DECISIONS = """
    SELECT COUNT(*) FROM decisions d WHERE NOT EXISTS (
        SELECT 1 FROM finding_runs fr JOIN runs r ON r.id = fr.run_id
        WHERE fr.finding_id = d.finding_id AND r.started >= ?)
"""


@dataclass(frozen=True)
class PruneResult:
    runs: int
    """Runs removed."""
    findings: int
    """Findings removed: seen only in the removed runs."""
    decisions: int
    """Triage decisions removed with their findings."""
    runs_kept: int


def prune(store: HistoryStore, before: dt.date) -> PruneResult:
    """Remove runs that started before `before` (midnight UTC). Findings also seen in a later run stay,
    with their first_seen unchanged. The file is vacuumed so the removed rows leave it."""
    cutoff = format_time(dt.datetime.combine(before, dt.time(), tzinfo=dt.UTC))
    with store.transaction() as db:
        doomed_runs = [int(r[0]) for r in db.execute("SELECT id FROM runs WHERE started < ?", (cutoff,))]
        # Findings with no sighting in a run that stays. Removed first: the cascades then take their
        # sightings, resolutions and decisions, and no kept finding can point at a removed run.
        decisions = int(db.execute(_COUNT_ORPHAN_DECISIONS, (cutoff,)).fetchone()[0])
        findings = db.execute(_DELETE_ORPHAN_FINDINGS, (cutoff,)).rowcount
        db.executemany("DELETE FROM runs WHERE id = ?", [(i,) for i in doomed_runs])
        kept = int(db.execute("SELECT COUNT(*) FROM runs").fetchone()[0])
    try:
        # VACUUM rewrites the file without the freed pages; the checkpoint then empties the WAL, which
        # still held copies of the removed rows.
        store.db.execute("VACUUM")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as e:
        raise StateError(f"pruned {store.path} but could not compact it: {e}") from e
    return PruneResult(runs=len(doomed_runs), findings=findings, decisions=decisions, runs_kept=kept)

"""Month summaries from the state file alone: what was found, what changed, who is most at risk, the trend."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..model import Category, FailedSource, MonthSummary, PersonRisk, RunSummary, Severity, TrendPoint
from .store import HistoryStore, format_time, parse_time

if TYPE_CHECKING:
    import sqlite3

TREND_MONTHS = 12
TOP_PEOPLE = 10
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_NOT_CHECKED = ("failed", "rate_limited")


def parse_month(text: str) -> tuple[dt.datetime, dt.datetime]:
    """The first instant of month "YYYY-MM" and of the month after, in UTC."""
    m = _MONTH.fullmatch(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise UsageError(f"month {text!r} is not of the form YYYY-MM, e.g. 2024-05")
    if not 2000 <= int(m.group(1)) <= 9000:
        # The summary also reads the twelve months before and the one after: keep them all real dates.
        raise UsageError(f"month {text!r} is out of range: give a month from 2000-01 to 9000-12")
    start = dt.datetime(int(m.group(1)), int(m.group(2)), 1, tzinfo=dt.UTC)
    return start, _next_month(start)


def _next_month(start: dt.datetime) -> dt.datetime:
    if start.month == 12:
        return start.replace(year=start.year + 1, month=1)
    return start.replace(month=start.month + 1)


def _previous_month(start: dt.datetime) -> dt.datetime:
    if start.month == 1:
        return start.replace(year=start.year - 1, month=12)
    return start.replace(month=start.month - 1)


def month_summary(store: HistoryStore, month: str, *, now: dt.datetime | None = None) -> MonthSummary:
    """Summarise `month` ("YYYY-MM") from recorded runs only; nothing is fetched."""
    start, end = parse_month(month)
    db = store.db
    lo, hi = format_time(start), format_time(end)
    runs = tuple(
        RunSummary(
            int(r["id"]), parse_time(r["started"]), parse_time(r["finished"]), str(r["auditor_version"])
        )
        for r in db.execute(
            "SELECT * FROM runs WHERE started >= ? AND started < ? ORDER BY seq", (lo, hi)
        ).fetchall()
    )
    last = _last_runs(db, lo, hi)
    by_severity = _zeros(Severity)
    by_category = _zeros(Category)
    people: list[PersonRisk] = []
    for person_id, row in last.items():
        counts = _zeros(Severity)
        for f in _findings_at(db, int(row["run_id"]), person_id):
            counts[f["severity"]] += 1
            by_severity[f["severity"]] += 1
            by_category[f["category"]] += 1
        incomplete = _count_failed(db, int(row["run_id"]), person_id) > 0
        people.append(
            PersonRisk(
                person_id,
                str(row["name"]),
                str(row["grp"]),
                int(row["score"]),
                counts,
                incomplete,
                float(row["rank"]),
            )
        )
    # By the exact ordering, not the reading: two people both reading 97 are not tied.
    people.sort(key=lambda p: (-p.rank, -p.score, p.id))
    trend = []
    cursor = start
    for _ in range(TREND_MONTHS - 1):
        cursor = _previous_month(cursor)
    for _ in range(TREND_MONTHS):
        trend.append(_trend_point(db, cursor))
        cursor = _next_month(cursor)
    return MonthSummary(
        month=start.strftime("%Y-%m"),
        generated_at=now or dt.datetime.now(dt.UTC),
        empty=not runs,
        runs=runs,
        people_audited=len(last),
        by_severity=by_severity,
        by_category=by_category,
        new=_count(db, _NEW, lo, hi),
        resolved=_count(db, _RESOLVED, lo, hi),
        reappeared=_count(db, _REAPPEARED, lo, hi),
        most_at_risk=tuple(people[:TOP_PEOPLE]),
        failed_sources=_failed_sources(db, lo, hi),
        trend=tuple(trend),
    )


_NEW = """
    SELECT COUNT(*) FROM finding_runs fr JOIN runs r ON r.id = fr.run_id
    WHERE fr.status = 'new' AND r.started >= ? AND r.started < ?
"""
_REAPPEARED = """
    SELECT COUNT(*) FROM finding_runs fr JOIN runs r ON r.id = fr.run_id
    WHERE fr.status = 'reappeared' AND r.started >= ? AND r.started < ?
"""
_RESOLVED = """
    SELECT COUNT(*) FROM finding_resolutions x JOIN runs r ON r.id = x.run_id
    WHERE r.started >= ? AND r.started < ?
"""


def _zeros(kinds: type[Severity] | type[Category]) -> dict[str, int]:
    return {k.value: 0 for k in kinds}


def _count(db: sqlite3.Connection, query: str, lo: str, hi: str) -> int:
    return int(db.execute(query, (lo, hi)).fetchone()[0])


def _count_failed(db: sqlite3.Connection, run_id: int, person_id: str) -> int:
    return int(
        db.execute(
            "SELECT COUNT(*) FROM source_runs WHERE run_id = ? AND person_id = ? AND status IN (?, ?)",
            (run_id, person_id, *_NOT_CHECKED),
        ).fetchone()[0]
    )


def _last_runs(db: sqlite3.Connection, lo: str, hi: str) -> dict[str, sqlite3.Row]:
    """Each person's last run that started in [lo, hi), by person id."""
    rows = db.execute(
        "SELECT pr.* FROM person_runs pr JOIN runs r ON r.id = pr.run_id "
        "WHERE r.started >= ? AND r.started < ? ORDER BY r.seq",
        (lo, hi),
    ).fetchall()
    last: dict[str, sqlite3.Row] = {}
    for row in rows:
        last[str(row["person_id"])] = row  # later rows win
    return dict(sorted(last.items()))


def _findings_at(db: sqlite3.Connection, run_id: int, person_id: str) -> list[sqlite3.Row]:
    """The findings of a person's run that counted: not taken out by a triage decision in force when
    the run started (as the run's own report and score did)."""
    return db.execute(
        "SELECT f.category, fr.severity FROM finding_runs fr JOIN findings f ON f.id = fr.finding_id "
        "JOIN runs r ON r.id = fr.run_id "
        "LEFT JOIN decisions d ON d.finding_id = f.id AND d.seq < r.seq "
        "  AND (d.came_back_seq IS NULL OR d.came_back_seq > r.seq) "
        "  AND (d.until IS NULL OR d.until >= substr(r.started, 1, 10)) "
        "WHERE fr.run_id = ? AND f.person_id = ? AND d.finding_id IS NULL",
        (run_id, person_id),
    ).fetchall()


def _trend_point(db: sqlite3.Connection, start: dt.datetime) -> TrendPoint:
    last = _last_runs(db, format_time(start), format_time(_next_month(start)))
    counts = _zeros(Severity)
    for person_id, row in last.items():
        for f in _findings_at(db, int(row["run_id"]), person_id):
            counts[f["severity"]] += 1
    return TrendPoint(start.strftime("%Y-%m"), bool(last), len(last), counts)


def _failed_sources(db: sqlite3.Connection, lo: str, hi: str) -> tuple[FailedSource, ...]:
    rows = db.execute(
        "SELECT s.source, s.status, s.detail, s.person_id, s.run_id FROM source_runs s "
        "JOIN runs r ON r.id = s.run_id WHERE r.started >= ? AND r.started < ? "
        "AND s.status IN (?, ?) ORDER BY s.source, r.seq",
        (lo, hi, *_NOT_CHECKED),
    ).fetchall()
    grouped: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        grouped.setdefault(str(row["source"]), []).append(row)
    failed = [
        FailedSource(
            name=name,
            people=len({r["person_id"] for r in group}),
            runs=len({r["run_id"] for r in group}),
            statuses=tuple(sorted({str(r["status"]) for r in group})),
            details=tuple(dict.fromkeys(str(r["detail"]) for r in group if r["detail"]))[:5],
        )
        for name, group in grouped.items()
    ]
    failed.sort(key=lambda s: (-s.people, s.name))
    return tuple(failed)

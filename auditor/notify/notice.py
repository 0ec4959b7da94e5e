"""What an alert says: built from the masked report view or the month summary, never from raw findings.

A notice holds person ids and names, counts, masked values and where the reports are: nothing else.
Not a page's address (it can spell a private value), not a snippet, not a triage reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..model import FindingStatus, Severity
from ..plain import utc_iso

if TYPE_CHECKING:
    from pathlib import Path

    from ..model import MonthSummary
    from ..report.view import FindingView, PersonView, RunView

PAYLOAD_VERSION = 1
ALERTING = (FindingStatus.NEW.value, FindingStatus.REAPPEARED.value, "unverified")
"""What an audit alerts on: found for the first time, back after it was resolved, or no longer checked."""
_STATUS_WORDS = {"new": "new", "reappeared": "back", "unverified": "not re-checked"}


@dataclass(frozen=True)
class Notice:
    """One message, in the two forms the channels send."""

    event: str
    """"audit" or "summary"."""
    subject: str
    text: str
    """Plain text: the email's body and the webhook's `text` (what Slack-style bridges show)."""
    payload: dict[str, Any]
    """The webhook's JSON document (README: Notify)."""


@dataclass(frozen=True)
class Reports:
    """Where readers open the reports: the configured URL, else the --out folder's path."""

    base: str

    @classmethod
    def at(cls, url: str | None, out: Path) -> Reports:
        return cls(url.rstrip("/") + "/" if url else str(out.absolute()) + "/")

    def link(self, relative: str) -> str:
        return self.base + (quote(relative) if "://" in self.base else relative)


def audit_notice(view: RunView, min_severity: Severity, reports: Reports) -> Notice | None:
    """The alert after an audit, or None when nothing at or above `min_severity` is new, back or newly
    unverified. `view` must be the masked view (built without --reveal)."""
    if view.revealed:
        raise ValueError("alerts are built from the masked view only")
    people = [(p, alerts) for p in view.people if (alerts := _alerting(p, min_severity))]
    if not people:
        return None
    count = sum(len(a) for _, a in people)
    by_status = {s: sum(1 for _, a in people for f in a if f.status == s) for s in ALERTING}
    said = ", ".join(f"{n} {_STATUS_WORDS[s]}" for s, n in by_status.items() if n)
    noun = "person" if len(people) == 1 else "people"
    floor = f"{min_severity.value} or worse" if min_severity is not Severity.CRITICAL else "critical"
    subject = f"auditor: {count} exposure(s) at {floor} for {len(people)} {noun} ({said})"
    lines = [
        f"The audit started {view.started_at} found {count} exposure(s) at {floor} that need attention "
        f"({said}), for {len(people)} {noun}.",
        "",
    ]
    for person, alerts in people:
        group = f", {person.group}" if person.group else ""
        lines.append(f"{person.name} ({person.id}{group}): score {person.score}")
        lines += [f"  {_line(f)}" for f in alerts]
        lines += [f"  Report: {reports.link(f'people/{person.id}.html')}", ""]
    lines += [
        f"Dashboard: {reports.link('index.html')}",
        "Values are masked. Each report has the evidence and what to do.",
    ]
    text = "\n".join(lines)
    payload = {
        "version": PAYLOAD_VERSION,
        "event": "audit",
        "text": text,
        "subject": subject,
        "run_started": view.started_at,
        "min_severity": min_severity.value,
        "dashboard": reports.link("index.html"),
        "counts": {"findings": count, **by_status, "people": len(people)},
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "group": p.group,
                "score": p.score,
                "report": reports.link(f"people/{p.id}.html"),
                "findings": [
                    {
                        "id": f.id,
                        "status": f.status,
                        "severity": f.severity,
                        "category": f.category,
                        "value": f.value,
                        "source": f.source,
                    }
                    for f in alerts
                ],
            }
            for p, alerts in people
        ],
    }
    return Notice("audit", subject, text, payload)


def _alerting(person: PersonView, floor: Severity) -> list[FindingView]:
    """The person's findings that call for an alert, worst first: not triaged away, at or above `floor`,
    and new, reappeared, or unverified for the first time (a source down for months alerts once)."""
    fresh = [f for f in person.findings if not f.triage and f.status in ALERTING[:2]]
    missed = [f for f in person.unverified if f.newly_unverified and not f.triage]
    chosen = [f for f in (*fresh, *missed) if Severity(f.severity).at_least(floor)]
    return sorted(chosen, key=lambda f: (Severity(f.severity).rank, ALERTING.index(f.status), f.category))


def _line(f: FindingView) -> str:
    kind = f.category.replace("_", " ")
    return f"{_STATUS_WORDS[f.status]:<15} {f.severity:<9} {kind:<15} {f.value} ({f.source})"


def summary_notice(summary: MonthSummary, reports: Reports) -> Notice:
    """The month's summary, always sent (a month with no runs says so: silence would hide a broken cron)."""
    worst = {s.value: summary.by_severity.get(s.value, 0) for s in Severity}
    counts = ", ".join(f"{n} {s}" for s, n in worst.items() if n) or "none"
    subject = (
        f"auditor summary {summary.month}: no audit ran this month"
        if summary.empty
        else f"auditor summary {summary.month}: {summary.people_audited} people, "
        f"{summary.total_findings} findings, {summary.new} new"
    )
    lines = [f"Month {summary.month} (UTC), from {len(summary.runs)} audit run(s)."]
    if summary.empty:
        lines.append("No audit ran this month: check the cron job.")
    else:
        lines += [
            f"People audited: {summary.people_audited}.",
            f"Findings at each person's last run: {summary.total_findings} ({counts}).",
            f"Changes: {summary.new} new, {summary.resolved} resolved, {summary.reappeared} reappeared.",
        ]
    if summary.most_at_risk:
        lines += ["", "Most at risk:"]
        partial = " - incomplete: a source could not check them"
        lines += [
            f"  {p.score:>3}  {p.name} ({p.id}){partial if p.incomplete else ''}"
            for p in summary.most_at_risk
        ]
    if summary.failed_sources:
        lines += ["", "Sources that could not check everyone (results may be incomplete):"]
        lines += [f"  {s.name}: {s.people} people, {s.runs} run(s)" for s in summary.failed_sources]
    page = f"summary-{summary.month}.html"
    lines += ["", f"Summary: {reports.link(page)}"]
    text = "\n".join(lines)
    payload = {
        "version": PAYLOAD_VERSION,
        "event": "summary",
        "text": text,
        "subject": subject,
        "month": summary.month,
        "generated_at": utc_iso(summary.generated_at),
        "summary": reports.link(page),
        "empty": summary.empty,
        "people_audited": summary.people_audited,
        "findings": {"total": summary.total_findings, "by_severity": worst},
        "changes": {"new": summary.new, "resolved": summary.resolved, "reappeared": summary.reappeared},
        "most_at_risk": [
            {"id": p.id, "name": p.name, "group": p.group, "score": p.score, "incomplete": p.incomplete}
            for p in summary.most_at_risk
        ],
        "failed_sources": [
            {"name": s.name, "people": s.people, "runs": s.runs} for s in summary.failed_sources
        ],
    }
    return Notice("summary", subject, text, payload)

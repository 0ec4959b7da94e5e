"""The report's view of an audit: masked (unless revealed), ordered and counted once for every writer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..audit import AuditRun, PersonAudit
from ..mask import mask_text, mask_value, secret_words
from ..model import Finding, Match, Severity

STATUS_NEW = "new"


@dataclass(frozen=True)
class Change:
    """What history says about one finding (issue: month after month)."""

    status: str
    """new, persisting or reappeared."""
    first_seen: dt.datetime


@dataclass(frozen=True)
class ResolvedView:
    """A finding seen last time and gone now (its source ran successfully this time)."""

    id: str
    category: str
    value: str
    url: str
    last_seen: str


@dataclass(frozen=True)
class FindingView:
    """One finding ready to print: every string here is safe to show (masked unless revealed)."""

    id: str
    category: str
    match: str
    severity: str
    value: str
    source: str
    url: str
    host: str
    evidence: str
    status: str
    first_seen: str
    advice: tuple[str, ...]
    detail: str
    label: str
    archived_at: str


@dataclass(frozen=True)
class ValueGroup:
    """One exposed value and every place it was seen: the report lists a value once."""

    category: str
    match: str
    severity: str
    value: str
    detail: str
    advice: tuple[str, ...]
    places: tuple[FindingView, ...]
    status: str
    """The newest status among its places: new beats reappeared beats persisting."""


@dataclass(frozen=True)
class SourceView:
    name: str
    description: str
    status: str
    detail: str
    documents: int


@dataclass(frozen=True)
class PersonView:
    id: str
    name: str
    role: str
    group: str
    score: int
    score_meaning: str
    counts: Mapping[str, int]
    """Findings by severity, every severity present (zero included)."""
    sources: tuple[SourceView, ...]
    findings: tuple[FindingView, ...]
    groups: tuple[ValueGroup, ...]
    """Findings grouped by value, worst first then by category."""
    resolved: tuple[ResolvedView, ...]
    incomplete: bool
    new_count: int


@dataclass(frozen=True)
class RunView:
    generated_at: str
    started_at: str
    version: str
    revealed: bool
    people: tuple[PersonView, ...]
    failed_sources: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def build_view(
    run: AuditRun,
    *,
    reveal: bool = False,
    changes: Mapping[str, Change] | None = None,
    resolved: Mapping[str, tuple[ResolvedView, ...]] | None = None,
) -> RunView:
    """Everything the writers need; private values are masked here and nowhere else."""
    changes = changes or {}
    resolved = resolved or {}
    people = tuple(_person_view(a, run, reveal, changes, resolved.get(a.person.id, ())) for a in run.people)
    return RunView(
        generated_at=iso(run.finished_at),
        started_at=iso(run.started_at),
        version=run.version,
        revealed=reveal,
        people=people,
    )


def _person_view(
    audit: PersonAudit,
    run: AuditRun,
    reveal: bool,
    changes: Mapping[str, Change],
    resolved: tuple[ResolvedView, ...],
) -> PersonView:
    secrets = secret_words(audit.person)
    findings = tuple(_finding_view(f, run, reveal, secrets, changes.get(f.id)) for f in audit.findings)
    counts = {s.value: 0 for s in Severity}
    for f in audit.findings:
        counts[f.severity.value] += 1
    return PersonView(
        id=audit.person.id,
        name=audit.person.name,
        role=audit.person.role,
        group=audit.person.group,
        score=audit.score.value,
        score_meaning=audit.score.meaning,
        counts=counts,
        sources=tuple(
            SourceView(s.name, s.description, s.status.value, s.detail, s.documents) for s in audit.sources
        ),
        findings=findings,
        groups=_groups(audit.findings, findings),
        resolved=resolved,
        incomplete=audit.incomplete,
        new_count=sum(1 for f in findings if f.status == STATUS_NEW),
    )


def _finding_view(
    finding: Finding, run: AuditRun, reveal: bool, secrets: list[str], change: Change | None
) -> FindingView:
    # Public values were published on purpose; everything else is masked unless --reveal.
    shown = reveal or finding.match is Match.PUBLIC
    return FindingView(
        id=finding.id,
        category=finding.category.value,
        match=finding.match.value,
        severity=finding.severity.value,
        value=finding.value if shown else mask_value(finding.category, finding.value),
        source=finding.source,
        url=finding.url,
        host=urlsplit(finding.url).hostname or "",
        evidence=finding.evidence if reveal else mask_text(finding.evidence, secrets),
        status=change.status if change else STATUS_NEW,
        first_seen=iso(change.first_seen if change else run.started_at),
        advice=finding.advice,
        detail=finding.detail,
        label=finding.label,
        archived_at=iso(finding.archived_at) if finding.archived_at else "",
    )


_STATUS_ORDER = {"new": 0, "reappeared": 1, "persisting": 2}


def _groups(findings: tuple[Finding, ...], views: tuple[FindingView, ...]) -> tuple[ValueGroup, ...]:
    """Group by the unmasked value's identity (which never leaves this function), worst place first."""
    by_value: dict[tuple[str, str, str], list[FindingView]] = {}
    for finding, view in zip(findings, views, strict=True):
        by_value.setdefault((finding.category.value, finding.match.value, finding.key), []).append(view)
    groups = []
    for places in by_value.values():
        places.sort(key=lambda v: (Severity(v.severity).rank, v.url))
        worst = places[0]
        advice = tuple(dict.fromkeys(a for p in places for a in p.advice))
        groups.append(
            ValueGroup(
                category=worst.category,
                match=worst.match,
                severity=worst.severity,
                value=worst.value,
                detail=worst.detail,
                advice=advice,
                places=tuple(places),
                status=min((p.status for p in places), key=lambda s: _STATUS_ORDER.get(s, 9)),
            )
        )
    groups.sort(key=lambda g: (Severity(g.severity).rank, g.category, g.value))
    return tuple(groups)

"""The report's view of an audit: masked (unless revealed), ordered and counted once for every writer."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypedDict
from urllib.parse import urlsplit

from ..mask import mask_text, mask_url, mask_value, secret_words, url_secrets
from ..model import (
    AuditRun,
    Change,
    Decision,
    FetchRecord,
    Finding,
    FindingStatus,
    Match,
    Person,
    PersonAudit,
    ResolvedView,
    Severity,
    Triage,
)
from ..plain import utc_iso
from ..scrub import scrub, scrub_url


@dataclass(frozen=True)
class FetchedView:
    """The fetch a finding was read from: what a removal request or a complaint cites."""

    url: str
    """Masked like the finding's URL unless revealed."""
    at: str
    """ISO-8601 UTC."""
    status: int
    sha256: str


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
    triage: str = ""
    """accepted, not-me or fixed when a person triaged it (then it does not count)."""
    triage_note: str = ""
    triage_reason: str = ""
    """Why, as typed, masked unless revealed."""
    triage_until: str = ""
    """YYYY-MM-DD an accepted risk is re-examined after; "" for none."""
    came_back: bool = False
    """It was marked fixed, and is still there."""
    newly_unverified: bool = False
    """Unverified, and seen by the person's previous run: the first run that could not re-check it."""
    fetched: FetchedView | None = None


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
    triaged: tuple[FindingView, ...] = ()
    """Findings a person decided about: listed apart, not counted."""
    awaiting_triage: int | None = None
    """None without history."""
    rank: float = 0.0
    """The ordering the score is read from: riskiest first sorts on it (no ties at the top)."""
    gains: tuple[str, ...] = ()
    live_places: int = 0
    last_seen: str = ""
    """When this run saw its findings (its start)."""
    unverified: tuple[FindingView, ...] = ()
    """Open findings whose source failed this run: carried forward from their last sighting, not
    re-checked (status `unverified`), shown and counted apart."""


@dataclass(frozen=True)
class RunView:
    generated_at: str
    started_at: str
    version: str
    revealed: bool
    people: tuple[PersonView, ...]


def build_view(
    run: AuditRun,
    *,
    reveal: bool = False,
    changes: Mapping[str, Change] | None = None,
    resolved: Mapping[str, tuple[ResolvedView, ...]] | None = None,
    triage: Triage | None = None,
    unverified: Mapping[str, tuple[ResolvedView, ...]] | None = None,
) -> RunView:
    """Everything the writers need; private values are masked here and nowhere else."""
    changes = changes or {}
    resolved = resolved or {}
    unverified = unverified or {}
    triage = triage or Triage()
    people = tuple(
        dataclasses.replace(
            _person_view(a, run, reveal, changes, resolved.get(a.person.id, ()), triage),
            unverified=tuple(_carried(r, a, triage) for r in unverified.get(a.person.id, ())),
        )
        for a in run.people
    )
    return RunView(
        generated_at=utc_iso(run.finished_at),
        started_at=utc_iso(run.started_at),
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
    triage: Triage,
) -> PersonView:
    secrets = secret_words(audit.person)
    in_urls = url_secrets(audit.person)
    views = [
        _finding_view(f, audit.person, run, reveal, secrets, in_urls, changes.get(f.id), triage)
        for f in audit.findings
    ]
    counted = [(f, v) for f, v in zip(audit.findings, views, strict=True) if not v.triage]
    findings = tuple(views)
    counts = {s.value: 0 for s in Severity}
    for f, _ in counted:
        counts[f.severity.value] += 1
    return PersonView(
        id=audit.person.id,
        name=audit.person.name,
        role=audit.person.role,
        group=audit.person.group,
        score=audit.score.value,
        score_meaning=audit.score.meaning,
        rank=audit.score.rank,
        counts=counts,
        sources=tuple(
            SourceView(
                s.name,
                s.description,
                s.status.value,
                s.detail if reveal else scrub(s.detail, audit.person),
                s.documents,
            )
            for s in audit.sources
        ),
        findings=findings,
        groups=_groups(tuple(f for f, _ in counted), tuple(v for _, v in counted)),
        resolved=resolved,
        incomplete=audit.incomplete,
        new_count=sum(1 for _, v in counted if v.status == FindingStatus.NEW),
        triaged=tuple(v for v in views if v.triage),
        awaiting_triage=triage.awaiting.get(audit.person.id, 0) if triage.with_history else None,
        gains=audit.score.gains,
        live_places=audit.score.live_places,
        last_seen=utc_iso(run.started_at),
    )


def _finding_view(
    finding: Finding,
    person: Person,
    run: AuditRun,
    reveal: bool,
    secrets: list[str],
    in_urls: list[tuple[str, str]],
    change: Change | None,
    triage: Triage,
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
        url=finding.url if reveal else mask_url(scrub_url(finding.url, person), in_urls),
        host=urlsplit(finding.url).hostname or "",
        evidence=finding.evidence if reveal else mask_text(finding.evidence, secrets),
        status=(change.status if change else FindingStatus.NEW).value,
        first_seen=utc_iso(change.first_seen if change else run.started_at),
        advice=finding.advice,
        # A detail can be a page's own words (an account's display name): masked like the evidence.
        detail=finding.detail if reveal else mask_text(finding.detail, secrets),
        label=finding.label if reveal else scrub(finding.label, person),
        archived_at=utc_iso(finding.archived_at) if finding.archived_at else "",
        **_triage_fields(triage.decisions.get(finding.id), reveal, secrets),
        came_back=finding.id in triage.came_back,
        fetched=_fetched(
            finding.fetched,
            lambda url: url if reveal else mask_url(scrub_url(url, person), in_urls),
        ),
    )


def _carried(row: ResolvedView, audit: PersonAudit, triage: Triage) -> FindingView:
    """A finding its source could not re-check this run, as its last sighting showed it (stored masked:
    history never holds a private value, so even --reveal shows the mask)."""
    said = {"failed": "failed", "rate_limited": "was rate-limited", "skipped": "was skipped"}
    status = next((said.get(s.status.value, "") for s in audit.sources if s.name == row.source), "")
    why = f"{row.source} {status or 'did not run'}"
    return FindingView(
        id=row.id,
        category=row.category,
        match=row.match,
        severity=row.severity,
        value=row.value,
        source=row.source,
        url=row.url,
        host=urlsplit(row.url).hostname or "",
        evidence=row.evidence,
        status="unverified",
        first_seen=row.last_seen,
        advice=row.advice,
        detail=f"not re-checked this run because {why}; last seen {row.last_seen[:10]}",
        label=row.label,
        archived_at="",
        newly_unverified=row.first_missed,
        # A decision still applies to what could not be re-checked (a namesake stays a namesake).
        **_triage_fields(triage.decisions.get(row.id), False, secret_words(audit.person)),
        fetched=_fetched(row.fetched, lambda url: url),  # stored masked
    )


def _fetched(record: FetchRecord | None, shown: Callable[[str], str]) -> FetchedView | None:
    """A fetch record as the writers show it, its URL through `shown` (masked unless revealed)."""
    if record is None:
        return None
    return FetchedView(shown(record.url), utc_iso(record.fetched_at), record.status, record.sha256)


class _TriageFields(TypedDict, total=False):
    triage: str
    triage_note: str
    triage_reason: str
    triage_until: str


def _triage_fields(decision: Decision | None, reveal: bool, secrets: list[str]) -> _TriageFields:
    """A finding view's triage fields: its decision, and the reason masked unless revealed."""
    if decision is None:
        return {}
    reason = decision.reason if reveal else mask_text(decision.reason, secrets)
    until = decision.until.isoformat() if decision.until else ""
    return {
        "triage": decision.decision,
        "triage_note": f"{reason} until {until}" if until else reason,
        "triage_reason": reason,
        "triage_until": until,
    }


def _groups(findings: tuple[Finding, ...], views: tuple[FindingView, ...]) -> tuple[ValueGroup, ...]:
    """Group by the unmasked value's identity (which never leaves this function), worst place first."""
    by_value: dict[tuple[str, str, str], list[FindingView]] = {}
    for finding, view in zip(findings, views, strict=True):
        by_value.setdefault((finding.category.value, finding.match.value, finding.key), []).append(view)
    groups = []
    for places in by_value.values():
        # Live places before archived copies: fixing the live page comes first, and the group's advice
        # (and so the report's top actions) follows this order.
        places.sort(key=lambda v: (Severity(v.severity).rank, bool(v.archived_at), v.url))
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
                status=min((p.status for p in places), key=lambda s: FindingStatus(s).rank),
            )
        )
    groups.sort(key=lambda g: (Severity(g.severity).rank, g.category, g.value))
    return tuple(groups)

"""What history knows across runs: each finding's status, human triage decisions, month summaries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .core import FetchRecord


class FindingStatus(StrEnum):
    """A finding's place in its history (findings.json `status`)."""

    NEW = "new"
    """Not seen by an earlier run (or no history is kept)."""
    REAPPEARED = "reappeared"
    """Seen before, resolved since, and back."""
    PERSISTING = "persisting"
    """Seen by the previous run too."""

    @property
    def rank(self) -> int:
        """0 for new, 1 reappeared, 2 persisting: the newest status of a group sorts first."""
        return list(FindingStatus).index(self)


class TriageDecision(StrEnum):
    """What a person decided about a finding."""

    ACCEPTED = "accepted"
    """A known, tolerated exposure (optionally until a date)."""
    NOT_ME = "not-me"
    """The value is someone else's."""
    FIXED = "fixed"
    """Removal was requested, so the finding should be gone by the next run."""


@dataclass(frozen=True)
class Decision:
    """One human decision about one finding."""

    finding_id: str
    person_id: str
    category: str
    value: str
    """The stored masked display form of the finding's value."""
    url: str
    decision: str
    """accepted, not-me or fixed."""
    reason: str
    """Why, as typed (anything that looks like a contact detail masked before storing)."""
    until: dt.date | None
    """For accepted: the last day the acceptance applies."""
    decided_at: dt.datetime
    came_back_at: dt.datetime | None
    """For fixed: when a later run still found it. The decision then no longer applies."""

    def active(self, today: dt.date) -> bool:
        """Whether the decision still takes the finding out of the counts on `today`."""
        if self.came_back_at is not None:
            return False
        return self.until is None or today <= self.until


@dataclass(frozen=True)
class Triage:
    """What people decided about findings, and what history noticed about those decisions."""

    decisions: Mapping[str, Decision] = field(default_factory=dict)
    """Active decisions by finding id: these findings are shown apart and do not count."""
    came_back: frozenset[str] = frozenset()
    """Findings marked fixed that a later run still found."""
    awaiting: Mapping[str, int] = field(default_factory=dict)
    """Per person: findings (medium and worse) no one has triaged yet."""
    with_history: bool = False
    """False when the audit kept no history: then nothing can await triage."""


@dataclass(frozen=True)
class Change:
    """What history says about one finding (issue: month after month)."""

    status: FindingStatus
    first_seen: dt.datetime


@dataclass(frozen=True)
class ResolvedView:
    """A finding seen last time and gone now (its source ran successfully this time)."""

    id: str
    category: str
    value: str
    url: str
    last_seen: str
    # For a finding carried forward as unverified: what its last sighting showed (all masked).
    source: str = ""
    severity: str = ""
    match: str = ""
    evidence: str = ""
    advice: tuple[str, ...] = ()
    label: str = ""
    fetched: FetchRecord | None = None
    """The last sighting's fetch record (its URL masked), for a finding carried forward."""
    first_missed: bool = False
    """Carried forward for the first time: the person's previous run saw it (so alerts say it once)."""


@dataclass(frozen=True)
class RunSummary:
    id: int
    started: dt.datetime
    finished: dt.datetime
    auditor_version: str


@dataclass(frozen=True)
class PersonRisk:
    """One person at their last run of the month."""

    id: str
    name: str
    group: str
    score: int
    counts: Mapping[str, int]
    """Findings by severity, every severity present."""
    incomplete: bool
    """A source failed or was rate-limited in that run: the counts may be too low."""
    rank: float = 0.0
    """The score's exact ordering (Score.rank) at that run; 0 for runs recorded before it was kept."""


@dataclass(frozen=True)
class FailedSource:
    """A source that could not check someone during the month: their results are incomplete."""

    name: str
    people: int
    """How many people it failed for, at least once in the month."""
    runs: int
    """In how many of the month's runs it failed for someone."""
    statuses: tuple[str, ...]
    """failed and/or rate_limited."""
    details: tuple[str, ...]
    """Distinct reasons given (masked at rest), at most five."""


@dataclass(frozen=True)
class TrendPoint:
    """One month of the trend: the state at each person's last run of that month."""

    month: str
    audited: bool
    """False when no run started in that month (then every count is 0)."""
    people: int
    by_severity: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())


@dataclass(frozen=True)
class MonthSummary:
    """What the history says about one calendar month (UTC)."""

    month: str
    """YYYY-MM."""
    generated_at: dt.datetime
    empty: bool
    """True when no run started in the month; the summary still renders and says so."""
    runs: tuple[RunSummary, ...]
    people_audited: int
    by_severity: Mapping[str, int]
    """Findings at each person's last run of the month, by severity (every severity present)."""
    by_category: Mapping[str, int]
    """The same findings by category (every category present)."""
    new: int
    """Findings first seen in the month."""
    resolved: int
    """Resolutions in the month: a finding gone while its source ran ok."""
    reappeared: int
    """Returns in the month of findings that had been resolved."""
    most_at_risk: tuple[PersonRisk, ...]
    """Up to ten people by score at their last run of the month, highest first."""
    failed_sources: tuple[FailedSource, ...]
    trend: tuple[TrendPoint, ...] = field(default=())
    """Twelve months ending with this one, oldest first."""

    @property
    def total_findings(self) -> int:
        return sum(self.by_severity.values())


@dataclass(frozen=True)
class EvidenceRecord:
    """One finding's last sighting as the history keeps it (all masked): what `auditor evidence` writes."""

    finding_id: str
    person_id: str
    person_name: str
    category: str
    match: str
    severity: str
    value: str
    """Masked."""
    source: str
    url: str
    """Where it was seen, with the person's private values masked."""
    label: str
    evidence: str
    """The matched snippet of the last sighting, masked."""
    first_seen: str
    last_seen: str
    resolved_at: str
    """When a run found it gone ("" while it is open)."""
    fetched: FetchRecord | None
    """The last sighting's fetch (its URL masked); None when it predates fetch records (state from an
    earlier auditor) or nothing was fetched."""

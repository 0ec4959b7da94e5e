"""The audit's result, as every later stage reads it: each person's findings, sources and score."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .core import FetchFailure, Finding, Person, SourceStatus


@dataclass(frozen=True)
class SourceState:
    """One source's state for `auditor sources` and the reports' coverage tables."""

    name: str
    description: str
    enabled: bool
    reason: str
    """Why it is on or off, in a few words."""


@dataclass(frozen=True)
class Score:
    """A 0-100 exposure score and what it means in one line."""

    value: int
    meaning: str
    rank: float = 0.0
    """The exact ordering the value is read from: riskiest first sorts on this, so people never tie at
    the top of the 0-100 reading."""
    gains: tuple[str, ...] = ()
    """What an attacker gains from live pages: reach, locate, story."""
    live_places: int = 0
    """Live pages (not archived copies) showing an exposed value."""


@dataclass(frozen=True)
class SourceReport:
    """One source's outcome for one person, as every output shows it."""

    name: str
    description: str
    status: SourceStatus
    detail: str
    documents: int
    failures: tuple[FetchFailure, ...] = ()
    checked: frozenset[str] | None = None
    """The URLs read, when the source read only some of what it could (see SourceResult.checked)."""


@dataclass(frozen=True)
class PersonAudit:
    """Everything the audit learned about one person."""

    person: Person
    sources: tuple[SourceReport, ...]
    findings: tuple[Finding, ...]
    score: Score

    @property
    def incomplete(self) -> bool:
        """True when a source that should have run did not complete."""
        return any(s.status in (SourceStatus.FAILED, SourceStatus.RATE_LIMITED) for s in self.sources)


@dataclass(frozen=True)
class AuditRun:
    """The whole audit: what every output is rendered from."""

    started_at: dt.datetime
    finished_at: dt.datetime
    version: str
    people: tuple[PersonAudit, ...]
    sources: tuple[SourceState, ...]

"""Frozen value types passed between the pipeline's stages; every type that crosses a stage lives here.

`core`: the roster's people, fetched documents, hits and findings. `run`: an audit's result. `history`:
what is known across runs (statuses, triage decisions, month summaries).
"""

from __future__ import annotations

from .core import (
    Category,
    DocKind,
    Document,
    Extracted,
    FetchFailure,
    Finding,
    GeoPoint,
    Hit,
    Match,
    Person,
    PrivateLocation,
    PrivateValues,
    PublicValues,
    Severity,
    SocialAccount,
    SourceResult,
    SourceStatus,
)
from .history import (
    Change,
    Decision,
    FailedSource,
    FindingStatus,
    MonthSummary,
    PersonRisk,
    ResolvedView,
    RunSummary,
    TrendPoint,
    Triage,
    TriageDecision,
)
from .run import AuditRun, PersonAudit, Score, SourceReport, SourceState
from .sealed import (
    SealedAddress,
    SealedDate,
    SealedEmail,
    SealedLocation,
    SealedPhone,
    SealedPhrase,
    SealedValues,
)

__all__ = [
    "AuditRun",
    "Category",
    "Change",
    "Decision",
    "DocKind",
    "Document",
    "Extracted",
    "FailedSource",
    "FetchFailure",
    "Finding",
    "FindingStatus",
    "GeoPoint",
    "Hit",
    "Match",
    "MonthSummary",
    "Person",
    "PersonAudit",
    "PersonRisk",
    "PrivateLocation",
    "PrivateValues",
    "PublicValues",
    "ResolvedView",
    "RunSummary",
    "Score",
    "SealedAddress",
    "SealedDate",
    "SealedEmail",
    "SealedLocation",
    "SealedPhone",
    "SealedPhrase",
    "SealedValues",
    "Severity",
    "SocialAccount",
    "SourceReport",
    "SourceResult",
    "SourceState",
    "SourceStatus",
    "TrendPoint",
    "Triage",
    "TriageDecision",
]

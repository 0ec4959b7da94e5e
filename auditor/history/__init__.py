"""History: the SQLite state file, what changed between runs, triage, month summaries and retention."""

from .changes import RunChanges, record_run
from .evidence import evidence_record
from .prune import PruneResult, prune
from .store import (
    SCHEMA_VERSION,
    HistoryStore,
    RunInfo,
    StateError,
    StateKeyError,
    StateWriteError,
    digest_files,
)
from .summary import month_summary, parse_month
from .triage import (
    TriageError,
    UnknownFindingError,
    active_decisions,
    awaiting_triage,
    clear_decision,
    decide,
    decisions,
)

__all__ = [
    "SCHEMA_VERSION",
    "HistoryStore",
    "PruneResult",
    "RunChanges",
    "RunInfo",
    "StateError",
    "StateKeyError",
    "StateWriteError",
    "TriageError",
    "UnknownFindingError",
    "active_decisions",
    "awaiting_triage",
    "clear_decision",
    "decide",
    "decisions",
    "digest_files",
    "evidence_record",
    "month_summary",
    "parse_month",
    "prune",
    "record_run",
]

"""One finding's evidence from the history: what `auditor evidence` writes for a removal request or a
complaint to the ICO. Everything here was stored masked: the state file never holds a private value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import EvidenceRecord
from .store import stored_fetch
from .triage import unknown_finding

if TYPE_CHECKING:
    from .store import HistoryStore


def evidence_record(store: HistoryStore, finding_id: str) -> EvidenceRecord:
    """The stored record of `finding_id`'s last sighting; UnknownFindingError when there is none."""
    finding_id = finding_id.strip().lower()
    row = store.db.execute(
        "SELECT f.*, r.started AS resolved_started, "
        "  (SELECT pr.name FROM person_runs pr WHERE pr.person_id = f.person_id "
        "   ORDER BY pr.run_id DESC LIMIT 1) AS person_name "
        "FROM findings f LEFT JOIN runs r ON r.id = f.resolved_run WHERE f.id = ?",
        (finding_id,),
    ).fetchone()
    if row is None:
        raise unknown_finding(finding_id, store)
    return EvidenceRecord(
        finding_id=finding_id,
        person_id=str(row["person_id"]),
        person_name=str(row["person_name"] or row["person_id"]),
        category=str(row["category"]),
        match=str(row["match"]),
        severity=str(row["severity"]),
        value=str(row["masked"]),
        source=str(row["source"]),
        url=str(row["url"]),
        label=str(row["label"]),
        evidence=str(row["evidence"]),
        first_seen=str(row["first_seen"]),
        last_seen=str(row["last_seen"]),
        resolved_at=str(row["resolved_started"] or ""),
        fetched=stored_fetch(row),
    )

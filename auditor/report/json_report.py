"""findings.json: schema_version 2 (data/findings.v2.schema.json) by default, or 1
(data/findings.schema.json) for anyone who parses the old shape: `--format-version 1`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .view import FindingView, RunView

SCHEMA_VERSION = 2
FORMAT_VERSIONS = (1, 2)


def to_json(view: RunView, version: int = SCHEMA_VERSION) -> dict[str, Any]:
    """The findings.json document for a run, in schema `version`."""
    document = _v1(view)
    if version == 1:
        return document
    document["schema_version"] = 2
    for person, data in zip(view.people, document["people"], strict=True):
        data.update(
            score_reason=person.score_meaning,
            score_rank=round(person.rank, 3),
            score_gains=list(person.gains),
            live_places=person.live_places,
        )
        for finding, record in zip(person.findings, data["findings"], strict=True):
            record.update(
                label=finding.label,
                detail=finding.detail,
                last_seen=person.last_seen or view.started_at,
                triage=_triage(finding),
                fetched=_fetched(finding),
            )
        data["findings"] += [_carried(f) for f in person.unverified]
    return document


def _carried(finding: FindingView) -> dict[str, Any]:
    """A finding carried forward unverified: as its last sighting showed it."""
    return {
        "id": finding.id,
        "category": finding.category,
        "match": finding.match,
        "severity": finding.severity,
        "value": finding.value,
        "source": finding.source,
        "url": finding.url,
        "evidence": finding.evidence,
        "status": "unverified",
        "first_seen": finding.first_seen,
        "advice": list(finding.advice),
        "label": finding.label,
        "detail": finding.detail,
        "last_seen": finding.first_seen,
        "triage": _triage(finding),
        "fetched": _fetched(finding),
    }


def _triage(finding: FindingView) -> dict[str, Any] | None:
    if not finding.triage:
        return None
    return {
        "decision": finding.triage,
        "reason": finding.triage_reason,
        "until": finding.triage_until or None,
    }


def _fetched(finding: FindingView) -> dict[str, Any] | None:
    got = finding.fetched
    return None if got is None else {"url": got.url, "at": got.at, "status": got.status, "sha256": got.sha256}


def _v1(view: RunView) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "generated_at": view.generated_at,
        "auditor_version": view.version,
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "score": p.score,
                "sources": [
                    {"name": s.name, "status": s.status, "detail": s.detail, "documents": s.documents}
                    for s in p.sources
                ],
                "findings": [
                    {
                        "id": f.id,
                        "category": f.category,
                        "match": f.match,
                        "severity": f.severity,
                        "value": f.value,
                        "source": f.source,
                        "url": f.url,
                        "evidence": f.evidence,
                        "status": f.status,
                        "first_seen": f.first_seen,
                        "advice": list(f.advice),
                    }
                    for f in p.findings
                ],
                "resolved": [
                    {
                        "id": r.id,
                        "category": r.category,
                        "value": r.value,
                        "url": r.url,
                        "last_seen": r.last_seen,
                    }
                    for r in p.resolved
                ],
            }
            for p in view.people
        ],
    }


def render_json(view: RunView, version: int = SCHEMA_VERSION) -> str:
    return json.dumps(to_json(view, version), indent=2, ensure_ascii=False) + "\n"

"""findings.json (schema_version 1): the shape the README documents and data/findings.schema.json checks."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .view import RunView

SCHEMA_VERSION = 1


def to_json(view: RunView) -> dict[str, Any]:
    """The findings.json document for a run."""
    return {
        "schema_version": SCHEMA_VERSION,
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


def render_json(view: RunView) -> str:
    return json.dumps(to_json(view), indent=2, ensure_ascii=False) + "\n"

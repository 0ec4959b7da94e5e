"""findings.csv: one row per finding, for spreadsheets (masked unless --reveal, like every output)."""

from __future__ import annotations

import csv
import io

from .view import RunView

COLUMNS = (
    "person_id", "person_name", "group", "severity", "category", "match", "value", "status", "source", "url",
    "first_seen", "evidence", "advice",
)  # fmt: skip


def _cell(value: str) -> str:
    # A cell starting with = + - @ is a formula to Excel: crawled text must never run as one.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def render_csv(view: RunView) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for p in view.people:
        for f in p.findings:
            row = (p.id, p.name, p.group, f.severity, f.category, f.match, f.value, f.status, f.source, f.url,
                   f.first_seen, f.evidence, " ".join(f.advice))  # fmt: skip
            writer.writerow([_cell(str(c)) for c in row])
    return buffer.getvalue()

"""findings.csv: one row per finding, for spreadsheets (masked unless --reveal, like every output)."""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .view import RunView

COLUMNS = (
    "person_id", "person_name", "group", "severity", "category", "match", "value", "status", "source", "url",
    "first_seen", "evidence", "advice",
)  # fmt: skip


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# Bidi embeddings, overrides and isolates: crawled text could make a cell read differently from what it is.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _cell(value: str) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet (some skip leading spaces first): crawled
    # text must never run as one, so it is prefixed with the apostrophe spreadsheets read as "this is text".
    value = _BIDI_CONTROLS.sub("", value)
    return "'" + value if value.lstrip(" ")[:1] in _FORMULA_START else value


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

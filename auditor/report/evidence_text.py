"""`auditor evidence`: one finding's record as a small, dated, masked text file a person can attach to a
removal request or a complaint to the ICO."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from .. import __version__
from ..plain import utc_iso
from .dates import long_date, long_time
from .labels import CATEGORY_LABELS, SEVERITY_LABELS, SOURCE_LABELS

if TYPE_CHECKING:
    import datetime as dt

    from ..model import EvidenceRecord


def evidence_file_name(record: EvidenceRecord, written: dt.date) -> str:
    return f"evidence-{record.person_id}-{record.finding_id}-{written.isoformat()}.txt"


def render_evidence(record: EvidenceRecord, written: dt.date) -> str:
    kind = CATEGORY_LABELS.get(record.category, record.category).lower()
    status = (
        f"gone: found removed by the audit of {long_time(record.resolved_at)}"
        if record.resolved_at
        else "still there at the last audit"
    )
    rows = [
        ("Person", f"{record.person_name} ({record.person_id})"),
        ("What", f"{kind} ({record.match}), {SEVERITY_LABELS.get(record.severity, record.severity).lower()}"),
        ("Value", record.value),
        ("Where", record.url),
        ("Page", record.label),
        ("Found by", SOURCE_LABELS.get(record.source, record.source)),
        ("First seen", long_time(record.first_seen)),
        ("Last seen", long_time(record.last_seen)),
        ("Now", status),
    ]
    got = record.fetched
    if got is not None:
        at = utc_iso(got.fetched_at)
        rows += [
            ("Fetched", f"{long_time(at)} ({at})"),
            ("URL that answered", got.url),
            ("HTTP status", str(got.status)),
            ("SHA-256 of body", got.sha256),
        ]
    else:
        rows.append(("Fetched", "no fetch record: this sighting was stored before auditor kept them"))
    width = max(len(k) for k, _ in rows) + 2
    lines = [
        f"Evidence record for finding {record.finding_id}",
        f"Written {long_date(written.isoformat())} by auditor {__version__}, from its audit history.",
        "Private values are masked: the history never holds them in plain text.",
        "",
        *(f"{key + ':':<{width}}{value}" for key, value in rows if value),
        "",
        "What the page said (the matched text, masked):",
        *textwrap.wrap(
            f'"{record.evidence}"' if record.evidence else "(no text: an image or a record)",
            100,
            initial_indent="  ",
            subsequent_indent="  ",
        ),
        "",
        *textwrap.wrap(
            "How to use this: quote the address, the time and the SHA-256 in a removal request or a "
            "complaint to the Information Commissioner's Office (ico.org.uk/make-a-complaint). The "
            "SHA-256 is a fingerprint of the page exactly as the site's server sent it: the site can match "
            "it against its own records, and anyone holding a saved copy can show it is the same page. "
            "Keep this file with a copy of what you send and the date you sent it.",
            100,
        ),
    ]
    return "\n".join(lines) + "\n"

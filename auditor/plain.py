"""Two ways every output writes things: a moment as ISO-8601 UTC, and untrusted text as one clean line."""

from __future__ import annotations

import datetime as dt


def utc_iso(moment: dt.datetime) -> str:
    """ISO-8601 UTC with a Z, to the second ("2026-03-01T09:30:00Z"). An aware time only: a naive one
    could be any zone, and would silently shift."""
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def one_line(value: str, limit: int) -> str:
    """Untrusted text as one printable line: control characters and line breaks (which could forge
    record lines or log entries) become spaces, runs of whitespace collapse, and it is cut to `limit`."""
    text = "".join(ch if ch.isprintable() else " " for ch in value[: limit * 4])
    return " ".join(text.split())[:limit]


def plural(count: int, noun: str) -> str:
    """ "1 site", "2 sites": a count and its noun, for details people read."""
    return f"{count} {noun}{'' if count == 1 else 's'}"

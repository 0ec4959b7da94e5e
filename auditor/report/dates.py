"""Dates as people write them in reports and letters."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(iso_moment: str) -> str:
    """'2024-05-03T10:00:00Z' (or '2024-05-03') as people write it: '3 May 2024'."""
    if not iso_moment:
        return ""
    try:
        day = dt.date.fromisoformat(iso_moment[:10])
    except ValueError:
        return iso_moment
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_time(iso_moment: str) -> str:
    """'2024-05-03T10:07:00Z' as '3 May 2024 at 10:07 UTC'."""
    clock = iso_moment[11:16]
    return f"{long_date(iso_moment)} at {clock} UTC" if clock else long_date(iso_moment)

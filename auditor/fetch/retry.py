"""When to try again: which outcomes are transient, and how long to wait (backoff or Retry-After)."""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def backoff_delay(base: float, attempt: int) -> float:
    """Exponential backoff before retry number `attempt` (0 for the first retry)."""
    return base * float(2**attempt)


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (seconds or HTTP-date); None if absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; a zone-less one is read the same way
        when = when.replace(tzinfo=dt.UTC)
    current = now if now is not None else dt.datetime.now(dt.UTC)
    return max((when - current).total_seconds(), 0.0)

"""An API look-up that could not be completed, and how each kind of trouble is described."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..model import FetchFailure, SourceStatus

if TYPE_CHECKING:
    from ..fetch import Response


class ApiTrouble(Exception):
    """One look-up that could not be completed: failed, or rate-limited (never "nothing found").

    Raised and caught inside a source's `collect`; `detail` never holds a private value.
    """

    def __init__(self, status: SourceStatus, detail: str, failure: FetchFailure | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.failure = failure


def worse(status: SourceStatus, other: SourceStatus) -> SourceStatus:
    """A source's one status from two outcomes: failed over rate-limited over ok (a skipped source
    reports no trouble)."""
    if SourceStatus.FAILED in (status, other):
        return SourceStatus.FAILED
    if SourceStatus.RATE_LIMITED in (status, other):
        return SourceStatus.RATE_LIMITED
    return status


def rate_limit_note(response: Response) -> str:
    """When the service will answer again, from X-RateLimit-Reset (epoch seconds) or Retry-After."""
    reset = response.headers.get("x-ratelimit-reset", "").strip()
    if reset.isdigit() and len(reset) <= 11:
        when = dt.datetime.fromtimestamp(int(reset), dt.UTC)
        return f"resets at {when:%H:%M} UTC"
    retry = response.headers.get("retry-after", "").strip()
    if retry.isdigit() and len(retry) <= 9:
        return f"retry after {int(retry)} s"
    return ""


def rate_limited(response: Response, service: str, shown_url: str) -> ApiTrouble:
    """The service said slow down: a rate_limited outcome with when it resets, if it said."""
    note = rate_limit_note(response)
    detail = f"{service} rate limit reached (HTTP {response.status})" + (f"; {note}" if note else "")
    return ApiTrouble(SourceStatus.RATE_LIMITED, detail, FetchFailure(shown_url, "rate_limited", detail))


def http_error(response: Response, service: str, shown_url: str, why: str = "") -> ApiTrouble:
    """An unexpected status: failed, with the status (the body is the service's, hostile, unread)."""
    detail = f"{service} answered HTTP {response.status}" + (f" ({why})" if why else "")
    return ApiTrouble(SourceStatus.FAILED, detail, FetchFailure(shown_url, "http_error", detail))


def malformed(service: str, shown_url: str, why: str) -> ApiTrouble:
    detail = f"malformed response from {service} ({why})"
    return ApiTrouble(SourceStatus.FAILED, detail, FetchFailure(shown_url, "parse", detail))


def expect_ok(response: Response, service: str, shown_url: str) -> None:
    """Raise for anything but a 2xx: 429 is rate-limited, the rest failed (callers handle 404 first)."""
    if response.status == 429:
        raise rate_limited(response, service, shown_url)
    if not response.ok:
        raise http_error(response, service, shown_url)

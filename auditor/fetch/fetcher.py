"""The Fetcher: the one way auditor fetches a URL (guard, robots, politeness, retries, cache, size cap)."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Self
from urllib.parse import urljoin

import requests
from urllib3 import exceptions as u3

from ..model import FetchFailure
from .adapter import CappedAdapter
from .cache import build_session
from .failure import Failed
from .guard import AddressGuard
from .politeness import Politeness
from .response import Response
from .retry import RETRY_STATUSES, backoff_delay, parse_retry_after
from .robots import PRODUCT_TOKEN, RobotsCache
from .urls import Target, parse_target

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping
    from types import TracebackType

    from ..config import NetworkSettings

log = logging.getLogger("auditor.fetch")

MAX_REDIRECTS = 10
MAX_CRAWL_DELAY = 30.0
"""A robots.txt Crawl-delay above this is capped: one site must not stall an audit for minutes a page."""
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass
class Budget:
    """The time one source has for one person (see `Fetcher.budget`)."""

    seconds: float
    deadline: float
    """On the fetcher's clock."""
    ran_out: bool = False
    """A request was refused because the time had run out."""


class Fetcher:
    """Fetches URLs for every source; thread-safe. `get` gives a Response or a FetchFailure, never raises.

    Construction raises an AuditorError for unusable settings: InvalidAllowedAddress (a bad CIDR in
    network.allow_addresses) or CacheUnavailable (the cache file cannot be opened).
    """

    def __init__(
        self,
        settings: NetworkSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._settings = settings
        self._guard = AddressGuard(
            allow_private=settings.allow_private,
            allow_addresses=settings.allow_addresses,
            via_proxy=bool(settings.proxy),
        )
        # Through a proxy the socket's peer is the proxy itself, so there is nothing to check there.
        peer_check = self._guard.check_peer if self._guard.enabled and not settings.proxy else None
        adapter = CappedAdapter(
            max_bytes=settings.max_bytes,
            body_timeout=settings.timeout,
            pool_size=max(settings.concurrency, 1),
            peer_check=peer_check,
        )
        self._session = build_session(settings, adapter)
        # A second session without the cache for look-ups whose URL carries a private value: requests-cache
        # has no per-request switch that reliably keeps a response out of the file.
        self._uncached = build_session(settings, adapter, cached=False)
        self._sleep = sleep
        self._politeness = Politeness(
            interval=settings.per_host_interval, concurrency=settings.concurrency, clock=clock, sleep=sleep
        )
        self._robots = RobotsCache(lambda url: self.get(url, respect_robots=False))
        self._agents = (PRODUCT_TOKEN, settings.user_agent)
        self._closed = False
        self._job = threading.local()
        self._clock = clock

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release connections and the cache file."""
        self._closed = True
        self._session.close()
        self._uncached.close()

    def get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        respect_robots: bool = True,
        cache: bool = True,
    ) -> Response | FetchFailure:
        """GET a URL, following up to 10 redirects (each hop guarded and, unless told otherwise,
        robots-checked).

        Returns a Response for any final status the server gave (sources judge 4xx themselves), or a
        FetchFailure: robots, guard, bad_url, timeout, connection, too_large, parse, rate_limited (429
        once retries are spent) or http_error (5xx once retries are spent, or a redirect loop).
        `respect_robots=False` is for documented APIs only: robots.txt governs crawling.
        `cache=False` keeps the request and its answer out of the HTTP cache file: for look-ups whose
        URL carries a private value (an email address), which must not be left on disk in plain text.
        """
        try:
            return self._get(url, headers or {}, respect_robots, cache)
        except Failed as e:
            return FetchFailure(url=url, reason=e.reason, detail=e.detail)

    @contextmanager
    def budget(self, seconds: float) -> Iterator[Budget]:
        """Within the block, this thread's requests fail as timed out once `seconds` have passed: one
        source stuck on one person ends as a failure, and the rest of the audit goes on."""
        previous = getattr(self._job, "budget", None)
        self._job.budget = budget = Budget(seconds, self._clock() + seconds)
        try:
            yield budget
        finally:
            self._job.budget = previous

    def _check_budget(self) -> None:
        budget: Budget | None = getattr(self._job, "budget", None)
        if budget is not None and self._clock() >= budget.deadline:
            budget.ran_out = True
            raise Failed("timeout", f"out of time: {budget.seconds:g} s for this source and person ran out")

    def _get(self, url: str, headers: Mapping[str, str], respect_robots: bool, cache: bool) -> Response:
        if self._closed:
            raise Failed("connection", "the fetcher has been closed")
        self._check_budget()
        # The crawler always says who it is; a caller cannot swap the User-Agent.
        headers = {k: v for k, v in headers.items() if k.lower() != "user-agent"}
        first = target = parse_target(url)
        for _hop in range(MAX_REDIRECTS + 1):
            # The caller's headers (an API token, say) never follow a redirect to another origin.
            sent = headers if target.origin == first.origin else {}
            reply = self._attempts(target, sent, respect_robots, cache)
            location = reply.headers.get("location") if reply.status_code in _REDIRECT_STATUSES else None
            if not location:
                return _response(url, target.url, reply)
            target = parse_target(urljoin(target.url, location))
        raise Failed("http_error", f"more than {MAX_REDIRECTS} redirects")

    def _attempts(
        self, target: Target, headers: Mapping[str, str], respect_robots: bool, cache: bool
    ) -> requests.Response:
        """One hop: guard and robots first, then the request, retried on transient trouble."""
        retries = max(self._settings.retries, 0)
        robots_checked = not respect_robots
        for attempt in range(retries + 1):
            attempts = attempt + 1
            try:
                self._guard.check_host(target.host, target.port)
                if not robots_checked:
                    self._check_robots(target)
                    robots_checked = True
                reply = self._send(target, headers, cache)
            except Failed as e:
                if not e.retryable or attempt == retries:
                    if e.retryable and retries:
                        raise Failed(e.reason, f"{e.detail} (after {attempts} attempts)") from e
                    raise
                self._sleep(backoff_delay(self._settings.backoff, attempt))
                continue
            if reply.status_code not in RETRY_STATUSES:
                return reply
            wait = parse_retry_after(reply.headers.get("retry-after"))
            if wait is not None and wait > self._settings.max_retry_after:
                raise _status_failure(
                    reply.status_code,
                    attempts,
                    f"; the server asks to wait {wait:.0f} s, longer than network.max_retry_after",
                )
            if attempt == retries:
                raise _status_failure(reply.status_code, attempts)
            self._sleep(wait if wait is not None else backoff_delay(self._settings.backoff, attempt))
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises

    def _check_robots(self, target: Target) -> None:
        rules = self._robots.rules_for(target.origin)
        delay = rules.crawl_delay(self._agents)
        if delay:
            self._politeness.set_min_interval(target.host, min(delay, MAX_CRAWL_DELAY))
        if not rules.allows(target.url, self._agents):
            why = rules.note if rules.parser is None else "robots.txt disallows this URL for auditor"
            raise Failed("robots", f"{target.origin}: {why}")

    def _send(self, target: Target, headers: Mapping[str, str], cache: bool) -> requests.Response:
        timeout = self._settings.timeout
        session = self._session if cache else self._uncached
        with self._politeness.turn(target.host):
            try:
                reply = session.get(
                    target.url, headers=dict(headers), timeout=(timeout, timeout), allow_redirects=False
                )
            except (
                requests.RequestException,
                u3.HTTPError,
                sqlite3.Error,
                ValueError,
                UnicodeError,
                OSError,
            ) as e:
                raise _classify(e, target, timeout) from e
        log.debug("GET %s -> %d%s", target.host, reply.status_code, " (cache)" if _from_cache(reply) else "")
        return reply


def _from_cache(reply: requests.Response) -> bool:
    return bool(getattr(reply, "from_cache", False))


def _response(url: str, final_url: str, reply: requests.Response) -> Response:
    return Response(
        url=url,
        final_url=final_url,
        status=reply.status_code,
        headers={k.lower(): v for k, v in reply.headers.items()},
        body=reply.content or b"",
        from_cache=_from_cache(reply),
    )


def _status_failure(status: int, attempts: int, extra: str = "") -> Failed:
    reason = "rate_limited" if status == 429 else "http_error"
    return Failed(reason, f"HTTP {status} after {attempts} attempt{'s' if attempts > 1 else ''}{extra}")


def _classify(error: Exception, target: Target, timeout: float) -> Failed:
    """A library exception as a Failed with a reason, a short cause and whether to try again."""
    cause = _root_cause(error)
    if isinstance(error, requests.exceptions.Timeout):
        return Failed("timeout", f"{target.host} did not answer within {timeout:g} s", retryable=True)
    if isinstance(error, requests.exceptions.InvalidURL | requests.exceptions.URLRequired | UnicodeError):
        return Failed("bad_url", f"the URL cannot be requested ({cause})")
    if isinstance(error, requests.exceptions.InvalidHeader):
        return Failed("bad_url", f"a request header cannot be sent ({cause})")
    if isinstance(error, requests.exceptions.SSLError):
        return Failed("connection", f"TLS with {target.host} failed ({cause})")
    if isinstance(error, sqlite3.Error):
        return Failed("connection", f"the HTTP cache failed ({cause}); try network.cache: false")
    if isinstance(error, requests.exceptions.ContentDecodingError):
        return Failed("parse", f"the body cannot be decoded ({cause})")
    if isinstance(error, ValueError) and not isinstance(error, requests.RequestException):
        return Failed("bad_url", f"the URL or a redirect cannot be requested ({cause})")
    return Failed("connection", f"could not talk to {target.host} ({cause})", retryable=True)


def _root_cause(error: BaseException) -> str:
    """The innermost cause, briefly: library messages repeat the URL (query string included)."""
    seen: set[int] = set()
    current = error
    while id(current) not in seen:
        seen.add(id(current))
        inner = getattr(current, "reason", None)
        if isinstance(inner, BaseException):
            current = inner
        elif current.__cause__ is not None:
            current = current.__cause__
        elif current.args and isinstance(current.args[0], BaseException):
            current = current.args[0]
        else:
            break
    if isinstance(current, OSError) and current.strerror:
        return current.strerror.lower()
    text = str(current).split(" (Caused by", 1)[0]
    return (text[:160] + "...") if len(text) > 160 else text or type(current).__name__

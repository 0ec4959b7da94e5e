"""Retries, backoff, Retry-After and timeouts of the fetch layer."""

from __future__ import annotations

import datetime as dt
import socket
from itertools import pairwise
from typing import TYPE_CHECKING

import pytest
from localserver import LocalServer, Reply
from test_fetch import failed, ok

from auditor.fetch.retry import parse_retry_after

if TYPE_CHECKING:
    from conftest import FetcherFactory


def gaps(server: LocalServer, path: str) -> list[float]:
    times = [r.time for r in server.requests_to(path)]
    return [b - a for a, b in pairwise(times)]


def test_5xx_retried_with_exponential_backoff(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/flaky", [Reply(503), Reply(502), Reply(body="fine")])
    response = ok(
        fetcher_factory(retries=3, backoff=0.1).get(local_server.url("/flaky"), respect_robots=False)
    )
    assert response.body == b"fine"
    first, second = gaps(local_server, "/flaky")
    assert first >= 0.09
    assert second >= 0.19


@pytest.mark.parametrize(
    ("status", "reason"), [(500, "http_error"), (503, "http_error"), (429, "rate_limited")]
)
def test_retries_spent(
    local_server: LocalServer, fetcher_factory: FetcherFactory, status: int, reason: str
) -> None:
    local_server.route("/down", Reply(status))
    failure = failed(fetcher_factory(retries=2).get(local_server.url("/down"), respect_robots=False), reason)
    assert failure.detail == f"HTTP {status} after 3 attempts"
    assert len(local_server.requests_to("/down")) == 3


def test_retry_after_seconds_replaces_backoff(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/busy", [Reply(429, headers={"Retry-After": "4"}), Reply(body="ok")])
    waits: list[float] = []
    fetcher = fetcher_factory(retries=1, backoff=0.01, sleep=waits.append)
    ok(fetcher.get(local_server.url("/busy"), respect_robots=False))
    assert waits == [4.0]  # the server's wait, not the 0.01 s backoff


def test_retry_after_beyond_the_limit_is_not_waited_for(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/busy", Reply(429, headers={"Retry-After": "3600"}))
    waits: list[float] = []
    fetcher = fetcher_factory(retries=3, max_retry_after=5.0, sleep=waits.append)
    failure = failed(fetcher.get(local_server.url("/busy"), respect_robots=False), "rate_limited")
    assert waits == []  # not one second of it waited for
    assert "3600 s" in failure.detail
    assert len(local_server.requests_to("/busy")) == 1


def test_retry_after_http_date() -> None:
    now = dt.datetime(2026, 3, 14, 12, 0, 0, tzinfo=dt.UTC)
    assert parse_retry_after("Sat, 14 Mar 2026 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("Sat, 14 Mar 2026 11:00:00 GMT", now) == 0.0  # in the past: no wait
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_dropped_connection_is_retried(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route("/drop", [Reply(drop=True), Reply(body="second time lucky")])
    response = ok(fetcher_factory(retries=1).get(local_server.url("/drop"), respect_robots=False))
    assert response.body == b"second time lucky"
    assert len(local_server.requests_to("/drop")) == 2


def test_refused_connection_is_a_connection_failure(fetcher_factory: FetcherFactory) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    failure = failed(
        fetcher_factory(retries=1).get(f"http://127.0.0.1:{port}/x", respect_robots=False), "connection"
    )
    assert "refused" in failure.detail
    assert "2 attempts" in failure.detail


def test_slow_headers_time_out_and_are_retried(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/slow", Reply(body="late", delay=1.0))
    waits: list[float] = []
    failure = failed(
        fetcher_factory(timeout=0.3, retries=1, sleep=waits.append).get(
            local_server.url("/slow"), respect_robots=False
        ),
        "timeout",
    )
    assert "0.3 s" in failure.detail  # the timeout ended each attempt, not the server's answer
    assert len(local_server.requests_to("/slow")) == 2
    assert waits == [0.01]  # one backoff between the two attempts


def test_slow_drip_body_must_arrive_within_the_timeout(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    # Each piece comes well inside the read timeout; only a whole-body deadline catches this.
    local_server.route("/drip", Reply(body=b"x" * 40, chunk_size=1, drip=0.05))
    fetcher = fetcher_factory(timeout=0.5, retries=0)
    # The drip takes 2 s: had the body been read to its end, the fetch would have succeeded.
    failure = failed(fetcher.get(local_server.url("/drip"), respect_robots=False), "timeout")
    assert "0.5 s" in failure.detail

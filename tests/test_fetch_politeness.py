"""Politeness: per-host spacing (robots.txt included, Crawl-delay honoured) and the concurrency cap."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from typing import TYPE_CHECKING

from localserver import LocalServer, Reply, Request
from test_fetch import ok

from auditor.fetch.politeness import Politeness

if TYPE_CHECKING:
    from conftest import FetcherFactory

SLACK = 0.1  # the server stamps arrival, a little after the client started the request


def arrival_gaps(server: LocalServer) -> list[float]:
    times = sorted(r.time for r in server.requests)
    return [b - a for a, b in pairwise(times)]


def test_requests_to_one_host_are_spaced(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    fetcher = fetcher_factory(per_host_interval=0.3, concurrency=4)
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(fetcher.get, [local_server.url(f"/p{i}") for i in range(3)]))
    assert len(local_server.requests) == 4  # robots.txt counts as a request to the host too
    assert min(arrival_gaps(local_server)) >= 0.3 - SLACK


def test_waiting_for_one_host_does_not_block_another() -> None:
    """One request slot: while host a waits out its interval, host b gets the slot at once. The clock
    and sleep are injected, so nothing here depends on how busy the machine is."""
    now = [0.0]
    slept: list[float] = []
    others: list[threading.Thread] = []
    politeness: Politeness

    def other_host() -> None:
        with politeness.turn("b.example"):
            pass

    def sleep(seconds: float) -> None:  # called while host a waits: host b must not wait for it
        slept.append(seconds)
        other = threading.Thread(target=other_host)
        other.start()
        other.join(timeout=5)
        others.append(other)
        now[0] += seconds

    politeness = Politeness(interval=1.0, concurrency=1, clock=lambda: now[0], sleep=sleep)
    with politeness.turn("a.example"):
        pass
    with politeness.turn("a.example"):  # the same host again: waits its interval
        pass
    assert slept == [1.0]
    assert not others[0].is_alive()  # host b got the only slot while host a was waiting


def test_at_most_concurrency_requests_in_flight(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    lock = threading.Lock()
    in_flight = [0, 0]  # now, most

    def slow(request: Request) -> Reply:
        with lock:
            in_flight[0] += 1
            in_flight[1] = max(in_flight)
        time.sleep(0.15)
        with lock:
            in_flight[0] -= 1
        return Reply(body="ok")

    local_server.route("/slow", slow)
    fetcher = fetcher_factory(concurrency=2, per_host_interval=0.0)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(
            pool.map(lambda _: fetcher.get(local_server.url("/slow"), respect_robots=False), range(6))
        )
    assert all(ok(r).body == b"ok" for r in results)
    assert in_flight[1] == 2


def test_crawl_delay_above_the_interval_is_honoured(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/robots.txt", Reply.text("User-agent: *\nCrawl-delay: 0.4\n"))
    fetcher = fetcher_factory(per_host_interval=0.0, user_agent="auditor/1.0")
    for path in ("/a", "/b", "/c"):
        ok(fetcher.get(local_server.url(path)))
    assert min(arrival_gaps(local_server)[1:]) >= 0.4 - SLACK  # between the pages, after robots.txt

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

    from auditor.fetch import Fetcher


class StartTimes:
    """The Fetcher's clock (real time), remembering each thread's last reading. A thread inside a request
    has read the clock last where politeness let it start, so a server handler that looks up the
    sending thread's last reading stamps each request with its start time as politeness decided it.
    Load on the machine can delay a request on its way to the server, but cannot change these stamps:
    the spacing asserted is the spacing politeness enforced, never a wall-clock race."""

    def __init__(self) -> None:
        self.last: dict[int, float] = {}
        self.sender: dict[str, int] = {}  # path -> the thread that fetches it
        self.stamps: list[tuple[str, float]] = []

    def __call__(self) -> float:
        now = time.monotonic()
        self.last[threading.get_ident()] = now
        return now

    def fetch(self, fetcher: Fetcher, url: str, path: str) -> None:
        self.sender[path] = threading.get_ident()
        if path != "/robots.txt":
            self.sender["/robots.txt"] = threading.get_ident()  # the first fetch reads robots.txt
        ok(fetcher.get(url))

    def serve(self, server: LocalServer, path: str, reply: Reply) -> None:
        def handler(request: Request) -> Reply:
            self.stamps.append((request.route_path, self.last[self.sender[request.route_path]]))
            return reply

        server.route(path, handler)

    def gaps(self) -> list[float]:
        times = sorted(t for _, t in self.stamps)
        return [b - a for a, b in pairwise(times)]


def test_requests_to_one_host_are_spaced(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    starts = StartTimes()
    fetcher = fetcher_factory(per_host_interval=0.3, concurrency=4, clock=starts)
    starts.serve(local_server, "/robots.txt", Reply.text("User-agent: *\n"))
    for i in range(4):
        starts.serve(local_server, f"/p{i}", Reply(body=b"page"))
    starts.fetch(fetcher, local_server.url("/p0"), "/p0")  # robots.txt, then the first page
    with ThreadPoolExecutor(max_workers=3) as pool:  # three threads queued on the one host
        list(pool.map(lambda i: starts.fetch(fetcher, local_server.url(f"/p{i}"), f"/p{i}"), range(1, 4)))
    assert [p for p, _ in starts.stamps][:2] == ["/robots.txt", "/p0"]
    assert len(starts.stamps) == 5  # robots.txt counts as a request to the host too
    assert min(starts.gaps()) >= 0.3


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
    starts = StartTimes()
    starts.serve(local_server, "/robots.txt", Reply.text("User-agent: *\nCrawl-delay: 0.4\n"))
    for path in ("/a", "/b", "/c"):
        starts.serve(local_server, path, Reply(body=b"page"))
    fetcher = fetcher_factory(per_host_interval=0.0, user_agent="auditor/1.0", clock=starts)
    for path in ("/a", "/b", "/c"):
        starts.fetch(fetcher, local_server.url(path), path)
    assert [p for p, _ in starts.stamps] == ["/robots.txt", "/a", "/b", "/c"]
    assert min(starts.gaps()[1:]) >= 0.4  # between the pages, after robots.txt

"""The size cap: big bodies and gzip bombs are cut off, with or without the HTTP cache."""

from __future__ import annotations

import gzip
import threading
from typing import TYPE_CHECKING

import pytest
from localserver import LocalServer, Reply, Request
from test_fetch import failed, ok

if TYPE_CHECKING:
    from collections.abc import Iterator

    from conftest import FetcherFactory

CHUNK = 64 * 1024


@pytest.mark.parametrize("cache_enabled", [True, False])
def test_oversized_body_is_not_read_in_full(
    local_server: LocalServer, fetcher_factory: FetcherFactory, cache_enabled: bool
) -> None:
    sent = [0]
    done = threading.Event()

    def endless() -> Iterator[bytes]:
        try:
            for _ in range(1600):  # 100 MiB if anyone read it all
                sent[0] += 1
                yield b"a" * CHUNK
        finally:
            done.set()

    local_server.route("/huge", lambda request: Reply(body=endless()))
    fetcher = fetcher_factory(max_bytes=200_000, cache_enabled=cache_enabled)
    failure = failed(fetcher.get(local_server.url("/huge"), respect_robots=False), "too_large")
    assert "200000" in failure.detail
    assert done.wait(5), "the server kept sending: the connection was not closed"
    assert sent[0] * CHUNK < 20_000_000  # stopped near the cap, not at 100 MiB


def test_declared_length_over_cap_fails_before_reading(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/big", Reply(body=b"b" * 300_000))
    failure = failed(fetcher_factory(max_bytes=100_000).get(local_server.url("/big")), "too_large")
    assert "300000 bytes" in failure.detail


def test_gzip_bomb_counts_decoded_bytes(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)
    assert len(bomb) < 100_000  # small on the wire, so only the decoded size can trip the cap
    local_server.route("/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    failed(fetcher_factory(max_bytes=100_000).get(local_server.url("/bomb")), "too_large")


def test_body_at_the_cap_and_gzip_bodies_arrive_decoded(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/exact", Reply(body=b"e" * 1000, headers={"content-type": "text/plain"}))
    local_server.route(
        "/zipped", Reply(body=gzip.compress(b"z" * 1000), headers={"Content-Encoding": "gzip"})
    )
    fetcher = fetcher_factory(max_bytes=1000)
    assert ok(fetcher.get(local_server.url("/exact"))).body == b"e" * 1000
    assert ok(fetcher.get(local_server.url("/zipped"))).body == b"z" * 1000


def test_chunked_body_is_assembled(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    def handler(request: Request) -> Reply:
        return Reply(body=iter([b"one ", b"two ", b"three"]))

    local_server.route("/chunks", handler)
    assert ok(fetcher_factory().get(local_server.url("/chunks"))).body == b"one two three"

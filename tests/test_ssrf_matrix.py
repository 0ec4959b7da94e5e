"""The SSRF matrix: loopback, private and metadata addresses in every spelling, as a seed, as a redirect
target and as an API's base URL, never reach a listener.

A listener runs on 127.0.0.1 and records every connection that reaches it. Only IP literals and names
from /etc/hosts ("localhost") are used: a test must never send a DNS query off the machine.
"""

from __future__ import annotations

import socket
import threading
from typing import TYPE_CHECKING

import pytest
from localserver import Reply

from auditor.config import Config
from auditor.model import FetchFailure, Person, SourceStatus
from auditor.sources.interface import SourceContext
from auditor.sources.rdap import RdapSource

if TYPE_CHECKING:
    from collections.abc import Iterator

    from conftest import FetcherFactory, ServerFactory

# Spellings of 127.0.0.1 (the listener's address) that URL parsers, resolvers and socket libraries
# have each, somewhere, been tricked by.
LOOPBACK = (
    "127.0.0.1",
    "127.1",
    "127.0.1",
    "2130706433",  # decimal
    "0x7f000001",  # hexadecimal
    "0x7f.0.0.1",
    "0177.0.0.1",  # octal
    "017700000001",
    "127.000.000.001",
    "127.0.0.1.",  # trailing dot
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "[0:0:0:0:0:ffff:127.0.0.1]",
    "localhost",
    "LOCALHOST",
    "localhost.",
)
# Private, link-local and cloud-metadata addresses: nothing listens there; the guard must refuse them
# before any connection is tried (a connection attempt would be traffic to another network).
ELSEWHERE = (
    "169.254.169.254",  # cloud metadata
    "[fd00:ec2::254]",  # AWS metadata over IPv6
    "10.0.0.1",
    "172.16.0.1",
    "192.168.0.1",
    "100.100.100.200",  # Alibaba metadata (shared address space)
    "0.0.0.0",
    "[::]",
    "[::1]",
)


class Listener:
    """A TCP listener on 127.0.0.1 that counts every connection reaching it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = int(self.sock.getsockname()[1])
        self.reached = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.reached += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    opened = Listener()
    yield opened
    opened.close()


def _url(host: str, port: int, path: str = "/") -> str:
    return f"http://{host}:{port}{path}"


@pytest.mark.parametrize("host", LOOPBACK + ELSEWHERE)
def test_a_seed_never_reaches_a_listener(
    host: str, listener: Listener, fetcher_factory: FetcherFactory
) -> None:
    fetcher = fetcher_factory(allow_private=False, retries=0, cache_enabled=False)
    result = fetcher.get(_url(host, listener.port))
    assert isinstance(result, FetchFailure), result
    assert result.reason in ("guard", "bad_url"), result
    assert listener.reached == 0


@pytest.mark.parametrize("host", LOOPBACK + ELSEWHERE)
def test_a_redirect_never_reaches_a_listener(
    host: str, listener: Listener, fetcher_factory: FetcherFactory, server_factory: ServerFactory
) -> None:
    # A public-looking site (127.0.0.2, exempted for the test) that redirects to the guarded address.
    site = server_factory(host="127.0.0.2")
    site.route("/go", Reply(302, b"", {"Location": _url(host, listener.port, "/admin")}))
    fetcher = fetcher_factory(
        allow_private=False, allow_addresses=("127.0.0.2/32",), retries=0, cache_enabled=False
    )
    result = fetcher.get(site.url("/go"), respect_robots=False)
    assert isinstance(result, FetchFailure), result
    assert result.reason in ("guard", "bad_url"), result
    assert listener.reached == 0


@pytest.mark.parametrize("host", LOOPBACK[:6] + ELSEWHERE[:3])
def test_an_api_base_url_never_reaches_a_listener(
    host: str, listener: Listener, fetcher_factory: FetcherFactory
) -> None:
    fetcher = fetcher_factory(allow_private=False, retries=0, cache_enabled=False)
    source = RdapSource({"base_url": _url(host, listener.port)}, SourceContext(fetcher, Config(), {}))
    result = source.collect(Person(id="p", name="Pat", domains=("pat.example",)))
    assert result.status is SourceStatus.FAILED
    assert listener.reached == 0

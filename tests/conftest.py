"""Shared pytest fixtures: local HTTP servers, and network settings fit for tests."""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import socket
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
from localserver import LocalServer  # tests/ is on sys.path (pytest rootdir-relative import)

from auditor.config import NetworkSettings
from auditor.fetch import Fetcher

if TYPE_CHECKING:
    from pathlib import Path

ServerFactory = Callable[..., LocalServer]
FetcherFactory = Callable[..., Fetcher]

_CONFIGURED_BY_THE_CLI = ("auditor", "py.warnings", "pypdf", "PIL", "bs4", "urllib3", "requests_cache")


@pytest.fixture(autouse=True)
def _logging_as_it_was() -> Iterator[None]:
    """Tests that run the CLI in process let it configure logging (its handlers, no propagation);
    undo that afterwards, so a later test's caplog still sees every record."""
    saved = {
        name: (logger.handlers[:], logger.propagate, logger.level)
        for name in _CONFIGURED_BY_THE_CLI
        for logger in [logging.getLogger(name)]
    }
    yield
    for name, (handlers, propagate, level) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:] = handlers
        logger.propagate = propagate
        logger.setLevel(level)
    logging.captureWarnings(False)


_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def _off_the_machine(address: object) -> str | None:
    """What a connection to `address` would reach beyond this machine, or None when it stays here."""
    if isinstance(address, str | bytes):
        return None  # an AF_UNIX path (multiprocessing's forkserver, for one)
    if not isinstance(address, tuple) or not address:
        return repr(address)
    host = str(address[0]).split("%", 1)[0]
    try:
        return None if ipaddress.ip_address(host).is_loopback else host
    except ValueError:
        return None if host.lower() in _LOCAL_NAMES else host


@pytest.fixture(autouse=True)
def _no_traffic_off_the_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any test that connects beyond loopback or asks DNS for a name: there is no network here, and
    a test that needs one passes or fails by luck. Recorded, not only refused: the fetch layer turns a
    refused connection into a failure value, which a test could mistake for the behaviour it checks."""
    attempts: list[str] = []
    connect, connect_ex, getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def check(address: object) -> None:
        if (where := _off_the_machine(address)) is not None:
            attempts.append(where)
            raise ConnectionRefusedError(f"test tried to reach {where} beyond loopback")

    def guarded_connect(self: socket.socket, address: Any) -> None:
        check(address)
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return connect_ex(self, address)

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if isinstance(name, str) and name.lower() not in _LOCAL_NAMES:
            try:
                ipaddress.ip_address(name.split("%", 1)[0])  # a literal is read locally, never looked up
            except ValueError:
                attempts.append(f"DNS {name}")
                raise socket.gaierror(socket.EAI_NONAME, f"test asked DNS for {name}") from None
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield
    assert not attempts, f"the test reached beyond loopback or asked DNS: {sorted(set(attempts))}"


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    """A running LocalServer on 127.0.0.1; stopped after the test."""
    with LocalServer() as server:
        yield server


@pytest.fixture
def server_factory() -> Iterator[ServerFactory]:
    """Start more servers: `server_factory()` or `server_factory(host="127.0.0.2")`; all stopped after."""
    started: list[LocalServer] = []

    def start(host: str = "127.0.0.1") -> LocalServer:
        server = LocalServer(host).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def network_settings(tmp_path: Path) -> NetworkSettings:
    """Fast settings for tests against local servers: private addresses allowed, no pauses, a cache
    file in the test's tmp dir, short timeouts and backoffs. Adjust with dataclasses.replace."""
    return NetworkSettings(
        user_agent="auditor-test/1.0 (+https://auditor.example/bot)",
        timeout=2.0,
        concurrency=4,
        per_host_interval=0.0,
        allow_private=True,
        retries=1,
        backoff=0.01,
        max_retry_after=5.0,
        cache=tmp_path / "http-cache.sqlite",
        cache_enabled=True,
    )


@pytest.fixture
def fetcher_factory(network_settings: NetworkSettings) -> Iterator[FetcherFactory]:
    """`fetcher_factory(retries=0, ...)`: a Fetcher on `network_settings` with those fields replaced
    (and `clock=`/`sleep=` handed to the Fetcher, to observe its waits); closed after the test."""
    made: list[Fetcher] = []

    def make(**changes: Any) -> Fetcher:
        timing = {name: changes.pop(name) for name in ("clock", "sleep") if name in changes}
        fetcher = Fetcher(dataclasses.replace(network_settings, **changes), **timing)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()

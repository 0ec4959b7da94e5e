"""Shared pytest fixtures: local HTTP servers, and network settings fit for tests."""

from __future__ import annotations

import dataclasses
import logging
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
    """`fetcher_factory(retries=0, ...)`: a Fetcher on `network_settings` with those fields replaced;
    closed after the test."""
    made: list[Fetcher] = []

    def make(**changes: Any) -> Fetcher:
        fetcher = Fetcher(dataclasses.replace(network_settings, **changes))
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()

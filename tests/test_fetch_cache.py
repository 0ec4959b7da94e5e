"""The HTTP cache: re-runs cost conditional requests, only revalidatable 200s are kept, threads are safe."""

from __future__ import annotations

import os
import stat
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest
from localserver import LocalServer, Reply, Request
from test_fetch import ok

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from conftest import FetcherFactory

LAST_MODIFIED = "Sat, 14 Mar 2026 09:00:00 GMT"


def etag_page(body: str, etag: str = '"v1"', status: int = 200) -> object:
    """A handler that answers 304 when the client already holds `etag`."""

    def handler(request: Request) -> Reply:
        if request.headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(status, body, {"ETag": etag})

    return handler


def test_rerun_revalidates_with_etag(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    local_server.route("/page", etag_page("<p>Jane Doe</p>"))
    with fetcher_factory() as first_run:
        first = ok(first_run.get(local_server.url("/page"), respect_robots=False))
    # A new Fetcher on the same cache file: the next audit run.
    again = ok(fetcher_factory().get(local_server.url("/page"), respect_robots=False))
    assert (first.from_cache, first.body) == (False, b"<p>Jane Doe</p>")
    assert (again.from_cache, again.status, again.body) == (True, 200, b"<p>Jane Doe</p>")
    sent = [r.headers.get("if-none-match") for r in local_server.requests_to("/page")]
    assert sent == [None, '"v1"']
    # The evidence record: the server confirmed the stored body just now (304), so that is when it was
    # fetched; the body, and so its hash, is the one first received.
    assert again.record.sha256 == first.record.sha256
    assert again.fetched_at > first.fetched_at
    assert again.fetched_at.tzinfo is not None


def test_last_modified_is_revalidated(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    def handler(request: Request) -> Reply:
        if request.headers.get("if-modified-since") == LAST_MODIFIED:
            return Reply(304)
        return Reply(body="dated", headers={"Last-Modified": LAST_MODIFIED})

    local_server.route("/dated", handler)
    fetcher = fetcher_factory()
    ok(fetcher.get(local_server.url("/dated"), respect_robots=False))
    again = ok(fetcher.get(local_server.url("/dated"), respect_robots=False))
    assert (again.from_cache, again.body) == (True, b"dated")
    assert [r.headers.get("if-modified-since") for r in local_server.requests] == [None, LAST_MODIFIED]


def test_changed_page_replaces_the_cached_copy(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    fetcher = fetcher_factory()
    local_server.route("/page", etag_page("phone 07700 900123", '"v1"'))
    ok(fetcher.get(local_server.url("/page"), respect_robots=False))
    local_server.route("/page", etag_page("phone removed", '"v2"'))
    changed = ok(fetcher.get(local_server.url("/page"), respect_robots=False))
    assert (changed.from_cache, changed.body) == (False, b"phone removed")


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body="no validator"),
        Reply(404, "gone", {"ETag": '"v1"'}),
        Reply(body="private", headers={"ETag": '"v1"', "Cache-Control": "no-store"}),
        Reply(body="fresh for a day", headers={"Cache-Control": "max-age=86400"}),
    ],
    ids=["no-validator", "not-200", "no-store", "max-age-only"],
)
def test_what_is_not_kept_is_fetched_again_in_full(
    local_server: LocalServer, fetcher_factory: FetcherFactory, reply: Reply
) -> None:
    local_server.route("/page", reply)
    fetcher = fetcher_factory()
    for _ in range(2):
        assert not ok(fetcher.get(local_server.url("/page"), respect_robots=False)).from_cache
    requests = local_server.requests_to("/page")
    assert len(requests) == 2  # a current copy every time: a fix is seen at once
    assert [r.headers.get("if-none-match") for r in requests] == [None, None]


def test_cache_disabled_uses_no_file_and_no_validators(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    local_server.route("/page", etag_page("hello"))
    fetcher = fetcher_factory(cache_enabled=False, cache=tmp_path / "unused.sqlite")
    for _ in range(2):
        assert not ok(fetcher.get(local_server.url("/page"), respect_robots=False)).from_cache
    assert [r.headers.get("if-none-match") for r in local_server.requests] == [None, None]
    assert not (tmp_path / "unused.sqlite").exists()


def test_default_cache_lives_in_the_user_cache_dir(
    local_server: LocalServer,
    fetcher_factory: FetcherFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "platform"))  # where platformdirs looks on Linux
    fetcher = fetcher_factory(cache=None)
    ok(fetcher.get(local_server.url("/"), respect_robots=False))
    assert (tmp_path / "platform" / "auditor" / "http-cache.sqlite").is_file()


def test_cache_is_safe_with_many_threads(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    paths = [f"/p{i}" for i in range(24)]
    for path in paths:
        local_server.route(path, etag_page(f"page {path}", f'"{path}"'))
    fetcher = fetcher_factory(concurrency=8)
    urls = [local_server.url(p) for p in paths]
    with ThreadPoolExecutor(max_workers=8) as pool:
        first = [ok(r) for r in pool.map(lambda u: fetcher.get(u, respect_robots=False), urls)]
        second = [ok(r) for r in pool.map(lambda u: fetcher.get(u, respect_robots=False), urls)]
    assert [r.body for r in first] == [r.body for r in second] == [f"page {p}".encode() for p in paths]
    assert not any(r.from_cache for r in first)
    assert all(r.from_cache for r in second)


def test_cache_operations_never_overlap(
    local_server: LocalServer, fetcher_factory: FetcherFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # requests-cache shares one SQLite connection between threads and serialises only its writes;
    # reads and writes racing on it are what the Fetcher's cache must prevent.
    from requests_cache.backends.sqlite import SQLiteDict

    lock = threading.Lock()
    active = [0, 0]  # now, most

    def watched(method: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            with lock:
                active[0] += 1
                active[1] = max(active)
            try:
                time.sleep(0.005)
                return method(*args, **kwargs)
            finally:
                with lock:
                    active[0] -= 1

        return run

    monkeypatch.setattr(SQLiteDict, "__getitem__", watched(SQLiteDict.__getitem__))
    monkeypatch.setattr(SQLiteDict, "_write", watched(SQLiteDict._write))
    paths = [f"/p{i}" for i in range(16)]
    for path in paths:
        local_server.route(path, etag_page(path, f'"{path}"'))
    fetcher = fetcher_factory(concurrency=8)
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(2):
            list(pool.map(lambda p: ok(fetcher.get(local_server.url(p), respect_robots=False)), paths))
    assert active[1] == 1


def test_private_lookups_never_reach_the_cache_file(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    """cache=False: a look-up whose URL carries an email is neither stored nor revalidated."""
    path = "/vks/v1/by-email/jd.private%40mail.example"
    local_server.route(path, etag_page("KEY FOR JD PRIVATE"))
    url = local_server.url(path)
    with fetcher_factory(cache=tmp_path / "c.sqlite") as fetcher:
        first = ok(fetcher.get(url, respect_robots=False, cache=False))
        again = ok(fetcher.get(url, respect_robots=False, cache=False))
    assert not first.from_cache
    assert not again.from_cache
    sent = [r.headers.get("if-none-match") for r in local_server.requests_to(path)]
    assert sent == [None, None]
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("c.sqlite*"))
    for secret in (b"jd.private", b"KEY FOR JD PRIVATE"):
        assert secret not in raw
    assert all("no-cache" not in k.lower() for r in local_server.requests for k in r.headers)


def test_the_cache_file_and_folder_are_private_whatever_the_umask(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    """The cache holds pages about the people audited: 0700 folder, 0600 file (and its -wal, -shm)."""
    local_server.route("/p", etag_page("about Jane"))
    cache = tmp_path / "new" / "http.sqlite"
    old = os.umask(0o022)
    try:
        with fetcher_factory(cache=cache) as fetcher:
            ok(fetcher.get(local_server.url("/p"), respect_robots=False))
            files = list(cache.parent.iterdir())
    finally:
        os.umask(old)
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    assert files
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files if p.exists()), files


def test_an_older_cache_file_open_to_others_is_closed_to_them(
    fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    cache = tmp_path / "http.sqlite"
    cache.touch(mode=0o644)
    cache.chmod(0o644)
    fetcher_factory(cache=cache)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600

"""Building the one requests session: plain, or a requests-cache CachedSession that revalidates."""

from __future__ import annotations

import os
import sqlite3
import threading
from typing import TYPE_CHECKING, Any

import requests
from requests_cache import CachedSession
from requests_cache.backends.sqlite import SQLiteCache

from ..errors import AuditorError
from ..paths import default_cache

if TYPE_CHECKING:
    from pathlib import Path

    from requests.adapters import HTTPAdapter

    from ..config import NetworkSettings

_EXPIRE_IMMEDIATELY = 0
"""requests-cache's EXPIRE_IMMEDIATELY: every cached response is stale at once, so each use sends a
conditional request (If-None-Match / If-Modified-Since), and responses without a validator are not
stored at all. An audit must see the page as it is now (a person re-checks right after a fix)."""


class CacheUnavailable(AuditorError):
    """The HTTP cache file cannot be created or opened."""


class _LockedSQLiteCache(SQLiteCache):
    """requests-cache's SQLite backend shares one connection between threads and only serialises
    writes; this serialises every cache operation (never the network I/O between them)."""

    def __init__(self, db_path: Path, **kwargs: Any) -> None:
        super().__init__(db_path, **kwargs)
        self._op_lock = threading.RLock()

    def get_response(self, key: str, default: Any = None) -> Any:
        with self._op_lock:
            return super().get_response(key, default)

    def save_response(self, response: Any, cache_key: Any = None, expires: Any = None) -> None:
        with self._op_lock:
            super().save_response(response, cache_key, expires)

    def delete(self, *keys: str, **kwargs: Any) -> None:
        with self._op_lock:
            super().delete(*keys, **kwargs)

    def close(self) -> None:
        with self._op_lock:
            super().close()  # type: ignore[no-untyped-call]


def cache_path(settings: NetworkSettings) -> Path:
    """Where the HTTP cache lives: settings.cache, else the platform's user cache directory."""
    if settings.cache is not None:
        return settings.cache
    return default_cache()


def _storable(response: requests.Response) -> bool:
    # cache_control=False (see below) would otherwise store pages that asked not to be stored.
    return "no-store" not in response.headers.get("cache-control", "").lower()


def _create_private(path: Path) -> None:
    """The cache folder 0700 and the file 0600, made before SQLite opens it (its -wal and -shm files
    copy the file's mode): it holds pages about the people audited, for nobody else on the machine."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        if path.is_symlink():
            raise OSError(f"{path} is a symbolic link") from None
        path.chmod(0o600)  # an older cache, made before this rule: close it to others now
        return
    os.close(fd)


def _cached_session(path: Path) -> requests.Session:
    try:
        _create_private(path)
        backend = _LockedSQLiteCache(path, busy_timeout=30_000, wal=True)
    except (OSError, sqlite3.Error) as e:
        raise CacheUnavailable(
            f"cannot open the HTTP cache {path}: {e}; choose another network.cache file or set it to false"
        ) from e
    session: requests.Session = CachedSession(
        backend=backend,
        expire_after=_EXPIRE_IMMEDIATELY,
        always_revalidate=True,
        # Not the server's max-age: a "fresh" copy would be served without asking, hiding a fix.
        cache_control=False,
        allowable_codes=(200,),
        allowable_methods=("GET",),
        # An API's JSON and a page's HTML at one URL are different entries.
        match_headers=("Accept",),
        # Credentials never reach the cache file (requests-cache already drops Authorization).
        ignored_parameters=("Authorization", "hibp-api-key", "X-API-Key"),
        filter_fn=_storable,
        stale_if_error=False,
    )
    return session


def build_session(
    settings: NetworkSettings, adapter: HTTPAdapter, *, cached: bool = True
) -> requests.Session:
    """A session with the User-Agent, proxy and adapter, and the cache if enabled and `cached`."""
    use_cache = cached and settings.cache_enabled
    session = _cached_session(cache_path(settings)) if use_cache else requests.Session()
    # No environment proxies, .netrc credentials or CA overrides: only what the settings say.
    session.trust_env = False
    session.headers["User-Agent"] = settings.user_agent
    if settings.proxy:
        session.proxies = {"http": settings.proxy, "https": settings.proxy}
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session

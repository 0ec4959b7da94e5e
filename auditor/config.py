"""Configuration: the optional YAML file of DESIGN.md, its defaults, and its validation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__

DEFAULT_USER_AGENT = (
    f"auditor/{__version__} (+https://github.com/auditor-project/auditor; "
    "exposure audit for people at risk, obeys robots.txt)"
)


@dataclass(frozen=True)
class NetworkSettings:
    """How the one fetch layer behaves."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0
    """Seconds for connect, for each read, and for a whole body to arrive."""
    max_bytes: int = 10_000_000
    """A body larger than this is cut off (and recorded as a failure), never read in full."""
    concurrency: int = 8
    """Requests in flight at once, across hosts."""
    per_host_interval: float = 1.0
    """Minimum seconds between two requests to the same host."""
    allow_private: bool = False
    """Allow loopback/private/link-local/reserved addresses (tests and the demo only)."""
    proxy: str | None = None
    """An http(s) or socks proxy URL for every request."""
    retries: int = 3
    """Further attempts after a connection error, timeout, 429 or 5xx."""
    backoff: float = 1.0
    """Base of the exponential backoff between retries, in seconds."""
    max_retry_after: float = 120.0
    """A Retry-After longer than this is not waited for: the request is rate-limited."""
    cache: Path | None = None
    """SQLite HTTP cache file; None means the platform cache dir. See `cache_enabled`."""
    cache_enabled: bool = True


@dataclass(frozen=True)
class CrawlSettings:
    """Limits of the website crawl, per seed site."""

    max_depth: int = 3
    max_pages: int = 100


@dataclass(frozen=True)
class Config:
    """The whole configuration."""

    network: NetworkSettings = field(default_factory=NetworkSettings)
    crawl: CrawlSettings = field(default_factory=CrawlSettings)
    sources: Mapping[str, Mapping[str, Any]] | None = None
    """When given, exactly the listed sources run, with these options; None: the defaults."""
    path: Path | None = None
    """The file it was loaded from, for messages."""

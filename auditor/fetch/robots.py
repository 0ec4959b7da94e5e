"""robots.txt (RFC 9309): fetched once per origin, kept for the Fetcher's life, matched with protego."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from protego import Protego

from ..model import FetchFailure

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .response import Response

log = logging.getLogger("auditor.fetch")

PRODUCT_TOKEN = "auditor"  # noqa: S105 - a robots.txt user-agent token, not a secret
"""The user-agent token robots.txt groups are matched against, besides the configured User-Agent."""


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt allows."""

    origin: str
    parser: Protego | None
    """None when there are no rules to apply: then `allow_all` decides."""
    allow_all: bool
    note: str
    """How the rules were obtained ("robots.txt answered HTTP 404: no restrictions")."""

    def allows(self, url: str, agents: Sequence[str]) -> bool:
        """True if every agent name may fetch the URL: the strictest matching group wins."""
        if self.parser is None:
            return self.allow_all
        return all(self.parser.can_fetch(url, agent) for agent in agents)

    def crawl_delay(self, agents: Sequence[str]) -> float | None:
        """The largest Crawl-delay that applies to any of the agent names."""
        if self.parser is None:
            return None
        delays = [d for d in (self.parser.crawl_delay(agent) for agent in agents) if d is not None]
        return max(delays, default=None)


class RobotsCache:
    """Per-origin robots.txt rules; each origin's file is fetched once, even under concurrent asks."""

    def __init__(self, fetch: Callable[[str], Response | FetchFailure]) -> None:
        self._fetch = fetch
        self._lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}
        self._rules: dict[str, RobotsRules] = {}

    def rules_for(self, origin: str) -> RobotsRules:
        """The origin's rules, fetching its robots.txt on first use."""
        with self._lock:
            if origin in self._rules:
                return self._rules[origin]
            origin_lock = self._origin_locks.setdefault(origin, threading.Lock())
        # Only threads asking for this origin wait here; the others go on.
        with origin_lock:
            with self._lock:
                if origin in self._rules:
                    return self._rules[origin]
            rules = self._load(origin)
            with self._lock:
                self._rules[origin] = rules
            log.debug("robots.txt for %s: %s", origin, rules.note)
            return rules

    def _load(self, origin: str) -> RobotsRules:
        result = self._fetch(f"{origin}/robots.txt")
        if isinstance(result, FetchFailure):
            # RFC 9309 2.3.1.4: an unreachable robots.txt means the whole site is off limits.
            why = result.detail or result.reason
            note = f"robots.txt could not be fetched ({why}), so nothing is fetched (RFC 9309)"
            return RobotsRules(origin, None, allow_all=False, note=note)
        status = result.status
        if 200 <= status < 300:
            try:
                parser = Protego.parse(result.text())
            except Exception as e:  # a parser crash on hostile input must not stop the audit
                note = f"robots.txt could not be parsed ({type(e).__name__}), so nothing is fetched"
                return RobotsRules(origin, None, allow_all=False, note=note)
            return RobotsRules(origin, parser, allow_all=True, note="robots.txt rules apply")
        if 400 <= status < 500:
            # RFC 9309 2.3.1.3: "unavailable" means no restrictions.
            return RobotsRules(
                origin, None, allow_all=True, note=f"robots.txt answered HTTP {status}: no rules"
            )
        if status >= 500:  # a 5xx not retried (501, 505...): as unreachable
            note = f"robots.txt answered HTTP {status}, so nothing is fetched (RFC 9309)"
            return RobotsRules(origin, None, allow_all=False, note=note)
        # 1xx/3xx left over (a redirect without Location): like "unavailable", no rules (RFC 9309 2.3.1.2).
        return RobotsRules(origin, None, allow_all=True, note=f"robots.txt answered HTTP {status}: no rules")

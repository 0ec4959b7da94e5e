"""Politeness: a minimum interval between request starts per host, and a cap on requests in flight."""

from __future__ import annotations

import math
import threading
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


class Politeness:
    """Hands out turns to send a request.

    Waiting for one host's interval never holds a concurrency slot, so it never delays other hosts.
    """

    def __init__(
        self,
        *,
        interval: float,
        concurrency: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._interval = max(interval, 0.0)
        self._slots = threading.BoundedSemaphore(max(concurrency, 1))
        self._lock = threading.Lock()
        self._last_start: dict[str, float] = {}
        self._next_slot: dict[str, float] = {}
        self._host_interval: dict[str, float] = {}

    def set_min_interval(self, host: str, seconds: float) -> None:
        """Space requests to `host` at least `seconds` apart (robots.txt Crawl-delay); never lowers it."""
        with self._lock:
            self._host_interval[host] = max(seconds, self._host_interval.get(host, 0.0))

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        """Wait for `host`'s next slot and a free concurrency slot; the request runs inside the block."""
        self._acquire(host)
        try:
            yield
        finally:
            self._slots.release()

    def _interval_for(self, host: str) -> float:
        return max(self._interval, self._host_interval.get(host, 0.0))

    def _acquire(self, host: str) -> None:
        # Reserve a slot first so that threads queued on one host wake one interval apart.
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + self._interval_for(host)
        while True:
            delay = slot - self._clock()
            if delay > 0:
                self._sleep(delay)
            self._slots.acquire()
            with self._lock:
                # Re-check against the last actual start: a request that waited for a concurrency slot
                # started later than its reserved slot, and the gap after it must still be respected.
                now = self._clock()
                interval = self._interval_for(host)
                earliest = self._last_start.get(host, -math.inf) + interval
                if now >= earliest:
                    self._last_start[host] = now
                    self._next_slot[host] = max(self._next_slot.get(host, now), now + interval)
                    return
                slot = earliest
            self._slots.release()

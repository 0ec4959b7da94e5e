"""Search engines the `web_search` source asks: a SearXNG instance the user runs, or Brave's keyed API.

Each turns one query into result links (`Hit`), or raises ApiTrouble saying why it could not: never an
empty list for a refusal. Shapes and limits: SearXNG's `docs/dev/search_api.rst` and `searx/webapp.py`,
Brave's web-search API reference (see the README's "web_search").
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlencode

from ..model import FetchFailure, SourceStatus
from . import records
from .api import get
from .trouble import ApiTrouble, http_error, malformed

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from ..fetch import Fetcher, Response

_TAGS = re.compile(r"<[^>]{0,200}>")


@dataclass(frozen=True)
class Hit:
    """One result: a page the engine says matches the query."""

    url: str
    title: str
    snippet: str


@dataclass(frozen=True)
class Answer:
    """What one query brought back."""

    hits: tuple[Hit, ...]
    note: str = ""
    """Anything partial about it ("2 engines did not answer: ..."), without private values."""


class SearchEngine:
    """One engine: where it is, and how to ask it one query."""

    service: ClassVar[str]

    def __init__(self, fetcher: Fetcher, base_url: str, language: str) -> None:
        self.fetcher = fetcher
        self.base_url = base_url.rstrip("/")
        self.language = language

    def search(self, query: str, count: int, *, shown_query: str) -> Answer:
        """Up to `count` results for `query`. `shown_query` stands for it in failures and the cache
        (a query holding a private value is masked there, and kept out of the cache file)."""
        raise NotImplementedError

    rate_limit_detail: ClassVar[str]
    """What a 429 means from this engine, and what to do about it."""

    def _get(self, url: str, headers: Mapping[str, str], shown_url: str, private: bool) -> Response:
        try:
            return get(
                self.fetcher,
                url,
                service=self.service,
                headers=headers,
                shown_url=shown_url if private else None,
            )
        except ApiTrouble as trouble:
            if trouble.status is not SourceStatus.RATE_LIMITED:
                raise
            # The fetch layer has retried with backoff: the engine still says no.
            detail = f"{self.rate_limit_detail} ({trouble.detail.removeprefix(self.service + ': ')})"
            raise ApiTrouble(
                SourceStatus.RATE_LIMITED, detail, FetchFailure(shown_url, "rate_limited", detail)
            ) from trouble

    def _json(self, response: Response, shown_url: str) -> dict[str, Any]:
        data = records.parse_json(response, self.service, shown_url)
        return records.expect_dict(data, self.service, shown_url, "the answer")


def hits_from(items: list[Any], keys: tuple[str, str, str], count: int) -> tuple[Hit, ...]:
    """Results as Hits: only http(s) URLs, text fields cleaned of markup and capped; junk skipped."""
    url_key, title_key, snippet_key = keys
    hits = []
    for item in items:
        if not isinstance(item, dict):
            continue
        url = records.web_url(item.get(url_key), "")
        if not url:
            continue
        title = records.clean(_TAGS.sub("", records.text_at(item, title_key)), 300)
        snippet = records.clean(_TAGS.sub("", records.text_at(item, snippet_key)), 500)
        hits.append(Hit(url, title, snippet))
        if len(hits) >= count:
            break
    return tuple(hits)


class Searxng(SearchEngine):
    """A SearXNG instance's JSON API: GET /search?q=...&format=json."""

    service: ClassVar[str] = "SearXNG"
    # The limiter answers 429 with an HTML page and no Retry-After.
    rate_limit_detail: ClassVar[str] = (
        "SearXNG's limiter refused the query (it allows 4 API queries an hour): run your own instance "
        "with server.limiter: false, or list this machine in its pass_ip"
    )

    def search(self, query: str, count: int, *, shown_query: str) -> Answer:
        params = {"q": query, "format": "json", "language": self.language, "safesearch": "0", "pageno": "1"}
        url = f"{self.base_url}/search?{urlencode(params)}"
        shown = f"{self.base_url}/search?{urlencode({**params, 'q': shown_query})}"
        # The limiter (when on) refuses /search without text/html in Accept, or without a language.
        headers = {"Accept": "application/json, text/html;q=0.1", "Accept-Language": self.language}
        response = self._get(url, headers, shown, private=query != shown_query)
        if response.status == 403:
            raise http_error(
                response,
                self.service,
                shown,
                "JSON output is off: add json to search.formats in settings.yml",
            )
        if not response.ok:
            raise http_error(response, self.service, shown)
        data = self._json(response, shown)
        results = data.get("results")
        if not isinstance(results, list):
            raise malformed(self.service, shown, "no results list")
        hits = hits_from(results, ("url", "title", "content"), count)
        note = ""
        silent = [e for e in records.list_at(data, "unresponsive_engines") if isinstance(e, list) and e]
        if silent:
            names = ", ".join(records.clean(str(e[0]), 40) for e in silent[:5])
            note = f"{len(silent)} of the instance's engines did not answer ({names})"
            if not hits:
                # Nothing found only because nothing was asked: not "no results".
                detail = f"SearXNG found nothing because {note}"
                raise ApiTrouble(SourceStatus.FAILED, detail, FetchFailure(shown, "http_error", detail))
        return Answer(hits, note)


class Brave(SearchEngine):
    """Brave's Web Search API: GET /res/v1/web/search with an X-Subscription-Token."""

    service: ClassVar[str] = "Brave Search"
    rate_limit_detail: ClassVar[str] = (
        "Brave Search's rate limit was reached (per second, or the plan's monthly quota)"
    )
    MAX_WAIT = 2.0
    """Longest pause before a query for a spent per-second window to reset (X-RateLimit-Reset)."""

    def __init__(
        self,
        fetcher: Fetcher,
        base_url: str,
        language: str,
        key: str,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(fetcher, base_url, language)
        self.key = key
        self.sleep = sleep
        self.wait = 0.0
        """Seconds to wait before the next query: the last answer said its per-second window is spent
        (Brave asks clients to throttle before sending, and sends no Retry-After)."""

    def search(self, query: str, count: int, *, shown_query: str) -> Answer:
        country = self.language.partition("-")[2].upper() or "GB"
        params = {
            "q": query,
            "count": str(min(count, 20)),
            "offset": "0",
            "country": country,
            "search_lang": self.language.partition("-")[0] or "en",
            "safesearch": "off",
            "text_decorations": "false",
        }
        url = f"{self.base_url}/res/v1/web/search?{urlencode(params)}"
        shown = f"{self.base_url}/res/v1/web/search?{urlencode({**params, 'q': shown_query})}"
        headers = {"Accept": "application/json", "X-Subscription-Token": self.key}
        response = self._asked(url, headers, shown, private=query != shown_query)
        if response.status in (401, 403, 422) and _error_code(response) == "SUBSCRIPTION_TOKEN_INVALID":
            raise http_error(response, self.service, shown, "the key in the environment was refused")
        if not response.ok:
            raise http_error(response, self.service, shown, _error_code(response).lower().replace("_", " "))
        data = self._json(response, shown)
        web = data.get("web", {})
        results = web.get("results", []) if isinstance(web, dict) else None
        if not isinstance(results, list):
            raise malformed(self.service, shown, "web.results is not a list")
        return Answer(hits_from(results, ("url", "title", "description"), count))

    def _asked(self, url: str, headers: Mapping[str, str], shown: str, private: bool) -> Response:
        if self.wait:
            self.sleep(self.wait)
            self.wait = 0.0
        response = self._get(url, headers, shown, private)
        self.wait = _per_second_wait(response, self.MAX_WAIT)
        return response


def _windows(header: str) -> list[int]:
    """X-RateLimit-* values, one per window ("1, 1000": per second, per month); junk as -1."""
    return [int(v) if v.strip().isdigit() else -1 for v in header.split(",")[:4] if v.strip()]


def _per_second_wait(response: Response, most: float) -> float:
    """Seconds until the per-second window resets when it is spent (X-RateLimit-Remaining 0), else 0."""
    remaining = _windows(response.headers.get("x-ratelimit-remaining", ""))
    reset = _windows(response.headers.get("x-ratelimit-reset", ""))
    if remaining[:1] == [0] and reset and reset[0] >= 0:
        return float(min(max(reset[0], 1), most))
    return 0.0


def _error_code(response: Response) -> str:
    """Brave's `error.code` from an error body, if it has the documented shape; else ""."""
    code = records.error_name(response, "Brave Search", "error", "code")
    return code if len(code) <= 60 else ""

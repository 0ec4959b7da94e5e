"""The wayback source: archived copies of the person's websites, for what the live sites no longer show."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from ..extract import ExtractError
from ..model import Document, FetchFailure, Person, SourceResult, SourceStatus
from .api import BASE_URL_SCHEMA
from .interface import Source, SourceContext
from .wayback_cdx import Capture, Malformed, cdx_query, choose, parse_cdx

if TYPE_CHECKING:
    from collections.abc import Mapping

DEFAULT_BASE_URL = "https://web.archive.org"
DEFAULT_MAX_SNAPSHOTS = 20
# Trouble that means a snapshot was not checked (and the archive may be struggling); a 404 or a body
# too large to read is the snapshot's own problem, noted but not a failure of the source.
_INCOMPLETE = frozenset({"rate_limited", "http_error", "timeout", "connection"})


@dataclass
class _Site:
    """One seed's CDX listing and snapshots."""

    seed: str
    documents: list[Document] = field(default_factory=list)
    failures: list[FetchFailure] = field(default_factory=list)
    listing_failure: FetchFailure | None = None
    listed: int = 0
    chosen: int = 0
    incomplete: int = 0
    unreadable: int = 0


class WaybackSource(Source):
    """Lists the Wayback Machine's captures of each website and reads the most telling of them."""

    name: ClassVar[str] = "wayback"
    description: ClassVar[str] = "archived copies of the person's websites in the Wayback Machine"
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "base_url": {
                **BASE_URL_SCHEMA,
                "description": "Wayback Machine with the CDX API at /cdx/search/cdx and captures at /web/",
            },
            "max_snapshots": {
                "type": "integer",
                "minimum": 0,
                "maximum": 1000,
                "description": "archived copies read per website",
            },
        },
        "additionalProperties": False,
    }

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        self.base_url = str(options.get("base_url") or DEFAULT_BASE_URL).rstrip("/")
        self.max_snapshots = int(options.get("max_snapshots", DEFAULT_MAX_SNAPSHOTS))

    def collect(self, person: Person) -> SourceResult:
        if not person.websites:
            return SourceResult(self.name, SourceStatus.SKIPPED, "no websites on the roster")
        sites: list[_Site] = []
        for seed in person.websites:
            if any(f.reason == "rate_limited" for s in sites for f in s.failures):
                # The archive blocks clients that keep going after a 429 (for an hour, doubling each time,
                # per its staff on edgi-govdata-archiving/wayback#137): stop asking.
                site = _Site(seed)
                site.listing_failure = FetchFailure(
                    self._cdx_url(seed), "rate_limited", "the archive is rate-limiting; not asked"
                )
                site.failures.append(site.listing_failure)
                sites.append(site)
                continue
            sites.append(self._site(seed))
        return _summarise(self.name, sites)

    def _cdx_url(self, seed: str) -> str:
        return cdx_query(self.base_url, seed)

    def _site(self, seed: str) -> _Site:
        site = _Site(seed)
        url = self._cdx_url(seed)
        # A documented API, not a page to crawl: robots.txt does not apply (as for every API source).
        result = self.ctx.fetcher.get(url, respect_robots=False)
        if isinstance(result, FetchFailure):
            site.listing_failure = result
        elif not result.ok:
            site.listing_failure = FetchFailure(url, "http_error", f"HTTP {result.status}")
        else:
            parsed = parse_cdx(result.body)
            if isinstance(parsed, Malformed):
                host = urlsplit(url).hostname or "the archive"
                site.listing_failure = FetchFailure(url, "parse", f"malformed response from {host}")
            else:
                site.listed = len(parsed)
                chosen = choose(parsed, self.max_snapshots)
                site.chosen = len(chosen)
                self._read(site, chosen)
        if site.listing_failure is not None:
            site.failures.append(site.listing_failure)
        return site

    def _read(self, site: _Site, captures: list[Capture]) -> None:
        for index, capture in enumerate(captures):
            # id_ serves the bytes as captured, without the archive's banner and rewritten links.
            raw = f"{self.base_url}/web/{capture.timestamp}id_/{capture.original}"
            result = self.ctx.fetcher.get(raw, respect_robots=False)
            if isinstance(result, FetchFailure):
                site.failures.append(result)
                if result.reason in _INCOMPLETE:
                    site.incomplete += 1
                    if result.reason == "rate_limited":
                        site.incomplete += len(captures) - index - 1  # not asked for: see collect()
                        return
                else:
                    site.unreadable += 1
                continue
            if not result.ok:
                site.failures.append(FetchFailure(raw, "http_error", f"HTTP {result.status}"))
                site.unreadable += 1
                continue
            content = self.ctx.extract(
                result.body, url=capture.original, content_type=result.content_type or capture.mimetype
            )
            if isinstance(content, ExtractError):
                site.failures.append(content.failure(raw))
                if content.reason in _INCOMPLETE:  # a reader stopped at its time limit: not checked
                    site.incomplete += 1
                else:
                    site.unreadable += 1
                continue
            when = capture.captured_at
            site.documents.append(
                Document(
                    url=f"{self.base_url}/web/{capture.timestamp}/{capture.original}",
                    source=self.name,
                    content=content,
                    attributed=True,
                    archived_at=when,
                    label=f"Archived copy of {capture.original} ({when.date().isoformat()})",
                    # A new capture of the same page is the same place: the finding keeps its identity.
                    place=f"archive:{capture.original}",
                    fetched=result.record,
                )
            )


def _summarise(name: str, sites: list[_Site]) -> SourceResult:
    """One status: failed (or rate-limited) when a site's listing or some of its snapshots were not read."""
    notes: list[str] = []
    problems: list[FetchFailure] = []
    for site in sites:
        if site.listing_failure is not None:
            why = site.listing_failure.detail or site.listing_failure.reason
            notes.append(f"{site.seed} not checked: {why}")
            problems.append(site.listing_failure)
            continue
        if not site.listed:
            notes.append(f"{site.seed}: no archived copies")
            continue
        note = f"{site.seed}: {len(site.documents)} archived copies read ({site.listed} listed)"
        if site.incomplete:
            note += f"; {site.incomplete} could not be fetched"
            problems.extend(f for f in site.failures if f.reason in _INCOMPLETE)
        if site.unreadable:
            note += f"; {site.unreadable} unavailable or unreadable"
        notes.append(note)
    status = SourceStatus.OK
    if problems:
        limited = all(p.reason == "rate_limited" for p in problems)
        status = SourceStatus.RATE_LIMITED if limited else SourceStatus.FAILED
    documents = tuple(d for s in sites for d in s.documents)
    failures = tuple(f for s in sites for f in s.failures)
    return SourceResult(name, status, "; ".join(notes), documents, failures)

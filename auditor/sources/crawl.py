"""The crawl source: each of the person's websites, breadth-first within its own site, plus linked files."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from ..extract import ExtractError
from ..model import Document, FetchFailure, Person, SourceResult, SourceStatus
from ..urls import canonical, host_of, site_of
from .interface import Source, SourceContext

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..fetch import Response

# Links to these are never documents the detectors can read: not worth a request.
_SKIP_SUFFIXES = (
    ".css", ".js", ".mjs", ".json", ".xml", ".rss", ".ico", ".svg", ".woff", ".woff2", ".ttf", ".otf",
    ".eot", ".zip", ".gz", ".tgz", ".rar", ".7z", ".exe", ".dmg", ".iso", ".mp3", ".mp4", ".m4a", ".mov",
    ".avi", ".webm", ".ogg", ".wav", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx",
)  # fmt: skip


@dataclass
class _SeedCrawl:
    """The state of one seed's breadth-first crawl."""

    seed: str
    site: str
    path_prefix: str
    documents: list[Document] = field(default_factory=list)
    failures: list[FetchFailure] = field(default_factory=list)
    disallowed: int = 0
    not_found: int = 0
    left_site: int = 0
    gone: list[str] = field(default_factory=list)
    """URLs that answered 404 or 410: checked, and nothing there."""
    unread: int = 0
    """Links in scope left unread because the page cap was reached."""
    seed_failure: FetchFailure | None = None


class CrawlSource(Source):
    """Fetches the person's own websites: every page, PDF and image within the seed's site."""

    name: ClassVar[str] = "crawl"
    description: ClassVar[str] = "the person's own websites: pages, PDFs and photos linked from them"
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {},
        "additionalProperties": False,
    }

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        self.max_depth = ctx.config.crawl.max_depth
        self.max_pages = ctx.config.crawl.max_pages

    def collect(self, person: Person) -> SourceResult:
        if not person.websites:
            return SourceResult(self.name, SourceStatus.SKIPPED, "no websites on the roster")
        crawls = [self._crawl(seed) for seed in person.websites]
        return _summarise(self.name, crawls)

    def _crawl(self, seed_url: str) -> _SeedCrawl:
        seed = canonical(seed_url)
        parts = urlsplit(seed)
        prefix = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
        state = _SeedCrawl(seed=seed, site=site_of(parts.hostname or ""), path_prefix=prefix)
        queue: deque[tuple[str, int]] = deque([(seed, 0)])
        seen = {seed}
        fetched = 0
        while queue and fetched < self.max_pages:
            url, depth = queue.popleft()
            result = self.ctx.fetcher.get(url)
            fetched += 1
            if isinstance(result, FetchFailure):
                self._record_failure(state, url, result)
                continue
            if not result.ok:
                self._record_status(state, url, result)
                continue
            if url == seed:
                # A seed that redirects (http -> https, to www.) moves the site with it.
                state.site = site_of(host_of(result.final_url)) or state.site
            elif site_of(host_of(result.final_url)) != state.site:
                # A link that redirected off the site: that page is not about the person.
                state.left_site += 1
                continue
            document = self._document(state, result)
            if document is None or depth >= self.max_depth:
                continue
            for link in document.content.outlinks:
                link = canonical(link)
                if link and link not in seen and self._in_scope(state, link):
                    seen.add(link)
                    queue.append((link, depth + 1))
        state.unread = len(queue)
        return state

    def _in_scope(self, state: _SeedCrawl, url: str) -> bool:
        """Same registrable domain, under the seed's path, and a type worth reading."""
        parts = urlsplit(url)
        path = parts.path.lower()
        if site_of(parts.hostname or "") != state.site or path.endswith(_SKIP_SUFFIXES):
            return False
        # Files (PDFs, photos) a page links to may live anywhere on the site, e.g. /uploads/.
        is_file = path.endswith((".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic"))
        return is_file or parts.path.startswith(state.path_prefix)

    def _document(self, state: _SeedCrawl, response: Response) -> Document | None:
        content = self.ctx.extract(response.body, url=response.final_url, content_type=response.content_type)
        if isinstance(content, ExtractError):
            state.failures.append(content.failure(response.final_url))
            return None
        document = Document(
            url=response.final_url,
            source=self.name,
            content=content,
            attributed=True,
            label=content.title,
            fetched=response.record,
        )
        state.documents.append(document)
        return document

    @staticmethod
    def _record_failure(state: _SeedCrawl, url: str, failure: FetchFailure) -> None:
        if url == state.seed:
            # Nothing of the site was seen: the whole seed is not checked, whatever the reason.
            state.seed_failure = failure
            state.failures.append(failure)
        elif failure.reason == "robots":
            state.disallowed += 1  # obeying robots.txt is by design, not a failure
        else:
            state.failures.append(failure)

    @staticmethod
    def _record_status(state: _SeedCrawl, url: str, response: Response) -> None:
        failure = FetchFailure(url, "http_error", f"HTTP {response.status}")
        if url == state.seed:
            state.seed_failure = failure
            state.failures.append(failure)
        else:
            state.not_found += 1  # a dead link on the site: nothing to read there
            if response.status in (404, 410):
                state.gone.append(url)


# Failures that mean a page of the site went unread this time (it may hold exactly what we look for):
# they make the crawl incomplete. Refusals by design (robots, guard), files too large, unreadable
# documents and dead links do not: a re-run would see the same.
_TRANSIENT = {"timeout", "connection", "http_error", "rate_limited"}
# Documents fetched but not readable (corrupt, encrypted, over a cap): named in the detail, a few of them.
_UNREADABLE = {"parse", "too_large"}


def _summarise(name: str, crawls: list[_SeedCrawl]) -> SourceResult:
    """One status for the source: failed when a seed, or any page, could not be fetched this time."""
    documents = tuple(d for c in crawls for d in c.documents)
    failures = tuple(f for c in crawls for f in c.failures)
    failed_seeds = [c for c in crawls if c.seed_failure is not None]
    notes = [f"{len(documents)} documents from {len(crawls) - len(failed_seeds)} of {len(crawls)} sites"]
    disallowed = sum(c.disallowed for c in crawls)
    if disallowed:
        notes.append(f"{disallowed} URLs skipped as robots.txt asks")
    left = sum(c.left_site for c in crawls)
    if left:
        notes.append(f"{left} links redirected to other sites and were not read")
    partial = [f for f in failures if all(f is not c.seed_failure for c in crawls)]
    unread = [f for f in partial if f.reason in _TRANSIENT]
    if partial:
        notes.append(f"{len(partial)} URLs could not be fetched or read")
    for crawl in failed_seeds:
        assert crawl.seed_failure is not None
        notes.append(f"{crawl.seed} not checked: {crawl.seed_failure.detail or crawl.seed_failure.reason}")
    notes.extend(f"{f.url} not checked: {f.detail or f.reason}" for f in unread[:3])
    unreadable = [f for f in partial if f.reason in _UNREADABLE]
    notes.extend(f"{f.url} not read: {f.detail or f.reason}" for f in unreadable[:3])
    capped = sum(c.unread for c in crawls)
    checked = None
    if capped:
        # Cut short: what was not read this time is neither present nor gone.
        notes.append(f"stopped at the page limit with {capped} links unread (crawl.max_pages)")
        checked = tuple(d.url for d in documents) + tuple(u for c in crawls for u in c.gone)
    status = SourceStatus.OK
    missed = [c.seed_failure for c in failed_seeds if c.seed_failure is not None] + unread
    if missed:
        rate_limited = all(f.reason == "rate_limited" for f in missed)
        status = SourceStatus.RATE_LIMITED if rate_limited else SourceStatus.FAILED
    return SourceResult(name, status, "; ".join(notes), documents, failures, checked)

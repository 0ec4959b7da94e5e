"""The web_search source: pages other people published about the person, found as an attacker finds them.

It asks a search engine the user runs (SearXNG) or a keyed one (Brave) for the person's name with the
words an approach is built from (mobile, address, born...), their public emails and usernames. Each result
page is fetched through the fetch layer like a crawled page (robots.txt, politeness, the address guard,
the cache, size caps) and kept only when it names the person (`third_party`): the old club newsletter
with the mobile number in it, the council minutes with the home address.

By default only public data leaves the machine: a private value is sent to the engine only with
`search_private_values: true`, and `auditor sources` then says what goes where.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from ..extract import ExtractError
from ..mask import mask_email, mask_phone
from ..model import Document, FetchFailure, Person, SourceResult, SourceStatus
from ..plain import plural
from ..urls import canonical, host_of, site_of
from .api import BASE_URL_SCHEMA, ENV_NAME_SCHEMA, unique
from .interface import NotConfigured, Source, SourceContext
from .search_engines import Brave, SearchEngine, Searxng
from .third_party import Anchors, place_of
from .trouble import ApiTrouble, worse

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..fetch import Response
    from .search_engines import Hit

BRAVE_URL = "https://api.search.brave.com"
BRAVE_KEY_ENV = "BRAVE_SEARCH_API_KEY"
# Words an approach is built from, searched beside the name.
_TOPICS = ("mobile", "phone number", "home address", "born", "wife OR husband")
# Failures that mean a result page went unread this time (it may hold what we look for).
_TRANSIENT = {"timeout", "connection", "http_error", "rate_limited"}


@dataclass(frozen=True)
class Query:
    """One query: what is sent, and how it is shown (masked when it holds a private value)."""

    text: str
    shown: str


@dataclass
class _Run:
    """One person's search: what was asked, found, read and kept."""

    documents: list[Document] = field(default_factory=list)
    failures: list[FetchFailure] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    status: SourceStatus = SourceStatus.OK
    answered: int = 0
    results: int = 0
    own_site: int = 0
    read: int = 0
    namesakes: int = 0
    unnamed: int = 0
    disallowed: int = 0
    dead: int = 0
    unread: list[FetchFailure] = field(default_factory=list)

    def trouble(self, which: str, trouble: ApiTrouble) -> None:
        self.problems.append(f"{which}: {trouble.detail}")
        if trouble.failure is not None:
            self.failures.append(trouble.failure)
        self.status = worse(self.status, trouble.status)


class WebSearchSource(Source):
    """Third-party pages about the person, found through a search engine."""

    name: ClassVar[str] = "web_search"
    description: ClassVar[str] = "pages others published about the person, found through a search engine"
    default_on: ClassVar[bool] = False
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "engine": {
                "enum": ["searxng", "brave"],
                "description": "searxng (your own instance, at base_url) or brave (Brave's keyed API).",
            },
            "base_url": BASE_URL_SCHEMA,
            "api_key_env": ENV_NAME_SCHEMA,
            "language": {
                "type": "string",
                "pattern": "^[a-z]{2}(-[A-Z]{2})?$",
                "description": "Language and country of the results, e.g. en-GB (the default).",
            },
            "results_per_query": {"type": "integer", "minimum": 1, "maximum": 20},
            "queries_per_person": {"type": "integer", "minimum": 1, "maximum": 30},
            "pages_per_person": {"type": "integer", "minimum": 0, "maximum": 100},
            "search_private_values": {
                "type": "boolean",
                "description": "Also search for private phone numbers and emails: sends them to the engine.",
            },
        },
        "required": ["engine"],
        "additionalProperties": False,
    }

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        engine = options.get("engine")
        language = str(options.get("language", "en-GB"))
        self.results_per_query = int(options.get("results_per_query", 10))
        self.queries_per_person = int(options.get("queries_per_person", 10))
        self.pages_per_person = int(options.get("pages_per_person", 20))
        self.search_private = bool(options.get("search_private_values", False))
        self.engine: SearchEngine
        if engine == "searxng":
            if not options.get("base_url"):
                raise NotConfigured("needs base_url: the address of your SearXNG instance")
            self.engine = Searxng(ctx.fetcher, str(options["base_url"]), language)
        elif engine == "brave":
            env = str(options.get("api_key_env", BRAVE_KEY_ENV))
            key = ctx.environ.get(env, "").strip()
            if not key:
                raise NotConfigured(f"needs {env} in the environment (a Brave Search API key)")
            self.engine = Brave(ctx.fetcher, str(options.get("base_url") or BRAVE_URL), language, key)
        else:
            raise NotConfigured("needs engine: searxng (with base_url) or engine: brave")
        host = host_of(self.engine.base_url)
        onward = " and the engines it asks" if engine == "searxng" else ""
        self.notice = (
            f"sends private phone numbers and emails to {host}{onward} (search_private_values)"
            if self.search_private
            else f"sends names, public emails and usernames to {host}{onward}, never private values"
        )

    def collect(self, person: Person) -> SourceResult:
        queries = search_queries(person, include_private=self.search_private)[: self.queries_per_person]
        if not queries:
            return SourceResult(self.name, SourceStatus.SKIPPED, "nothing public to search for")
        run = _Run()
        hits = self._search(person, queries, run)
        anchors = Anchors(person)
        for url, (hit, query) in list(hits.items())[: self.pages_per_person]:
            self._read(url, hit, query, anchors, run)
        left = len(hits) - min(len(hits), self.pages_per_person)
        return self._result(run, len(queries), left)

    def _search(self, person: Person, queries: list[Query], run: _Run) -> dict[str, tuple[Hit, Query]]:
        """Each result URL (first seen) with the query that found it; the person's own sites left out
        (the crawl reads them)."""
        own = {site_of(host_of(url)) for url in person.websites}
        hits: dict[str, tuple[Hit, Query]] = {}
        seen: set[str] = set()
        for index, query in enumerate(queries, start=1):
            try:
                answer = self.engine.search(query.text, self.results_per_query, shown_query=query.shown)
            except ApiTrouble as trouble:
                run.trouble(f"query {index} of {len(queries)}", trouble)
                if trouble.status is SourceStatus.RATE_LIMITED:
                    break  # asking again straight away would only be refused
                continue
            run.answered += 1
            if answer.note:
                run.notes.append(f"query {index}: {answer.note}")
            for hit in answer.hits:
                url = canonical(hit.url)
                if not url or url in seen:
                    continue
                seen.add(url)
                run.results += 1
                if site_of(host_of(url)) in own:
                    run.own_site += 1
                    continue
                hits[url] = (hit, query)
        return hits

    def _read(self, url: str, hit: Hit, query: Query, anchors: Anchors, run: _Run) -> None:
        result = self.ctx.fetcher.get(url)
        if isinstance(result, FetchFailure):
            if result.reason == "robots":
                run.disallowed += 1  # obeying robots.txt is by design, not a failure
            else:
                run.failures.append(result)
                if result.reason in _TRANSIENT:
                    run.unread.append(result)
            return
        if not result.ok:
            if result.status in (404, 410):
                run.dead += 1  # a stale result: nothing there
            else:
                failure = FetchFailure(url, "http_error", f"HTTP {result.status}")
                run.failures.append(failure)
                run.unread.append(failure)
            return
        run.read += 1
        document = self._document(result, query, anchors, run)
        if document is not None:
            run.documents.append(document)

    def _document(self, response: Response, query: Query, anchors: Anchors, run: _Run) -> Document | None:
        content = self.ctx.extract(response.body, url=response.final_url, content_type=response.content_type)
        if isinstance(content, ExtractError):
            run.failures.append(content.failure(response.final_url))
            return None
        attribution = anchors.of(f"{content.title}\n{content.text}")
        if attribution is None:
            run.unnamed += 1
            return None
        if not attribution.attributed:
            run.namesakes += 1  # names them, and nothing else ties it to them: maybe a namesake
        ties = f"; names them with {', '.join(attribution.anchors)}" if attribution.attributed else ""
        title = content.title or urlsplit(response.final_url).netloc
        return Document(
            url=response.final_url,
            source=self.name,
            content=content,
            attributed=attribution.attributed,
            label=f"{title[:120]} (found by searching {query.shown}{ties})",
            fetched=response.record,
        )

    def _result(self, run: _Run, asked: int, left: int) -> SourceResult:
        kept = len(run.documents)
        notes = [
            f"{run.answered} of {asked} {'query' if asked == 1 else 'queries'} answered",
            f"{plural(run.results, 'result')}",
            f"{plural(run.read, 'page')} read",
            f"{kept} naming the person ({sum(d.attributed for d in run.documents)} tied to them)",
        ]
        if run.unnamed:
            notes.append(f"{run.unnamed} not naming them, not kept")
        if run.namesakes:
            notes.append(
                f"{run.namesakes} naming them with nothing else tying the page to them: only their own "
                "values are looked for there"
            )
        if run.own_site:
            notes.append(f"{run.own_site} on their own sites, left to the crawl")
        if run.disallowed:
            notes.append(f"{run.disallowed} skipped as robots.txt asks")
        if run.dead:
            notes.append(f"{run.dead} gone (404)")
        if left:
            notes.append(f"{left} results not read (pages_per_person)")
        notes += run.problems + run.notes
        notes.extend(f"{f.url} not checked: {f.detail or f.reason}" for f in run.unread[:3])
        status = run.status
        if run.unread and status is SourceStatus.OK:
            status = SourceStatus.FAILED  # a result page went unread this time: the picture is incomplete
        if run.unread:
            notes.append(f"{plural(len(run.unread), 'result page')} could not be fetched")
        return SourceResult(
            self.name, status, "; ".join(notes)[:1000], tuple(run.documents), tuple(run.failures)
        )


def search_queries(person: Person, *, include_private: bool = False) -> list[Query]:
    """What is searched for, most telling first: the name with the place they represent, then with the
    words an approach is built from; aliases; public emails; usernames. Public data only, unless
    `include_private` (then private phones and emails too, shown masked)."""
    quoted = f'"{person.name.strip()}"'
    place = place_of(person.role)
    first = [f'{quoted} "{place}"' if place else f"{quoted} {person.role}".strip()]
    texts = [f"{quoted} {topic}" for topic in _TOPICS]
    texts += [f'"{alias.strip()}"' + (f' "{place}"' if place else "") for alias in person.aliases]
    texts += [f'"{email}"' for email in unique(person.public.emails)]
    texts += [f'"{username}"' for username in unique(person.usernames)]
    private = []
    if include_private:
        # Straight after the name: asked for, they must not fall past queries_per_person.
        private += [Query(f'"{p}"', f'"{mask_phone(p)}"') for p in unique(person.private.phones)]
        private += [Query(f'"{e}"', f'"{mask_email(e)}"') for e in unique(person.private.emails)]
    public = [Query(t, t) for t in unique(texts) if t not in first]
    return [Query(first[0], first[0]), *private, *public]

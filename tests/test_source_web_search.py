"""The web_search source against local look-alikes of a SearXNG instance and Brave's Search API (shapes
from ../shared/reference/searxng-json-api.md and brave-search-api.md), with the result pages served on
fictional hosts through the same server as a proxy."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import TYPE_CHECKING, Any

import pytest
from localserver import LocalServer, Reply, Request
from people import HOME_EMAIL, JANE, MOBILE, SITE, USERNAME

from auditor.config import Config
from auditor.detectors import Subject, detect
from auditor.model import Category, Match, SourceResult, SourceStatus
from auditor.sources.interface import NotConfigured, SourceContext
from auditor.sources.registry import build_sources
from auditor.sources.web_search import WebSearchSource, search_queries

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from conftest import FetcherFactory

PERSON = dataclasses.replace(
    JANE, role="Member of Parliament for Exampleton", usernames=(USERNAME,), websites=(SITE,)
)
SEARCH = "http://search.example"


def page(body: str, title: str = "Exampleton Gazette") -> Reply:
    return Reply(200, f"<html><head><title>{title}</title></head><body>{body}</body></html>")


def searxng(results: Callable[[str], list[dict[str, Any]]], **extra: Any) -> Callable[[Request], Reply]:
    """A SearXNG /search answering format=json with `results(q)`, as the instance serialises them."""

    def answer(request: Request) -> Reply:
        query = request.query.get("q", [""])[0]
        if request.query.get("format") != ["json"]:
            return Reply(200, "<html>the HTML page</html>")
        items = [
            {"url": r["url"], "title": r.get("title", ""), "content": r.get("content", ""),
             "engine": "duckduckgo", "engines": ["duckduckgo"], "score": 1.0, "category": "general",
             "parsed_url": ["http", "x", "/", "", "", ""], "publishedDate": None}
            for r in results(query)
        ]  # fmt: skip
        body = {"query": query, "results": items, "answers": [], "corrections": [], "infoboxes": [],
                "suggestions": [], "unresponsive_engines": [], **extra}  # fmt: skip
        return Reply.json(body)

    return answer


def collect(
    server: LocalServer,
    fetchers: FetcherFactory,
    person: Any = PERSON,
    environ: Mapping[str, str] | None = None,
    **options: Any,
) -> SourceResult:
    fetcher = fetchers(proxy=server.url("/").rstrip("/"), cache_enabled=False, retries=0)
    ctx = SourceContext(fetcher, Config(), environ or {})
    settings = {"engine": "searxng", "base_url": SEARCH, **options}
    return WebSearchSource(settings, ctx).collect(person)


def findings(result: SourceResult, person: Any = PERSON) -> list[tuple[Category, Match, str]]:
    subject = Subject.of(person)
    return [(h.category, h.match, h.key) for d in result.documents for h in detect(d, subject)]


def test_a_third_party_page_with_the_private_mobile_is_found_and_says_which_search_found_it(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    newsletter = "http://striders.example/news/2019-spring.html"
    local_server.route("/search", searxng(lambda q: [{"url": newsletter, "title": "Spring newsletter"}]
                                           if "mobile" in q else []), host="search.example")  # fmt: skip
    local_server.route(
        "/news/2019-spring.html",
        page("Club captain Jane Doe (Exampleton) can be reached on 07700 900123 for kit orders.", "Striders"),
        host="striders.example",
    )
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK, result.detail
    (document,) = result.documents
    assert document.url == newsletter
    assert document.attributed  # names her, and the place she represents
    assert '"Jane Doe" mobile' in document.label
    assert "the place Exampleton" in document.label
    assert (Category.PHONE, Match.PRIVATE, "+447700900123") in findings(result)
    assert "1 naming the person (1 tied to them)" in result.detail


def test_a_results_page_full_of_namesakes_yields_nothing_for_the_person(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    strangers = {
        "/jane-doe-dentist": "Jane Doe, dentist in Otherton. Call the surgery on 0113 496 0999.",
        "/mary-jane-doe": "Mary Jane Doe of Exampleton won the baking prize. Phone 0113 496 0555.",
        "/jane-doe-smith": "Jane Doe-Smith, Exampleton estate agent, on 07700 900777.",
        "/obituary": "Jane Doe, 1901-1988, of Wexcombe, beloved wife and mother. jane.d@mail.example",
        "/no-name": "Exampleton council minutes: no names here, call 07700 900888.",
    }
    for path, text in strangers.items():
        local_server.route(path, page(text), host="strangers.example")
    hits = [{"url": f"http://strangers.example{p}", "title": "Jane Doe"} for p in strangers]
    local_server.route("/search", searxng(lambda q: hits), host="search.example")
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK, result.detail
    assert findings(result) == []
    # Only the pages naming a "Jane Doe" are kept, none attributed: their numbers are not hers.
    assert sorted(d.url.rsplit("/", 1)[1] for d in result.documents) == ["jane-doe-dentist", "obituary"]
    assert not any(d.attributed for d in result.documents)
    assert "3 not naming them, not kept" in result.detail


def test_with_the_default_config_no_private_value_reaches_the_search_engine(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/search", searxng(lambda q: []), host="search.example")
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK, result.detail
    sent = [r for r in local_server.requests if r.host.startswith("search.example")]
    assert len(sent) == len(search_queries(PERSON)) >= 8
    every_form = _forms_of_private_values(PERSON)
    for request in sent:
        seen = " ".join([request.path, json.dumps(dict(request.headers)), request.body.decode("latin-1")])
        decoded = re.sub(r"%[0-9A-Fa-f]{2}|\+", " ", seen).lower()
        for form in every_form:
            assert form not in seen.lower(), (form, request.path)
            assert form not in decoded, (form, request.path)
    # What was sent: her name with the place and the topics, her public email and username.
    queries = [r.query["q"][0] for r in sent]
    assert queries[0] == '"Jane Doe" "Exampleton"'
    assert '"Jane Doe" mobile' in queries
    assert f'"{USERNAME}"' in queries


def test_search_private_values_sends_them_masked_in_the_record_and_says_so(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/search", searxng(lambda q: []), host="search.example")
    result = collect(local_server, fetcher_factory, search_private_values=True, queries_per_person=3)
    assert result.status is SourceStatus.OK, result.detail
    queries = [r.query["q"][0] for r in local_server.requests if r.host.startswith("search.example")]
    # Straight after the name with her place: a small cap never drops what was asked for.
    assert queries == ['"Jane Doe" "Exampleton"', f'"{MOBILE}"', f'"{HOME_EMAIL}"']
    fetcher = fetcher_factory(cache_enabled=False)
    config = Config(sources={"web_search": {"engine": "searxng", "base_url": SEARCH,
                                            "search_private_values": True}})  # fmt: skip
    _, states = build_sources(SourceContext(fetcher, config, {}))
    (state,) = [s for s in states if s.name == "web_search"]
    assert state.enabled
    assert "sends private phone numbers and emails to search.example" in state.reason


@pytest.mark.parametrize(
    ("reply", "status", "said"),
    [
        (Reply(403, "<h1>Forbidden</h1>"), SourceStatus.FAILED, "JSON output is off"),
        (Reply(429, "Too Many Requests"), SourceStatus.RATE_LIMITED, "limiter"),
        (Reply(500, "oops"), SourceStatus.FAILED, "HTTP 500"),
        (Reply(200, "{not json", {"content-type": "application/json"}), SourceStatus.FAILED, "malformed"),
        (Reply.json({"query": "x", "results": "none"}), SourceStatus.FAILED, "no results list"),
        (Reply.json({"query": "x", "results": [], "unresponsive_engines": [["google", "Suspended"]]}),
         SourceStatus.FAILED, "engines did not answer (google)"),
    ],
)  # fmt: skip
def test_an_engine_that_cannot_answer_is_never_read_as_nothing_found(
    local_server: LocalServer, fetcher_factory: FetcherFactory, reply: Reply, status: SourceStatus, said: str
) -> None:
    local_server.route("/search", reply, host="search.example")
    result = collect(local_server, fetcher_factory)
    assert result.status is status, result.detail
    assert said in result.detail
    sent = [r for r in local_server.requests if r.host.startswith("search.example")]
    if status is SourceStatus.RATE_LIMITED:
        assert len(sent) == 1  # stopped at the refusal: asking on would only be refused
    else:
        assert len(sent) == len(search_queries(PERSON))


def test_own_sites_robots_caps_and_dead_results_are_counted_not_read(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    hits = [
        {"url": SITE + "about"},  # her own site: the crawl reads it
        {"url": "http://private.example/members"},  # robots.txt forbids it
        {"url": "http://gone.example/old"},  # 404
        *({"url": f"http://many.example/{n}"} for n in range(5)),
    ]
    local_server.route("/search", searxng(lambda q: hits), host="search.example")
    local_server.route("/robots.txt", Reply.text("User-agent: *\nDisallow: /\n"), host="private.example")
    for n in range(5):
        local_server.route(f"/{n}", page(f"Jane Doe of Exampleton, item {n}"), host="many.example")
    result = collect(local_server, fetcher_factory, pages_per_person=4)
    assert result.status is SourceStatus.OK, result.detail
    paths = [(r.host, r.route_path) for r in local_server.requests]
    assert not any(h.startswith("janedoe.example") for h, _ in paths)
    assert ("private.example", "/members") not in paths
    assert "1 on their own sites, left to the crawl" in result.detail
    assert "1 skipped as robots.txt asks" in result.detail
    assert "1 gone (404)" in result.detail
    assert "3 results not read (pages_per_person)" in result.detail
    assert len(result.documents) == 2


def test_an_unreachable_result_page_makes_the_search_incomplete(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route(
        "/search", searxng(lambda q: [{"url": "http://down.example/p"}]), host="search.example"
    )
    local_server.route("/p", Reply(503, "busy"), host="down.example")
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert "1 result page could not be fetched" in result.detail


def test_brave_sends_its_key_throttles_on_its_headers_and_reads_web_results(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    def brave(request: Request) -> Reply:
        if request.headers.get("x-subscription-token") != "k-test":
            return Reply.json(
                {"type": "ErrorResponse", "error": {"status": 422, "code": "SUBSCRIPTION_TOKEN_INVALID"}}, 422
            )
        results = [{"type": "search_result", "title": "<strong>Jane Doe</strong> – surgery",
                    "url": "http://gazette.example/surgery", "description": "Jane Doe MP"}]  # fmt: skip
        headers = {"X-RateLimit-Remaining": "0, 1000", "X-RateLimit-Reset": "1, 1419704"}
        body = {"type": "search", "query": {"original": request.query["q"][0]}, "web": {"results": results}}
        return Reply.json(body, headers=headers)

    local_server.route("/res/v1/web/search", brave, host="brave.example")
    local_server.route(
        "/surgery", page("Jane Doe MP for Exampleton holds surgeries."), host="gazette.example"
    )
    fetcher = fetcher_factory(proxy=local_server.url("/").rstrip("/"), cache_enabled=False, retries=0)
    ctx = SourceContext(fetcher, Config(), {"BRAVE_SEARCH_API_KEY": "k-test"})
    source = WebSearchSource(
        {"engine": "brave", "base_url": "http://brave.example", "queries_per_person": 3}, ctx
    )
    waits: list[float] = []
    source.engine.sleep = waits.append  # type: ignore[attr-defined]
    result = source.collect(PERSON)
    assert result.status is SourceStatus.OK, result.detail
    assert waits == [1.0, 1.0]  # before the 2nd and 3rd query: the per-second window was spent
    (document,) = result.documents
    assert document.attributed
    sent = [r for r in local_server.requests if r.host.startswith("brave.example")]
    assert all(r.query["text_decorations"] == ["false"] and r.query["country"] == ["GB"] for r in sent)
    refused = SourceContext(fetcher, Config(), {"BRAVE_SEARCH_API_KEY": "wrong"})
    bad = WebSearchSource({"engine": "brave", "base_url": "http://brave.example"}, refused).collect(PERSON)
    assert bad.status is SourceStatus.FAILED
    assert "the key in the environment was refused" in bad.detail


def test_it_is_off_until_configured_and_names_what_it_needs(fetcher_factory: FetcherFactory) -> None:
    ctx = SourceContext(fetcher_factory(cache_enabled=False), Config(), {})
    with pytest.raises(NotConfigured, match="BRAVE_SEARCH_API_KEY"):
        WebSearchSource({"engine": "brave"}, ctx)
    with pytest.raises(NotConfigured, match="base_url"):
        WebSearchSource({"engine": "searxng"}, ctx)
    _, states = build_sources(ctx)
    (state,) = [s for s in states if s.name == "web_search"]
    assert not state.enabled


def _forms_of_private_values(person: Any) -> set[str]:
    """Every spelling of every private value a request could carry: as written, lower case, digits only,
    without spaces, E.164, and each word of addresses, relatives and other phrases longer than 3."""
    forms: set[str] = set()
    private = person.private
    for value in (*private.phones, *private.emails, *private.addresses, *private.relatives, *private.other):
        forms |= {value.lower(), value.lower().replace(" ", "")}
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 6:
            forms |= {digits, "44" + digits.lstrip("0")}
    for value in (*private.addresses, *private.other):
        forms |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", value)} - {"jane", "exampleton"}
    forms |= {d.isoformat() for d in private.dates_of_birth}
    return forms

"""The hibp source against a local look-alike of the Have I Been Pwned v3 API (haveibeenpwned.com/API/v3)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from localserver import LocalServer, Reply
from people import jane

from auditor.config import Config, NetworkSettings
from auditor.detectors import Subject, detect
from auditor.detectors.known import KnownValuesDetector
from auditor.model import Category, Match, PrivateValues, PublicValues, SourceResult, SourceStatus
from auditor.sources.hibp import HibpSource
from auditor.sources.interface import NotConfigured, SourceContext

if TYPE_CHECKING:
    from conftest import FetcherFactory

KEY = "hibp-fictional-key"
HOME = "jane.home@mail.example"
WORK = "jane.doe.mp@parliament.example"
JANE = jane(
    private=PrivateValues(emails=(HOME,)),
    public=PublicValues(emails=(WORK,)),
)
HOME_PATH = "/api/v3/breachedaccount/jane.home%40mail.example"
WORK_PATH = "/api/v3/breachedaccount/jane.doe.mp%40parliament.example"

BREACHES: list[dict[str, Any]] = [  # the v3 breach model, untruncated; breaches fictional
    {
        "Name": "ExampleShop",
        "Title": "Example Shop",
        "Domain": "shop.example",
        "BreachDate": "2019-06-01",
        "AddedDate": "2019-08-01T10:00:00Z",
        "PwnCount": 120000,
        "Description": "<p>Names, <a href='x'>addresses</a> and phone numbers leaked.</p>",
        "DataClasses": ["Email addresses", "Names", "Phone numbers", "Physical addresses"],
        "IsVerified": True,
        "IsSensitive": False,
    },
    {
        "Name": "RunClub",
        "Title": "Run Club Forum",
        "Domain": "",
        "BreachDate": "2021-02-03",
        "DataClasses": [],
    },
]


def source(
    fetchers: FetcherFactory, server: LocalServer, environ: dict[str, str] | None = None
) -> HibpSource:
    ctx = SourceContext(
        fetchers(cache_enabled=False), Config(), {"HIBP_API_KEY": KEY} if environ is None else environ
    )
    return HibpSource({"base_url": server.url("/")}, ctx)


def collect(server: LocalServer, fetchers: FetcherFactory) -> SourceResult:
    return source(fetchers, server).collect(JANE)


def test_needs_a_key(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    with pytest.raises(NotConfigured, match="needs HIBP_API_KEY in the environment"):
        source(fetcher_factory, local_server, environ={"GITHUB_TOKEN": "x"})
    assert HibpSource.default_on  # on whenever its key is there (auditor sources shows the reason when not)


def test_breaches_found(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route(HOME_PATH, Reply.json(BREACHES))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK, result.detail
    assert result.detail == "2 of 2 emails checked; 1 in known breaches"
    (document,) = result.documents
    assert (document.url, document.label) == (
        "https://haveibeenpwned.com/",
        "Breaches that include this email",
    )
    assert document.content.text.splitlines() == [
        f"account: {HOME}",
        "breach: Example Shop (shop.example), 2019-06-01; data: Email addresses, Names, Phone numbers,"
        " Physical addresses",
        "breach: Run Club Forum, 2021-02-03",
    ]
    hits = list(detect(document, Subject.of(JANE), [KnownValuesDetector()]))
    assert [(h.category, h.match) for h in hits] == [(Category.EMAIL, Match.PRIVATE)]


def test_key_user_agent_and_untruncated_responses_requested(
    local_server: LocalServer, fetcher_factory: FetcherFactory, network_settings: NetworkSettings
) -> None:
    collect(local_server, fetcher_factory)
    (request,) = local_server.requests_to(HOME_PATH)
    assert request.headers["hibp-api-key"] == KEY
    assert request.headers["user-agent"] == network_settings.user_agent  # the docs require one
    assert request.query == {"truncateResponse": ["false"]}


def test_not_pwned_is_checked_and_nothing_found(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    result = collect(local_server, fetcher_factory)  # unrouted: 404, "not found in any breach"
    assert (result.status, result.documents) == (SourceStatus.OK, ())
    assert local_server.paths() == [
        f"{HOME_PATH}?truncateResponse=false",
        f"{WORK_PATH}?truncateResponse=false",
    ]


@pytest.mark.parametrize("status", [401, 403])
def test_refused_key_is_failed(
    local_server: LocalServer, fetcher_factory: FetcherFactory, status: int
) -> None:
    body = "Access denied due to invalid hibp-api-key."
    local_server.route(HOME_PATH, Reply.text(body, status=status))
    local_server.route(WORK_PATH, Reply.text(body, status=status))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert f"email 1 of 2: Have I Been Pwned answered HTTP {status} (API key refused)" in result.detail
    assert HOME not in result.detail
    assert all(HOME not in f.url for f in result.failures)


def test_rate_limited(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    # A retry-after longer than network.max_retry_after is not waited for: rate-limited at once.
    local_server.route(
        HOME_PATH, Reply.json({"statusCode": 429}, status=429, headers={"retry-after": "3600"})
    )
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.RATE_LIMITED
    assert "3600 s" in result.detail
    assert local_server.requests_to(WORK_PATH) == []


def test_malformed_response_is_failed(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route(HOME_PATH, Reply.json({"Name": "not a list"}))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert "malformed response from Have I Been Pwned (the body is not a list)" in result.detail


def test_server_error_is_failed(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route(WORK_PATH, Reply(503))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert result.detail.startswith("1 of 2 emails checked; 0 in known breaches; email 2 of 2:")

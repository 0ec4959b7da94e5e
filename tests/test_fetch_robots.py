"""robots.txt: obeyed per origin, fetched once, RFC 9309 status handling, redirect hops checked."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pytest
from localserver import LocalServer, Reply
from test_fetch import failed, ok

if TYPE_CHECKING:
    from conftest import FetcherFactory, ServerFactory

ROBOTS = "User-agent: *\nDisallow: /private\n"


def test_disallowed_url_is_never_requested(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/robots.txt", Reply.text(ROBOTS))
    fetcher = fetcher_factory()
    failure = failed(fetcher.get(local_server.url("/private/diary.html")), "robots")
    assert "robots.txt disallows" in failure.detail
    ok(fetcher.get(local_server.url("/public.html")))
    assert local_server.paths() == ["/robots.txt", "/public.html"]


def test_robots_fetched_once_per_origin_under_concurrency(
    local_server: LocalServer, server_factory: ServerFactory, fetcher_factory: FetcherFactory
) -> None:
    other = server_factory()
    other.route("/robots.txt", Reply.text(ROBOTS))
    # Slow, so that every thread asks while the first fetch is still under way.
    local_server.route("/robots.txt", Reply(body=ROBOTS, headers={"content-type": "text/plain"}, delay=0.3))
    fetcher = fetcher_factory(concurrency=8)
    urls = [local_server.url(f"/page{i}") for i in range(8)] + [other.url("/page")]
    with ThreadPoolExecutor(max_workers=9) as pool:
        results = list(pool.map(fetcher.get, urls))
    assert all(r.status == 404 for r in map(ok, results))
    assert len(local_server.requests_to("/robots.txt")) == 1
    assert len(other.requests_to("/robots.txt")) == 1  # another port is another origin


@pytest.mark.parametrize("status", [401, 403, 404, 410])
def test_robots_4xx_allows_everything(
    local_server: LocalServer, fetcher_factory: FetcherFactory, status: int
) -> None:
    local_server.route("/robots.txt", Reply(status, ROBOTS))
    ok(fetcher_factory().get(local_server.url("/private/x")))
    assert local_server.paths() == ["/robots.txt", "/private/x"]


@pytest.mark.parametrize("robots", [Reply(503), Reply(500), Reply(drop=True)], ids=["503", "500", "dropped"])
def test_robots_5xx_or_unreachable_disallows_everything(
    local_server: LocalServer, fetcher_factory: FetcherFactory, robots: Reply
) -> None:
    local_server.route("/robots.txt", robots)
    fetcher = fetcher_factory(retries=1)
    failure = failed(fetcher.get(local_server.url("/index.html")), "robots")
    assert "could not be fetched" in failure.detail
    assert "RFC 9309" in failure.detail
    failed(fetcher.get(local_server.url("/about.html")), "robots")  # remembered, not asked again
    assert local_server.paths() == ["/robots.txt", "/robots.txt"]  # one fetch, retried once


def test_documented_apis_skip_robots(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route("/robots.txt", Reply.text("User-agent: *\nDisallow: /\n"))
    local_server.route("/users/jane", Reply.json({"login": "jane"}))
    ok(fetcher_factory().get(local_server.url("/users/jane"), respect_robots=False))
    assert local_server.paths() == ["/users/jane"]


def test_each_redirect_hop_is_checked(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route("/robots.txt", Reply.text(ROBOTS))
    local_server.route("/go", Reply.redirect("/private/x"))
    failed(fetcher_factory().get(local_server.url("/go")), "robots")
    assert local_server.paths() == ["/robots.txt", "/go"]


@pytest.mark.parametrize(
    ("user_agent", "robots"),
    [
        (
            "auditor/1.0 (+https://auditor.example/bot)",
            "User-agent: auditor\nDisallow: /a\n\nUser-agent: *\nAllow: /\n",
        ),
        (
            "ExampleBot/2.0 (+https://bot.example)",
            "User-agent: ExampleBot\nDisallow: /a\n\nUser-agent: *\nAllow: /\n",
        ),
        ("ExampleBot/2.0 (+https://bot.example)", "User-agent: auditor\nDisallow: /a\n"),
    ],
    ids=["product-token", "configured-agent", "token-despite-custom-agent"],
)
def test_groups_match_the_auditor_token_and_the_configured_agent(
    local_server: LocalServer, fetcher_factory: FetcherFactory, user_agent: str, robots: str
) -> None:
    local_server.route("/robots.txt", Reply.text(robots))
    fetcher = fetcher_factory(user_agent=user_agent)
    failed(fetcher.get(local_server.url("/a")), "robots")
    ok(fetcher.get(local_server.url("/b")))


def test_other_agents_rules_do_not_apply(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route("/robots.txt", Reply.text("User-agent: OtherBot\nDisallow: /\n"))
    ok(fetcher_factory(user_agent="auditor/1.0").get(local_server.url("/a")))

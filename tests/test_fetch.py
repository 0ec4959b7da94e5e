"""Fetcher basics: responses, User-Agent, proxy, redirects, bad URLs, logging, closing."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest
from localserver import LocalServer, Reply

from auditor.fetch import Fetcher, Response
from auditor.model import FetchFailure

if TYPE_CHECKING:
    from conftest import FetcherFactory, ServerFactory

    from auditor.config import NetworkSettings


def ok(result: Response | FetchFailure) -> Response:
    assert isinstance(result, Response), result
    return result


def failed(result: Response | FetchFailure, reason: str) -> FetchFailure:
    assert isinstance(result, FetchFailure), result
    assert result.reason == reason, result
    return result


@pytest.mark.parametrize("status", [200, 403, 404, 410])
def test_any_final_status_is_a_response_fetched_once(
    local_server: LocalServer, fetcher_factory: FetcherFactory, status: int
) -> None:
    local_server.route("/page", Reply(status, "<p>hi</p>", {"X-Thing": "1"}))
    response = ok(fetcher_factory(retries=2).get(local_server.url("/page")))
    assert (response.status, response.body, response.headers["x-thing"]) == (status, b"<p>hi</p>", "1")
    assert response.content_type == "text/html"
    assert local_server.paths() == ["/robots.txt", "/page"]  # 4xx is the source's to judge, not retried


def test_user_agent_on_every_request_including_robots(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    fetcher = fetcher_factory(user_agent="auditor/9.9 (+https://auditor.example/bot)")
    ok(fetcher.get(local_server.url("/a"), headers={"User-Agent": "Mozilla/5.0", "Accept": "text/html"}))
    agents = [(r.path, r.headers["user-agent"]) for r in local_server.requests]
    assert agents == [
        ("/robots.txt", "auditor/9.9 (+https://auditor.example/bot)"),
        ("/a", "auditor/9.9 (+https://auditor.example/bot)"),  # a caller cannot disguise the crawler
    ]
    assert local_server.requests[1].headers["accept"] == "text/html"


def test_proxy_carries_requests_for_every_host(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/domain/jane.example", Reply.json({"handle": "X1"}), host="rdap.example")
    local_server.route("/users/jane", Reply.json({"login": "jane"}), host="api.github.example")
    fetcher = fetcher_factory(proxy=local_server.base_url, allow_private=False, retries=0)
    rdap = ok(fetcher.get("http://rdap.example/domain/jane.example"))
    github = ok(fetcher.get("http://api.github.example/users/jane", respect_robots=False))
    assert (rdap.body, github.body) == (b'{"handle": "X1"}', b'{"login": "jane"}')
    failed(fetcher.get("https://secure.example/", respect_robots=False), "connection")  # no TLS tunnels here
    seen = [(r.method, r.host, r.path, r.absolute) for r in local_server.requests]
    assert seen == [
        ("GET", "rdap.example", "/robots.txt", True),
        ("GET", "rdap.example", "/domain/jane.example", True),
        ("GET", "api.github.example", "/users/jane", True),
        ("CONNECT", "secure.example:443", "", True),  # https goes through the proxy too
    ]


def test_redirects_followed_and_caller_headers_kept_to_their_origin(
    local_server: LocalServer, server_factory: ServerFactory, fetcher_factory: FetcherFactory
) -> None:
    other = server_factory()
    other.route("/final", Reply(body="done"))
    local_server.route("/start", Reply.redirect("/middle", 301))
    local_server.route("/middle", Reply.redirect(other.url("/final"), 307))
    response = ok(fetcher_factory().get(local_server.url("/start"), headers={"Authorization": "token t0k"}))
    assert (response.url, response.final_url, response.body) == (
        local_server.url("/start"),
        other.url("/final"),
        b"done",
    )
    assert [r.headers.get("authorization") for r in local_server.requests_to("/middle")] == ["token t0k"]
    assert [r.headers.get("authorization") for r in other.requests_to("/final")] == [None]


def test_redirect_loop_stops_after_ten_hops(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/loop", Reply.redirect("/loop"))
    failure = failed(fetcher_factory().get(local_server.url("/loop")), "http_error")
    assert "redirects" in failure.detail
    assert len(local_server.requests_to("/loop")) == 11  # the first request and ten redirects


@pytest.mark.parametrize(
    "url",
    [
        "ftp://files.example/report.pdf",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "mailto:jane@mail.example",
        "not a url",
        "",
        "http://",
        "http://[::1",
        "http://host.example:99999/",
        "http://user:secret@host.example/",
        "//host.example/path",
    ],
)
def test_bad_urls_are_failures_not_exceptions(fetcher_factory: FetcherFactory, url: str) -> None:
    failure = failed(fetcher_factory().get(url), "bad_url")
    assert failure.url == url
    assert failure.detail


def test_redirect_to_another_scheme_is_refused(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/go", Reply.redirect("file:///etc/passwd"))
    failed(fetcher_factory().get(local_server.url("/go")), "bad_url")


def test_logs_name_host_and_status_never_the_path_or_query(
    local_server: LocalServer, fetcher_factory: FetcherFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    local_server.route("/people/jane-doe", Reply(body="profile"))
    fetcher = fetcher_factory()
    ok(fetcher.get(local_server.url("/people/jane-doe?email=jane.home%40mail.example")))
    fetcher.get(local_server.url("/secret-path?phone=07700900123"), respect_robots=False)
    ours = [r for r in caplog.records if r.name.startswith("auditor.fetch")]
    messages = [r.getMessage() for r in ours]
    assert any("127.0.0.1" in m and "200" in m for m in messages)
    assert any("404" in m for m in messages)
    assert not [m for m in messages if "jane" in m or "07700" in m or "secret-path" in m]
    assert all(r.levelno < logging.INFO or "/" not in r.getMessage() for r in ours)


def test_closed_fetcher_fails_softly(local_server: LocalServer, network_settings: NetworkSettings) -> None:
    with Fetcher(network_settings) as fetcher:
        ok(fetcher.get(local_server.url("/")))
    failed(fetcher.get(local_server.url("/")), "connection")


@pytest.mark.parametrize(
    "charset", ["idna", "punycode", "undefined", "no-such-charset", "base64", "zlib", "utf-8"]
)
def test_response_text_survives_any_declared_charset(charset: str) -> None:
    from auditor.fetch import Response

    response = Response(
        url="http://a.example/", final_url="http://a.example/", status=200,
        headers={"content-type": f"text/html; charset={charset}"}, body=b"<p>Call 07700 900123</p>",
    )  # fmt: skip
    assert "07700 900123" in response.text()

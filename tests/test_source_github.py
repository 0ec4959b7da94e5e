"""The github source against a local look-alike of api.github.com (shapes from docs.github.com)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import TYPE_CHECKING, Any

import pytest
from localserver import LocalServer, Reply
from people import jane

from auditor.config import Config
from auditor.model import DocKind, Person, SourceResult, SourceStatus
from auditor.sources.github import GitHubSource
from auditor.sources.interface import SourceContext

if TYPE_CHECKING:
    from collections.abc import Mapping

    from conftest import FetcherFactory

JANE = jane(usernames=("janedoe_mp",))

PROFILE = {  # "Get a user" response, trimmed; values fictional
    "login": "janedoe_mp",
    "id": 1,
    "html_url": "https://github.com/janedoe_mp",
    "name": "Jane Doe",
    "company": "House of Commons",
    "blog": "https://janedoe.example",
    "location": "Exampleton",
    "email": None,
    "bio": "MP for Exampleton. Runs with the Sunday Striders.",
    "twitter_username": "janedoe_mp",
}

EVENTS = [
    {  # the GitHub Enterprise Server (and pre-2025 github.com) shape: commits in the payload
        "id": "1",
        "type": "PushEvent",
        "repo": {"id": 7, "name": "janedoe_mp/constituency-site"},
        "payload": {
            "push_id": 10,
            "ref": "refs/heads/main",
            "head": "a" * 40,
            "before": "b" * 40,
            "commits": [
                {"sha": "c" * 40, "author": {"email": "jane.home@mail.example", "name": "Jane Doe"}},
                {
                    "sha": "d" * 40,
                    "author": {"email": "1234+janedoe_mp@users.noreply.github.com", "name": "J"},
                },
            ],
        },
    },
    {  # today's github.com shape: no commits, only the head
        "id": "2",
        "type": "PushEvent",
        "repo": {"id": 8, "name": "janedoe_mp/surgery-rota"},
        "payload": {
            "repository_id": 8,
            "push_id": 11,
            "ref": "refs/heads/main",
            "head": "e" * 40,
            "before": "f" * 40,
        },
    },
    {"id": "3", "type": "WatchEvent", "repo": {"name": "someone/else"}, "payload": {"action": "started"}},
    "not an event",
]

HEAD_COMMIT = {  # "Get a commit", trimmed
    "sha": "e" * 40,
    "author": {"login": "janedoe_mp", "id": 1},
    "committer": {"login": "web-flow", "id": 2},
    "html_url": "https://github.com/janedoe_mp/surgery-rota/commit/" + "e" * 40,
    "commit": {
        "author": {"name": "Jane Doe", "email": "jane.doe.old@mail.example", "date": "2025-01-01T10:00:00Z"},
        "committer": {"name": "Web Flow", "email": "flow@elsewhere.example", "date": "2025-01-01T10:00:00Z"},
    },
}


def collect(
    server: LocalServer,
    fetchers: FetcherFactory,
    person: Person = JANE,
    environ: Mapping[str, str] | None = None,
    **options: Any,
) -> SourceResult:
    ctx = SourceContext(fetchers(cache_enabled=False), Config(), environ or {})
    return GitHubSource({"base_url": server.url("/api"), **options}, ctx).collect(person)


def serve_jane(server: LocalServer) -> None:
    server.route("/api/users/janedoe_mp", Reply.json(PROFILE))
    server.route("/api/users/janedoe_mp/events/public", Reply.json(EVENTS))
    server.route("/api/repos/janedoe_mp/surgery-rota/commits/" + "e" * 40, Reply.json(HEAD_COMMIT))


def test_profile_and_commit_emails_found(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    serve_jane(local_server)
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK, result.detail
    assert result.detail == "1 of 1 username checked; 1 with a GitHub profile"
    profile, commits = result.documents
    assert (profile.url, profile.label, profile.source) == (
        "https://github.com/janedoe_mp",
        "GitHub profile janedoe_mp",
        "github",
    )
    assert profile.content.kind is DocKind.RECORD
    assert profile.attributed
    assert "location: Exampleton" in profile.content.text
    assert "bio: MP for Exampleton. Runs with the Sunday Striders." in profile.content.text
    assert "email:" not in profile.content.text  # null fields are left out
    assert commits.label == "Commit author emails on GitHub for janedoe_mp"
    assert commits.url == "https://github.com/janedoe_mp/constituency-site/commit/" + "c" * 40
    text = commits.content.text
    assert "commit author: Jane Doe <jane.home@mail.example> in janedoe_mp/constituency-site" in text
    assert "jane.doe.old@mail.example" in text  # from the head commit of the commit-less push
    assert "noreply" not in text
    assert "flow@elsewhere.example" not in text  # committed under another account: not hers
    assert "someone/else" not in text
    # Each record cites the API answer it was read from, not the one fetched before or after it.
    assert profile.fetched is not None
    assert commits.fetched is not None
    assert profile.fetched.url.endswith("/users/janedoe_mp")
    # The commit the document names (its first) was listed with its author in the events answer (the
    # older event shape): that answer, whose body holds the address, is the evidence.
    assert "/users/janedoe_mp/events/public" in commits.fetched.url
    assert profile.fetched.sha256 != commits.fetched.sha256


def test_request_headers_follow_the_docs(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    serve_jane(local_server)
    collect(local_server, fetcher_factory)
    first = local_server.requests_to("/api/users/janedoe_mp")[0]
    assert first.headers["accept"] == "application/vnd.github+json"
    assert first.headers["x-github-api-version"] == "2022-11-28"
    assert "authorization" not in first.headers  # no token configured: none sent
    assert local_server.requests_to("/api/users/janedoe_mp/events/public")[0].query["per_page"] == ["100"]


def test_token_sent_only_when_configured(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    serve_jane(local_server)
    collect(local_server, fetcher_factory, environ={"GH_AUDIT": "ghp_fictional"}, token_env="GH_AUDIT")
    assert {r.headers.get("authorization") for r in local_server.requests} == {"Bearer ghp_fictional"}
    local_server.clear_log()
    collect(local_server, fetcher_factory, environ={"GITHUB_TOKEN": "ghp_other"}, token_env="GH_AUDIT")
    assert all("authorization" not in r.headers for r in local_server.requests)


def test_unknown_user_is_checked_and_nothing_found(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/api/users/janedoe_mp", Reply.json({"message": "Not Found"}, status=404))
    result = collect(local_server, fetcher_factory)
    assert (result.status, result.documents) == (SourceStatus.OK, ())
    assert result.detail == "1 of 1 username checked; 0 with a GitHub profile"
    assert local_server.paths() == ["/api/users/janedoe_mp"]


def test_exhausted_rate_limit_is_rate_limited_with_the_reset_time(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    reset = int(dt.datetime(2026, 3, 14, 15, 42, tzinfo=dt.UTC).timestamp())
    headers = {"X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)}
    body = {"message": "API rate limit exceeded for 192.0.2.1."}
    local_server.route("/api/users/janedoe_mp", Reply.json(body, status=403, headers=headers))
    person = jane(usernames=("janedoe_mp", "janey"))
    result = collect(local_server, fetcher_factory, person=person)
    assert result.status is SourceStatus.RATE_LIMITED
    assert "resets at 15:42 UTC" in result.detail
    assert "1 not tried after the rate limit" in result.detail
    assert local_server.paths() == ["/api/users/janedoe_mp"]  # the second username is not tried
    assert result.failures[0].reason == "rate_limited"


def test_secondary_rate_limit_429_is_rate_limited(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    # The fetcher retries a 429 itself and then reports it without the headers.
    local_server.route("/api/users/janedoe_mp", Reply.json({"message": "slow down"}, status=429))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.RATE_LIMITED
    assert len(local_server.requests_to("/api/users/janedoe_mp")) == 2


def test_forbidden_without_rate_limit_headers_is_failed(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/api/users/janedoe_mp", Reply.json({"message": "Forbidden"}, status=403))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert "GitHub answered HTTP 403" in result.detail


@pytest.mark.parametrize("body", [b"<html>oops</html>", b"[1, 2]", b"[" * 200 + b"]" * 200])
def test_malformed_profile_is_failed(
    local_server: LocalServer, fetcher_factory: FetcherFactory, body: bytes
) -> None:
    local_server.route("/api/users/janedoe_mp", Reply(200, body, {"content-type": "application/json"}))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert "username janedoe_mp: malformed response from GitHub" in result.detail


def test_server_error_is_failed(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route("/api/users/janedoe_mp", Reply(502))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert "HTTP 502 after 2 attempts" in result.detail
    assert result.failures[0].reason == "http_error"


def test_events_failure_keeps_the_profile_and_fails_the_source(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/api/users/janedoe_mp", Reply.json(PROFILE))
    local_server.route("/api/users/janedoe_mp/events/public", Reply.json({"not": "a list"}))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert [d.label for d in result.documents] == ["GitHub profile janedoe_mp"]


def test_pushes_without_commits_or_head_are_handled(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    bare = [{"type": "PushEvent", "repo": {"name": "x/y"}, "payload": {"ref": "refs/heads/main"}}]
    local_server.route(
        "/api/users/janedoe_mp", Reply.json({"login": "janedoe_mp", "html_url": "javascript:x"})
    )
    local_server.route("/api/users/janedoe_mp/events/public", Reply.json(bare))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK
    (profile,) = result.documents
    assert profile.url == "https://github.com/janedoe_mp"  # a hostile html_url is not used


def test_partial_failure_names_the_username(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    serve_jane(local_server)
    local_server.route("/api/users/janey", Reply(500))
    person = jane(usernames=("janedoe_mp", "janey"))
    result = collect(local_server, fetcher_factory, person=person)
    assert result.status is SourceStatus.FAILED
    assert result.detail.startswith("1 of 2 usernames checked; 1 with a GitHub profile; username janey:")
    assert len(result.documents) == 2


def test_no_usernames_is_skipped(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    result = collect(local_server, fetcher_factory, person=Person(id="x", name="X"))
    assert (result.status, result.detail) == (SourceStatus.SKIPPED, "no usernames on the roster")
    assert local_server.requests == []


def test_an_author_read_from_a_commit_cites_that_commit_as_evidence(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    # Today's event shape lists no authors: the address is in the commit's own answer, so that answer
    # (its URL and its body's hash) is what a removal request can cite, not the events listing.
    head = "e" * 40
    pushes = [{"type": "PushEvent", "repo": {"name": "janedoe_mp/surgery-rota"}, "payload": {"head": head}}]
    local_server.route("/api/users/janedoe_mp", Reply.json(PROFILE))
    local_server.route("/api/users/janedoe_mp/events/public", Reply.json(pushes))
    local_server.route(f"/api/repos/janedoe_mp/surgery-rota/commits/{head}", Reply.json(HEAD_COMMIT))
    _, commits = collect(local_server, fetcher_factory).documents
    assert commits.fetched is not None
    assert commits.fetched.url == local_server.url(f"/api/repos/janedoe_mp/surgery-rota/commits/{head}")
    assert commits.fetched.sha256 == hashlib.sha256(json.dumps(HEAD_COMMIT).encode()).hexdigest()

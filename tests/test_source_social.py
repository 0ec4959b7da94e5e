"""The social source against local look-alikes of Bluesky's public AppView and a Mastodon server (shapes
from ../shared/reference/bluesky-mastodon-public-api.md), on fictional hosts through the server as a
proxy."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import TYPE_CHECKING, Any

import pytest
from localserver import LocalServer, Reply
from people import JANE

from auditor.config import Config
from auditor.detectors import Subject, detect
from auditor.model import Category, Match, SocialAccount, SourceResult, SourceStatus
from auditor.sources.interface import SourceContext
from auditor.sources.social import SocialSource, html_text

if TYPE_CHECKING:
    from conftest import FetcherFactory

BSKY = "bsky.test"
MASTO = "mastodon.test"
PERSON = dataclasses.replace(
    JANE,
    accounts=(SocialAccount("bluesky", "jane.bsky.test"), SocialAccount("mastodon", f"@jane@{MASTO}")),
)
DID = "did:plc:abcdefghijklmnopqrstuvwx"

PROFILE = {
    "did": DID, "handle": "jane.bsky.test", "displayName": "Jane Doe MP",
    "description": "MP for Exampleton. Office: 020 7946 0001. Personal: 07700 900321",
    "website": "http://janedoe.example/", "followersCount": 1520, "postsCount": 384,
    "indexedAt": "2026-01-05T12:00:00.000Z", "labels": [],
}  # fmt: skip


def post(rkey: str, text: str, **more: Any) -> dict[str, Any]:
    return {
        "post": {
            "uri": f"at://{DID}/app.bsky.feed.post/{rkey}", "cid": "bafyexample",
            "author": {"did": DID, "handle": "jane.bsky.test"},
            "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": "2026-03-02T08:30:00.000Z"},
            "indexedAt": "2026-03-02T08:30:01.000Z", "labels": [], **more,
        }
    }  # fmt: skip


FEED = {
    "cursor": "opaque",
    "feed": [
        post("3la", "Proud of Lily at the St Mary's Primary nativity this morning!"),
        post("3lb", "Surgery this Friday at Exampleton library.",
             embed={"$type": "app.bsky.embed.external#view",
                    "external": {"uri": "http://janedoe.example/s", "title": "Surgeries"}}),
        {**post("3lc", "Someone else's words, reposted: call 0113 496 0777"),
         "reason": {"$type": "app.bsky.feed.defs#reasonRepost", "by": {"did": DID}, "indexedAt": "x"}},
        "junk",
    ],
}  # fmt: skip

ACCOUNT = {
    "id": "4242", "username": "jane", "acct": "jane", "display_name": "Jane Doe",
    "note": "<p>MP for Exampleton &amp; Sunday Striders running club member</p>",
    "url": f"http://{MASTO}/@jane",
    "fields": [{"name": "Kids&#39; school", "value": "<p>St Mary&#39;s Primary</p>", "verified_at": None}],
}  # fmt: skip
STATUSES = [
    {"id": "1139", "created_at": "2026-03-02T08:30:00.000Z", "visibility": "public", "spoiler_text": "",
     "url": f"http://{MASTO}/@jane/1139", "content": "<p>Home by 6 tonight: text me on 07700 900654</p>",
     "reblog": None, "media_attachments": [{"description": "Tom Doe on the beach"}], "card": None},
    {"id": "1140", "reblog": {"content": "someone else"}, "content": "", "url": f"http://{MASTO}/@jane/1140"},
]  # fmt: skip


def bluesky(server: LocalServer, profile: Reply | None = None, feed: Reply | None = None) -> None:
    server.route("/xrpc/app.bsky.actor.getProfile", profile or Reply.json(PROFILE), host=BSKY)
    server.route("/xrpc/app.bsky.feed.getAuthorFeed", feed or Reply.json(FEED), host=BSKY)


def mastodon(server: LocalServer, finger: Reply | None = None, statuses: Reply | None = None) -> None:
    webfinger = {"subject": f"acct:jane@{MASTO}", "links": [
        {"rel": "http://webfinger.net/rel/profile-page", "href": f"http://{MASTO}/@jane"},
        {"rel": "self", "type": "application/activity+json",
         "href": f"http://{MASTO}/users/jane"}]}  # fmt: skip
    server.route("/.well-known/webfinger", finger or Reply.json(webfinger), host=MASTO)
    server.route("/api/v1/accounts/lookup", Reply.json(ACCOUNT), host=MASTO)
    server.route("/api/v1/accounts/4242/statuses", statuses or Reply.json(STATUSES), host=MASTO)


def collect(
    server: LocalServer, fetchers: FetcherFactory, person: Any = PERSON, **options: Any
) -> SourceResult:
    fetcher = fetchers(proxy=server.url("/").rstrip("/"), cache_enabled=False, retries=0)
    settings = {"bluesky": {"base_url": f"http://{BSKY}"}, "mastodon": {"scheme": "http"}, **options}
    return SocialSource(settings, SourceContext(fetcher, Config(), {})).collect(person)


def findings(result: SourceResult) -> set[tuple[Category, Match, str]]:
    subject = Subject.of(PERSON)
    return {(h.category, h.match, h.key) for d in result.documents for h in detect(d, subject)}


def test_profiles_and_posts_become_her_documents_and_show_what_an_approach_is_built_on(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    bluesky(local_server)
    mastodon(local_server)
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK, result.detail
    assert result.detail.startswith("2 of 2 accounts checked; 2 found, 3 recent posts read")
    urls = [d.url for d in result.documents]
    assert urls == [
        "https://bsky.app/profile/jane.bsky.test",
        "https://bsky.app/profile/jane.bsky.test/post/3la",
        "https://bsky.app/profile/jane.bsky.test/post/3lb",
        f"http://{MASTO}/@jane",
        f"http://{MASTO}/@jane/1139",
    ]  # the repost and the boost are someone else's words
    assert all(d.attributed for d in result.documents)
    found = findings(result)
    assert (Category.PHONE, Match.DISCOVERED, "+447700900321") in found  # a personal number in the bio
    assert (Category.PHONE, Match.DISCOVERED, "+447700900654") in found  # in a post
    assert (Category.OTHER, Match.PRIVATE, "st mary's primary") in found  # the school, in a post and a field
    assert (Category.RELATIVE, Match.PRIVATE, "tom doe") in found  # an image description
    assert not any(category is Category.EMAIL for category, _, _ in found)  # "@jane@host" is no address
    profile = result.documents[3].content
    assert "Kids' school: St Mary's Primary" in profile.text
    assert profile.meta["account_site"] == "Mastodon"


def test_no_private_value_reaches_the_social_services(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    bluesky(local_server)
    mastodon(local_server)
    collect(local_server, fetcher_factory)
    sent = [r for r in local_server.requests if r.host.startswith((BSKY, MASTO))]
    assert len(sent) == 5
    private = PERSON.private
    forms = {v.lower() for v in (*private.phones, *private.emails, *private.addresses, *private.relatives)}
    forms |= {re.sub(r"\D", "", p) for p in private.phones}
    for request in sent:
        seen = (request.path + json.dumps(dict(request.headers))).lower()
        assert not any(form in seen for form in forms), request.path


def test_an_account_that_does_not_exist_is_checked_and_found_absent(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    bluesky(
        local_server, profile=Reply.json({"error": "InvalidRequest", "message": "Profile not found"}, 400)
    )
    mastodon(local_server, finger=Reply.json({"error": "Record not found"}, 404))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK, result.detail
    assert result.documents == ()
    assert "2 of 2 accounts checked; 0 found" in result.detail
    assert result.detail.count("no such account") == 2


@pytest.mark.parametrize(
    ("profile", "status", "said"),
    [
        (Reply(429, "slow down"), SourceStatus.RATE_LIMITED, "HTTP 429"),
        (Reply(502, "bad gateway"), SourceStatus.FAILED, "HTTP 502"),
        (Reply(200, "{nope", {"content-type": "application/json"}), SourceStatus.FAILED, "malformed"),
        (Reply.json(["not", "a", "profile"]), SourceStatus.FAILED, "malformed"),
        (Reply.json({"error": "AuthMissing"}, 401), SourceStatus.FAILED, "signed-in users"),
    ],
)
def test_a_service_that_cannot_answer_is_reported_never_read_as_no_account(
    local_server: LocalServer,
    fetcher_factory: FetcherFactory,
    profile: Reply,
    status: SourceStatus,
    said: str,
) -> None:
    bluesky(local_server, profile=profile)
    mastodon(local_server)
    result = collect(local_server, fetcher_factory)
    assert result.status is status, result.detail
    assert said in result.detail
    # Mastodon is another service: its account is still read.
    assert any(d.url == f"http://{MASTO}/@jane" for d in result.documents)


def test_a_window_with_no_requests_left_stops_asking_that_host(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    bluesky(local_server, profile=Reply.json(PROFILE, headers={"X-RateLimit-Remaining": "0"}))
    two = dataclasses.replace(
        PERSON,
        accounts=(SocialAccount("bluesky", "jane.bsky.test"), SocialAccount("bluesky", "janedoe.bsky.test")),
    )
    result = collect(local_server, fetcher_factory, person=two)
    assert result.status is SourceStatus.RATE_LIMITED
    assert [d.url for d in result.documents] == ["https://bsky.app/profile/jane.bsky.test"]
    paths = [r.route_path for r in local_server.requests if r.host.startswith(BSKY)]
    assert paths == ["/xrpc/app.bsky.actor.getProfile"]  # neither the feed nor the second account
    assert "no requests left in its window" in result.detail
    assert "not tried" in result.detail


def test_skipped_without_accounts(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    result = collect(local_server, fetcher_factory, person=dataclasses.replace(PERSON, accounts=()))
    assert result.status is SourceStatus.SKIPPED
    assert local_server.requests == []


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>One</p><p>Two<br>Three</p>", "One\nTwo\nThree\n"),
        ("<a href='x'>St Mary&#39;s</a> &amp; <script>alert(1)</script>", "St Mary's & alert(1)"),
    ],
)
def test_html_is_read_as_text(markup: str, text: str) -> None:
    assert html_text(markup) == text


def source(server: LocalServer, fetchers: FetcherFactory) -> SocialSource:
    fetcher = fetchers(proxy=server.url("/").rstrip("/"), cache_enabled=False, retries=0)
    settings = {"bluesky": {"base_url": f"http://{BSKY}"}, "mastodon": {"scheme": "http"}}
    return SocialSource(settings, SourceContext(fetcher, Config(), {}))


def test_a_server_answering_for_another_account_is_never_read_as_hers(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    stranger = {**ACCOUNT, "username": "janedoe_mp", "note": "<p>Plumber. 07700 900999</p>"}
    mastodon(local_server)
    local_server.route("/api/v1/accounts/lookup", Reply.json(stranger), host=MASTO)
    only = dataclasses.replace(PERSON, accounts=(SocialAccount("mastodon", f"@jane@{MASTO}"),))
    result = collect(local_server, fetcher_factory, person=only)
    assert result.status is SourceStatus.FAILED
    assert "answered for another account" in result.detail
    assert result.documents == ()
    finger = {"subject": "acct:someone@else.test", "links": []}
    mastodon(local_server, finger=Reply.json(finger))
    result = collect(local_server, fetcher_factory, person=only)
    assert "answered WebFinger for another account" in result.detail
    assert result.documents == ()


def test_posts_that_cannot_be_read_keep_the_profile_read_and_say_so(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    bluesky(local_server, feed=Reply(500, "down"))
    mastodon(local_server, statuses=Reply.json(None))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert [d.url for d in result.documents] == [
        "https://bsky.app/profile/jane.bsky.test",
        f"http://{MASTO}/@jane",
    ]
    assert "jane.bsky.test's posts" in result.detail
    assert "malformed" in result.detail  # a JSON null is not "no posts"


def test_a_null_profile_is_malformed_not_absent(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    bluesky(local_server, profile=Reply.json(None))
    only = dataclasses.replace(PERSON, accounts=(SocialAccount("bluesky", "jane.bsky.test"),))
    result = collect(local_server, fetcher_factory, person=only)
    assert result.status is SourceStatus.FAILED
    assert "no such account" not in result.detail


def test_a_host_that_said_stop_is_not_asked_again_for_anyone_this_run(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    bluesky(local_server, profile=Reply(429, "slow down"))
    social = source(local_server, fetcher_factory)
    only = dataclasses.replace(PERSON, accounts=(SocialAccount("bluesky", "jane.bsky.test"),))
    first = social.collect(only)
    second = social.collect(dataclasses.replace(only, id="sam", name="Sam Patel"))
    assert first.status is second.status is SourceStatus.RATE_LIMITED
    assert "not tried" in second.detail
    assert len([r for r in local_server.requests if r.host.startswith(BSKY)]) == 1

"""The gravatar source against a local look-alike of api.gravatar.com/v3 (shapes from docs.gravatar.com)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from localserver import LocalServer, Reply
from people import jane

from auditor.config import Config
from auditor.model import Person, PrivateValues, PublicValues, SourceResult, SourceStatus
from auditor.sources.gravatar import GravatarSource, profile_hash
from auditor.sources.interface import SourceContext

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from conftest import FetcherFactory

HOME = "jane.home@mail.example"
WORK = "jane.doe.mp@parliament.example"
JANE = jane(
    private=PrivateValues(emails=(HOME,)),
    public=PublicValues(emails=(WORK,)),
)
HOME_HASH = hashlib.sha256(HOME.encode()).hexdigest()
WORK_HASH = hashlib.sha256(WORK.encode()).hexdigest()

PROFILE = {  # "Get profile by identifier", values fictional
    "hash": HOME_HASH,
    "display_name": "Jane Doe",
    "profile_url": "https://gravatar.com/janeyd",
    "avatar_url": "https://0.gravatar.com/avatar/" + HOME_HASH,
    "avatar_alt_text": "",
    "location": "Exampleton",
    "description": "Mum of two. Sunday Striders running club.",
    "job_title": "",
    "company": "",
    "pronouns": "she/her",
    "verified_accounts": [
        {
            "service_type": "instagram",
            "service_label": "Instagram",
            "url": "https://instagram.example/janeyd",
        },
        "junk",
    ],
}


def collect(
    server: LocalServer, fetchers: FetcherFactory, environ: Mapping[str, str] | None = None, **options: Any
) -> SourceResult:
    ctx = SourceContext(fetchers(cache_enabled=False), Config(), environ or {})
    return GravatarSource({"base_url": server.url("/"), **options}, ctx).collect(JANE)


def test_hash_is_sha256_of_the_trimmed_lower_case_address() -> None:
    assert profile_hash("  Jane.Home@Mail.EXAMPLE \n") == HOME_HASH
    # The worked example in docs.gravatar.com "API data specifications".
    assert profile_hash("MyEmailAddress@example.com ") == (
        "84059b07d4be67b806386c0aad8070a23f18836bbaae342275dc0a83414c32ee"
    )


def test_profile_found(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route(f"/v3/profiles/{HOME_HASH}", Reply.json(PROFILE))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK, result.detail
    assert result.detail == "2 of 2 emails checked; 1 with a Gravatar profile"
    (document,) = result.documents
    assert document.url == "https://gravatar.com/janeyd"
    assert document.label == (
        "Gravatar profile: links an email on the roster to a name (Jane Doe), a photo and 1 verified account"
    )
    assert HOME not in document.label
    text = document.content.text
    assert f"looked up by email: {HOME}" in text
    assert "description: Mum of two. Sunday Striders running club." in text
    assert "verified account: Instagram https://instagram.example/janeyd" in text
    assert "job title" not in text  # empty fields are left out
    # Both addresses asked about, nothing else fetched (the avatar is never downloaded).
    assert sorted(local_server.paths()) == sorted([f"/v3/profiles/{HOME_HASH}", f"/v3/profiles/{WORK_HASH}"])


def test_api_key_sent_as_bearer_only_when_configured(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    collect(local_server, fetcher_factory, environ={"GRAVATAR_API_KEY": "grav-fictional"})
    assert {r.headers.get("authorization") for r in local_server.requests} == {"Bearer grav-fictional"}
    local_server.clear_log()
    collect(local_server, fetcher_factory)
    assert all("authorization" not in r.headers for r in local_server.requests)


def test_no_profile_is_checked_and_nothing_found(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    result = collect(local_server, fetcher_factory)  # unrouted: 404, Gravatar's "no profile"
    assert (result.status, result.documents) == (SourceStatus.OK, ())
    assert result.detail == "2 of 2 emails checked; 0 with a Gravatar profile"


def test_rate_limited(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route(f"/v3/profiles/{HOME_HASH}", Reply.json({"error": "Too Many Requests"}, status=429))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.RATE_LIMITED
    assert result.detail.startswith("0 of 2 emails checked; 0 with a Gravatar profile; email 1 of 2:")
    assert len(local_server.requests_to(f"/v3/profiles/{WORK_HASH}")) == 0  # stopped asking


def test_malformed_profile_is_failed(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route(f"/v3/profiles/{HOME_HASH}", Reply.json(["not", "a", "profile"]))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert "email 1 of 2: malformed response from Gravatar" in result.detail
    assert HOME not in result.detail


def test_server_error_is_failed_without_naming_the_address(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route(f"/v3/profiles/{WORK_HASH}", Reply(500))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert "1 of 2 emails checked" in result.detail
    assert "email 2 of 2: Gravatar: HTTP 500" in result.detail
    assert WORK not in result.detail


def test_no_emails_is_skipped(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    ctx = SourceContext(fetcher_factory(cache_enabled=False), Config(), {})
    result = GravatarSource({"base_url": local_server.url("/")}, ctx).collect(Person(id="x", name="X"))
    assert result.status is SourceStatus.SKIPPED


def test_a_gravatar_look_up_leaves_no_hash_of_the_address_behind(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    """The profile id is an unkeyed hash of a private address: it must not reach the cache file, and a
    profile without a public address is named by the masked email, never gravatar.com/<hash>."""
    local_server.route(f"/v3/profiles/{HOME_HASH}", Reply.json({**PROFILE, "profile_url": ""}))
    cache = tmp_path / "cache" / "http.sqlite"
    ctx = SourceContext(fetcher_factory(cache=cache), Config(), {})
    result = GravatarSource({"base_url": local_server.url("/")}, ctx).collect(JANE)
    (document,) = result.documents
    assert HOME_HASH not in document.url
    assert HOME_HASH not in document.label
    handle = document.content.meta["account_username"]
    assert HOME_HASH not in handle
    assert "•" in handle
    # The evidence record names the look-up as failures do, never by the hash; its status and body hash
    # are the answer's.
    assert document.fetched is not None
    assert HOME_HASH not in document.fetched.url
    assert document.fetched.url.endswith("/v3/profiles/(the hash of j••••••••@m•••.example)")
    assert document.fetched.status == 200
    ctx.fetcher.close()
    raw = b"".join(p.read_bytes() for p in cache.parent.glob("http.sqlite*"))
    assert HOME_HASH.encode() not in raw
    assert b"Sunday Striders" not in raw

"""The usernames source against a local server: found, not found, blocked, rate-limited, broken catalogues."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from localserver import LocalServer, Reply
from people import jane

from auditor.config import Config, load_config
from auditor.errors import InputError
from auditor.model import DocKind, Person, PrivateValues, SourceResult, SourceStatus
from auditor.sources.interface import SourceContext
from auditor.sources.usernames import UsernamesSource

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import FetcherFactory

JANE = jane(
    usernames=("@janedoe_mp",),
    private=PrivateValues(phones=("07700 900123",), other=("Sunday Striders running club",)),
)
PROFILE = (
    """<!doctype html><html><head><title>Jane Doe (@janedoe_mp)</title>
<script type="application/ld+json">{"@type":"Person","name":"Jane Doe"}</script></head>
<body><h1>Jane Doe</h1><p class="bio">MP. Sunday Striders running club. Text me: 07700 900123</p>
"""
    + ("<p>post</p>" * 6000)
    + "</body></html>"
)


def catalogue(tmp_path: Path, server: LocalServer, *extra: str) -> Path:
    """Two HTML platforms and one JSON API platform on the local server."""
    base = server.base_url
    path = tmp_path / "sites.yaml"
    sites = [
        f"""  - name: Social
    url: {base}/social/@{{username}}
    exists: {{status: 200, text: '"@type":"Person"'}}
    missing: {{status: 404}}
    category: social""",
        f"""  - name: Pics
    url: {base}/pics/{{username}}
    exists: {{status: 200, text: 'class="gallery"'}}
    missing: {{status: 404}}""",
        f"""  - name: Code
    url: https://code.example/{{username}}
    check_url: {base}/api/users/{{username}}
    api: true
    exists: {{status: 200, text: '"login":'}}
    missing: {{status: 404}}
    username_pattern: '[A-Za-z0-9_]+'""",
        *extra,
    ]
    path.write_text("sites:\n" + "\n".join(sites) + "\n", encoding="utf-8")
    return path


def source(fetcher_factory: FetcherFactory, options: dict[str, object], **network: object) -> UsernamesSource:
    fetcher = fetcher_factory(cache_enabled=False, **network)
    return UsernamesSource(options, SourceContext(fetcher=fetcher, config=Config()))


def run(
    fetcher_factory: FetcherFactory, path: Path, person: Person = JANE, **network: object
) -> SourceResult:
    return source(fetcher_factory, {"catalogue": str(path)}, **network).collect(person)


def test_found_accounts_become_documents(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    local_server.route("/social/@janedoe_mp", Reply(200, PROFILE))
    record = {"login": "janedoe_mp", "bio": "Home: 12 Acacia Avenue", "blog": None, "followers": 3}
    local_server.route("/api/users/janedoe_mp", Reply.json(record))
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.OK
    assert result.detail.startswith(
        "2 accounts found (Social: janedoe_mp, Code: janedoe_mp); 1 platform without one"
    )
    social, code = result.documents
    assert social.url == local_server.url("/social/@janedoe_mp")
    assert social.attributed
    assert social.label == "Account on Social: janedoe_mp"
    assert social.source == "usernames"
    assert social.content.kind is DocKind.HTML
    assert social.content.text.startswith("account: Social janedoe_mp\nprofile: ")
    assert "Text me: 07700 900123" in social.content.text  # the detectors read the bio
    assert social.content.meta["account_site"] == "Social"
    assert social.content.meta["account_category"] == "social"
    # An API-checked account links to the human profile page, not the API.
    assert code.url == "https://code.example/janedoe_mp"
    assert code.content.kind is DocKind.RECORD
    assert "bio: Home: 12 Acacia Avenue" in code.content.text
    assert "followers: 3" in code.content.text
    assert result.failures == ()


def test_no_accounts(local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path) -> None:
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.OK
    assert result.documents == ()
    assert result.detail == "no accounts found; 3 platforms without one"


def test_blocked_platforms_are_unknown_not_missing(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    local_server.route("/social/@janedoe_mp", Reply(200, PROFILE))
    challenge = "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"
    local_server.route("/pics/janedoe_mp", Reply(403, challenge))
    local_server.route("/api/users/janedoe_mp", Reply(200, "<title>Sign in</title>"))  # neither rule
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.OK
    assert len(result.documents) == 1
    assert "2 platforms could not be checked (1 blocked, 1 unrecognised page): Pics, Code" in result.detail
    assert {(f.reason, f.url) for f in result.failures} == {
        ("blocked", local_server.url("/pics/janedoe_mp")),
        ("unrecognised", local_server.url("/api/users/janedoe_mp")),
    }


def test_rate_limited_everywhere(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    slow_down = Reply(429, "slow down", {"retry-after": "0"})
    for path in ("/social/@janedoe_mp", "/pics/janedoe_mp", "/api/users/janedoe_mp"):
        local_server.route(path, slow_down)
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.RATE_LIMITED
    assert "3 platforms could not be checked (3 rate-limited)" in result.detail
    assert len(local_server.requests_to("/pics/janedoe_mp")) == 2  # retried once by the fetch layer


def test_one_platform_rate_limited_makes_the_source_rate_limited(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    # Not checked this time is not "no account there": the source must not read as complete.
    local_server.route("/pics/janedoe_mp", Reply(429, "slow down", {"retry-after": "0"}))
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.RATE_LIMITED
    assert "1 platform could not be checked (1 rate-limited): Pics" in result.detail


def test_a_platform_that_walls_everyone_leaves_the_source_ok(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    # A challenge page every month is a property of the platform, said in the detail, not a failure.
    local_server.route("/pics/janedoe_mp", Reply(403, "<title>Just a moment...</title>"))
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.OK
    assert "1 platform could not be checked" in result.detail
    assert "Pics" in result.detail


def test_server_errors_everywhere_fail(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    for path in ("/social/@janedoe_mp", "/pics/janedoe_mp", "/api/users/janedoe_mp"):
        local_server.route(path, Reply(500, "oops"))
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.FAILED
    assert "3 platforms could not be checked (3 server error)" in result.detail
    assert all(f.reason == "http_error" for f in result.failures)


def test_malformed_api_record_still_counts_the_account(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    local_server.route(
        "/api/users/janedoe_mp", Reply(200, '{"login": "janedoe_mp", ', {"content-type": "application/json"})
    )
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    (document,) = result.documents
    assert document.label == "Account on Code: janedoe_mp"
    assert document.content.text == "account: Code janedoe_mp\nprofile: https://code.example/janedoe_mp"
    (problem,) = result.failures
    assert problem.reason == "parse"
    assert "malformed JSON" in problem.detail


def test_invalid_username_needs_no_request(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    person = Person(id="x", name="X", usernames=("jane.doe-mp",))
    result = run(fetcher_factory, catalogue(tmp_path, local_server), person)
    assert result.status is SourceStatus.OK
    assert "3 platforms without one" in result.detail
    assert local_server.requests_to("/api/users/jane.doe-mp") == []


def test_several_usernames_count_checks(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    person = Person(id="x", name="X", usernames=("one", "two", "ONE"))  # case-blind duplicate dropped
    local_server.route("/social/@two", Reply(200, PROFILE))
    result = run(fetcher_factory, catalogue(tmp_path, local_server), person)
    assert result.detail == "1 account found (Social: two); 5 checks without one"


def test_no_usernames_is_skipped(
    fetcher_factory: FetcherFactory, tmp_path: Path, local_server: LocalServer
) -> None:
    result = run(fetcher_factory, catalogue(tmp_path, local_server), Person(id="x", name="X"))
    assert result.status is SourceStatus.SKIPPED
    assert result.detail == "no usernames on the roster"


def test_profile_pages_obey_robots_but_documented_apis_do_not(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    local_server.route("/robots.txt", Reply.text("User-agent: *\nDisallow: /\n"))
    local_server.route("/api/users/janedoe_mp", Reply.json({"login": "janedoe_mp"}))
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert [d.label for d in result.documents] == ["Account on Code: janedoe_mp"]
    assert "2 platforms could not be checked (2 robots.txt)" in result.detail
    assert local_server.requests_to("/social/@janedoe_mp") == []


def test_malformed_catalogue_is_input_error(fetcher_factory: FetcherFactory, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("sites:\n  - name: A\n    url: https://a.example/{username}\n    exists: {status: 200}\n")
    with pytest.raises(InputError) as caught:
        source(fetcher_factory, {"catalogue": str(path)})
    assert (
        str(caught.value.problems[0])
        == f"{path}:2: sites[0].missing: required key 'missing' is missing (e.g. `missing: {{status: 404}}`)"
    )


def test_whatsmyname_catalogue_by_content_and_max_sites(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    base = local_server.base_url
    entries = [
        {"name": f"Site{i}", "uri_check": f"{base}/s{i}/{{account}}", "e_code": 200, "e_string": "profile",
         "m_code": 404, "m_string": "", "known": ["a"], "cat": "social"}
        for i in range(3)
    ]  # fmt: skip
    entries.append({**entries[0], "name": "Poster", "post_body": "u={account}", "headers": {"X": "y"}})
    path = tmp_path / "wmn-data.txt"  # told apart by content, not by name
    path.write_text(json.dumps({"license": [], "sites": entries}), encoding="utf-8")
    local_server.route(
        "/s1/janedoe_mp", Reply(200, "<html><body><p>profile</p>" + "x" * 60_000 + "</body></html>")
    )
    result = source(fetcher_factory, {"catalogue": str(path), "max_sites": 2}).collect(JANE)
    assert result.detail == "1 account found (Site1: janedoe_mp); 1 platform without one"
    assert local_server.requests_to("/s2/janedoe_mp") == []


def test_options_schema_accepts_builtin_and_path(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("sources:\n  usernames: {catalogue: builtin, max_sites: 5}\n")
    loaded = load_config(config, {"usernames": UsernamesSource.options_schema})
    assert loaded.sources is not None
    assert loaded.sources["usernames"]["max_sites"] == 5
    config.write_text("sources:\n  usernames: {catalog: builtin}\n")
    with pytest.raises(InputError, match="unknown option 'catalog' — did you mean 'catalogue'"):
        load_config(config, {"usernames": UsernamesSource.options_schema})


def test_builtin_catalogue_is_the_default(fetcher_factory: FetcherFactory) -> None:
    built = source(fetcher_factory, {})
    assert built.catalogue.origin == "builtin"
    assert len(built.sites) >= 40

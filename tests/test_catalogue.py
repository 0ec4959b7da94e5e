"""Site catalogues: validation with file/line/field, WhatsMyName loading, presence decisions, self-check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from localserver import LocalServer, Reply

from auditor.catalogue import (
    BUILTIN,
    Catalogue,
    CheckStatus,
    Kind,
    Reason,
    Rule,
    Site,
    State,
    challenge_signs,
    check_catalogue,
    decide,
    fill,
    format_checks,
    load_catalogue,
    slug,
)
from auditor.errors import InputError
from auditor.fetch import Response
from auditor.model import FetchFailure

if TYPE_CHECKING:
    from conftest import FetcherFactory

WMN_FILE = Path("/work/shared/catalogues/wmn-data.json")


def write(tmp_path: Path, text: str, name: str = "catalogue.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path, kind: Kind = Kind.USERNAMES) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_catalogue(path, kind=kind)
    return [str(p) for p in caught.value.problems]


# --- our YAML format ------------------------------------------------------------------------------


def test_valid_catalogue_loads(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
version: 1
sites:
  - name: Example Social
    url: https://social.example/@{username}
    check_url: https://social.example/api/users/{username}
    api: true
    exists: {status: 200, text: '"handle":"{username}"'}
    missing: {status: 404}
    claimed: [alice]
    category: social
    username_pattern: '[a-z_]{1,15}'
""",
    )
    catalogue = load_catalogue(path, kind=Kind.USERNAMES)
    site = catalogue.sites[0]
    assert site.api
    assert site.check_url.endswith("/api/users/{username}")
    assert site.exists == Rule(200, '"handle":"{username}"')
    assert site.missing == Rule(404, None)
    assert site.accepts("jane_doe")
    assert not site.accepts("Jane-Doe")
    assert site.unclaimed_names() == ("unclaimed7f3c9a",)
    assert catalogue.format == "auditor"
    assert catalogue.origin == str(path)


def test_validation_errors_name_file_line_and_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
sites:
  - name: One
    url: https://one.example/{username}
    exists: {status: "200"}
    missing: {}
  - name: Two
    url: https://two.example/profile
    exists: {status: 200}
    missing: {status: 404}
    colour: blue
  - name: Three
    url: ftp://three.example/{username}
    exists: {text: yes}
""",
    )
    problems = problems_of(path)
    text = "\n".join(problems)
    assert f"{path}:4: sites[0].exists.status: must be a whole number, not text" in text
    assert f"{path}:5: sites[0].missing: give a `status`, a `text`, or both" in text
    assert f"{path}:10: sites[1].colour: unknown key 'colour'" in text
    assert f"{path}:12: sites[2].url: must be an http:// or https:// URL" in text
    assert f"{path}:11: sites[2].missing: required key 'missing' is missing" in text
    assert f"{path}:13: sites[2].exists.text: must be text, not true/false: put the value in quotes" in text


def test_semantic_errors_placeholders_regex_selector_duplicates(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
sites:
  - name: One
    url: https://one.example/profile
    exists: {status: 200}
    missing: {status: 404}
  - name: one
    url: https://two.example/{username}
    exists: {status: 200}
    missing: {status: 404}
    username_pattern: '[a-z'
    listing: 'div..x'
  - name: Three
    url: https://three.example/{username}?in={city}
    exists: {status: 200}
    missing: {status: 404}
""",
    )
    text = "\n".join(problems_of(path))
    assert f"{path}:3: sites[0].url: must use {{username}} (this is a usernames catalogue)" in text
    assert f"{path}:6: sites[1].name: 'one' is already the name of site 1" in text
    assert f"{path}:10: sites[1].username_pattern: is not a valid regular expression" in text
    assert f"{path}:11: sites[1].listing: is not a CSS selector auditor can use" in text
    assert f"{path}:12: sites[2]: uses {{city}}, which a usernames catalogue cannot fill in" in text


def test_people_search_catalogue_needs_name_placeholders(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
sites:
  - name: Finder
    url: https://finder.example/{username}
    exists: {status: 200}
    missing: {status: 404}
""",
    )
    text = "\n".join(problems_of(path, Kind.PEOPLE_SEARCH))
    assert "sites[0].url: must use {first} or {last} or {slug}" in text
    assert "uses {username}, which a people_search catalogue cannot fill in" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("sites: [\n", "not valid YAML"),
        ("sites: []\n", "sites: must list at least 1 item"),
        ("- a\n- b\n", "must be a mapping"),
    ],
)
def test_unreadable_catalogues(tmp_path: Path, content: str, message: str) -> None:
    assert message in "\n".join(problems_of(write(tmp_path, content)))


def test_missing_file_and_no_builtin_people_search(tmp_path: Path) -> None:
    assert "file not found" in "\n".join(problems_of(tmp_path / "nope.yaml"))
    with pytest.raises(InputError, match="no builtin people-search catalogue"):
        load_catalogue(BUILTIN, kind=Kind.PEOPLE_SEARCH)


def test_relative_paths_start_from_base(tmp_path: Path) -> None:
    entry = "{name: A, url: 'https://a.example/{username}', exists: {status: 200}, missing: {status: 404}}"
    write(tmp_path, f"sites:\n  - {entry}\n")
    assert load_catalogue("catalogue.yaml", kind=Kind.USERNAMES, base=tmp_path).sites[0].name == "A"


def test_builtin_catalogue_covers_the_platforms() -> None:
    catalogue = load_catalogue(BUILTIN, kind=Kind.USERNAMES)
    names = {s.name for s in catalogue.sites}
    assert len(catalogue.sites) >= 40
    for expected in (
        "X (Twitter)",
        "Instagram",
        "LinkedIn",
        "Bluesky",
        "Mastodon (mastodon.social)",
        "GitHub",
        "Reddit",
    ):
        assert expected in names
    for site in catalogue.sites:
        # Every test username fits the site's own username rules, or the self-check could never pass.
        for name in (*site.claimed, *site.unclaimed_names()):
            assert site.accepts("".join(c for c in name if c not in site.strip)), (site.name, name)
        assert site.claimed or site.name == "LinkedIn", site.name
    api_sites = {s.name for s in catalogue.sites if s.api}
    assert {"GitHub", "Reddit", "Bluesky", "Hacker News", "Mastodon (mastodon.social)"} <= api_sites


# --- WhatsMyName ------------------------------------------------------------------------------------


@pytest.mark.skipif(not WMN_FILE.exists(), reason="the shared WhatsMyName file is not here")
def test_whatsmyname_file_loads_with_counts() -> None:
    raw = json.loads(WMN_FILE.read_text(encoding="utf-8"))["sites"]
    catalogue = load_catalogue(WMN_FILE, kind=Kind.USERNAMES)
    posts = sum(1 for s in raw if s.get("post_body"))
    broken = sum(1 for s in raw if s.get("valid") is False and not s.get("post_body"))
    assert catalogue.format == "whatsmyname"
    assert len(catalogue.sites) + len(catalogue.skipped) == len(raw)
    assert sum(1 for s in catalogue.skipped if s.reason.startswith("uses POST")) == posts
    assert len(catalogue.sites) == len(raw) - posts - broken
    assert f"loaded {len(catalogue.sites)} of {len(raw)} WhatsMyName sites" in catalogue.notes
    github = next(s for s in catalogue.sites if s.name == "GitHub (User)")
    assert github.url == "https://github.com/{username}"
    assert github.check_url == "https://api.github.com/users/{username}"
    assert github.exists == Rule(200, '"id":')
    assert github.missing == Rule(404, '"status": "404"')
    assert "WebBreacher" in github.claimed
    assert not github.api
    flickr = next(s for s in catalogue.sites if s.name == "Flickr")
    assert flickr.missing == Rule(404, None)
    assert flickr.check_url == ""


def wmn_entry(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "name": "Example",
        "uri_check": "https://example.test/{account}",
        "e_code": 200,
        "e_string": "profile",
        "m_code": 404,
        "m_string": "",
        "known": ["alice"],
        "cat": "social",
    }
    entry.update(changes)
    return entry


def test_whatsmyname_entries_that_do_not_fit_are_reported_not_fatal(tmp_path: Path) -> None:
    renamed = wmn_entry(name="Renamed")
    renamed["e_status"] = renamed.pop("e_code")  # the kind of upstream rename that broke recon-ng
    data = {
        "license": ["..."],
        "sites": [
            wmn_entry(),
            renamed,
            wmn_entry(
                name="Poster", post_body='{"u":"{account}"}', headers={"Content-Type": "application/json"}
            ),
            wmn_entry(name="Broken", valid=False),
            wmn_entry(name="Typed", m_code="404"),
            wmn_entry(name="Headers", headers={"User-Agent": "Mozilla/5.0"}),
        ],
    }
    path = write(tmp_path, json.dumps(data, indent=1), "wmn.json")
    catalogue = load_catalogue(path, kind=Kind.USERNAMES)
    assert [s.name for s in catalogue.sites] == ["Example", "Headers"]
    reasons = {s.name: s.reason for s in catalogue.skipped}
    assert "required key 'e_code' is missing" in reasons["Renamed"]
    assert "line " in reasons["Renamed"]
    assert reasons["Poster"] == "uses POST: auditor never submits forms"
    assert "valid: false" in reasons["Broken"]
    assert "sites[4].m_code: must be a whole number" in reasons["Typed"]
    assert any("custom request headers" in n for n in catalogue.notes)
    assert catalogue.sites[0].url == "https://example.test/{username}"


def test_whatsmyname_without_usable_entries_or_sites_is_input_error(tmp_path: Path) -> None:
    path = write(
        tmp_path, json.dumps({"license": [], "sites": [wmn_entry(post_body="x={account}")]}), "a.json"
    )
    assert "no entry could be used" in "\n".join(problems_of(path))
    path = write(tmp_path, json.dumps({"license": [], "site_list": []}), "b.json")
    assert "required key 'sites' is missing" in "\n".join(problems_of(path))
    # PyYAML cannot read every JSON escape; such a file still loads through json.
    path = write(
        tmp_path,
        json.dumps({"authors": ["a\\/b"], "sites": [wmn_entry()]}).replace("a\\\\/b", "a\\/b"),
        "c.json",
    )
    assert load_catalogue(path, kind=Kind.USERNAMES).sites[0].name == "Example"


def test_whatsmyname_is_refused_for_people_search(tmp_path: Path) -> None:
    path = write(tmp_path, json.dumps({"sites": [wmn_entry()]}), "wmn.json")
    assert "WhatsMyName catalogue" in "\n".join(problems_of(path, Kind.PEOPLE_SEARCH))


# --- templates --------------------------------------------------------------------------------------


def test_fill_quotes_values_and_leaves_other_braces() -> None:
    assert fill("https://x.example/{username}?q={first}", {"username": "a b/c", "first": "Jane"}) == (
        "https://x.example/a%20b%2Fc?q=Jane"
    )
    assert fill('"entityOwners":[{"username', {}) == '"entityOwners":[{"username'
    assert fill('"@{username}"', {"username": "a b"}, for_url=False) == '"@a b"'
    assert slug("Jane A. Doe") == "jane-a-doe"


# --- presence decisions -----------------------------------------------------------------------------

SITE = Site(
    name="Example",
    url="https://social.example/@{username}",
    exists=Rule(200, '"@type":"Person"'),
    missing=Rule(404),
)
PROFILE = '<html><head><title>Jane</title></head><body><script>{"@type":"Person"}</script>' + "x" * 60_000


def reply(status: int, body: str = "", *, final: str = "", ctype: str = "text/html") -> Response:
    url = "https://social.example/@jane"
    return Response(url, final or url, status, {"content-type": ctype}, body.encode())


def failure(reason: str, detail: str) -> FetchFailure:
    return FetchFailure("https://social.example/@jane", reason, detail)


UNKNOWN, BLOCKED = State.UNKNOWN, Reason.BLOCKED
CAPTCHA = '<div class="g-recaptcha">Please solve the captcha</div>{"@type":"Person"}'
LOGIN = "https://social.example/accounts/login/?next=/jane"


@pytest.mark.parametrize(
    ("answer", "state", "reason"),
    [
        (reply(200, PROFILE), State.EXISTS, Reason.MATCHED),
        (reply(404, "<h1>Not found</h1>"), State.MISSING, Reason.MATCHED),
        (reply(403, PROFILE), UNKNOWN, BLOCKED),
        (reply(999, ""), UNKNOWN, BLOCKED),
        (reply(200, '<title>Just a moment...</title>{"@type":"Person"}'), UNKNOWN, BLOCKED),
        (reply(200, "<title>Attention Required! | Cloudflare</title>"), UNKNOWN, BLOCKED),
        (reply(200, CAPTCHA), UNKNOWN, BLOCKED),
        (reply(200, PROFILE + '<script src="/cdn-cgi/challenge-platform/x.js">'), UNKNOWN, BLOCKED),
        (reply(429, ""), UNKNOWN, Reason.RATE_LIMITED),
        (reply(200, PROFILE, final=LOGIN), UNKNOWN, Reason.LOGIN_WALL),
        (reply(200, "<html>a page about something else</html>"), UNKNOWN, Reason.UNRECOGNISED),
        (reply(410, "gone"), UNKNOWN, Reason.UNRECOGNISED),
        (failure("rate_limited", "HTTP 429 after 2 attempts"), UNKNOWN, Reason.RATE_LIMITED),
        (failure("robots", "robots.txt disallows"), UNKNOWN, Reason.FETCH),
        (failure("http_error", "HTTP 503 after 2 attempts"), UNKNOWN, Reason.FETCH),
    ],
    ids=[
        "exists", "missing", "403", "999", "cloudflare-title", "attention-required", "captcha-200",
        "challenge-marker", "429", "login-redirect", "neither-rule", "other-status", "rate-limited-failure",
        "robots", "server-error",
    ],
)  # fmt: skip
def test_presence_decisions(answer: Response | FetchFailure, state: State, reason: Reason) -> None:
    presence = decide(SITE, answer, {"username": "jane"})
    assert (presence.state, presence.reason) == (state, reason)


def test_both_rules_matching_is_unknown() -> None:
    site = Site("Both", "https://a.example/{username}", Rule(200, "profile"), Rule(200, "not found"))
    presence = decide(site, reply(200, "profile not found"), {"username": "jane"})
    assert presence.state is State.UNKNOWN
    assert "both rules" in presence.detail


def test_redirect_status_rules_and_vouched_block_status() -> None:
    pinterest = Site("Pins", "https://p.example/{username}/", Rule(200, "- Profile"), Rule(301))
    home = reply(200, "<title>Home</title>", final="https://p.example/")
    assert decide(pinterest, home, {}).state is State.MISSING
    # A rule naming 403 with a confirming text is trusted (a private blog answers 403 by design).
    private = Site(
        "Blog", "https://{username}.b.example", Rule(403, "private blog"), Rule(404, "unknown_blog")
    )
    assert decide(private, reply(403, '{"message":"private blog"}'), {}).state is State.EXISTS
    assert decide(private, reply(403, "Forbidden"), {}).reason is Reason.BLOCKED


def test_rule_text_placeholders_and_json_captcha_mentions() -> None:
    site = Site("Api", "https://a.example/{username}", Rule(200, '"login":"{username}"'), Rule(404))
    record = reply(200, '{"login":"jane","bio":"I hate captchas"}', ctype="application/json")
    assert decide(site, record, {"username": "jane"}).state is State.EXISTS
    assert decide(site, record, {"username": "john"}).state is State.UNKNOWN
    assert challenge_signs("<title>Jane's running blog</title>" + "x" * 60_000, "text/html") == ""


# --- self-check -------------------------------------------------------------------------------------


def test_self_check_reports_stale_rules(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    profile = Reply(200, '<html><body><div class="profile">Alice</div>' + "x" * 60_000 + "</body></html>")
    gone = Reply(404, "<h1>Not found</h1>")
    local_server.route("/good/alice", profile)
    local_server.route(
        "/renamed/alice", Reply(200, "<html><body><div class='new-profile'>Alice</div></body></html>")
    )
    local_server.route("/deleted/alice", gone)
    local_server.route("/catchall/alice", profile)
    local_server.route("/catchall/nobody1", profile)  # every name "exists": the missing rule is stale
    local_server.route("/walled/alice", Reply(403, "Forbidden"))
    base = local_server.base_url
    lines = [
        f"  - {{name: {name}, url: '{base}/{name.lower()}/{{username}}', "
        f"exists: {{status: 200, text: 'class=\"profile\"'}}, missing: {{status: 404}}, "
        "claimed: [alice], unclaimed: [nobody1]}"
        for name in ("Good", "Renamed", "Deleted", "Catchall", "Walled")
    ]
    path = write(tmp_path, "sites:\n" + "\n".join(lines) + "\n")
    catalogue = load_catalogue(path, kind=Kind.USERNAMES)
    checks = {c.site: c for c in check_catalogue(catalogue, fetcher_factory(), concurrency=4)}
    assert checks["Good"].status is CheckStatus.OK
    assert checks["Renamed"].status is CheckStatus.STALE
    assert "neither rule matched" in checks["Renamed"].detail
    assert checks["Deleted"].status is CheckStatus.STALE
    assert "claimed 'alice' came out missing" in checks["Deleted"].detail
    assert checks["Catchall"].status is CheckStatus.STALE
    assert "unclaimed 'nobody1' came out exists" in checks["Catchall"].detail
    assert checks["Walled"].status is CheckStatus.UNKNOWN
    assert "blocked" in checks["Walled"].detail
    text = format_checks(list(checks.values()), catalogue)
    assert text[0].startswith("STALE")
    assert text[-1].endswith("5 sites: 1 ok, 3 stale, 1 could not be checked")


def test_self_check_pattern_refusing_a_claimed_name_is_stale(fetcher_factory: FetcherFactory) -> None:
    site = Site(
        "Strict",
        "https://s.example/{username}",
        Rule(200),
        Rule(404),
        claimed=("has-dash",),
        unclaimed=("UPPER",),
        username_pattern="[a-z]+",
    )
    # Neither name fits the pattern, so nothing is fetched: the unclaimed one is rightly "missing",
    # the claimed one cannot be, and that is the catalogue's mistake.
    check = check_catalogue(Catalogue((site,), "test"), fetcher_factory())[0]
    assert check.status is CheckStatus.STALE
    assert "claimed 'has-dash' came out missing (invalid" in check.detail

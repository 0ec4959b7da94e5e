"""End to end: the real `auditor` CLI, in a subprocess, against the bundled sample web on 127.0.0.1."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from commandline import clean_env, run_cli

from auditor.demo.server import SampleWeb, serving
from auditor.resources import package_data, shipped
from auditor.sources import SOURCE_CLASSES

if TYPE_CHECKING:
    import subprocess
    from collections.abc import Iterator
    from pathlib import Path

EXAMPLE = shipped("profiles/example.yaml")

SLOW_ROSTER = """\
version: 1
people:
  - id: sid-slow
    name: Sid Slow
    websites: ["http://slow.test/"]
    private:
      phones: ["07700 900999"]
"""


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    return clean_env(tmp_path)


@pytest.fixture
def web() -> Iterator[SampleWeb]:
    with serving() as server:
        yield server


def write_config(tmp_path: Path, web: SampleWeb) -> Path:
    config = tmp_path / "config.yaml"
    config.write_text(
        f"""\
network:
  proxy: "{web.proxy_url}"
  allow_private: true
  per_host_interval: 0.01
  timeout: 2
  retries: 1
  backoff: 0.01
  cache: false
crawl: {{max_depth: 3, max_pages: 50}}
sources:
  crawl: {{}}
"""
    )
    return config


@pytest.fixture(scope="module")
def audited(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[subprocess.CompletedProcess[str], Path, SampleWeb]]:
    """The example roster plus a slow one, audited once for every test that reads the outcome."""
    tmp = tmp_path_factory.mktemp("audit")
    slow = tmp / "slow.yaml"
    slow.write_text(SLOW_ROSTER)
    out = tmp / "reports"
    with serving() as web:
        config = write_config(tmp, web)
        result = run_cli("audit", EXAMPLE, slow, "--out", out, "--config", config, env=clean_env(tmp))
        yield result, out, web


def findings_of(out: Path, person: str) -> dict[str, Any]:
    data = json.loads((out / "findings.json").read_text())
    return next(p for p in data["people"] if p["id"] == person)


def test_audit_finds_each_planted_private_value_on_its_page(audited: Any) -> None:
    result, out, _ = audited
    assert result.returncode == 0, result.stderr
    jane = findings_of(out, "jane-doe")
    seen = {
        (f["category"], f["match"], f["url"].removeprefix("http://janedoe.example")) for f in jane["findings"]
    }
    for planted in [
        ("phone", "private", "/contact.html"),
        ("messaging_link", "private", "/contact.html"),
        ("address", "private", "/files/register-of-interests.pdf"),
        ("date_of_birth", "private", "/about.html"),
        ("relative", "private", "/about.html"),
        ("other", "private", "/about.html"),
        ("location", "discovered", "/images/fete.jpg"),
        ("phone", "public", "/contact.html"),
    ]:
        assert planted in seen, planted
    severities = {(f["category"], f["match"]): f["severity"] for f in jane["findings"]}
    assert severities[("phone", "private")] == "critical"
    assert severities[("location", "discovered")] == "critical"  # inside the 300 m radius of home
    assert severities[("phone", "public")] == "info"
    sam = findings_of(out, "sam-patel")
    sam_seen = {
        (f["category"], f["match"], f["url"].removeprefix("http://sampatel.test")) for f in sam["findings"]
    }
    assert ("phone", "private", "/blog/2024/comments.html") in sam_seen
    assert ("email", "private", "/blog/2024/running.html") in sam_seen  # written "(at)" on the page
    assert ("phone", "discovered", "/blog/2024/running.html") in sam_seen


def test_audit_obeys_robots_and_never_leaves_the_site(audited: Any) -> None:
    _, _, web = audited
    jane_paths = web.requested("janedoe.example")
    assert "/robots.txt" in jane_paths
    assert "/contact.html" in jane_paths
    assert jane_paths.count("/robots.txt") == 1
    assert not any(p.startswith("/private/") for p in jane_paths), "a robots.txt Disallow was requested"
    # Off-site links on Jane's home page, and pages of Sam's site outside the seed's /blog/ path.
    assert web.requested("news.example") == []
    assert web.requested("social.example") == []
    assert not any(p.startswith("/shop") or p == "/" for p in web.requested("sampatel.test"))
    assert all("auditor" in r.user_agent for r in web.requests)
    assert len(jane_paths) == len(set(jane_paths)), "a page was fetched twice"


def test_failing_seeds_are_reported_failed_while_the_rest_completes(audited: Any) -> None:
    result, out, _ = audited
    for person in ("alex-morgan", "sid-slow"):  # HTTP 500s, and a server slower than the timeout
        crawl = next(s for s in findings_of(out, person)["sources"] if s["name"] == "crawl")
        assert crawl["status"] == "failed", crawl
        assert crawl["detail"]
    assert "crawl failed" in result.stderr
    page = (out / "people" / "alex-morgan.html").read_text()
    assert "not checked (failed)" in page
    assert "No exposure was found" not in page  # a failed source is never shown as clear
    assert findings_of(out, "jane-doe")["findings"], "the rest of the audit did not complete"


def test_outputs_are_masked_valid_and_safe(audited: Any) -> None:
    _, out, _ = audited
    data = json.loads((out / "findings.json").read_text())
    assert data["schema_version"] == 2
    schema = json.loads(package_data("findings.v2.schema.json").read_text())
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    jane = findings_of(out, "jane-doe")
    assert jane["score"] < 100
    assert jane["score_reason"].endswith("live places.")
    assert all("last_seen" in f and "triage" in f for f in jane["findings"])
    everything = "\n".join(p.read_text() for p in out.rglob("*") if p.is_file())
    for secret in ("900123", "900 123", "900456", "jane.home@", "Acacia Avenue", "sam.patel.home"):
        assert secret not in everything, secret
    sam_page = (out / "people" / "sam-patel.html").read_text()
    # The hostile reader comment reaches the report as text, never as markup or template code.
    assert "&lt;img src=x onerror=alert(1)&gt;" in sam_page
    for markup in ("<img src=x", "<script>alert", '<a href="javascript'):
        assert markup not in sam_page, markup
    assert "{{ 7*7 }}" in sam_page


def test_reveal_shows_values_and_strict_and_fail_on_set_exit_codes(
    tmp_path: Path, cli_env: dict[str, str], web: SampleWeb
) -> None:
    config = write_config(tmp_path, web)
    base = ("audit", EXAMPLE, "--config", config)
    revealed = run_cli(
        *base, "--only", "jane-doe", "--out", tmp_path / "r", "--reveal", "--quiet", env=cli_env
    )
    assert revealed.returncode == 0, revealed.stderr
    assert revealed.stderr == ""
    assert revealed.stdout == ""
    assert "+447700900123" in (tmp_path / "r" / "findings.json").read_text()
    fail_on = run_cli(
        *base, "--only", "jane-doe", "--out", tmp_path / "f", "--fail-on", "critical", env=cli_env
    )
    assert fail_on.returncode == 1
    strict = run_cli(*base, "--only", "alex-morgan", "--out", tmp_path / "s", "--strict", env=cli_env)
    assert strict.returncode == 3


def test_bad_roster_exits_2_naming_file_line_and_field_and_fetches_nothing(
    tmp_path: Path, cli_env: dict[str, str], web: SampleWeb
) -> None:
    roster = tmp_path / "bad.yaml"
    roster.write_text(
        "version: 1\npeople:\n  - id: Jane Doe\n    name: Jane\n    websites: [ftp://janedoe.example/]\n"
        "    private:\n      fones: ['07700 900123']\n"
    )
    result = run_cli(
        "audit", roster, "--out", tmp_path / "out", "--config", write_config(tmp_path, web), env=cli_env
    )
    assert result.returncode == 2
    assert f"{roster}:3: people[0].id" in result.stderr
    assert f"{roster}:5: people[0].websites[0]" in result.stderr
    assert f"{roster}:7: people[0].private.fones" in result.stderr
    assert "nothing was fetched" in result.stderr
    assert web.requests == []
    assert not (tmp_path / "out").exists()


def test_bad_config_exits_2_and_fetches_nothing(
    tmp_path: Path, cli_env: dict[str, str], web: SampleWeb
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f'network:\n  proxy: "{web.proxy_url}"\n  timeout: -1\nsources:\n  rdpa: {{}}\n')
    result = run_cli("audit", EXAMPLE, "--out", tmp_path / "out", "--config", config, env=cli_env)
    assert result.returncode == 2
    assert f"{config}:3: network.timeout" in result.stderr
    assert f"{config}:5: sources.rdpa" in result.stderr
    assert web.requests == []


def test_validate_and_sources_commands(tmp_path: Path, cli_env: dict[str, str]) -> None:
    ok = run_cli("validate", EXAMPLE, env=cli_env)
    assert ok.returncode == 0
    assert "3 people" in ok.stdout
    listing = run_cli("sources", env=cli_env)
    assert listing.returncode == 0
    assert "crawl" in listing.stdout
    assert "on" in listing.stdout
    usage = run_cli("audit", EXAMPLE, env=cli_env)  # --out missing
    assert usage.returncode == 2


def test_demo_command_writes_the_reports(tmp_path: Path, cli_env: dict[str, str]) -> None:
    result = run_cli("demo", "--out", tmp_path / "demo", env=cli_env)
    assert result.returncode == 0, result.stderr
    assert "index.html" in result.stdout
    for name in ("index.html", "findings.json", "findings.csv", "people/jane-doe.html", "groups/mps.html"):
        assert (tmp_path / "demo" / name).is_file(), name
    data = json.loads((tmp_path / "demo" / "findings.json").read_text())
    # Every finding read from a fetched page or answer carries its evidence record.
    live = [f for p in data["people"] for f in p["findings"] if f["status"] != "unverified"]
    assert all(f["fetched"] and len(f["fetched"]["sha256"]) == 64 for f in live)
    # The sample web has a look-alike for every source, so the demo shows findings from each one.
    found_by = {f["source"] for p in data["people"] for f in p["findings"]}
    assert found_by == {cls.name for cls in SOURCE_CLASSES}
    statuses = {s["name"]: s["status"] for p in data["people"] for s in p["sources"] if p["id"] == "jane-doe"}
    assert set(statuses.values()) == {"ok"}
    # A club newsletter found by searching her name with "mobile" carries her private mobile; the
    # namesake dentist's page it also found yields nothing.
    searched = [(p["id"], f["category"], f["match"], f["url"]) for p in data["people"] for f in p["findings"]
                if f["source"] == "web_search"]  # fmt: skip
    assert searched == [("jane-doe", "phone", "private", "http://striders.test/news/2019-spring.html")]
    page = (tmp_path / "demo" / "people" / "jane-doe.html").read_text(encoding="utf-8")
    assert "found by searching &#34;Jane Doe&#34; mobile" in page
    # A roster started from Parliament's data (the Members API's look-alike) is one validate accepts.
    imported = tmp_path / "demo" / "imported-roster.yaml"
    assert run_cli("validate", imported, env=cli_env).returncode == 0
    assert "external_id: commons:9901" in imported.read_text()
    # A month of cron: in the second run RDAP fails, and what it found is carried forward, unverified.
    second = tmp_path / "demo" / "monthly" / "second"
    carried = [f for p in json.loads((second / "findings.json").read_text())["people"] for f in p["findings"]
               if f["status"] == "unverified"]  # fmt: skip
    assert carried
    assert {f["source"] for f in carried} == {"rdap"}
    assert "unverified" in (second / "index.html").read_text()
    assert "Not re-checked this time" in (second / "people" / "jane-doe.html").read_text()
    # A Bluesky post names her daughter's school.
    social = [f for p in data["people"] for f in p["findings"] if f["source"] == "social"]
    posts = [(f["category"], f["url"]) for f in social]
    assert ("other", "https://bsky.app/profile/janedoe.bsky.test/post/3ldemo1aaa") in posts
    # The demo also seals the example roster and audits the sealed copy: the same on every page read.
    assert "the same on every page read" in result.stderr
    sealed = json.loads((tmp_path / "demo" / "sealed" / "findings.json").read_text())
    jane = next(p for p in sealed["people"] if p["id"] == "jane-doe")
    phones = {f["value"] for f in jane["findings"] if (f["category"], f["match"]) == ("phone", "private")}
    assert phones == {"+44 7700 9•••23"}  # the mask it was sealed with: there is nothing else to show
    plain_jane = next(p for p in data["people"] if p["id"] == "jane-doe")

    def crawled(person: dict[str, Any]) -> set[tuple[str, str, str]]:
        found = person["findings"]
        return {(f["category"], f["severity"], f["url"]) for f in found if f["source"] == "crawl"}

    assert crawled(jane) == crawled(plain_jane)

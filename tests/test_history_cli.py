"""End to end, month after month: the real CLI against a sample web whose pages change between runs.

Each audit gets a fresh SampleWeb over the same folder, so a rewritten page or `_behaviour.json` (a host
that fails or is slow) takes effect at the next run, as a real site's would.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from auditor.demo.server import BEHAVIOUR_FILE, SampleWeb, serving

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

EXIT_INTERNAL = 70  # auditor.cli.EXIT_INTERNAL: stopped on an error; history not updated
EXIT_LOCKED = 75  # auditor.cli.EXIT_LOCKED: another audit holds the lock on the state file

HOST = "pat.example"
PRIVATE_PHONE = "07700 900321"
PRIVATE_EMAIL = "pat.home@mail.example"
PRIVATE_ADDRESS = "14 Quiet Lane, Exampleton EX4 4QQ"
PRIVATE_RELATIVE = "Morwenna Example"
NAMESAKE_PHONE = "07700 900888"  # a discovered mobile on Pat's news page: someone else's

ROSTER = f"""\
version: 1
people:
  - id: pat-example
    name: Pat Example
    role: Councillor for Exampleton North
    websites: ["http://{HOST}/"]
    public:
      phones: ["020 7946 0555"]
    private:
      phones: ["{PRIVATE_PHONE}"]
      emails: ["{PRIVATE_EMAIL}"]
      addresses: ["{PRIVATE_ADDRESS}"]
      relatives: ["{PRIVATE_RELATIVE}"]
"""

HOME = """<html><head><title>Pat Example</title></head><body><h1>Pat Example</h1>
<p>Councillor for Exampleton North.</p>
<a href="contact.html">Contact</a> <a href="about.html">About</a> <a href="news.html">News</a>
</body></html>"""

PHONE_LINE = f"<p>Evenings, ring Pat on {PRIVATE_PHONE}.</p>"
EMAIL_LINE = f"<p>Write to Pat at home: {PRIVATE_EMAIL}</p>"
NAMESAKE_LINE = f"<p>Surgery bookings: call our volunteer Jo on {NAMESAKE_PHONE}.</p>"


def page(title: str, text: str, extra: tuple[str, ...]) -> str:
    return f"<html><body><h1>{title}</h1><p>{text}</p>{''.join(extra)}</body></html>"


def contact(*extra: str) -> str:
    return page("Contact Pat Example", "Office: 020 7946 0555.", extra)


def about(*extra: str) -> str:
    return page("About Pat Example", "Pat grew up in Exampleton.", extra)


def news(*extra: str) -> str:
    return page("News from Pat Example", "New surgery times.", extra)


def section(report: str, heading_id: str) -> str:
    """The report's <section> whose heading has this id ("resolved", "triaged"), or "" if absent."""
    at = report.find(f'id="{heading_id}"')
    if at < 0:
        return ""
    return report[report.rfind("<section", 0, at) : report.index("</section>", at)]


class Site:
    """The sample web's folder: one sub-folder per fictional host, rewritten between runs."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.behave({})

    def page(self, path: str, html: str, host: str = HOST) -> None:
        file = self.root / host / path.lstrip("/")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(html)

    def behave(self, rules: dict[str, dict[str, Any]]) -> None:
        """Hosts that fail ({"status": 500}) or are slow ({"delay": seconds}) from the next run on."""
        (self.root / BEHAVIOUR_FILE).write_text(json.dumps(rules))


def cli_env(tmp: Path) -> dict[str, str]:
    """A fixed hash key and private cache/data dirs, so nothing touches $HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AUDITOR_", "XDG_"))}
    env.update(
        AUDITOR_HASH_KEY="test-key-not-secret",
        XDG_CACHE_HOME=str(tmp / "cache"),
        XDG_DATA_HOME=str(tmp / "data"),
    )
    return env


def config_text(proxy_url: str) -> str:
    return f"""\
network:
  proxy: "{proxy_url}"
  allow_private: true
  per_host_interval: 0
  timeout: 2
  retries: 1
  backoff: 0.01
  cache: false
crawl: {{max_depth: 2, max_pages: 20}}
sources:
  crawl: {{}}
"""


@dataclass(frozen=True)
class Run:
    """One finished audit: its process, and what it wrote."""

    result: subprocess.CompletedProcess[str]
    data: dict[str, Any]
    report: str
    index: str

    @property
    def person(self) -> dict[str, Any]:
        return dict(self.data["people"][0])

    def finding(self, category: str, match: str = "private") -> dict[str, Any]:
        found = [f for f in self.person["findings"] if (f["category"], f["match"]) == (category, match)]
        assert len(found) == 1, (category, match, self.person["findings"])
        return dict(found[0])

    def has(self, category: str, match: str = "private") -> bool:
        return any((f["category"], f["match"]) == (category, match) for f in self.person["findings"])

    def source(self, name: str) -> dict[str, Any]:
        return dict(next(s for s in self.person["sources"] if s["name"] == name))


class Auditor:
    """The `auditor` CLI run as a user would, with one roster, state file and output folder."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.env = cli_env(tmp)
        self.site = Site(tmp / "web")
        self.roster = tmp / "team.yaml"
        self.roster.write_text(ROSTER)
        self.state = tmp / "state" / "history.sqlite"
        self.out = tmp / "reports"
        self.config = tmp / "config.yaml"

    def cli(self, *args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "auditor.cli", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=self.env,
            check=False,
        )

    def audit_args(self, *extra: str) -> list[str | Path]:
        return [
            "audit",
            self.roster,
            "--out",
            self.out,
            "--config",
            self.config,
            "--state",
            self.state,
            *extra,
        ]

    def run_audit(self, *extra: str) -> subprocess.CompletedProcess[str]:
        """`auditor audit` against a fresh SampleWeb, so it reads the site's latest _behaviour.json."""
        with serving(self.site.root) as web:
            self.config.write_text(config_text(web.proxy_url))
            return self.cli(*self.audit_args(*extra))

    def audit(self, *extra: str, expect: int = 0) -> Run:
        result = self.run_audit(*extra)
        assert result.returncode == expect, result.stderr
        return Run(
            result,
            json.loads((self.out / "findings.json").read_text()),
            (self.out / "people" / "pat-example.html").read_text(),
            (self.out / "index.html").read_text(),
        )

    def triage(
        self, finding_id: str, decision: str, reason: str, *extra: str
    ) -> subprocess.CompletedProcess[str]:
        return self.cli("triage", finding_id, decision, "--reason", reason, *extra, "--state", self.state)


# --- What changed: new, persisting, resolved, reappeared, and a failed source resolves nothing --------


@pytest.fixture(scope="module")
def months(tmp_path_factory: pytest.TempPathFactory) -> tuple[Auditor, list[Run]]:
    """Seven audits of one person whose site changes between them (the module's tests read the results)."""
    auditor = Auditor(tmp_path_factory.mktemp("months"))
    site = auditor.site
    site.page("/index.html", HOME)
    site.page("/about.html", about())
    site.page("/news.html", news())
    runs = []
    site.page("/contact.html", contact(PHONE_LINE))  # 1: the private phone appears
    runs.append(auditor.audit())
    site.page("/about.html", about(EMAIL_LINE))  # 2: still there, and the private email appears
    runs.append(auditor.audit())
    site.page("/contact.html", contact())  # 3: the phone is taken down
    runs.append(auditor.audit())
    site.page("/contact.html", contact(PHONE_LINE))  # 4: ... and put back
    runs.append(auditor.audit())
    site.behave({HOST: {"status": 500}})  # 5: the site is down this month
    runs.append(auditor.audit())
    site.behave({})  # 6: the site is back, without the email
    site.page("/about.html", about())
    runs.append(auditor.audit())
    # 7: after a triage whose reason was typed with private values in it (for the state file test).
    reason = (
        f"{PRIVATE_PHONE} is on {PRIVATE_ADDRESS}'s contact page; "
        f"{PRIVATE_RELATIVE} asked for {PRIVATE_EMAIL}"
    )
    decided = auditor.triage(runs[5].finding("phone")["id"], "accepted", reason)
    assert decided.returncode == 0, decided.stderr
    runs.append(auditor.audit())
    return auditor, runs


def test_a_value_is_new_then_persisting_and_keeps_its_first_seen(months: tuple[Auditor, list[Run]]) -> None:
    _, runs = months
    phone = runs[0].finding("phone")
    assert phone["status"] == "new"
    assert not runs[0].has("email")
    again = runs[1].finding("phone")
    assert (again["id"], again["status"]) == (phone["id"], "persisting")
    email = runs[1].finding("email")
    assert email["status"] == "new"
    # first_seen is the first run's start, kept across runs; the email's is the second run's.
    assert again["first_seen"] == phone["first_seen"]
    assert email["first_seen"] > phone["first_seen"]
    assert runs[0].person["resolved"] == runs[1].person["resolved"] == []


def test_a_value_taken_down_is_resolved_in_the_json_and_the_report(months: tuple[Auditor, list[Run]]) -> None:
    _, runs = months
    phone = runs[1].finding("phone")
    assert not runs[2].has("phone")
    assert runs[2].finding("email")["status"] == "persisting"
    (resolved,) = runs[2].person["resolved"]
    assert resolved["id"] == phone["id"]
    assert resolved["category"] == "phone"
    assert resolved["url"] == f"http://{HOST}/contact.html"
    assert resolved["last_seen"] == runs[1].finding("email")["first_seen"]  # the second run's start
    assert "900321" not in resolved["value"]
    assert resolved["value"]
    gone = section(runs[2].report, "resolved")
    assert "gone since the last audit" in gone.lower()
    assert f"http://{HOST}/contact.html" in gone
    assert resolved["value"] in gone


def test_a_value_put_back_is_reappeared_with_its_original_first_seen(
    months: tuple[Auditor, list[Run]],
) -> None:
    _, runs = months
    phone = runs[3].finding("phone")
    assert phone["id"] == runs[0].finding("phone")["id"]
    assert phone["status"] == "reappeared"
    assert phone["first_seen"] == runs[0].finding("phone")["first_seen"]
    assert runs[3].person["resolved"] == []
    assert "back again" in runs[3].report.lower()
    assert section(runs[3].report, "resolved") == ""


def test_a_failed_source_resolves_nothing_it_did_not_see(months: tuple[Auditor, list[Run]]) -> None:
    _, runs = months
    failed = runs[4]
    crawl = failed.source("crawl")
    assert crawl["status"] == "failed", crawl
    assert crawl["detail"], crawl
    assert failed.person["findings"] == []
    assert failed.person["resolved"] == []  # unseen because unchecked: not gone
    assert "crawl failed" in failed.result.stderr
    assert "not checked (failed)" in failed.report.lower()
    assert section(failed.report, "resolved") == ""
    assert "no exposure was found" not in failed.report.lower()
    assert "incomplete audit" in failed.index.lower()
    # The month after: the phone was never resolved, so it persists; the email, now checked and gone,
    # is resolved only now.
    back = runs[5]
    assert back.source("crawl")["status"] == "ok"
    phone = back.finding("phone")
    assert phone["status"] == "persisting"
    assert phone["first_seen"] == runs[0].finding("phone")["first_seen"]
    assert [r["id"] for r in back.person["resolved"]] == [runs[3].finding("email")["id"]]


def test_history_records_each_run_and_its_source_statuses(months: tuple[Auditor, list[Run]]) -> None:
    auditor, _ = months
    with sqlite3.connect(f"file:{auditor.state}?mode=ro", uri=True) as db:
        statuses = [
            row[0]
            for row in db.execute(
                "SELECT s.status FROM source_runs s JOIN runs r ON r.id = s.run_id "
                "WHERE s.source = 'crawl' ORDER BY r.started, r.id"
            )
        ]
        versions = {row[0] for row in db.execute("SELECT auditor_version FROM runs")}
    assert statuses == ["ok", "ok", "ok", "ok", "failed", "ok", "ok"]
    assert versions
    assert "" not in versions


def test_summary_renders_for_a_month_with_runs_and_one_without(
    months: tuple[Auditor, list[Run]], tmp_path: Path
) -> None:
    auditor, runs = months
    month = runs[0].data["generated_at"][:7]
    if runs[-1].data["generated_at"][:7] != month:
        pytest.skip("the audits straddled the turn of a month")
    out = tmp_path / "summaries"
    made = auditor.cli("summary", "--state", auditor.state, "--month", month, "--out", out)
    assert made.returncode == 0, made.stderr
    assert str(out / f"summary-{month}.html") in made.stdout
    data = json.loads((out / f"summary-{month}.json").read_text())
    assert data["month"] == month
    assert data["empty"] is False
    assert len(data["runs"]) == 7
    assert data["people_audited"] == 1
    # New: phone (run 1), email and the public number ... every finding's first sighting.
    assert data["changes"]["resolved"] == 2  # the phone in run 3, the email in run 6
    assert data["changes"]["reappeared"] == 1  # the phone in run 4
    assert data["changes"]["new"] >= 2
    # The phone is still there at the last run, but was accepted before it: like the run's own report
    # and score, the summary does not count a triaged finding.
    assert data["findings"]["by_severity"]["critical"] == 0
    assert data["findings"]["by_category"]["phone"] >= 1
    assert [p["id"] for p in data["most_at_risk"]] == ["pat-example"]
    assert [(s["name"], s["runs"]) for s in data["failed_sources"]] == [("crawl", 1)]
    assert len(data["trend"]) == 12
    assert data["trend"][-1]["audited"] is True
    html = (out / f"summary-{month}.html").read_text()
    assert "<svg" in html
    assert "</svg>" in html
    assert "<script" not in html.lower()

    empty = auditor.cli("summary", "--state", auditor.state, "--month", "2001-01", "--out", out, "--quiet")
    assert (empty.returncode, empty.stdout, empty.stderr) == (0, "", "")
    none = json.loads((out / "summary-2001-01.json").read_text())
    assert none["empty"] is True
    assert none["runs"] == []
    assert none["findings"]["total"] == 0
    html = (out / "summary-2001-01.html").read_text()
    assert "No audit ran in" in html
    assert "<svg" in html
    assert "<script" not in html.lower()

    missing = auditor.cli("summary", "--state", auditor.tmp / "nope.sqlite", "--month", month, "--out", out)
    assert missing.returncode == 2
    assert "no history at" in missing.stderr


# --- Triage --------------------------------------------------------------------------------------------


def awaiting(index: str) -> int:
    """The dashboard's "N finding(s) ... await triage" count."""
    marker = "</strong> finding"
    head = index[: index.index(marker)]
    return int(head[head.rindex("<strong>") + len("<strong>") :])


def test_triage_decisions_are_shown_apart_uncounted_and_kept_across_runs(tmp_path: Path) -> None:
    auditor = Auditor(tmp_path)
    site = auditor.site
    site.page("/index.html", HOME)
    site.page("/contact.html", contact(PHONE_LINE))
    site.page("/about.html", about(EMAIL_LINE))
    site.page("/news.html", news(NAMESAKE_LINE))

    first = auditor.audit("--fail-on", "high", expect=1)
    phone, email = first.finding("phone"), first.finding("email")
    namesake = first.finding("phone", "discovered")
    assert {phone["severity"], email["severity"], namesake["severity"]} <= {"critical", "high"}
    assert awaiting(first.index) == 3
    assert first.person["score"] > 0

    # Wrong ids and past dates are refused before anything is stored.
    unknown = auditor.triage("0123456789abcdef01234567", "not-me", "typo")
    assert unknown.returncode == 2
    assert "no finding with id '0123456789abcdef01234567'" in unknown.stderr
    assert "findings.json" in unknown.stderr  # where to find the right id
    past = auditor.triage(email["id"], "accepted", "fine", "--until", "2001-01-01")
    assert past.returncode == 2
    assert "already past" in past.stderr

    decided = auditor.triage(namesake["id"], "not-me", "Jo the volunteer's number, not Pat's")
    assert decided.returncode == 0, decided.stderr
    assert f"{namesake['id']}: not-me (pat-example, phone)" in decided.stdout
    until = (dt.date.today() + dt.timedelta(days=60)).isoformat()
    assert (
        auditor.triage(email["id"], "accepted", "Pat keeps it there on purpose", "--until", until).returncode
        == 0
    )
    reason = f"asked the webmaster to remove {PRIVATE_PHONE} from the contact page"
    assert auditor.triage(phone["id"], "fixed", reason).returncode == 0

    # Next run, phone still on the page: the removal did not happen, so it counts again ("came back").
    second = auditor.audit("--fail-on", "critical", expect=1)
    assert second.finding("phone")["status"] == "persisting"
    assert "still there after a removal request" in second.report.lower()
    triaged = section(second.report, "triaged").lower()
    assert "decided already" in triaged
    rows = triaged.partition("<tbody>")[2]
    assert rows.count("<tr") == 2
    assert "not this person" in rows
    assert "accepted risk" in rows
    assert "removal requested" not in rows  # it came back, so it is no longer set apart
    assert PRIVATE_PHONE not in second.report
    assert "900321" not in second.report
    assert awaiting(second.index) == 1  # only the phone that came back
    assert second.person["score"] < first.person["score"]

    # The phone is taken down for real. The two decisions, kept by fingerprint from before the last run,
    # are all that stands between --fail-on high and exit 1, and the score counts neither.
    site.page("/contact.html", contact())
    third = auditor.audit("--fail-on", "high")
    assert third.has("email")
    assert third.has("phone", "discovered")
    assert third.person["score"] == 0
    assert awaiting(third.index) == 0
    assert [r["id"] for r in third.person["resolved"]] == [phone["id"]]

    # Time passes beyond the acceptance's date (the CLI will not record a past date, so age it here).
    with sqlite3.connect(auditor.state) as db:
        db.execute("UPDATE decisions SET until = '2001-01-01' WHERE finding_id = ?", (email["id"],))
    expired = auditor.audit("--fail-on", "high", expect=1)
    assert expired.person["score"] > 0
    assert awaiting(expired.index) == 1
    rows = section(expired.report, "triaged").lower().partition("<tbody>")[2]
    assert "accepted risk" not in rows
    assert "not this person" in rows


# --- Unattended runs: a killed run leaves the old reports; a second run is refused while one runs ------


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def runs_in(state: Path) -> int:
    with sqlite3.connect(f"file:{state}?mode=ro", uri=True) as db:
        return int(db.execute("SELECT COUNT(*) FROM runs").fetchone()[0])


@pytest.fixture
def slow_audit(tmp_path: Path) -> Iterator[tuple[Auditor, subprocess.Popen[str], SampleWeb]]:
    """A successful first audit, then a second one against a now slow site, caught mid-fetch."""
    auditor = Auditor(tmp_path)
    auditor.site.page("/index.html", HOME)
    auditor.site.page("/contact.html", contact(PHONE_LINE))
    auditor.audit()
    # Each request 1.5 s, under the 2 s timeout (slow, not failing): robots.txt and four pages take 7.5 s.
    auditor.site.behave({HOST: {"delay": 1.5}})
    with serving(auditor.site.root) as web:
        auditor.config.write_text(config_text(web.proxy_url))
        process = subprocess.Popen(
            [sys.executable, "-m", "auditor.cli", *map(str, auditor.audit_args())],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=auditor.env,
        )
        try:
            wait_for(lambda: bool(web.requested(HOST)), "the audit to start fetching")
            yield auditor, process, web
        finally:
            if process.poll() is None:
                process.kill()
            process.communicate(timeout=20)


def test_a_killed_audit_leaves_the_previous_reports_intact(
    slow_audit: tuple[Auditor, subprocess.Popen[str], SampleWeb],
) -> None:
    auditor, process, _ = slow_audit
    before = snapshot(auditor.out)
    assert {"index.html", "findings.json", "findings.csv", "people/pat-example.html"} <= set(before)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=20)
    assert process.returncode == -signal.SIGKILL
    after = snapshot(auditor.out)
    assert after == before  # same files, byte for byte: no partial or temporary file replaced them
    assert not list(auditor.tmp.rglob("*.tmp"))
    assert runs_in(auditor.state) == 1  # the killed run recorded nothing

    # The kernel released the killed process's lock: the next run goes ahead. This one cannot write
    # a report: it says so in one line, exits 70 (not 1, which means findings) and records nothing.
    auditor.site.behave({})
    report = auditor.out / "people" / "pat-example.html"
    report.unlink()
    report.mkdir()
    broken = auditor.run_audit("--quiet", "--fail-on", "critical")
    assert broken.returncode == EXIT_INTERNAL, broken.stderr
    assert " ERROR auditor: stopped: " in broken.stderr
    assert "Traceback" not in broken.stderr
    assert runs_in(auditor.state) == 1
    report.rmdir()
    # Every file as before: the ones put in place ahead of the failure were put back.
    assert {k: v for k, v in snapshot(auditor.out).items() if k != "people/pat-example.html"} == {
        k: v for k, v in before.items() if k != "people/pat-example.html"
    }
    rerun = auditor.audit()
    assert rerun.finding("phone")["status"] == "persisting"
    assert runs_in(auditor.state) == 2
    assert snapshot(auditor.out)["findings.json"] != before["findings.json"]


def test_a_second_audit_is_refused_while_one_is_running(
    slow_audit: tuple[Auditor, subprocess.Popen[str], SampleWeb],
) -> None:
    auditor, process, web = slow_audit
    second = auditor.cli(*auditor.audit_args("--quiet"))
    assert process.poll() is None  # refused while the first still runs, not after waiting for it
    assert second.returncode == EXIT_LOCKED, second.stderr
    assert "another audit is running (pid " in second.stderr
    assert f"pid {process.pid}," in second.stderr
    # Triage and prune take the same lock: they would change the history under the running audit.
    blocked = auditor.triage("0123456789abcdef01234567", "not-me", "x")
    assert blocked.returncode == EXIT_LOCKED
    assert "another audit is running" in blocked.stderr
    assert process.poll() is None, "the first audit finished before the others tried"
    assert web.requested(HOST).count("/robots.txt") == 1  # the refused audit fetched nothing
    assert runs_in(auditor.state) == 1


# --- The state file reveals no private value ---------------------------------------------------------


def spellings() -> list[str]:
    """Each private value of the roster as it might appear in bytes: as written and reformatted."""
    digits = "7700900321"
    return [
        PRIVATE_PHONE,
        "07700900321",
        digits,
        "+44" + digits,
        "44" + digits,
        "+44 7700 900321",
        "900321",
        "900 321",
        PRIVATE_EMAIL,
        "pat.home",
        "pat.home%40mail.example",
        PRIVATE_ADDRESS,
        "14 Quiet Lane",
        "Quiet Lane",
        "EX4 4QQ",
        "EX44QQ",
        PRIVATE_RELATIVE,
        "Morwenna",
    ]


def state_bytes(state: Path) -> bytes:
    files = [
        p for p in state.parent.iterdir() if p.name.startswith(state.name) and not p.name.endswith(".lock")
    ]
    assert state in files
    return b"".join(p.read_bytes() for p in files)


def test_the_state_file_holds_no_private_value_in_plain_text(months: tuple[Auditor, list[Run]]) -> None:
    auditor, runs = months
    raw = state_bytes(auditor.state)
    assert len(raw) > 4096
    for secret in spellings():
        for encoded in {secret.encode(), secret.lower().encode(), secret.upper().encode()}:
            assert encoded not in raw, secret
        assert secret.encode("utf-16-le") not in raw, secret
    # The triage reason is still there, masked, for whoever reads the history next.
    phone = runs[-1].finding("phone")
    with sqlite3.connect(f"file:{auditor.state}?mode=ro", uri=True) as db:
        (stored,) = db.execute("SELECT reason FROM decisions WHERE finding_id = ?", (phone["id"],)).fetchone()
    assert "contact page" in stored
    assert "asked for" in stored

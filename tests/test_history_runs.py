"""End to end: triage decisions across runs, and audits that are killed or refused while another runs
(the world is in history_world.py)."""

from __future__ import annotations

import datetime as dt
import signal
import sqlite3
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest
from history_world import (
    EMAIL_LINE,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    HOME,
    HOST,
    NAMESAKE_LINE,
    PHONE_LINE,
    PRIVATE_PHONE,
    Auditor,
    about,
    config_text,
    contact,
    news,
    section,
)

from auditor.demo.server import SampleWeb, serving

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path


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

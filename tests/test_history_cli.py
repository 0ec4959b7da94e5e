"""End to end, month after month: the real CLI against a sample web whose pages change between runs
(the world is in history_world.py)."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

import pytest
from history_world import (
    EMAIL_LINE,
    HOME,
    HOST,
    PHONE_LINE,
    PRIVATE_ADDRESS,
    PRIVATE_EMAIL,
    PRIVATE_PHONE,
    PRIVATE_RELATIVE,
    Auditor,
    Run,
    about,
    contact,
    news,
    section,
)

if TYPE_CHECKING:
    from pathlib import Path


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
    # Unseen because unchecked: carried forward as unverified with their last sighting, not dropped.
    carried = failed.person["findings"]
    assert carried
    assert {f["status"] for f in carried} == {"unverified"}
    assert all(f["detail"].startswith("not re-checked this run because crawl failed") for f in carried)
    assert "not re-checked this time" in failed.report.lower()
    assert "unverified" in failed.index.lower()
    assert failed.person["resolved"] == []  # and not gone
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

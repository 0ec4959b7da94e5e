"""Evidence a person can send: each finding records when its page was fetched, the HTTP status and the
SHA-256 of the body; findings.json carries it, `auditor evidence` writes it as a masked text file, and
the erasure letter lists it per site."""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
from typing import TYPE_CHECKING, Any

import pytest
from history_world import HOME, HOST, PHONE_LINE, PRIVATE_PHONE, Auditor, Run, about, contact, news
from people import HOME_ADDRESS, JANE, MOBILE

from auditor.advice import AdviceBook
from auditor.findings import exposure_score
from auditor.model import (
    AuditRun,
    Category,
    Decision,
    FetchRecord,
    Finding,
    Match,
    PersonAudit,
    Severity,
    Triage,
)
from auditor.report.letters import person_letters
from auditor.report.view import build_view

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Auditor, Run, Run, bytes]:
    auditor = Auditor(tmp_path_factory.mktemp("evidence"))
    site = auditor.site
    page = contact(PHONE_LINE)
    site.page("/index.html", HOME)
    site.page("/about.html", about())
    site.page("/news.html", news())
    site.page("/contact.html", page)
    first = auditor.audit()
    site.behave({HOST: {"status": 500}})
    down = auditor.audit()
    return auditor, first, down, page.encode()


def test_findings_json_records_the_fetch_of_the_page_each_finding_was_read_from(
    audited: tuple[Auditor, Run, Run, bytes],
) -> None:
    _, first, _, page = audited
    phone = first.finding("phone")
    fetched = phone["fetched"]
    assert fetched["status"] == 200
    assert fetched["sha256"] == hashlib.sha256(page).hexdigest()  # the body exactly as the server sent it
    assert fetched["url"] == f"http://{HOST}/contact.html"
    started = dt.datetime.fromisoformat(first.data["generated_at"].replace("Z", "+00:00"))
    at = dt.datetime.fromisoformat(fetched["at"].replace("Z", "+00:00"))
    assert started - dt.timedelta(minutes=5) <= at <= started


def test_a_finding_carried_forward_keeps_the_record_of_its_last_sighting(
    audited: tuple[Auditor, Run, Run, bytes],
) -> None:
    _, first, down, _ = audited
    [carried] = [f for f in down.person["findings"] if f["id"] == first.finding("phone")["id"]]
    assert carried["status"] == "unverified"
    assert carried["fetched"] == first.finding("phone")["fetched"]


def test_auditor_evidence_writes_a_dated_masked_record(
    audited: tuple[Auditor, Run, Run, bytes], tmp_path: Path
) -> None:
    auditor, first, _, page = audited
    phone = first.finding("phone")
    result = auditor.cli("evidence", phone["id"], "--out", tmp_path / "letters", "--state", auditor.state)
    assert result.returncode == 0, result.stderr
    [written] = (tmp_path / "letters").iterdir()
    today = dt.datetime.now(dt.UTC).date()
    # The file is named after the person, the finding and the day (a run at midnight may see yesterday).
    assert written.name in {
        f"evidence-pat-example-{phone['id']}-{day.isoformat()}.txt"
        for day in (today, today - dt.timedelta(1))
    }
    assert result.stdout.strip() == str(written)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    text = written.read_text()
    assert f"SHA-256 of body:   {hashlib.sha256(page).hexdigest()}" in text
    assert "HTTP status:       200" in text
    assert f"URL that answered: http://{HOST}/contact.html" in text
    assert "Person:            Pat Example (pat-example)" in text
    assert "+44 7700 9•••21" in text
    assert "ring Pat on" in text  # the matched snippet
    assert "still there at the last audit" in text
    for form in (PRIVATE_PHONE, PRIVATE_PHONE.replace(" ", ""), "900321"):
        assert form not in text


def test_an_unknown_finding_id_is_refused_saying_where_ids_come_from(
    audited: tuple[Auditor, Run, Run, bytes], tmp_path: Path
) -> None:
    auditor = audited[0]
    result = auditor.cli("evidence", "0" * 24, "--out", tmp_path, "--state", auditor.state)
    assert result.returncode == 2
    assert "no finding with id '000000000000000000000000'" in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- the erasure letter lists the evidence per site ------------------------------------------------

NOW = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)


def _listing(fid: str, url: str, value: str, body: bytes, category: Category = Category.ADDRESS) -> Finding:
    return Finding(
        id=fid,
        person_id="jane-doe",
        category=category,
        match=Match.PRIVATE,
        severity=Severity.CRITICAL,
        key=value.lower(),
        value=value,
        source="people_search",
        url=url,
        evidence=f"Jane Doe, {value}",
        advice=("people-search-erasure",),
        fetched=FetchRecord(url, NOW, 200, hashlib.sha256(body).hexdigest()),
    )


def test_the_erasure_letter_is_one_per_site_and_lists_each_page_with_its_evidence() -> None:
    a = _listing("a" * 24, "http://brokers.example/p/1", HOME_ADDRESS, b"one")
    b = _listing("b" * 24, "http://brokers.example/p/1", MOBILE, b"one", Category.PHONE)
    c = _listing("c" * 24, "http://brokers.example/p/2", HOME_ADDRESS, b"two")
    d = _listing("d" * 24, "http://other.example/x", HOME_ADDRESS, b"three")
    e = _listing("e" * 24, "http://triaged.example/x", HOME_ADDRESS, b"four")
    findings = (a, b, c, d, e)
    audit = PersonAudit(JANE, (), findings, exposure_score(findings))
    not_me = Decision(e.id, "jane-doe", "address", "x", e.url, "not-me", "namesake", None, NOW, None)
    view = build_view(AuditRun(NOW, NOW, "0.1.0", (audit,), ()), triage=Triage({e.id: not_me}))
    [person] = view.people
    letters = person_letters(person, AdviceBook.load(), ["people-search-erasure"], view.started_at)
    sent: list[Any] = letters["people-search-erasure"]
    assert [(x.site, x.pages) for x in sent] == [("brokers.example", 2), ("other.example", 1)]
    brokers = sent[0].text
    assert "To the data protection officer, brokers.example" in brokers
    # One entry per page, each with when it was fetched, the status and the body's SHA-256.
    assert brokers.count("- http://brokers.example/p/") == 2
    assert brokers.count("fetched 1 November 2026 at 09:30 UTC, HTTP 200") == 2
    assert f"SHA-256 of the page as your server sent it: {hashlib.sha256(b'one').hexdigest()}" in brokers
    assert f"SHA-256 of the page as your server sent it: {hashlib.sha256(b'two').hexdigest()}" in brokers
    assert "other.example" not in brokers
    assert "triaged.example" not in brokers
    # Masked as the report is (the person's own revealed report shows them in full).
    assert HOME_ADDRESS.split(",")[0] not in brokers
    assert MOBILE not in brokers
    assert "{contact}" in brokers
    assert "Jane Doe" in brokers

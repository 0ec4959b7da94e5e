"""The report view masks private values wherever crawled text carries them: values, snippets, page
titles, URLs and source details (unless --reveal)."""

from __future__ import annotations

import datetime as dt

from people import jane

from auditor.findings import exposure_score
from auditor.model import (
    AuditRun,
    Category,
    Finding,
    Match,
    PersonAudit,
    PrivateValues,
    Severity,
    SourceReport,
    SourceStatus,
)
from auditor.report.view import build_view

JANE = jane(
    private=PrivateValues(
        phones=("07700 900123",),
        emails=("jd.private@mail.example",),
        addresses=("12 Acacia Avenue, Exampleton EX2 3BB",),
        relatives=("Lily Doe",),
    ),
)
FINDING = Finding(
    id="0123456789abcdef01234567",
    person_id="jane-doe",
    category=Category.RELATIVE,
    match=Match.PRIVATE,
    severity=Severity.HIGH,
    key="lily doe",
    value="Lily Doe",
    source="crawl",
    url="http://jane.example/family/12-acacia-avenue-party?contact=jd.private%40mail.example",
    evidence="Lily Doe's party at 12 Acacia Avenue, EX2 3BB; RSVP 07700 900123",
    label="Lily Doe at 12 Acacia Avenue – party photos",
    detail="Gravatar display name: Lily Doe, 07700 900123, 12 Acacia Avenue EX2 3BB",
)
CRAWL = SourceReport(
    "crawl",
    "the person's own websites",
    SourceStatus.FAILED,
    "http://jane.example/12-acacia-avenue.html not checked: HTTP 503 after 4 attempts",
    1,
)


def view(reveal: bool) -> str:
    audit = PersonAudit(JANE, (CRAWL,), (FINDING,), exposure_score([FINDING]))
    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    [person] = build_view(AuditRun(now, now, "0.1.0", (audit,), ()), reveal=reveal).people
    [finding] = person.findings
    shown = [
        finding.value,
        finding.evidence,
        finding.label,
        finding.url,
        finding.detail,
        person.sources[0].detail,
    ]
    shown += [group.detail for group in person.groups]
    return "\n".join(shown)


def test_nothing_private_survives_in_the_masked_view() -> None:
    shown = view(reveal=False)
    for secret in ("Lily", "Acacia", "acacia", "3BB", "900123", "jd.private", "jd.private%40"):
        assert secret not in shown, secret
    assert "jane.example" in shown  # the site itself stays readable


def test_reveal_shows_everything_as_found() -> None:
    shown = view(reveal=True)
    assert "Lily Doe at 12 Acacia Avenue" in shown
    assert "07700 900123" in shown

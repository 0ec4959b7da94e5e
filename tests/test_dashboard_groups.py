"""The dashboard for a whole parliament: a page per group, a group column and totals on the index, and a
person page that can be handed to that person alone (--single)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest

from auditor.findings import exposure_score
from auditor.model import AuditRun, Category, Finding, Match, Person, PersonAudit, Severity
from auditor.report import write_outputs
from auditor.report.groups import slug

if TYPE_CHECKING:
    from pathlib import Path

NOW = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)
HOSTILE = "../<script>alert(1)</script>"


def _phone(person_id: str, severity: Severity, n: int) -> Finding:
    return Finding(
        id=f"{person_id[:4]}{n:020d}",
        person_id=person_id,
        category=Category.PHONE,
        match=Match.PRIVATE,
        severity=severity,
        key=f"0770090{n:04d}",
        value=f"07700 90{n:04d}",
        source="crawl",
        url=f"http://{person_id}.example/{n}",
        evidence=f"call 07700 90{n:04d}",
    )


def _audit(person_id: str, name: str, group: str, *severities: Severity) -> PersonAudit:
    findings = tuple(_phone(person_id, s, n) for n, s in enumerate(severities))
    return PersonAudit(Person(id=person_id, name=name, group=group), (), findings, exposure_score(findings))


PEOPLE = (
    _audit("ann", "Ann Archer", "MPs", Severity.CRITICAL, Severity.CRITICAL),
    _audit("bob", "Bob Baker", "MPs", Severity.HIGH),
    _audit("cat", "Cat Cooper", "mps", Severity.CRITICAL),
    _audit("dan", "Dan Dyer", "Staff"),
    _audit("eve", "Eve Evans", HOSTILE, Severity.HIGH),
    _audit("fay", "Fay Fox", ""),
)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    write_outputs(AuditRun(NOW, NOW, "0.1.0", PEOPLE, ()), tmp_path / "reports")
    return tmp_path / "reports"


def _names(html: str) -> set[str]:
    return {a.person.name for a in PEOPLE if a.person.name in html}


def test_each_group_gets_a_page_with_its_people_alone(out: Path) -> None:
    pages = sorted(p.name for p in (out / "groups").iterdir())
    # "MPs" and "mps" read alike: two pages, neither overwriting the other; a hostile name stays inside.
    assert pages == ["mps-2.html", "mps.html", "script-alert-1-script.html", "staff.html"]
    assert [p.name for p in out.iterdir() if p.suffix == ".html"] == ["index.html"]
    mps = (out / "groups" / "mps.html").read_text()
    assert {n for n in ("Ann Archer", "Bob Baker", "Cat Cooper", "Dan Dyer") if n in mps} == {
        "Ann Archer",
        "Bob Baker",
    }
    assert mps.index("Ann Archer") < mps.index("Bob Baker")  # riskiest first
    assert 'href="../people/ann.html"' in mps
    assert 'href="../index.html"' in mps
    hostile = (out / "groups" / "script-alert-1-script.html").read_text()
    assert "<script>" not in hostile
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile


def test_group_pages_keep_the_strict_policy_and_run_no_script(out: Path) -> None:
    for page in (out / "groups").iterdir():
        html = page.read_text()
        assert "default-src &#39;none&#39;; style-src &#39;sha256-" in html
        assert "<script" not in html.lower()


def test_the_index_has_a_group_column_totals_and_a_line_per_group(out: Path) -> None:
    index = (out / "index.html").read_text()
    assert 'href="groups/mps.html">MPs</a>' in index
    assert 'href="groups/mps-2.html">mps</a>' in index
    totals = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", index))
    assert totals["People"] == "6"
    assert totals["With critical findings"] == "2"
    assert totals["With high findings (no critical)"] == "2"
    # The groups table: MPs has two people, one with critical findings.
    row = index[index.index('<a href="groups/mps.html">MPs</a>') :].split("</tr>")[0]
    assert re.findall(r'data-label="[^"]+">(\d+)</td>', row)[:3] == ["2", "1", "1"]


def test_a_person_page_names_nobody_else(out: Path) -> None:
    for audit in PEOPLE:
        html = (out / "people" / f"{audit.person.id}.html").read_text()
        assert _names(html) == {audit.person.name}
        assert 'href="../index.html"' in html  # the team's copy links back to the dashboard


def test_single_writes_pages_to_hand_to_each_person_with_no_way_to_the_dashboard(tmp_path: Path) -> None:
    write_outputs(AuditRun(NOW, NOW, "0.1.0", PEOPLE, ()), tmp_path, single=True)
    for audit in PEOPLE:
        html = (tmp_path / "people" / f"{audit.person.id}.html").read_text()
        assert "index.html" not in html
        assert "groups/" not in html
        assert _names(html) == {audit.person.name}


def test_a_group_gone_from_the_roster_loses_its_page(out: Path) -> None:
    write_outputs(AuditRun(NOW, NOW, "0.1.0", PEOPLE[:2], ()), out)
    assert sorted(p.name for p in (out / "groups").iterdir()) == ["mps.html"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Scottish National Party", "scottish-national-party"),
        ("Plaid Cymru – Party of Wales", "plaid-cymru-party-of-wales"),
        ("Sinn Féin", "sinn-fein"),
        ("../../etc/passwd", "etc-passwd"),
        ("日本", "group"),
        ("x" * 100, "x" * 60),
    ],
)
def test_group_file_names_are_safe_and_readable(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_the_cli_single_option_reaches_the_pages(tmp_path: Path) -> None:
    from history_world import HOME, Auditor

    auditor = Auditor(tmp_path)
    auditor.site.page("/index.html", HOME)
    page = auditor.audit("--single").report
    assert "Pat Example" in page
    assert "index.html" not in page
    assert "index.html" in auditor.audit().report

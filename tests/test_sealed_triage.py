"""A sealed roster's triage reasons: the plain values are not known, so a relative's name or a street typed
into a reason is found by hashing the reason's own words, at triage (with --roster) and at the next audit."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from history_world import HOME, PHONE_LINE, Auditor, about, contact, news

if TYPE_CHECKING:
    from pathlib import Path

REASON = "Morwenna rang: the number is on the Quiet Lane notice board, and Pat Example knows"


def _reasons(auditor: Auditor) -> list[str]:
    with sqlite3.connect(auditor.state) as db:
        return [str(r[0]) for r in db.execute("SELECT reason FROM decisions ORDER BY finding_id")]


def _sealed_world(tmp_path: Path) -> tuple[Auditor, str]:
    auditor = Auditor(tmp_path)
    for path, html in (("/index.html", HOME), ("/about.html", about()), ("/news.html", news())):
        auditor.site.page(path, html)
    auditor.site.page("/contact.html", contact(PHONE_LINE))
    sealed = tmp_path / "sealed.yaml"
    done = auditor.cli("seal", auditor.roster, "--out", sealed, "--state", auditor.state)
    assert done.returncode == 0, done.stderr
    auditor.roster.write_text(sealed.read_text())
    phone = auditor.audit().finding("phone")
    return auditor, phone["id"]


def test_a_reason_is_masked_at_triage_against_the_sealed_roster(tmp_path: Path) -> None:
    auditor, finding = _sealed_world(tmp_path)
    said = auditor.triage(finding, "accepted", REASON, "--roster", str(auditor.roster))
    assert said.returncode == 0, said.stderr
    [stored] = _reasons(auditor)
    assert "Morwenna" not in stored
    assert "Quiet" not in stored
    assert "Pat Example knows" in stored  # her own name is public, and kept
    assert "it was stored masked" in said.stdout
    assert "Morwenna" not in said.stdout


def test_a_reason_typed_without_the_roster_is_masked_at_the_next_audit(tmp_path: Path) -> None:
    auditor, finding = _sealed_world(tmp_path)
    assert auditor.triage(finding, "not-me", REASON).returncode == 0
    assert "Morwenna" in _reasons(auditor)[0]  # no roster: only contact-shaped values could be masked
    auditor.audit()
    [stored] = _reasons(auditor)
    assert "Morwenna" not in stored
    assert "Quiet" not in stored

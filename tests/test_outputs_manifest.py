"""Each run's outputs replace the last run's: nothing stale lingers, --reveal files are private."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from typing import TYPE_CHECKING

from auditor.findings import exposure_score
from auditor.model import AuditRun, Person, PersonAudit, SourceReport, SourceStatus
from auditor.report import write_outputs
from auditor.report.files import MANIFEST

if TYPE_CHECKING:
    from pathlib import Path

NOW = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def run_of(*ids: str) -> AuditRun:
    crawl = SourceReport("crawl", "the person's own websites", SourceStatus.OK, "", 1)
    audits = tuple(PersonAudit(Person(id=i, name=i.title()), (crawl,), (), exposure_score([])) for i in ids)
    return AuditRun(NOW, NOW, "0.1.0", audits, ())


def test_a_report_of_someone_no_longer_audited_is_removed_with_leftover_temporary_files(
    tmp_path: Path,
) -> None:
    out = tmp_path / "reports"
    write_outputs(run_of("pat-example", "sam-example"), out, reveal=True)
    assert (out / "people" / "sam-example.html").exists()
    leftover = out / "people" / ".pat-example.html.abcd1234.tmp"  # a killed run's half-written file
    leftover.write_text("half")
    notes = out / "notes.txt"  # not ours: never touched
    notes.write_text("the security team's notes")
    write_outputs(run_of("pat-example"), out)
    assert not (out / "people" / "sam-example.html").exists()
    assert not leftover.exists()
    assert notes.read_text() == "the security team's notes"
    assert json.loads((out / MANIFEST).read_text())["files"] == sorted(
        ["findings.csv", "findings.json", "index.html", "people/pat-example.html"]
    )


def test_a_manifest_cannot_point_outside_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    outside = tmp_path / "precious.html"
    outside.write_text("keep")
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps({"files": ["../precious.html", str(outside)]}))
    write_outputs(run_of("pat-example"), out)
    assert outside.read_text() == "keep"


def test_reveal_outputs_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_outputs(run_of("pat-example"), tmp_path / "revealed", reveal=True)
        write_outputs(run_of("pat-example"), tmp_path / "masked")
    finally:
        os.umask(old)
    revealed = [p for p in (tmp_path / "revealed").rglob("*") if p.is_file()]
    assert revealed
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in revealed)
    assert stat.S_IMODE((tmp_path / "masked" / "index.html").stat().st_mode) == 0o644

"""Writers: findings.json, findings.csv, the dashboard and the person reports, written atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..advice import AdviceBook
from .csv_report import render_csv
from .files import Staged, replace_manifest
from .groups import group_views
from .html_report import Renderer
from .json_report import SCHEMA_VERSION, render_json
from .view import RunView, build_view

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..model import AuditRun, Change, ResolvedView, Triage


@dataclass(frozen=True)
class OutputPaths:
    index: Path
    findings_json: Path
    findings_csv: Path
    people: tuple[Path, ...]


def write_outputs(
    run: AuditRun,
    out: Path,
    *,
    reveal: bool = False,
    changes: Mapping[str, Change] | None = None,
    resolved: Mapping[str, tuple[ResolvedView, ...]] | None = None,
    triage: Triage | None = None,
    advice: AdviceBook | None = None,
    staged: Staged | None = None,
    format_version: int = SCHEMA_VERSION,
    unverified: Mapping[str, tuple[ResolvedView, ...]] | None = None,
    single: bool = False,
) -> OutputPaths:
    """Render everything first, then write each file atomically: a failure leaves the old reports.

    With `staged`, the files are only written beside their places; the caller publishes them (after
    committing the run's history, so reports and history never disagree). `single`: each person's page
    stands alone, to be handed to that person (no link to the dashboard, which lists everyone)."""
    view = build_view(
        run, reveal=reveal, changes=changes, resolved=resolved, triage=triage, unverified=unverified
    )
    renderer = Renderer.create(advice or AdviceBook.load())
    pages = {out / "people" / f"{p.id}.html": renderer.person(view, p, single=single) for p in view.people}
    groups = group_views(view.people)
    files = {
        out / "findings.json": render_json(view, format_version),
        out / "findings.csv": render_csv(view),
        **pages,
        **{out / "groups" / f"{g.slug}.html": renderer.group(view, g) for g in groups},
        # The dashboard last: it links to the person reports, which exist by the time it appears.
        out / "index.html": renderer.index(view, format_version=format_version),
    }
    own = staged if staged is not None else Staged()
    for path, text in files.items():
        own.add(path, text, private=reveal)  # unmasked values: 0600, whatever the umask
    own.then(lambda: replace_manifest(out, files, private=reveal))
    if staged is None:
        own.publish()
        own.finish()
    return OutputPaths(out / "index.html", out / "findings.json", out / "findings.csv", tuple(pages))


__all__ = [
    "OutputPaths",
    "RunView",
    "Staged",
    "build_view",
    "write_outputs",
]

"""The monthly summary: summary-YYYY-MM.html (with an inline SVG trend chart) and summary-YYYY-MM.json."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..model import MonthSummary, Severity, TrendPoint
from ..plain import utc_iso
from .files import write_atomic
from .html_report import make_environment

if TYPE_CHECKING:
    from pathlib import Path

SCHEMA_VERSION = 1
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")  # fmt: skip
"""English names whatever the locale: a cron job's locale must not change the report."""


@dataclass(frozen=True)
class Footer:
    """What base.html.j2 reads from `run` for its footer."""

    version: str
    generated_at: str
    revealed: bool = False


@dataclass(frozen=True)
class Segment:
    """One severity's part of one month's bar."""

    severity: str
    count: int
    y: float
    height: float


@dataclass(frozen=True)
class Bar:
    month: str
    label: str
    """Short month name; the year is added under January and under the first bar."""
    year: str
    x: float
    width: float
    cx: float
    """The bar's centre, where its labels are anchored."""
    audited: bool
    total: int
    top: float
    """The y of the bar's top (where its total is written)."""
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class Chart:
    """Geometry of the trend chart, computed here so the template only draws it (and escapes its text)."""

    width: int
    height: int
    left: float
    right: float
    top: float
    baseline: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    severities: tuple[str, ...]
    """Stacking order, bottom first; the legend lists them in the same order."""
    legend_x: float
    title: str
    description: str


def write_summary(summary: MonthSummary, out_dir: Path) -> tuple[Path, Path]:
    """Write summary-YYYY-MM.html and summary-YYYY-MM.json into `out_dir`, each atomically."""
    html_path = out_dir / f"summary-{summary.month}.html"
    json_path = out_dir / f"summary-{summary.month}.json"
    # Render both before writing either: a template error must not leave a half-updated pair.
    html = render_summary_html(summary)
    data = json.dumps(summary_to_json(summary), indent=2, ensure_ascii=False) + "\n"
    write_atomic(json_path, data)
    write_atomic(html_path, html)
    return html_path, json_path


def summary_to_json(summary: MonthSummary) -> dict[str, Any]:
    """The summary-YYYY-MM.json document (schema_version 1). Fields:

    - `schema_version` (1), `month` ("YYYY-MM", UTC), `generated_at` (ISO-8601 Z), `auditor_version`
    - `empty`: true when no run started in the month (every count below is then 0)
    - `runs`: the month's runs, oldest first: `id`, `started`, `finished`, `auditor_version`
    - `people_audited`: people in at least one of the month's runs
    - `findings`: at each person's last run of the month: `total`, `by_severity` (critical, high,
      medium, low, info) and `by_category` (every category), counts
    - `changes`: events in the month: `new` (first seen), `resolved` (gone while their source ran ok),
      `reappeared` (resolved earlier, back again)
    - `most_at_risk`: up to 10 people by score at their last run of the month, highest first:
      `id`, `name`, `group`, `score` (0-100), `incomplete` (a source could not check them, so the
      counts may be too low), `by_severity`
    - `failed_sources`: sources that could not check someone in the month: `name`, `people`, `runs`,
      `statuses` (failed / rate_limited), `details` (up to 5 distinct reasons)
    - `trend`: 12 months ending with `month`, oldest first: `month`, `audited` (false: no run that
      month, counts 0), `people_audited`, `total`, `by_severity` (at each person's last run of that month)
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "month": summary.month,
        "generated_at": utc_iso(summary.generated_at),
        "auditor_version": __version__,
        "empty": summary.empty,
        "runs": [
            {
                "id": r.id,
                "started": utc_iso(r.started),
                "finished": utc_iso(r.finished),
                "auditor_version": r.auditor_version,
            }
            for r in summary.runs
        ],
        "people_audited": summary.people_audited,
        "findings": {
            "total": summary.total_findings,
            "by_severity": dict(summary.by_severity),
            "by_category": dict(summary.by_category),
        },
        "changes": {"new": summary.new, "resolved": summary.resolved, "reappeared": summary.reappeared},
        "most_at_risk": [
            {
                "id": p.id,
                "name": p.name,
                "group": p.group,
                "score": p.score,
                "incomplete": p.incomplete,
                "by_severity": dict(p.counts),
            }
            for p in summary.most_at_risk
        ],
        "failed_sources": [
            {
                "name": s.name,
                "people": s.people,
                "runs": s.runs,
                "statuses": list(s.statuses),
                "details": list(s.details),
            }
            for s in summary.failed_sources
        ],
        "trend": [
            {
                "month": t.month,
                "audited": t.audited,
                "people_audited": t.people,
                "total": t.total,
                "by_severity": dict(t.by_severity),
            }
            for t in summary.trend
        ],
    }


def render_summary_html(summary: MonthSummary) -> str:
    env = make_environment()
    return env.get_template("summary.html.j2").render(
        run=Footer(version=__version__, generated_at=utc_iso(summary.generated_at)),
        summary=summary,
        month_label=month_label(summary.month),
        chart=trend_chart(summary.trend),
        month_labels={t.month: month_label(t.month) for t in summary.trend},
    )


def month_label(month: str) -> str:
    """The month as people write it: "2024-05" becomes "May 2024"."""
    year, number = month.split("-")
    return f"{MONTH_NAMES[int(number) - 1]} {year}"


def _nice_step(largest: int, intervals: int = 4) -> int:
    """A round tick step (1, 2, 5, 10, 20 ...) giving about `intervals` gridlines up to `largest`."""
    raw = max(1.0, largest / intervals)
    magnitude = int(10 ** math.floor(math.log10(raw)))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def trend_chart(trend: tuple[TrendPoint, ...]) -> Chart:
    """Stacked bars by severity per month (critical at the bottom), with a y scale of round numbers."""
    width, height = 720, 300
    left, right, top, baseline = 52.0, 590.0, 20.0, 250.0
    severities = tuple(s.value for s in Severity)
    largest = max((t.total for t in trend), default=0)
    step = _nice_step(largest)
    # An empty chart still gets a scale (0-4), so its axis reads as "none" rather than collapsing.
    scale_top = step * math.ceil(largest / step) if largest else 4
    per_unit = (baseline - top) / scale_top
    slot = (right - left) / max(1, len(trend))
    bars = []
    for i, point in enumerate(trend):
        y = baseline
        segments = []
        for severity in severities:
            count = point.by_severity.get(severity, 0)
            if count:
                h = count * per_unit
                y -= h
                segments.append(Segment(severity, count, round(y, 2), round(h, 2)))
        year, month = point.month.split("-")
        bars.append(
            Bar(
                month=point.month,
                label=MONTH_NAMES[int(month) - 1][:3],
                year=year if i == 0 or month == "01" else "",
                x=round(left + i * slot + slot * 0.2, 2),
                width=round(slot * 0.6, 2),
                cx=round(left + i * slot + slot * 0.5, 2),
                audited=point.audited,
                total=point.total,
                top=round(y, 2),
                segments=tuple(segments),
            )
        )
    ticks = tuple(Tick(v, round(baseline - v * per_unit, 2)) for v in range(0, scale_top + 1, step))
    first, last = (trend[0].month, trend[-1].month) if trend else ("", "")
    return Chart(
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        baseline=baseline,
        bars=tuple(bars),
        ticks=ticks,
        severities=severities,
        legend_x=right + 20,
        title=f"Findings by severity at each month's last audit, {month_label(first)} to {month_label(last)}"
        if trend
        else "Findings by severity per month",
        description=(
            "Stacked bars, one per month: critical at the bottom, then high, medium, low and "
            "for information on top; each bar's total is written above it, and months without an audit "
            "are marked 'no audit'. The table that follows gives the same numbers."
        ),
    )

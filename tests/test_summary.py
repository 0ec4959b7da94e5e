"""Month summaries from history alone, and their HTML (inline SVG trend) and JSON files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

import pytest
from test_history import ADDRESS, EMAIL, JANE, KEY, PHONE, SAM, SAM_PHONE, audit, run_on

from auditor.errors import UsageError
from auditor.history import HistoryStore, month_summary, parse_month, record_run
from auditor.model import MonthSummary, Person, Score
from auditor.report.summary_report import summary_to_json, trend_chart, write_summary

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

NOW = dt.datetime(2024, 3, 1, 6, tzinfo=dt.UTC)
EVE = Person(id="eve-hostile", name="Eve <script>alert(1)</script>", group="<b>Staff</b>")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore.open(tmp_path / "history.sqlite", KEY) as opened:
        record_run(opened, run_on("2024-01-15", audit(JANE, [PHONE, EMAIL]), audit(SAM, [SAM_PHONE])))
        # February, first run: the broker dropped the phone; crawl failed for Sam, so his phone is carried.
        record_run(
            opened,
            run_on(
                "2024-02-05",
                audit(JANE, [EMAIL, ADDRESS]),
                audit(SAM, [], failed=["crawl"], detail="timed out <after 20 s>"),
                audit(EVE, []),
            ),
        )
        # February, second run: the broker re-listed it; the keyserver was down for Jane.
        record_run(opened, run_on("2024-02-20", audit(JANE, [PHONE, EMAIL, ADDRESS], failed=["keyserver"])))
        yield opened


def test_a_month_with_runs(store: HistoryStore) -> None:
    feb = month_summary(store, "2024-02", now=NOW)
    assert not feb.empty
    assert [r.started.date() for r in feb.runs] == [dt.date(2024, 2, 5), dt.date(2024, 2, 20)]
    assert feb.people_audited == 3
    # Jane at her 20 Feb run; Sam and Eve at 5 Feb.
    assert feb.by_severity == {"critical": 2, "high": 1, "medium": 0, "low": 0, "info": 0}
    assert feb.by_category["phone"] == 1
    assert feb.by_category["address"] == 1
    assert feb.by_category["email"] == 1
    assert sum(feb.by_category.values()) == feb.total_findings == 3
    assert (feb.new, feb.resolved, feb.reappeared) == (1, 1, 1)
    assert [(p.id, p.score) for p in feb.most_at_risk] == [
        ("jane-doe", 54),  # two critical values and a high one, each on one page
        ("eve-hostile", 0),
        ("sam-patel", 0),
    ]
    assert feb.most_at_risk[0].counts["critical"] == 2
    # Jane's keyserver failed on 20 Feb and Sam's crawl on 5 Feb: their figures may be too low.
    assert [p.incomplete for p in feb.most_at_risk] == [True, False, True]
    assert [(s.name, s.people, s.runs, s.statuses) for s in feb.failed_sources] == [
        ("crawl", 1, 1, ("failed",)),
        ("keyserver", 1, 1, ("failed",)),
    ]
    assert feb.failed_sources[0].details == ("timed out <after 20 s>",)


def test_the_trend_covers_twelve_months_ending_with_the_month(store: HistoryStore) -> None:
    feb = month_summary(store, "2024-02", now=NOW)
    assert [t.month for t in feb.trend] == [f"2023-{m:02d}" for m in range(3, 13)] + ["2024-01", "2024-02"]
    audited = {t.month: t for t in feb.trend if t.audited}
    assert set(audited) == {"2024-01", "2024-02"}
    assert audited["2024-01"].by_severity["critical"] == 2
    assert audited["2024-01"].people == 2
    assert audited["2024-02"].by_severity == feb.by_severity
    assert all(t.total == 0 and t.people == 0 for t in feb.trend if not t.audited)
    jan = month_summary(store, "2024-01", now=NOW)
    assert jan.trend[0].month == "2023-02"
    assert jan.trend[-1].month == "2024-01"
    assert (jan.new, jan.resolved, jan.reappeared) == (3, 0, 0)


def test_a_month_without_runs_says_so(store: HistoryStore, tmp_path: Path) -> None:
    mar = month_summary(store, "2024-03", now=NOW)
    assert mar.empty
    assert mar.runs == ()
    assert mar.people_audited == 0
    assert mar.total_findings == 0
    assert mar.most_at_risk == ()
    assert mar.failed_sources == ()
    assert [t.month for t in mar.trend if t.audited] == ["2024-01", "2024-02"]
    html_path, json_path = write_summary(mar, tmp_path / "out")
    html = html_path.read_text(encoding="utf-8")
    assert "No audit ran in March 2024" in html
    assert json.loads(json_path.read_text(encoding="utf-8"))["empty"] is True


def test_an_empty_history_still_summarises(tmp_path: Path) -> None:
    with HistoryStore.open(tmp_path / "empty.sqlite", KEY) as empty:
        summary = month_summary(empty, "2024-05", now=NOW)
    assert summary.empty
    assert not any(t.audited for t in summary.trend)
    html_path, _ = write_summary(summary, tmp_path)
    assert "<svg" in html_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["2024-13", "2024-00", "24-01", "2024-1", "May 2024", "", "2024-05-01"])
def test_a_bad_month_is_a_usage_error(store: HistoryStore, bad: str) -> None:
    with pytest.raises(UsageError, match="YYYY-MM"):
        month_summary(store, bad)


@pytest.mark.parametrize("far", ["9999-12", "0001-05", "0000-01"])
def test_a_month_at_the_calendar_s_ends_is_a_usage_error_not_a_crash(store: HistoryStore, far: str) -> None:
    # The summary reads the months around the one asked for: year 10000 and year 0 do not exist.
    with pytest.raises(UsageError, match="out of range"):
        month_summary(store, far)


def test_month_boundaries_are_utc() -> None:
    start, end = parse_month("2024-12")
    assert start == dt.datetime(2024, 12, 1, tzinfo=dt.UTC)
    assert end == dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def written(store: HistoryStore, tmp_path: Path) -> tuple[MonthSummary, str, dict[str, Any]]:
    summary = month_summary(store, "2024-02", now=NOW)
    html_path, json_path = write_summary(summary, tmp_path / "out")
    assert (html_path.name, json_path.name) == ("summary-2024-02.html", "summary-2024-02.json")
    assert sorted(p.name for p in html_path.parent.iterdir()) == [html_path.name, json_path.name]
    return summary, html_path.read_text(encoding="utf-8"), json.loads(json_path.read_text(encoding="utf-8"))


def test_the_json_file(store: HistoryStore, tmp_path: Path) -> None:
    summary, _, data = written(store, tmp_path)
    assert data == summary_to_json(summary)
    assert data["schema_version"] == 1
    assert data["month"] == "2024-02"
    assert data["generated_at"] == "2024-03-01T06:00:00Z"
    assert data["findings"] == {
        "total": 3,
        "by_severity": {"critical": 2, "high": 1, "medium": 0, "low": 0, "info": 0},
        "by_category": summary.by_category,
    }
    assert data["changes"] == {"new": 1, "resolved": 1, "reappeared": 1}
    assert data["runs"][0]["started"] == "2024-02-05T09:00:00Z"
    assert data["most_at_risk"][0] == {
        "id": "jane-doe",
        "name": "Jane Doe",
        "group": "MPs",
        "score": 54,
        "incomplete": True,
        "by_severity": {"critical": 2, "high": 1, "medium": 0, "low": 0, "info": 0},
    }
    assert len(data["trend"]) == 12
    assert data["trend"][-1]["audited"] is True


def test_the_html_file_is_self_contained_escaped_and_accessible(store: HistoryStore, tmp_path: Path) -> None:
    _, html, _ = written(store, tmp_path)
    assert '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;' in html
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Staff&lt;/b&gt;" in html
    assert "timed out &lt;after 20 s&gt;" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), "no remote assets"
    assert "February 2024" in html
    # The chart: one well-formed SVG with a title and a description, bars with text titles, a legend.
    [svg_text] = re.findall(r"<svg.*?</svg>", html, flags=re.DOTALL)
    svg = ET.fromstring(svg_text)  # noqa: S314 - our own output, parsed to prove it is well-formed
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "trend-title trend-desc"
    assert svg.find(f"{ns}title") is not None
    assert svg.find(f"{ns}desc") is not None
    bar_titles = [t.text for t in svg.iter(f"{ns}title")][1:]
    assert "February 2024: 2 critical" in bar_titles
    texts = [t.text for t in svg.iter(f"{ns}text")]
    assert texts.count("no audit") == 10
    assert {"Critical", "High", "Medium", "Low", "For information", "Findings"} <= set(texts)
    # ...and the same numbers in a table beside it.
    assert "Trend data: findings by severity" in html
    assert html.count("no audit this month") == 10


def test_the_chart_stacks_bars_on_a_round_scale(store: HistoryStore) -> None:
    chart = trend_chart(month_summary(store, "2024-02", now=NOW).trend)
    assert len(chart.bars) == 12
    assert chart.ticks[0].value == 0
    assert chart.ticks[0].y == chart.baseline
    assert chart.ticks[-1].value >= 3
    feb = chart.bars[-1]
    assert [s.severity for s in feb.segments] == ["critical", "high"]  # critical at the bottom
    assert feb.segments[0].y + feb.segments[0].height == pytest.approx(chart.baseline)
    assert feb.segments[1].y + feb.segments[1].height == pytest.approx(feb.segments[0].y)
    assert feb.top == pytest.approx(feb.segments[-1].y)
    assert feb.year == ""
    assert chart.bars[0].year == "2023"
    assert chart.bars[10].year == "2024"


def test_most_at_risk_follows_the_exact_ordering_not_the_rounded_reading(tmp_path: Path) -> None:
    # Two people whose readings round to the same number: the summary still puts the more exposed first,
    # whatever their ids say (the stored rank decides, not the 0-100 reading and then the id).
    low = dataclasses.replace(audit(JANE, []), score=Score(97, "", 420.0, (), 9))
    high = dataclasses.replace(audit(SAM, []), score=Score(97, "", 433.5, (), 12))
    with HistoryStore.open(tmp_path / "history.sqlite", KEY) as opened:
        record_run(opened, run_on("2024-03-04", low, high))
        march = month_summary(opened, "2024-03", now=NOW)
    assert [(p.id, p.score, p.rank) for p in march.most_at_risk] == [
        ("sam-patel", 97, 433.5),
        ("jane-doe", 97, 420.0),
    ]

"""The person report and dashboard rendered from constructed view data: structure a reader relies on.

No network and no audit: each test builds the masked view model by hand, renders it, and parses the HTML.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Any

import lxml.html
import pytest

from auditor.advice import AdviceBook
from auditor.report.html_report import Renderer, long_date, strict_csp
from auditor.report.view import FindingView, PersonView, RunView, SourceView, ValueGroup
from auditor.resources import shipped

SEVERITIES = ("critical", "high", "medium", "low", "info")
WHEN = "2024-05-03T10:07:00Z"


def place(
    url: str, *, severity: str = "critical", category: str = "phone", advice: tuple[str, ...] = ()
) -> FindingView:
    host = re.sub(r"^https?://([^/]+).*$", r"\1", url)
    return FindingView(
        id=f"id-{url}", category=category, match="private", severity=severity, value="+44 7700 9•••23",
        source="crawl", url=url, host=host, evidence="ring me on 0770• ••••23", status="new",
        first_seen=WHEN, advice=advice or ("phone-off-website", "whatsapp-privacy"), detail="",
        label=f"Page at {host}", archived_at="",
    )  # fmt: skip


def group(*places: FindingView) -> ValueGroup:
    worst = places[0]
    advice = tuple(dict.fromkeys(a for p in places for a in p.advice))
    return ValueGroup(
        category=worst.category, match=worst.match, severity=worst.severity, value=worst.value,
        detail=worst.detail, advice=advice, places=places, status=worst.status,
    )  # fmt: skip


def source(name: str, status: str = "ok") -> SourceView:
    return SourceView(name, f"what {name} looks at", status, "" if status == "ok" else "HTTP 500", 3)


def person(groups: tuple[ValueGroup, ...], *, sources: tuple[SourceView, ...] | None = None) -> PersonView:
    findings = tuple(p for g in groups for p in g.places)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    sources = sources or (source("crawl"), source("wayback"))
    return PersonView(
        id="pat-example", name="Pat Example", role="Member of Parliament", group="MPs",
        score=min(100, 40 * counts["critical"] + 10 * counts["high"]), score_meaning="What the score means.",
        counts=counts, sources=sources, findings=findings, groups=groups, resolved=(),
        incomplete=any(s.status in ("failed", "rate_limited") for s in sources), new_count=len(findings),
    )  # fmt: skip


def run_of(*people: PersonView) -> RunView:
    return RunView(generated_at=WHEN, started_at=WHEN, version="0.0.test", revealed=False, people=people)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer.create(AdviceBook.load())


@pytest.fixture(scope="module")
def exposed() -> PersonView:
    """Four values: a phone on two pages, a home address, a date of birth and an account."""
    phone = group(place("http://pat.example/contact"), place("http://pat.example/about"))
    address = group(place("http://pat.example/pdf", category="address", advice=("home-address-off-web",)))
    born = group(
        place(
            "http://pat.example/about",
            severity="high",
            category="date_of_birth",
            advice=("date-of-birth-off-web",),
        )
    )
    account = group(
        place("http://social.example/@pat", severity="low", category="account", advice=("linked-accounts",))
    )
    return person((address, phone, born, account))


def parse(html: str) -> Any:
    return lxml.html.document_fromstring(html)


def text(element: Any) -> str:
    return " ".join(element.text_content().split())


def test_top_three_actions_come_first_and_link_to_their_steps(
    renderer: Renderer, exposed: PersonView
) -> None:
    doc = parse(renderer.person(run_of(exposed), exposed))
    actions = doc.xpath("//ol[@class='actions']/li")
    assert len(actions) == 3
    for li in actions:
        [link] = li.xpath(".//a")
        target = link.get("href").removeprefix("#")
        assert doc.xpath(f"//article[@id='{target}']"), f"{target} has its step-by-step section"
    # They sit in the summary, before any finding.
    summary = doc.xpath("//section[h2[@id='summary']]")[0]
    assert summary.xpath(".//ol[@class='actions']")


def test_counts_by_severity_are_shown_with_words(renderer: Renderer, exposed: PersonView) -> None:
    doc = parse(renderer.person(run_of(exposed), exposed))
    [table] = doc.xpath("//table[contains(@class, 'counts')]")
    rows = {
        text(r.xpath("./th/span[contains(@class, 'badge')]")[0]).lower(): r
        for r in table.xpath(".//tbody/tr")
    }
    assert set(rows) == {"critical", "high", "medium", "low", "for information"}
    places_column = {k: text(r.xpath("./td")[-1]) for k, r in rows.items()}
    assert places_column == {"critical": "3", "high": "1", "medium": "0", "low": "1", "for information": "0"}
    details_column = {k: text(r.xpath("./td")[0]) for k, r in rows.items()}
    assert details_column["critical"] == "2"  # the phone (two places) and the address


def test_a_value_on_two_pages_is_one_item_listing_both_places(
    renderer: Renderer, exposed: PersonView
) -> None:
    doc = parse(renderer.person(run_of(exposed), exposed))
    phones = [a for a in doc.xpath("//article[contains(@class, 'finding')]") if "Phone number" in text(a)]
    assert len(phones) == 1
    places = phones[0].xpath(".//ol[@class='places']/li")
    assert [text(li.xpath(".//p[@class='url']")[0]) for li in places] == [
        "http://pat.example/contact",
        "http://pat.example/about",
    ]
    # Each place says where, when first seen, and how to get it removed.
    for li in places:
        assert "first seen 3 May 2024" in text(li)
        assert li.xpath(".//p[@class='fix']/a[starts-with(@href, '#advice-')]")
    # The URL is text, never a link to the audited site.
    assert not doc.xpath("//a[contains(@href, 'pat.example')]")


def test_a_place_whose_severity_was_lowered_says_why(renderer: Renderer) -> None:
    note = "the date of birth appears as a publication date (a byline), not as a birth date: lowered to info"
    born = replace(
        place("http://pat.example/about", severity="high", category="date_of_birth"), evidence="born"
    )
    byline = replace(
        place("http://news.example/item", severity="info", category="date_of_birth"), detail=note, id="b"
    )
    lowered = replace(
        place("http://club.example/news", severity="info", category="date_of_birth"), detail=note
    )
    both, only_note = group(born, byline), group(lowered)
    shown = person((both, only_note))
    doc = parse(renderer.person(run_of(shown), shown))
    items = [a for a in doc.xpath("//article[contains(@class, 'finding')]") if "Date of birth" in text(a)]
    assert len(items) == 2
    # Beside the birth date that is an exposure, the byline place says why it counts for less.
    [mixed] = [a for a in items if "pat.example/about" in text(a)]
    [noted] = [li for li in mixed.xpath(".//ol[@class='places']/li") if "news.example" in text(li)]
    assert note in text(noted)
    # A detail seen only as a lowered note says so once, with the detail, not again at its place.
    [single] = [a for a in items if a is not mixed]
    assert text(single).count(note) == 1


def test_items_are_grouped_worst_first(renderer: Renderer, exposed: PersonView) -> None:
    doc = parse(renderer.person(run_of(exposed), exposed))
    order = [h.get("id") for h in doc.xpath("//h3[starts-with(@id, 'severity-')]")]
    assert order == ["severity-critical", "severity-high", "severity-low"]


def test_a_failed_source_is_not_checked_and_never_clear(renderer: Renderer) -> None:
    nothing = person(
        (), sources=(source("crawl", "failed"), source("wayback", "rate_limited"), source("rdap"))
    )
    html = renderer.person(run_of(nothing), nothing)
    doc = parse(html)
    assert "No exposure was found" not in html
    assert "This audit is incomplete" in text(doc)
    results = {text(r.xpath("./th")[0]).split(" (")[0]: text(r.xpath("./td")[0]) for r in doc.xpath(
        "//table[contains(@class, 'coverage')]/tbody/tr"
    )}  # fmt: skip
    assert "not checked (failed)" in results["Your websites"]
    assert "not checked (rate-limited)" in results["Internet Archive"]
    assert results["Domain registration records"].endswith("checked")
    # The dashboard row says so too.
    board = parse(renderer.index(run_of(nothing)))
    [row] = board.xpath("//table[contains(@class, 'dashboard')]/tbody/tr")
    assert "incomplete" in text(row)
    assert "Your websites (failed)" in text(row)


def test_a_complete_clean_audit_says_so_and_points_at_the_blind_spots(renderer: Renderer) -> None:
    clean = person(())
    doc = parse(renderer.person(run_of(clean), clean))
    assert "No exposure was found in the sources checked" in text(doc)
    assert doc.xpath("//a[@href='#blind-spots']")
    assert doc.xpath("//*[@id='blind-spots']")


def test_headings_descend_one_level_at_a_time(renderer: Renderer, exposed: PersonView) -> None:
    for html in (renderer.person(run_of(exposed), exposed), renderer.index(run_of(exposed))):
        levels = [int(h.tag[1]) for h in parse(html).iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels[0] == 1
        assert levels.count(1) == 1
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"h{before} followed by h{after}"


def test_every_table_has_scoped_headers(renderer: Renderer, exposed: PersonView) -> None:
    for html in (renderer.person(run_of(exposed), exposed), renderer.index(run_of(exposed))):
        tables = parse(html).xpath("//table")
        assert tables
        for table in tables:
            headers = table.xpath(".//th")
            assert headers, "a table without headers"
            assert all(th.get("scope") in ("col", "row") for th in headers)
            assert table.xpath(".//thead/tr/th[@scope='col']")


def test_badges_carry_words_not_just_colour(renderer: Renderer, exposed: PersonView) -> None:
    doc = parse(renderer.person(run_of(exposed), exposed))
    badges = doc.xpath("//*[contains(concat(' ', @class, ' '), ' badge ')]")
    assert badges
    for badge in badges:
        assert text(badge), "an empty badge would say something by colour alone"
        severity = next((c[4:] for c in badge.get("class").split() if c.startswith("sev-")), None)
        if severity:
            assert text(badge).lower() == {"info": "for information"}.get(severity, severity)
    # Source results carry a word as well as a colour and a mark.
    for cell in doc.xpath("//td[contains(@class, 'result')]"):
        assert re.search(r"checked|not run", text(cell))


def test_dashboard_sorts_by_risk_and_links_each_report(renderer: Renderer, exposed: PersonView) -> None:
    quiet = replace(person(()), id="quinn-quiet", name="Quinn Quiet")
    failed = replace(
        person((), sources=(source("crawl", "failed"),)),
        id="fran-failed",
        name="Fran Failed",
        incomplete=True,
    )
    doc = parse(renderer.index(run_of(quiet, exposed, failed)))
    rows = doc.xpath("//table[contains(@class, 'dashboard')]/tbody/tr")
    assert [text(r.xpath("./th/a")[0]) for r in rows] == ["Pat Example", "Fran Failed", "Quinn Quiet"]
    assert rows[0].xpath("./th/a/@href") == ["people/pat-example.html"]
    # No history: "new since last audit" means nothing yet, so the column is absent.
    assert "New since last audit" not in text(doc)


def test_dates_read_as_people_write_them() -> None:
    assert long_date("2024-05-03T10:07:00Z") == "3 May 2024"
    assert long_date("") == ""


def test_crawled_text_is_escaped_and_bidi_controls_removed(renderer: Renderer) -> None:
    hostile = replace(
        place("http://x.example/"), label='</title><script>alert(1)</script>"\u202eevil', evidence="{{ 7*7 }}"
    )
    nasty = person((group(hostile),))
    html = renderer.person(run_of(nasty), nasty)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)" in html
    assert "{{ 7*7 }}" in html
    assert "\u202e" not in html


def test_the_csp_names_exactly_the_inline_stylesheet(renderer: Renderer, exposed: PersonView) -> None:
    doc = parse(renderer.person(run_of(exposed), exposed))
    [style] = doc.xpath("//style")
    [meta] = doc.xpath("//meta[@http-equiv='Content-Security-Policy']")
    assert meta.get("content") == strict_csp(style.text)
    assert "'unsafe-inline'" not in meta.get("content")


# WCAG AA: 4.5:1 for normal text. Each pair is (text colour, background) as the stylesheet uses them.
CONTRAST_PAIRS = [
    ("ink", "paper"), ("ink", "panel"), ("muted", "paper"), ("muted", "panel"), ("link", "paper"),
    ("link", "panel"), ("ok", "paper"), ("bad", "paper"), ("bad", "panel"),
    *[(s, "paper") for s in ("critical", "high", "medium", "low", "info")],
    *[("white", s) for s in ("critical", "high", "medium", "low", "info")],  # badge text on its fill
]  # fmt: skip


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("fg", "bg"), CONTRAST_PAIRS)
def test_colours_meet_wcag_aa_contrast(fg: str, bg: str) -> None:
    css = shipped("report_templates/report.css").read_text(encoding="utf-8")
    palette = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", css), white="#ffffff")
    lighter, darker = sorted((luminance(palette[fg]), luminance(palette[bg])), reverse=True)
    ratio = (lighter + 0.05) / (darker + 0.05)
    assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f}:1"

"""Hostile pages through the whole pipeline: crawled text must reach the reports as text, never as markup.

A small sample web of pages written to break a report (script tags, attribute break-outs in titles, alt
and link text, javascript: and data: URLs, template syntax, </title> and </style> escapes, bidi overrides,
endless words, spreadsheet formulas), each beside a planted private number so the findings' labels,
evidence and URLs carry the hostile text. The real CLI audits it; the HTML is then parsed and checked.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import lxml.html
import pytest
from commandline import clean_env, run_cli

from auditor.advice import AdviceBook
from auditor.demo.server import SampleWeb, serving
from auditor.resources import shipped

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

HOST = "hostile.example"
PHONE = "07700 900321"
LONG_WORD = "A" * 4000
PAYLOAD = "\"><img src=x onerror=alert(1)><script>alert('x')</script>{{ 7*7 }}{% if 1 %}jinja{% endif %}"
BIDI = "\u202egnp.exe\u202c"

# Pages are raw HTML: escaped payloads become text after extraction; raw ones test the extractor too.
PAGES = {
    "index.html": f"""<!doctype html><html><head>
<title>&lt;/title&gt;&lt;script&gt;alert("title")&lt;/script&gt; {PAYLOAD.replace("<", "&lt;")}</title>
<meta name="description" content='"><script>alert("meta")</script>'>
<style>body {{ background: url(https://evil.example/track.png) }}</style>
<script>document.write('<img src="https://evil.example/x">')</script>
</head><body>
<p>Call me on {PHONE} &lt;script&gt;alert("evidence")&lt;/script&gt;
&lt;/style&gt;&lt;style&gt;body{{display:none}}&lt;/style&gt;</p>
<p><a href="javascript:alert(document.cookie)">"&gt;&lt;img src=x onerror=alert(2)&gt; ring {PHONE}</a></p>
<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
<img alt='"><img src=x onerror=alert(3)>{PHONE}' src="https://evil.example/pixel.gif"></p>
<p><a href="https://wa.me/447700900321?text=%22%3E%3Cscript%3Ealert(4)%3C/script%3E">WhatsApp me</a></p>
<p><a href="/x%22%3E%3Cimg%20src=x%20onerror=alert(5)%3E.html">more</a>
<a href="/rtl.html">rtl</a> <a href="/long.html">long</a> <a href="/formula.html">formula</a></p>
</body></html>""",
    'x"><img src=x onerror=alert(5)>.html': f"""<html><head><title>{{% raw %}}{{{{ config }}}}</title></head>
<body><p>Mobile {PHONE} <svg onload=alert(6)></svg><iframe src="https://evil.example/"></iframe></p></body></html>""",
    "rtl.html": f"""<html><head><title>Invoice {BIDI} for Jane</title></head>
<body><p>Text with an override {BIDI} then my number {PHONE}
and an isolate \u2067abc\u2069.</p></body></html>""",
    "long.html": f"""<html><head><title>{LONG_WORD}</title></head>
<body><p>{LONG_WORD} {PHONE} {LONG_WORD}</p></body></html>""",
    "formula.html": f"""<html><head><title>=HYPERLINK("https://evil.example","click")</title></head>
<body><p>=cmd|' /C calc'!A0 {PHONE}</p></body></html>""",
}

ROSTER = f"""\
version: 1
people:
  - id: hattie-hostile
    name: Hattie Hostile
    role: "Editor <script>alert('role')</script>"
    group: "<b>Newsroom</b>"
    websites: ["http://{HOST}/"]
    private:
      phones: ["{PHONE}"]
"""

# What a report may link to: its own sections and files, and the authorities named in the advice.
LOCAL_HREF = re.compile(
    r"^(#[\w-]+|(\.\./)?index\.html|(\.\./)?people/[a-z0-9-]+\.html|groups/[a-z0-9-]+\.html|findings\.(json|csv))$"
)


def authority_hosts() -> set[str]:
    book = AdviceBook.load()
    links = [link for entry in book for link in entry.links]
    links += list(book.approach_guidance.links) + list(book.blind_spots.links)
    return {urlsplit(link.url).hostname or "" for link in links}


def write_hostile_web(root: Path) -> Path:
    """A sample-web root (see auditor.demo.server) holding the hostile site."""
    (root / "_behaviour.json").write_text("{}")
    site = root / HOST
    site.mkdir(parents=True)
    for name, html in PAGES.items():
        (site / name).write_text(html, encoding="utf-8")
    return root


def audit_hostile_web(web: SampleWeb, tmp: Path) -> Path:
    """Run the real CLI against the hostile site; returns the output folder."""
    (tmp / "roster.yaml").write_text(ROSTER)
    (tmp / "config.yaml").write_text(
        f"""\
network: {{proxy: "{web.proxy_url}", allow_private: true, per_host_interval: 0.01, timeout: 5,
          retries: 1, backoff: 0.01, cache: false}}
crawl: {{max_depth: 2, max_pages: 20}}
sources: {{crawl: {{}}}}
"""
    )
    out = tmp / "out"
    roster, config = tmp / "roster.yaml", tmp / "config.yaml"
    flags = ("--no-history", "--quiet")
    result = run_cli("audit", roster, "--config", config, "--out", out, *flags, env=clean_env(tmp))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = write_hostile_web(tmp_path_factory.mktemp("hostile-web"))
    with serving(root) as web:
        yield audit_hostile_web(web, tmp_path_factory.mktemp("hostile-run"))


def html_files(out: Path) -> list[Path]:
    return [out / "index.html", *sorted((out / "people").glob("*.html"))]


def test_the_hostile_text_really_reached_the_report(reports: Path) -> None:
    """Guards the other tests from passing vacuously: the findings do carry the payloads."""
    findings = json.loads((reports / "findings.json").read_text())["people"][0]["findings"]
    urls = {f["url"] for f in findings}
    assert len([f for f in findings if f["category"] == "phone"]) >= 4, urls
    page = lxml.html.parse(str(reports / "people" / "hattie-hostile.html")).getroot()
    text = page.text_content()
    for shown in (
        "<script>alert(",
        "onerror=alert(",
        "{{ 7*7 }}",
        "{% if 1 %}",
        "Editor <script>",
        "=HYPERLINK(",
    ):
        assert shown in text, f"{shown!r} should appear as plain text"
    assert any("onerror" in u or "%3Cimg" in u or "<img" in u for u in urls), urls


@pytest.mark.parametrize("which", ["index", "person", "group"])
def test_report_has_no_active_content_and_no_remote_reference(reports: Path, which: str) -> None:
    paths = {
        "index": reports / "index.html",
        "person": reports / "people" / "hattie-hostile.html",
        "group": next((reports / "groups").glob("*.html")),  # the hostile person's group's page
    }
    path = paths[which]
    source = path.read_text(encoding="utf-8")
    doc = lxml.html.document_fromstring(source)
    allowed_hosts = authority_hosts()

    assert doc.xpath("//script") == []
    for tag in (
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "form",
        "base",
        "link",
        "img",
        "frame",
        "template",
    ):
        assert doc.xpath(f"//{tag}") == [], tag
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"<{element.tag} {name}=...>"
            assert name.lower() not in ("style", "srcdoc", "formaction", "background"), (
                f"<{element.tag} {name}>"
            )
            if name.lower() in ("src", "href", "action", "poster", "data", "xlink:href"):
                check_reference(element.tag, value, allowed_hosts)

    styles = doc.xpath("//style")
    assert len(styles) == 1
    assert styles[0].getparent().tag == "head"
    assert styles[0].text == shipped("report_templates/report.css").read_text(encoding="utf-8")

    [meta] = doc.xpath("//meta[@http-equiv='Content-Security-Policy']")
    policy = {d.split()[0]: d.split()[1:] for d in (p.strip() for p in meta.get("content").split(";")) if d}
    assert policy["default-src"] == ["'none'"]
    assert "script-src" not in policy  # falls back to default-src 'none': no script at all
    assert policy["img-src"] == ["data:"]
    assert [s for s in policy["style-src"] if not s.startswith("'sha256-")] == []
    assert not re.search(r"https?:|\*|'unsafe-eval'", meta.get("content"))
    assert doc.xpath("//meta[@http-equiv='refresh']") == []

    # No bidi override or isolate controls survive: crawled text cannot reorder what the reader sees.
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", source)


def check_reference(tag: str, value: str, allowed_hosts: set[str]) -> None:
    assert tag == "a", f"<{tag}> with a reference: {value!r}"
    if LOCAL_HREF.match(value):
        return
    parts = urlsplit(value)
    assert parts.scheme == "https", f"only https authority links may leave the report, not {value!r}"
    assert parts.hostname in allowed_hosts, f"{parts.hostname} is not an authority named in advice.yaml"
    assert HOST not in value
    assert "evil.example" not in value


def test_long_words_can_wrap(reports: Path) -> None:
    """A 4,000-letter word in a title or snippet must not push the page sideways: the CSS lets it break."""
    css = shipped("report_templates/report.css").read_text(encoding="utf-8")
    for selector in (".place-name", ".url", "blockquote.evidence", ".finding .value"):
        rule = re.search(re.escape(selector) + r"\s*\{[^}]*\}", css)
        assert rule, selector
        assert "overflow-wrap: anywhere" in rule.group(0), selector
    assert LONG_WORD[:120] in (reports / "people" / "hattie-hostile.html").read_text(encoding="utf-8")


def test_csv_cells_cannot_be_formulas(reports: Path) -> None:
    rows = list(csv.reader(io.StringIO((reports / "findings.csv").read_text(encoding="utf-8"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells, "findings.csv has findings"
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    # The formula text is there, defused by the leading apostrophe spreadsheets show as text.
    assert any(c.startswith("'=") or c.startswith("'+") for c in cells)


def test_every_html_file_is_parsed(reports: Path) -> None:
    for path in html_files(reports):
        doc: Any = lxml.html.parse(str(path)).getroot()
        assert doc.xpath("//script") == [], path

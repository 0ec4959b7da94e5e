"""The demo's dashboard and report in a real browser: headless Chromium, opened from disk.

Asserts what a reader relies on: the page makes no network request and logs no console error, it fits a
phone's width, it prints, and it shows every row with JavaScript off. Screenshots (desktop 1280 px and
phone 390 px, plus a print PDF) are written to the test's temporary folder, or to $AUDITOR_SCREENSHOTS
when set, for a person to look at.

Drives Debian's /usr/bin/chromium (or $AUDITOR_CHROMIUM) through Playwright's bundled driver: no
`playwright install`, no downloaded browser. `make test` installs the chromium package when it can; where
it cannot, these tests skip and say why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from auditor.demo.server import serving

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.slow

CHROMIUM = Path(os.environ.get("AUDITOR_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-background-networking"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PAGES = {"dashboard": "index.html", "report": "people/jane-doe.html"}

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="playwright is not installed: pip install -e '.[test]' (it is in the test extras)",
)
if not CHROMIUM.is_file():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: `make test` installs Debian's chromium package when run as root with "
        "apt-get available (apt-get install chromium); or set AUDITOR_CHROMIUM to a Chromium binary",
        allow_module_level=True,
    )


@dataclass
class Watch:
    """Everything one page did that the report must never do."""

    allowed: str
    requests: list[str] = field(default_factory=list)
    """Every request the page made, the page itself included."""
    console: list[str] = field(default_factory=list)
    """Console messages of type error or warning, and uncaught page errors."""

    def remote(self) -> list[str]:
        return [u for u in self.requests if u != self.allowed and not u.startswith("data:")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    # In a subprocess, as a user runs it: the CLI configures process-wide logging.
    env = {**os.environ, "AUDITOR_HASH_KEY": "browser-test", "XDG_CACHE_HOME": str(out.parent / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "auditor.cli", "demo", "--out", str(out), "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The hostile sample web of test_hostile.py, audited by the real CLI."""
    from test_hostile import audit_hostile_web, write_hostile_web  # tests/ is on sys.path

    root = write_hostile_web(tmp_path_factory.mktemp("hostile-web"))
    with serving(root) as web:
        yield audit_hostile_web(web, tmp_path_factory.mktemp("hostile-run"))


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Path]:
    wanted = os.environ.get("AUDITOR_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    # Say where the pictures are, past pytest's output capture (teardown output is otherwise swallowed).
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if capture is not None and reporter is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\nbrowser screenshots: {folder}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def open_page(
    browser: Any, path: Path, *, viewport: dict[str, int], javascript: bool = True
) -> tuple[Any, Watch]:
    """A fresh context per page: a request anywhere but the file itself is recorded, then refused."""
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript, service_workers="block")
    url = path.resolve().as_uri()
    watch = Watch(allowed=url)

    def route(r: Any) -> None:
        if r.request.url == url or r.request.url.startswith("data:"):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("request", lambda req: watch.requests.append(req.url))
    page.on(
        "console",
        lambda m: watch.console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda e: watch.console.append(f"page error: {e}"))
    page.on("dialog", lambda d: (watch.console.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(url, wait_until="load")
    return page, watch


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_page_loads_nothing_logs_nothing_and_fits(
    browser: Any, demo: Path, shots: Path, name: str, device: str
) -> None:
    viewport = DESKTOP if device == "desktop" else PHONE
    page, watch = open_page(browser, demo / PAGES[name], viewport=viewport)
    shot = shots / f"{name}-{device}-{viewport['width']}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    assert watch.requests == [watch.allowed], f"requests beyond the file itself: {watch.remote()}"
    assert watch.console == [], "console errors or warnings (a CSP violation shows up here)"
    # The stylesheet applied (its hash matches the CSP): the body's width is capped, not the browser's.
    assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {viewport['width']}px wide"
    page.context.close()


def test_report_prints(browser: Any, demo: Path, shots: Path) -> None:
    page, watch = open_page(browser, demo / PAGES["report"], viewport=DESKTOP)
    page.emulate_media(media="print")
    page.screenshot(path=str(shots / "report-print.png"), full_page=True)
    # Navigation is for screens; a letter hidden behind a click must still print.
    assert not page.locator(".no-print").first.is_visible()
    for letter in page.locator("details.letter pre").all():
        assert letter.bounding_box() is not None, "a letter template would not print"
    badge_bg = page.evaluate(
        "getComputedStyle(document.querySelector('.badge.sev-critical')).backgroundColor"
    )
    assert badge_bg in ("rgba(0, 0, 0, 0)", "transparent"), "badges print as outlined text, not dark blocks"
    pdf = shots / "report.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") >= 2
    assert watch.remote() == []
    assert watch.console == []
    page.context.close()


def test_without_javascript_every_row_and_finding_shows(browser: Any, demo: Path) -> None:
    people = json.loads((demo / "findings.json").read_text())["people"]
    page, watch = open_page(browser, demo / PAGES["dashboard"], viewport=DESKTOP, javascript=False)
    rows = page.locator("table.dashboard tbody tr")
    assert rows.count() == len(people)
    for i in range(rows.count()):
        assert rows.nth(i).is_visible()
        href = rows.nth(i).locator("th a").get_attribute("href")
        assert href is not None
        assert (demo / href).is_file()
    assert watch.remote() == []
    assert watch.console == []
    page.context.close()

    jane = next(p for p in people if p["id"] == "jane-doe")
    page, _ = open_page(browser, demo / PAGES["report"], viewport=PHONE, javascript=False)
    places = page.locator("article.finding ol.places > li")
    exposures = [f for f in jane["findings"] if f["match"] != "public"]
    assert places.count() == len(exposures)
    assert all(places.nth(i).is_visible() for i in range(places.count()))
    assert page.locator("ol.actions > li").count() == 3
    page.context.close()


def test_hostile_report_stays_inert_and_fits_a_phone(browser: Any, hostile: Path, shots: Path) -> None:
    """Scripts, break-outs and 4,000-letter words from crawled pages: nothing runs, loads or overflows."""
    for path in (hostile / "index.html", hostile / "people" / "hattie-hostile.html"):
        page, watch = open_page(browser, path, viewport=PHONE)
        page.screenshot(path=str(shots / f"hostile-{path.stem}-phone-390.png"), full_page=True)
        assert watch.requests == [watch.allowed], watch.remote()
        assert watch.console == []  # no alert() dialog, no CSP violation, no error
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path.name} scrolls sideways by {overflow}px"
        page.context.close()

"""The crawl source against a local server acting as the proxy for fictional hosts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from localserver import LocalServer, Reply
from people import jane

from auditor.config import Config, CrawlSettings
from auditor.model import Person, SourceResult, SourceStatus
from auditor.sources import SourceContext
from auditor.sources.crawl import CrawlSource

if TYPE_CHECKING:
    from conftest import FetcherFactory

SITE = "jane.example"


def page(*links: str, text: str = "") -> Reply:
    anchors = " ".join(f'<a href="{href}">{href}</a>' for href in links)
    return Reply(200, f"<html><body><p>{text}</p>{anchors}</body></html>", {"content-type": "text/html"})


def crawl(
    server: LocalServer, fetchers: FetcherFactory, seed: str, *, max_depth: int = 3, max_pages: int = 100
) -> SourceResult:
    server.route("/robots.txt", Reply.text("User-agent: *\nDisallow: /private/\n"), host=SITE)
    fetcher = fetchers(proxy=server.base_url, cache_enabled=False)
    config = Config(crawl=CrawlSettings(max_depth=max_depth, max_pages=max_pages))
    source = CrawlSource({}, SourceContext(fetcher=fetcher, config=config))
    return source.collect(jane(websites=(seed,)))


def paths(server: LocalServer, host: str = SITE) -> list[str]:
    return [r.path for r in server.requests if r.host.split(":")[0] == host]


def urls(result: SourceResult) -> set[str]:
    return {d.url for d in result.documents}


def test_breadth_first_within_the_site_each_page_once(
    local_server: LocalServer, fetcher_factory: Any
) -> None:
    local_server.route(
        "/", page("/a.html", "/b.html#top", "/a.html?utm_source=x", "http://other.example/"), host=SITE
    )
    local_server.route("/a.html", page("/", "/b.html", "http://www.jane.example/c.html"), host=SITE)
    local_server.route("/b.html", page("/a.html"), host=SITE)
    local_server.route("/c.html", page(), host="www.jane.example")
    local_server.route("/robots.txt", Reply.text(""), host="www.jane.example")
    result = crawl(local_server, fetcher_factory, f"http://{SITE}/")
    assert result.status is SourceStatus.OK, result.detail
    assert urls(result) == {f"http://{SITE}/", f"http://{SITE}/a.html", f"http://{SITE}/b.html",
                            "http://www.jane.example/c.html"}  # fmt: skip
    assert sorted(paths(local_server)) == ["/", "/a.html", "/b.html", "/robots.txt"]
    assert paths(local_server, "other.example") == []  # off-site links are never followed
    assert all(d.attributed for d in result.documents)


def test_depth_and_page_caps(local_server: LocalServer, fetcher_factory: Any) -> None:
    for depth in range(6):
        local_server.route(f"/d{depth}.html", page(f"/d{depth + 1}.html"), host=SITE)
    local_server.route("/", page("/d0.html"), host=SITE)
    shallow = crawl(local_server, fetcher_factory, f"http://{SITE}/", max_depth=2)
    assert urls(shallow) == {f"http://{SITE}/", f"http://{SITE}/d0.html", f"http://{SITE}/d1.html"}
    assert shallow.checked is None  # it read everything within its depth: it vouches for the site
    capped = crawl(local_server, fetcher_factory, f"http://{SITE}/", max_pages=2)
    assert len(capped.documents) == 2
    # Cut short by the page cap: history may resolve findings only on the pages it did read.
    assert capped.checked == (f"http://{SITE}/", f"http://{SITE}/d0.html")
    assert "page limit" in capped.detail


def test_a_seed_with_a_path_stays_under_it_but_reads_linked_files(
    local_server: LocalServer, fetcher_factory: Any
) -> None:
    local_server.route("/blog/", page("post.html", "/shop/", "/uploads/cv.pdf", "/"), host=SITE)
    local_server.route("/blog/post.html", page(), host=SITE)
    broken_pdf = Reply(200, b"%PDF-1.4 not really", {"content-type": "application/pdf"})
    local_server.route("/uploads/cv.pdf", broken_pdf, host=SITE)
    result = crawl(local_server, fetcher_factory, f"http://{SITE}/blog/")
    requested = paths(local_server)
    assert "/blog/post.html" in requested
    assert "/uploads/cv.pdf" in requested
    assert "/shop/" not in requested
    assert "/" not in requested
    # The PDF is unreadable: noted, but a file that cannot be parsed is not a failed crawl.
    assert result.status is SourceStatus.OK
    assert any(f.reason == "parse" for f in result.failures)


def test_robots_disallow_is_never_requested(local_server: LocalServer, fetcher_factory: Any) -> None:
    local_server.route("/", page("/private/notes.html", "/ok.html"), host=SITE)
    local_server.route("/ok.html", page(), host=SITE)
    result = crawl(local_server, fetcher_factory, f"http://{SITE}/")
    assert "/private/notes.html" not in paths(local_server)
    assert result.status is SourceStatus.OK
    assert "robots.txt" in result.detail


def test_a_link_that_redirects_off_the_site_is_not_read(
    local_server: LocalServer, fetcher_factory: Any
) -> None:
    local_server.route("/", page("/go"), host=SITE)
    local_server.route("/go", Reply.redirect("http://someone-else.example/profile"), host=SITE)
    local_server.route("/profile", page(text="Call Sam on 07700 900987"), host="someone-else.example")
    local_server.route("/robots.txt", Reply.text(""), host="someone-else.example")
    result = crawl(local_server, fetcher_factory, f"http://{SITE}/")
    assert urls(result) == {f"http://{SITE}/"}
    assert "redirected to other sites" in result.detail


@pytest.mark.parametrize(
    ("reply", "status"),
    [
        (Reply(503), SourceStatus.FAILED),
        (Reply(429), SourceStatus.RATE_LIMITED),
        (Reply(404), SourceStatus.OK),  # a dead link: nothing there to read, now or next time
    ],
)
def test_a_page_that_could_not_be_fetched_makes_the_crawl_incomplete(
    local_server: LocalServer, fetcher_factory: Any, reply: Reply, status: SourceStatus
) -> None:
    local_server.route("/", page("/contact.html", "/about.html"), host=SITE)
    local_server.route("/about.html", page(), host=SITE)
    local_server.route("/contact.html", reply, host=SITE)
    result = crawl(local_server, fetcher_factory, f"http://{SITE}/")
    assert result.status is status, result.detail
    if status is not SourceStatus.OK:
        assert "contact.html not checked" in result.detail
    assert f"http://{SITE}/about.html" in urls(result)  # the rest of the site was still read


def test_a_failing_seed_fails_the_source(local_server: LocalServer, fetcher_factory: Any) -> None:
    local_server.route("/", Reply(500), host=SITE)
    result = crawl(local_server, fetcher_factory, f"http://{SITE}/")
    assert result.status is SourceStatus.FAILED
    assert "not checked" in result.detail
    assert result.documents == ()


def test_no_websites_is_skipped(local_server: LocalServer, fetcher_factory: Any) -> None:
    source = CrawlSource({}, SourceContext(fetcher=fetcher_factory(), config=Config()))
    result = source.collect(Person(id="x", name="X"))
    assert result.status is SourceStatus.SKIPPED
    assert "no websites" in result.detail

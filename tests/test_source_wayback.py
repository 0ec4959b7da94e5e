"""The wayback source against a local look-alike of the Wayback Machine's CDX API and raw snapshots."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest
from localserver import LocalServer, Reply
from people import jane

from auditor.config import Config
from auditor.model import Person, SourceResult, SourceStatus
from auditor.sources.interface import SourceContext
from auditor.sources.wayback import WaybackSource
from auditor.sources.wayback_cdx import Capture, Malformed, choose, parse_cdx

if TYPE_CHECKING:
    from conftest import FetcherFactory

JANE = jane(websites=("http://janedoe.example/",))
# The header row of output=json, as internetarchive/wayback's wayback-cdx-server/README.md shows it.
HEADER = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
OLD_CONTACT = "<html><body><p>Call me on 07700 900123 or write to jane.home@mail.example</p></body></html>"


def row(
    timestamp: str, original: str, digest: str, mimetype: str = "text/html", status: str = "200"
) -> list[str]:
    urlkey = "example,janedoe)" + original.split("janedoe.example", 1)[-1].split("?")[0]
    return [urlkey, timestamp, original, mimetype, status, digest, "1234"]


def snapshot_path(timestamp: str, original: str) -> str:
    return f"/web/{timestamp}id_/{original}"


@pytest.fixture
def fetch_ctx(fetcher_factory: FetcherFactory) -> SourceContext:
    return SourceContext(fetcher=fetcher_factory(cache_enabled=False), config=Config())


def run(server: LocalServer, ctx: SourceContext, person: Person = JANE, **options: object) -> SourceResult:
    return WaybackSource({"base_url": server.base_url, **options}, ctx).collect(person)


def test_archived_page_that_no_longer_exists_becomes_a_document(
    local_server: LocalServer, fetch_ctx: SourceContext
) -> None:
    rows = [
        HEADER,
        row("20240105093000", "http://janedoe.example/", "AAAA"),
        row("20190301120000", "http://janedoe.example/old-contact.html", "BBBB"),
        row("20190301120001", "http://janedoe.example/style.css", "CCCC", mimetype="text/css"),
    ]
    local_server.route("/cdx/search/cdx", Reply.json(rows))
    old = snapshot_path("20190301120000", "http://janedoe.example/old-contact.html")
    local_server.route(old, Reply(200, OLD_CONTACT, {"content-type": "text/html; charset=utf-8"}))
    home = snapshot_path("20240105093000", "http://janedoe.example/")
    local_server.route(home, Reply(200, "<html><body><p>Welcome</p></body></html>"))
    result = run(local_server, fetch_ctx)
    assert result.status is SourceStatus.OK, result
    query = local_server.requests_to("/cdx/search/cdx")[0].query
    assert query["url"] == ["janedoe.example/"]
    assert (query["matchType"], query["output"], query["collapse"]) == (["prefix"], ["json"], ["digest"])
    assert "statuscode:200" in query["filter"]
    assert query["limit"] == ["5000"]
    # The snapshot the archive last saw longest ago comes first; raw bytes via id_; no robots.txt asked.
    assert local_server.paths()[1:] == [old, home]
    doc = result.documents[0]
    assert doc.url == local_server.url("/web/20190301120000/http://janedoe.example/old-contact.html")
    assert doc.archived_at == dt.datetime(2019, 3, 1, 12, 0, tzinfo=dt.UTC)
    assert doc.label == "Archived copy of http://janedoe.example/old-contact.html (2019-03-01)"
    assert (doc.source, doc.attributed) == ("wayback", True)
    assert "07700 900123" in doc.content.text
    assert "jane.home@mail.example" in doc.content.text
    assert result.detail == "http://janedoe.example/: 2 archived copies read (2 listed)"


@pytest.mark.parametrize("body", [[], [HEADER]])
def test_no_archived_copies_is_checked(
    local_server: LocalServer, fetch_ctx: SourceContext, body: list[object]
) -> None:
    local_server.route("/cdx/search/cdx", Reply.json(body))
    result = run(local_server, fetch_ctx)
    assert (result.status, result.documents) == (SourceStatus.OK, ())
    assert result.detail == "http://janedoe.example/: no archived copies"


def test_max_snapshots_caps_the_fetches(local_server: LocalServer, fetch_ctx: SourceContext) -> None:
    rows = [HEADER] + [
        row(f"2020010{i}000000", f"http://janedoe.example/p{i}.html", f"D{i}") for i in range(1, 9)
    ]
    local_server.route("/cdx/search/cdx", Reply.json(rows))
    for r in rows[1:]:
        local_server.route(snapshot_path(r[1], r[2]), Reply(200, "<p>old page</p>"))
    result = run(local_server, fetch_ctx, max_snapshots=3)
    assert len(result.documents) == 3
    assert len(local_server.requests) == 4
    assert result.status is SourceStatus.OK


def test_cdx_rate_limited_stops_asking(local_server: LocalServer, fetch_ctx: SourceContext) -> None:
    local_server.route("/cdx/search/cdx", Reply(429, "Too Many Requests"))
    person = jane(websites=("http://janedoe.example/", "http://jane.test/"))
    result = run(local_server, fetch_ctx, person)
    assert result.status is SourceStatus.RATE_LIMITED
    assert len(local_server.requests) == 2  # one retry for the first site; the second is not asked
    assert "http://jane.test/ not checked: the archive is rate-limiting; not asked" in result.detail


def test_cdx_server_error_fails(local_server: LocalServer, fetch_ctx: SourceContext) -> None:
    local_server.route("/cdx/search/cdx", Reply(503, "Service Unavailable"))
    result = run(local_server, fetch_ctx)
    assert result.status is SourceStatus.FAILED
    assert result.detail.startswith("http://janedoe.example/ not checked: HTTP 503")


@pytest.mark.parametrize(
    "body",
    [
        b"<html>Wayback Machine is down</html>",
        b'{"rows": []}',
        b'[["urlkey", "timestamp"]]',
        b"[1, 2]",
        b"[" * 100_000,
    ],
)
def test_malformed_cdx_fails(local_server: LocalServer, fetch_ctx: SourceContext, body: bytes) -> None:
    local_server.route("/cdx/search/cdx", Reply(200, body, {"content-type": "application/json"}))
    result = run(local_server, fetch_ctx)
    assert result.status is SourceStatus.FAILED
    assert result.detail == "http://janedoe.example/ not checked: malformed response from 127.0.0.1"


def test_snapshot_trouble(local_server: LocalServer, fetch_ctx: SourceContext) -> None:
    rows = [
        HEADER,
        row("20200101000000", "http://janedoe.example/a.html", "A"),
        row("20200102000000", "http://janedoe.example/b.html", "B"),
    ]
    local_server.route("/cdx/search/cdx", Reply.json(rows))
    local_server.route(snapshot_path("20200101000000", "http://janedoe.example/a.html"), Reply(404, "gone"))
    local_server.route(
        snapshot_path("20200102000000", "http://janedoe.example/b.html"), Reply(502, "bad gateway")
    )
    result = run(local_server, fetch_ctx)
    # An archive 404 is the snapshot's problem; a 5xx means it was not checked.
    assert result.status is SourceStatus.FAILED
    assert result.detail == (
        "http://janedoe.example/: 0 archived copies read (2 listed); 1 could not be fetched; "
        "1 unavailable or unreadable"
    )
    assert sorted(f.reason for f in result.failures) == ["http_error", "http_error"]


def test_snapshot_rate_limited_stops_reading(local_server: LocalServer, fetch_ctx: SourceContext) -> None:
    rows = [HEADER] + [
        row(f"2020010{i}000000", f"http://janedoe.example/p{i}.html", f"D{i}") for i in range(1, 5)
    ]
    local_server.route("/cdx/search/cdx", Reply.json(rows))
    for r in rows[1:]:
        local_server.route(snapshot_path(r[1], r[2]), Reply(429, "slow down"))
    result = run(local_server, fetch_ctx)
    assert result.status is SourceStatus.RATE_LIMITED
    assert len(local_server.requests) == 3  # the listing, then one snapshot asked twice
    assert "4 could not be fetched" in result.detail


def test_no_websites_is_skipped(fetch_ctx: SourceContext) -> None:
    result = WaybackSource({}, fetch_ctx).collect(Person(id="sam-patel", name="Sam Patel"))
    assert (result.status, result.detail) == (SourceStatus.SKIPPED, "no websites on the roster")


def test_seed_path_is_the_prefix(local_server: LocalServer, fetch_ctx: SourceContext) -> None:
    local_server.route("/cdx/search/cdx", Reply.json([]))
    sam = Person(id="sam-patel", name="Sam Patel", websites=("https://sampatel.test/blog/?utm_source=x#top",))
    run(local_server, fetch_ctx, sam)
    assert local_server.requests[0].query["url"] == ["sampatel.test/blog/"]


def test_parse_cdx_handles_header_resume_key_and_junk() -> None:
    rows: list[list[str]] = [
        HEADER,
        row("20240105093000", "http://janedoe.example/", "AAAA"),
        row("20240105093000", "http://janedoe.example/a.pdf", "P", mimetype="application/pdf"),
        row("20240105", "http://janedoe.example/x.jpg", "J", mimetype="image/jpeg"),  # short timestamp
        row("20241305093000", "http://janedoe.example/y", "Y"),  # month 13
        row("20240105093000", "ftp://janedoe.example/z", "Z"),
        row("20240105093000", "http://janedoe.example/r", "R", mimetype="warc/revisit", status="-"),
        row("20240105093000", "http://janedoe.example/s.svg", "S", mimetype="image/svg+xml"),
        ["too", "short"],
        [],  # showResumeKey's blank row and key
        ["example%2Cjanedoe%29%2F+20240105093000%21"],
    ]
    data = json.dumps(rows).encode()
    captures = parse_cdx(data)
    assert isinstance(captures, list)
    assert [c.original for c in captures] == ["http://janedoe.example/", "http://janedoe.example/a.pdf"]
    assert captures[0].captured_at == dt.datetime(2024, 1, 5, 9, 30, tzinfo=dt.UTC)
    assert parse_cdx(b"{}") == Malformed("not a JSON array")


def test_choose_prefers_distinct_urls_then_changed_versions() -> None:
    def cap(ts: str, path: str, digest: str) -> Capture:
        return Capture(f"example,janedoe){path}", ts, f"http://janedoe.example{path}", "text/html", digest)

    captures = [
        cap("20240101000000", "/", "HOME3"),
        cap("20220101000000", "/", "HOME2"),
        cap("20210101000000", "/", "HOME3"),  # same content as the newest: nothing new to see
        cap("20180101000000", "/", "HOME1"),
        cap("20190101000000", "/old-contact.html", "OLD"),
        cap("20230101000000", "/news/", "NEWS"),
    ]
    chosen = [(c.timestamp[:4], c.digest) for c in choose(captures, 10)]
    assert chosen == [
        ("2019", "OLD"),
        ("2023", "NEWS"),
        ("2024", "HOME3"),
        ("2022", "HOME2"),
        ("2018", "HOME1"),
    ]
    assert len(choose(captures, 2)) == 2
    assert choose(captures, 0) == []

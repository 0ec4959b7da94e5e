"""The Wayback Machine's CDX API: the query for a site's captures, its JSON rows, and which to fetch."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

# The query and the JSON shape follow internetarchive/wayback's wayback-cdx-server/README.md: output=json
# gives an array whose first row is the header ["urlkey","timestamp","original","mimetype","statuscode",
# "digest","length"]; an empty result is [] (or the header alone); with showResumeKey an empty row and a
# one-element row follow the captures.
CDX_ROWS = 5000
"""Rows asked for per site (a positive limit: the first rows in urlkey order). Negative limits return the
newest, but the README warns they are slow; the rows are sorted by time here instead."""
# filter= is a Java regex matched against the whole field; several filters all apply.
_MIMETYPE_FILTER = r"mimetype:(text/html|application/xhtml\+xml|application/pdf|image/.+)"
_KEPT_TYPES = re.compile(r"text/html|application/xhtml\+xml|application/pdf|image/(?!svg).+")
_TIMESTAMP = re.compile(r"\d{14}")
_NEEDED = ("timestamp", "original", "mimetype", "statuscode", "digest")


@dataclass(frozen=True)
class Capture:
    """One archived capture of one URL."""

    urlkey: str
    """The archive's canonical form of the URL (SURT): two spellings of one page share it."""
    timestamp: str
    """yyyyMMddhhmmss, UTC."""
    original: str
    mimetype: str
    digest: str
    """Hash of the captured body: equal digests are equal content."""

    @property
    def captured_at(self) -> dt.datetime:
        return dt.datetime.strptime(self.timestamp, "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Malformed:
    """The CDX answer is not the documented JSON."""

    detail: str


def cdx_query(base_url: str, seed: str) -> str:
    """The CDX URL listing a seed's captures: everything under its host and path, 200s of readable types,
    adjacent duplicates collapsed."""
    parts = urlsplit(seed)
    # The CDX matches on host and path whatever the scheme (urlkeys are scheme-less SURTs).
    target = (parts.hostname or "") + (f":{parts.port}" if parts.port else "") + (parts.path or "/")
    params = [
        ("url", target),
        ("matchType", "prefix"),
        ("output", "json"),
        ("filter", "statuscode:200"),
        ("filter", _MIMETYPE_FILTER),
        ("collapse", "digest"),
        ("limit", str(CDX_ROWS)),
    ]
    return f"{base_url}/cdx/search/cdx?{urlencode(params)}"


def parse_cdx(body: bytes) -> list[Capture] | Malformed:
    """The captures in a CDX JSON answer worth reading (200, html/pdf/image); rows of another shape are
    skipped, a body of another shape is Malformed."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as e:  # UnicodeDecodeError is a ValueError
        return Malformed(f"not JSON ({type(e).__name__})")
    if not isinstance(data, list):
        return Malformed("not a JSON array")
    if not data:
        return []
    header = data[0]
    if not isinstance(header, list) or not all(isinstance(h, str) for h in header):
        return Malformed("the first row is not a header")
    columns = {name: i for i, name in enumerate(header)}
    if any(name not in columns for name in _NEEDED):
        return Malformed("the header lacks timestamp, original, mimetype, statuscode or digest")
    captures = []
    for row in data[1 : CDX_ROWS + 1]:
        if not isinstance(row, list) or len(row) != len(header) or not all(isinstance(v, str) for v in row):
            continue  # the blank row and resume key of showResumeKey, or junk
        capture = _capture(row, columns)
        if capture is not None:
            captures.append(capture)
    return captures


def _capture(row: list[str], columns: dict[str, int]) -> Capture | None:
    timestamp = row[columns["timestamp"]]
    original = row[columns["original"]]
    mimetype = row[columns["mimetype"]].split(";", 1)[0].strip().lower()
    if row[columns["statuscode"]] != "200" or not _KEPT_TYPES.fullmatch(mimetype):
        return None
    if not _TIMESTAMP.fullmatch(timestamp) or len(original) > 2000:
        return None
    try:
        dt.datetime.strptime(timestamp, "%Y%m%d%H%M%S")
        scheme = urlsplit(original).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https"):
        return None
    urlkey = row[columns["urlkey"]] if "urlkey" in columns else original
    return Capture(urlkey, timestamp, original, mimetype, row[columns["digest"]])


def choose(captures: list[Capture], limit: int) -> list[Capture]:
    """At most `limit` captures, the most telling first.

    The live crawl already sees what a site shows today, so the archive is worth most for what it no
    longer shows: first one capture per URL (its newest), URLs the archive last saw longest ago first
    (a page still online keeps being captured; one that vanished does not); then older versions whose
    content differs from every capture already chosen for that URL, newest first.
    """
    by_url: dict[str, list[Capture]] = {}
    for capture in captures:
        by_url.setdefault(capture.urlkey, []).append(capture)
    newest: list[Capture] = []
    older: list[Capture] = []
    for group in by_url.values():
        group.sort(key=lambda c: c.timestamp, reverse=True)
        newest.append(group[0])
        digests = {group[0].digest}
        for capture in group[1:]:
            if capture.digest not in digests:
                digests.add(capture.digest)
                older.append(capture)
    newest.sort(key=lambda c: (c.timestamp, c.original))
    older.sort(key=lambda c: (c.timestamp, c.original), reverse=True)
    return (newest + older)[: max(limit, 0)]

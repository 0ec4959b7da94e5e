"""Detector precision on real third-party pages (../shared/corpus): no known-value hits, few discoveries."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import re
from pathlib import Path

import pytest
from people import jane

from auditor.detectors import EmailDetector, KnownValuesDetector, PhoneDetector, PostcodeDetector, Subject
from auditor.model import DocKind, Document, Extracted, PrivateLocation, PrivateValues, PublicValues

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pages"

# Fictional, but with values shaped like real ones so look-alikes on real pages get their chance.
FICTIONAL = jane(
    aliases=("J. Doe",),
    public=PublicValues(
        emails=("jane.doe.mp@parliament.example",),
        phones=("020 7946 0001",),
        addresses=("Constituency Office, 1 High Street, Exampleton EX1 1AA",),
    ),
    private=PrivateValues(
        phones=("07700 900123", "0113 496 0555"),
        emails=("jane.home@mail.example", "jdoe1975@mail.test"),
        addresses=("12 Acacia Avenue, Exampleton EX2 3BB", "Flat 3, 45 Station Road, Otherton OT1 2AB"),
        dates_of_birth=(dt.date(1975, 3, 14), dt.date(2001, 11, 5)),
        relatives=("Tom Doe", "Lily Doe"),
        locations=(PrivateLocation(lat=52.61, lon=-1.11, label="home"),),
        other=("St Mary's Primary", "Sunday Striders running club"),
    ),
)

_DROP = re.compile(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->")
_TAG = re.compile(r"(?s)<[^>]*>")


def _visible_text(markup: str) -> str:
    """Crude tag stripping: good enough to give the detectors the words a reader sees."""
    return html.unescape(_TAG.sub(" ", _DROP.sub(" ", markup)))


@pytest.fixture(scope="module")
def pages() -> list[tuple[str, Document]]:
    files = sorted(PAGES.glob("*.html.gz")) if PAGES.is_dir() else []
    if not files:
        pytest.skip(f"corpus not present at {PAGES}")
    out = []
    for path in files:
        text = _visible_text(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        content = Extracted(kind=DocKind.HTML, text=text)
        out.append(
            (path.name, Document(url=path.as_uri(), source="corpus", content=content, attributed=True))
        )
    return out


def test_no_known_value_hits_on_real_pages(pages: list[tuple[str, Document]]) -> None:
    detector = KnownValuesDetector()
    found = [
        (name, hit.key, hit.evidence)
        for name, document in pages
        for hit in detector.detect(document, Subject.of(FICTIONAL))
    ]
    assert found == []


def test_discovered_counts_on_real_pages(pages: list[tuple[str, Document]]) -> None:
    """Reports (does not judge) how much the discovered-data detectors find on pages about nobody.

    Every hit here is a real page's own contact detail or a false positive; run with -s to read them.
    """
    for detector in (PhoneDetector(), EmailDetector(), PostcodeDetector()):
        hits = [
            (name, hit)
            for name, document in pages
            for hit in detector.detect(document, Subject.of(FICTIONAL))
        ]
        with_hits = len({name for name, _ in hits})
        print(f"\n{detector.name}: {len(hits)} hits on {with_hits} of {len(pages)} pages")
        if detector.name == "phone_numbers":
            for name, hit in hits:
                print(f"  {name[:16]}  {hit.key:<16} {hit.detail[:24]:<24} {hit.evidence[:90]}")
        assert all(hit.match.value == "discovered" for _, hit in hits)

"""Extraction and detector throughput on real third-party pages (../shared/corpus, skipped if absent).

    .venv/bin/python benchmarks/bench_detectors.py
Prints documents/s and MB/s for extraction and for the detectors, and the discovered-data hit counts a
reviewer should judge for precision (the corpus pages are about nobody on the roster).
"""

from __future__ import annotations

import gzip
import sys
import time
from collections import Counter
from pathlib import Path

from auditor.detectors import Subject, detect
from auditor.extract import ExtractError, extract
from auditor.model import Document, Person, PrivateLocation, PrivateValues, PublicValues

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pages"

PERSON = Person(
    id="jane-doe",
    name="Jane Doe",
    public=PublicValues(phones=("020 7946 0001",), emails=("jane.doe.mp@parliament.example",)),
    private=PrivateValues(
        phones=("07700 900123",),
        emails=("jane.home@mail.example",),
        addresses=("12 Acacia Avenue, Exampleton EX2 3BB",),
        relatives=("Tom Doe",),
        other=("Sunday Striders running club",),
        locations=(PrivateLocation(52.61, -1.11),),
    ),
)


def main() -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: nothing to measure")
        return 0
    bodies = [gzip.decompress(p.read_bytes()) for p in sorted(CORPUS.glob("*.html.gz"))]
    size_mb = sum(map(len, bodies)) / 1e6
    started = time.perf_counter()
    contents = [extract(b, url="http://corpus.test/", content_type="text/html") for b in bodies]
    extract_s = time.perf_counter() - started
    documents = [
        Document(url=f"http://corpus.test/{i}", source="crawl", content=c, attributed=True)
        for i, c in enumerate(contents)
        if not isinstance(c, ExtractError)
    ]
    started = time.perf_counter()
    subject = Subject.of(PERSON)
    hits: Counter[tuple[str, str]] = Counter()
    for document in documents:
        for hit in detect(document, subject):
            hits[(hit.detector, hit.match.value)] += 1
    detect_s = time.perf_counter() - started
    print(f"{len(bodies)} pages, {size_mb:.1f} MB of HTML")
    for stage, seconds, count in (
        ("extraction", extract_s, len(bodies)),
        ("detectors", detect_s, len(documents)),
    ):
        print(f"{stage:11} {seconds:6.2f} s  {count / seconds:6.1f} pages/s  {size_mb / seconds:5.2f} MB/s")
    for (name, match), count in sorted(hits.items()):
        print(f"  {name:16} {match:10} {count:5} hits")
    private = sum(n for (_, match), n in hits.items() if match in ("private", "public"))
    print(f"known-value hits on pages about nobody on the roster: {private} (should be 0)")
    return 1 if private else 0


if __name__ == "__main__":
    sys.exit(main())

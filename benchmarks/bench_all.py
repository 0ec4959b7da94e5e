"""`make bench`: every performance figure beside the bound it must reach, each measured in this run.

    .venv/bin/python benchmarks/bench_all.py [--quick]

Rows (the README's "Performance" table):
- crawl: 32 sites x 31 pages at 50 ms a response, concurrency 8, 0.1 s per-host interval; wall time as a
  ratio to requests x latency / concurrency, the best any schedule can do with that many in flight.
- pipeline: extraction and detection of ../shared/corpus's real pages in this process, in MB/s, beside
  lxml's raw parse of the same bytes (skipped without the corpus).
- memory: peak RSS of a crawl-only audit of a generated loopback web, each size in a fresh process;
  "flat" means each person adds less than 1 MB (their findings), however many pages they have.
- warm re-run: the share of requests a second run answers with 304 Not Modified.
- sealed roster: the pipeline, and detection alone, on the corpus for one person sealed (`auditor seal`)
  beside the same person plain.
`--quick` uses smaller webs (for a look, not for the table).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_detectors import CORPUS, PERSON
from webs import crawl, remote_web

from auditor.config import NetworkSettings
from auditor.detectors import Subject, detect
from auditor.extract import ExtractError, extract
from auditor.model import Document, PrivateValues
from auditor.seal import Sealer

HERE = Path(__file__).resolve().parent


def crawl_ratio(sites: int = 32, pages: int = 30, latency: float = 0.05) -> tuple[float, str]:
    from bench_crawl import build_web

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "web"
        people = build_web(root, sites, pages, latency)
        with remote_web(root) as web:
            network = NetworkSettings(
                proxy=web.proxy_url, allow_private=True, per_host_interval=0.1, concurrency=8,
                cache_enabled=False, retries=0,
            )  # fmt: skip
            elapsed, _ = crawl(people, network)
            requests, _ = web.counts()
    bound = requests * latency / 8
    return elapsed / bound, f"{elapsed:.2f} s for {requests} requests; bound {bound:.2f} s"


def pipeline() -> tuple[float, float] | None:
    """(pipeline MB/s, lxml raw parse MB/s) on the corpus, or None without it."""
    import lxml.html  # only its parse time is used

    if not CORPUS.is_dir():
        return None
    bodies = [gzip.decompress(p.read_bytes()) for p in sorted(CORPUS.glob("*.html.gz"))]
    size_mb = sum(map(len, bodies)) / 1e6
    started = time.perf_counter()
    for body in bodies:
        lxml.html.document_fromstring(body)
    raw = size_mb / (time.perf_counter() - started)
    subject = Subject.of(PERSON)
    started = time.perf_counter()
    for n, body in enumerate(bodies):
        content = extract(body, url=f"http://corpus.test/{n}", content_type="text/html")
        if not isinstance(content, ExtractError):
            detect(Document(f"http://corpus.test/{n}", "crawl", content, attributed=True), subject)
    return size_mb / (time.perf_counter() - started), raw


def plain_and_sealed() -> dict[str, tuple[float, float]] | None:
    """(plain, sealed) MB/s on the corpus for the same person, plain and sealed (`auditor seal`): for
    detection alone (MB of text) and for the whole pipeline, extraction and detection (MB of HTML).
    None without the corpus.

    Plain and sealed take turns over blocks of 40 pages, so a busy spell of the machine slows both
    alike; a block is longer than the per-text caches the detectors share, so neither inherits the
    other's work."""
    if not CORPUS.is_dir():
        return None
    bodies = [gzip.decompress(p.read_bytes()) for p in sorted(CORPUS.glob("*.html.gz"))]
    pages = []
    for n, body in enumerate(bodies):
        content = extract(body, url=f"http://corpus.test/{n}", content_type="text/html")
        if not isinstance(content, ExtractError):
            pages.append((body, Document(f"http://corpus.test/{n}", "crawl", content, attributed=True)))
    text_mb = sum(len(d.content.text) for _, d in pages) / 1e6
    html_mb = sum(len(body) for body, _ in pages) / 1e6
    seal = Sealer(b"bench").seal(PERSON.private)
    sealed = dataclasses.replace(PERSON, private=PrivateValues(), sealed=seal)

    def detection(block: list[tuple[bytes, Document]], subject: Subject) -> float:
        started = time.perf_counter()
        for _, document in block:
            detect(document, subject)
        return time.perf_counter() - started

    def whole(block: list[tuple[bytes, Document]], subject: Subject) -> float:
        started = time.perf_counter()
        for body, document in block:
            content = extract(body, url=document.url, content_type="text/html")
            if not isinstance(content, ExtractError):
                detect(Document(document.url, "crawl", content, attributed=True), subject)
        return time.perf_counter() - started

    rates: dict[str, tuple[float, float]] = {}
    for kind, measure, size_mb in (("detection", detection, text_mb), ("pipeline", whole, html_mb)):
        best = [0.0, 0.0]
        for _ in range(3):
            # A new subject (and key) for each, as each audit has: nothing learnt from the last round.
            subjects = [Subject.of(PERSON, Sealer(b"bench")), Subject.of(sealed, Sealer(b"bench"))]
            spent = [0.0, 0.0]
            for n, start in enumerate(range(0, len(pages), 40)):
                for which in (0, 1) if n % 2 == 0 else (1, 0):
                    spent[which] += measure(pages[start : start + 40], subjects[which])
            best = [max(best[i], size_mb / spent[i]) for i in (0, 1)]
        rates[kind] = (best[0], best[1])
    return rates


def pipeline_all_cores() -> float | None:
    """Pipeline MB/s as an audit runs it: pages parsed in the extractor's worker processes (one per
    core), fed by several threads, and detected as they come back."""
    from concurrent.futures import ThreadPoolExecutor

    from auditor.extract import IsolatedExtractor

    if not CORPUS.is_dir():
        return None
    bodies = [gzip.decompress(p.read_bytes()) for p in sorted(CORPUS.glob("*.html.gz"))]
    size_mb = sum(map(len, bodies)) / 1e6
    subject = Subject.of(PERSON)
    with IsolatedExtractor(html=True) as extractor, ThreadPoolExecutor(8) as threads:
        extractor(b"<p>warm</p>", url="http://corpus.test/", content_type="text/html")  # start the pool
        started = time.perf_counter()
        read = threads.map(
            lambda b: extractor(b, url="http://corpus.test/", content_type="text/html"), bodies
        )
        for n, content in enumerate(read):
            if not isinstance(content, ExtractError):
                detect(Document(f"http://corpus.test/{n}", "crawl", content, attributed=True), subject)
        return size_mb / (time.perf_counter() - started)


def scale(people: int, pages: int, rerun: bool = False) -> dict[str, float]:
    """bench_scale in a fresh process, so each peak RSS is its own."""
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); from bench_scale import measure; "
        f"print(json.dumps(measure({people}, {pages}, 5, 8, {rerun})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(HERE)], check=True, capture_output=True, text=True, timeout=3600
    )
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rows: list[tuple[str, str, str, bool]] = []

    ratio, how = crawl_ratio()  # fewer sites would make one host's interval the bound, not the slots
    rows.append(("crawl: wall time / lower bound", f"{ratio:.2f}x ({how})", "<= 1.2x", ratio <= 1.2))

    measured = pipeline()
    if measured is None:
        rows.append(("pipeline on ../shared/corpus", "skipped: no corpus", ">= 10 MB/s", True))
    else:
        mbs, raw = measured
        now = f"{mbs:.1f} MB/s (lxml raw parse {raw:.0f} MB/s)"
        rows.append(("pipeline on ../shared/corpus, one core", now, ">= 10 MB/s", mbs >= 10))
        both = pipeline_all_cores() or 0.0
        cores = len(os.sched_getaffinity(0))
        rows.append((f"pipeline, all {cores} cores", f"{both:.1f} MB/s ({both / mbs:.1f}x one core)",
                     "close to 2x", both >= 1.6 * mbs))  # fmt: skip

    compared = plain_and_sealed()
    if compared is not None:
        for kind, label in (("pipeline", "pipeline, sealed roster"), ("detection", "detection, sealed")):
            plain, sealed = compared[kind]
            now = f"{sealed:.1f} MB/s ({sealed / plain:.2f}x the plain roster's {plain:.1f} MB/s)"
            rows.append((label, now, "no worse than plain", sealed >= plain))

    small = scale(100 if args.quick else 1000, 6, rerun=True)
    label = f"peak RSS, {'100' if args.quick else '1,000'} people x 6 pages"
    rows.append((label, f"{small['peak_rss_mb']:.0f} MB", "< 150 MB", small["peak_rss_mb"] < 150))
    # Flat in roster size: five times the people, and only what their findings need on top.
    few, many = (20, 100) if args.quick else (200, 1000)
    smaller = scale(few, 100)
    label = f"peak RSS, {few:,} people x 100 pages"
    rows.append((label, f"{smaller['peak_rss_mb']:.0f} MB", "< 300 MB", smaller["peak_rss_mb"] < 300))
    big = scale(many, 100)
    per_person = (big["peak_rss_mb"] - smaller["peak_rss_mb"]) * 1024 / (many - few)
    pages = big["documents"] / many
    now = f"{big['peak_rss_mb']:.0f} MB (+{per_person:.0f} KB a person for {pages:.0f} pages)"
    label = f"peak RSS, {many:,} people x 100 pages"
    rows.append((label, now, "< 300 MB, flat", big["peak_rss_mb"] < 300 and per_person < 1024))
    share = small["rerun_304_share"]
    rows.append(("warm re-run answered 304", f"{share:.0%}", "100%", share >= 0.999))

    width = max(len(r[0]) for r in rows)
    print(f"{'measured':<{width}}  {'now':<50}  must reach")
    for name, now, bound, met in rows:
        print(f"{name:<{width}}  {now:<50}  {bound}  {'ok' if met else 'NOT MET'}")


if __name__ == "__main__":
    main()

"""Memory at scale: a generated loopback web of one site per person, crawled by a whole roster.

Prints peak RSS (resource.getrusage) after the audit, the pages read, and the share of requests a warm
re-run (same cache) answers 304 Not Modified. The web is generated on disk and served from a separate
process, as a real web would be: its memory and CPU are not the auditor's.

    .venv/bin/python benchmarks/bench_scale.py [--people 1000] [--pages 6] [--page-kb 5] [--rerun]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path

from auditor.audit import run_audit
from auditor.config import Config, CrawlSettings, NetworkSettings
from auditor.demo.server import serving
from auditor.fetch import Fetcher
from auditor.model import Person, PrivateValues

_FILLER = (
    "The constituency surgery meets on the first Friday of the month at the community centre. "
    "Residents are welcome to raise matters of local concern with the office team. "
)


def build_web(root: Path, people: int, pages: int, page_kb: int) -> list[Person]:
    roster = []
    for n in range(people):
        host = f"person{n}.test"
        site = root / host
        site.mkdir(parents=True)
        (site / "robots.txt").write_text("User-agent: *\nAllow: /\n")
        links = "".join(f'<a href="/p{i}.html">page {i}</a> ' for i in range(pages - 1))
        (site / "index.html").write_text(f"<html><body><h1>Person {n}</h1>{links}</body></html>")
        filler = (_FILLER * (page_kb * 1024 // len(_FILLER) + 1))[: page_kb * 1024]
        for i in range(pages - 1):
            body = f"<p>Post {i}. Office: 020 7946 0{i % 1000:03d}.</p><p>{filler}</p>"
            (site / f"p{i}.html").write_text(f"<html><body>{body}</body></html>")
        roster.append(
            Person(
                id=f"person-{n}",
                name=f"Person {n}",
                websites=(f"http://{host}/",),
                private=PrivateValues(phones=("07700 900001",)),
            )
        )
    (root / "_behaviour.json").write_text(json.dumps({}))
    return roster


def _serve(root: str, ready: multiprocessing.connection.Connection) -> None:
    with serving(Path(root)) as web:
        ready.send(web.proxy_url)
        ready.recv()  # until the benchmark says it is done
        ready.send((len(web.requests), sum(1 for r in web.requests if r.path.endswith((".html", "/")))))


def audit(people: list[Person], proxy: str, cache: Path, concurrency: int) -> tuple[float, int]:
    network = NetworkSettings(
        proxy=proxy,
        allow_private=True,
        per_host_interval=0,
        concurrency=concurrency,
        cache=cache,
        retries=0,
    )
    config = Config(network=network, crawl=CrawlSettings(max_pages=1000), sources={"crawl": {}})
    started = time.perf_counter()
    with Fetcher(network) as fetcher:
        run = run_audit(people, config, fetcher=fetcher, key=b"bench", advise=lambda *a: ())
    documents = sum(s.documents for a in run.people for s in a.sources)
    return time.perf_counter() - started, documents


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--page-kb", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "web"
        people = build_web(root, args.people, args.pages, args.page_kb)
        ours, theirs = multiprocessing.Pipe()
        server = multiprocessing.get_context("spawn").Process(target=_serve, args=(str(root), theirs))
        server.start()
        try:
            proxy = ours.recv()
            base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            elapsed, documents = audit(people, proxy, Path(tmp) / "cache.sqlite", args.concurrency)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{args.people} people x {args.pages} pages of {args.page_kb} KB: {documents} documents "
                f"in {elapsed:.1f} s; peak RSS {peak:.0f} MB (before the audit: {base:.0f} MB)"
            )
        finally:
            ours.send("done")
            ours.recv()
            server.join(timeout=10)


if __name__ == "__main__":
    main()

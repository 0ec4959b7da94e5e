"""Crawl throughput: fictional sites behind the sample-web proxy, at several concurrency settings.

Each host answers after a fixed latency and is crawled politely (a minimum interval per host), so the
run can only go faster by working on several hosts at once. Prints pages/s for each setting, and the
wall time as a ratio to its lower bound measured in the same run: requests x latency / concurrency
(no schedule can beat it with that many requests in flight).

    .venv/bin/python benchmarks/bench_crawl.py [--sites 32] [--pages 30] [--latency 0.05] [--interval 0.1]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from webs import crawl, documents_read, remote_web

from auditor.config import NetworkSettings
from auditor.model import Person, PrivateValues


def build_web(root: Path, sites: int, pages: int, latency: float) -> list[Person]:
    behaviour = {}
    people = []
    for s in range(sites):
        host = f"site{s}.test"
        behaviour[host] = {"delay": latency}
        (root / host).mkdir(parents=True)
        (root / host / "robots.txt").write_text("User-agent: *\nAllow: /\n")
        links = "".join(f'<a href="/p{i}.html">page {i}</a> ' for i in range(pages))
        (root / host / "index.html").write_text(f"<html><body><h1>Site {s}</h1>{links}</body></html>")
        for i in range(pages):
            body = f"<p>Post {i} on site {s}. Call the office on 020 7946 0{i:03d}.</p>"
            (root / host / f"p{i}.html").write_text(f"<html><body>{body}</body></html>")
        people.append(
            Person(
                id=f"person-{s}",
                name=f"Person {s}",
                websites=(f"http://{host}/",),
                private=PrivateValues(phones=("07700 900001",)),
            )
        )
    # The sample web's behaviour file: every host answers after `latency` seconds.
    (root / "_behaviour.json").write_text(json.dumps(behaviour))
    return people


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sites", type=int, default=32)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "web"
        people = build_web(root, args.sites, args.pages, args.latency)
        total_pages = args.sites * (args.pages + 1)
        print(
            f"{args.sites} sites x {args.pages + 1} pages, {args.latency * 1000:.0f} ms latency, "
            f"{args.interval:.2f} s per-host interval"
        )
        for concurrency in args.concurrency:
            with remote_web(root) as web:  # in its own process, as in make bench
                network = NetworkSettings(
                    proxy=web.proxy_url,
                    allow_private=True,
                    per_host_interval=args.interval,
                    concurrency=concurrency,
                    cache_enabled=False,
                    retries=0,
                )
                elapsed, run = crawl(people, network)
                requests, _ = web.counts()
            documents = documents_read(run)
            assert documents == total_pages, (documents, total_pages)
            bound = requests * args.latency / concurrency
            print(
                f"concurrency {concurrency}: {elapsed:6.2f} s for {requests} requests, "
                f"{documents / elapsed:7.1f} pages/s; bound {bound:.2f} s; ratio {elapsed / bound:.2f}x"
            )


if __name__ == "__main__":
    main()

"""Memory at scale: a generated loopback web of one site per person, crawled by a whole roster.

Prints peak RSS after the audit, the pages read, and the share of requests a warm
re-run (same cache) answers 304 Not Modified. The web is generated on disk and served from a separate
process, as a real web would be: its memory and CPU are not the auditor's.

    .venv/bin/python benchmarks/bench_scale.py [--people 1000] [--pages 6] [--page-kb 5] [--rerun]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
from pathlib import Path

from webs import crawl, documents_read, remote_web

from auditor.config import NetworkSettings
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


def audit(people: list[Person], proxy: str, cache: Path, concurrency: int) -> tuple[float, int]:
    network = NetworkSettings(
        proxy=proxy, allow_private=True, per_host_interval=0, concurrency=concurrency, cache=cache, retries=0
    )
    seconds, run = crawl(people, network)
    return seconds, documents_read(run)


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM where Linux has it: getrusage's ru_maxrss survives
    exec, so a process started by a big parent would report the parent's peak as its own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(people: int, pages: int, page_kb: int, concurrency: int, rerun: bool) -> dict[str, float]:
    """One run (and a warm re-run when asked) in a fresh web; the figures as a dict."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "web"
        roster = build_web(root, people, pages, page_kb)
        with remote_web(root) as web:
            cache = Path(tmp) / "cache.sqlite"
            elapsed, documents = audit(roster, web.proxy_url, cache, concurrency)
            figures = {"seconds": elapsed, "documents": documents, "peak_rss_mb": peak_rss_mb()}
            if rerun:
                before, _ = web.counts()
                figures["rerun_seconds"], _ = audit(roster, web.proxy_url, cache, concurrency)
                after, not_modified = web.counts()
                figures["rerun_requests"] = after - before
                figures["rerun_304_share"] = not_modified / max(after - before, 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--page-kb", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rerun", action="store_true", help="audit again with the warm cache")
    args = parser.parse_args()
    base = peak_rss_mb()
    f = measure(args.people, args.pages, args.page_kb, args.concurrency, args.rerun)
    print(
        f"{args.people} people x {args.pages} pages of {args.page_kb} KB: {f['documents']:.0f} documents "
        f"in {f['seconds']:.1f} s; peak RSS {f['peak_rss_mb']:.0f} MB (before the audit: {base:.0f} MB)"
    )
    if args.rerun:
        print(
            f"warm re-run: {f['rerun_seconds']:.1f} s; {f['rerun_304_share']:.0%} of "
            f"{f['rerun_requests']:.0f} requests answered 304 Not Modified"
        )


if __name__ == "__main__":
    main()

"""Accuracy of the detectors on the project's labelled table (tests/accuracy/cases.py), per category.

    .venv/bin/python benchmarks/bench_accuracy.py [--failures]
Prints, per category: cases that must match and how many were found, near misses and how many raised a
finding, and for discovered contact details the share of reported ones that are real; each beside its
target. Where ../shared/corpus is present, the real-page cases are also judged on the whole page.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "accuracy"))

from cases import CASES
from harness import DISCOVERED_KINDS, KNOWN_KINDS, Tally, corpus_page, evaluate, known_recall, score

_TARGETS = {"address": "≥ 14/15", "relative": "≥ 9/10"}


def _row(kind: str, tally: Tally) -> str:
    found = f"{tally.found}/{tally.positives}" if tally.positives else "-"
    misses = f"{tally.false_alarms}/{tally.near_misses}"
    extra = f"{tally.precision:.0%}" if kind in DISCOVERED_KINDS else ""
    target = _TARGETS.get(kind, "≥ 97% overall" if kind in KNOWN_KINDS else "precision ≥ 97%")
    return f"| {kind} | {found} ({tally.recall:.0%}) | {misses} | {extra} | {target}, 0 false |"


def main() -> int:
    outcomes = [evaluate(case) for case in CASES]
    tallies = score(outcomes)
    print(f"{len(CASES)} labelled cases\n")
    print("| category | found | near misses raising a finding | discovered precision | must reach |")
    print("|---|---|---|---|---|")
    for kind in (*KNOWN_KINDS, *DISCOVERED_KINDS):
        if kind in tallies:
            print(_row(kind, tallies[kind]))
    found, positives = known_recall(tallies)
    false = sum(t.false_alarms for t in tallies.values())
    near = sum(t.near_misses for t in tallies.values())
    print(f"\nknown values found: {found}/{positives} ({found / positives:.1%})")
    print(f"near misses raising a finding: {false}/{near}")
    real = [c for c in CASES if c.corpus]
    judged = [(c, corpus_page(c)) for c in real]
    on_pages = [evaluate(c, body=body) for c, body in judged if body is not None]
    if on_pages:
        held = sum(o.passed for o in on_pages)
        print(f"real-page cases judged on the whole page: {held}/{len(on_pages)}")
    else:
        print("real-page cases: no ../shared/corpus here, judged on their excerpts only")
    if "--failures" in sys.argv:
        for tally in tallies.values():
            for outcome in tally.failures:
                print(f"  {outcome.case.kind}: {outcome.case.value!r} on {outcome.case.page[:90]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

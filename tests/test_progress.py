"""Progress lines say how far the audit is and, from the pace so far, how long is left."""

from __future__ import annotations

import io

import pytest
from people import jane

from auditor.model import SourceResult, SourceStatus
from auditor.progress import LineProgress, remaining


@pytest.mark.parametrize(
    ("elapsed", "done", "total", "said"),
    [
        (0.0, 0, 10, ""),  # no pace yet
        (10.0, 10, 10, ""),  # all done
        (10.0, 5, 10, "less than a minute left"),
        (60.0, 1, 11, "about 10 min left"),
        (3600.0, 1, 3, "about 2.0 h left"),
    ],
)
def test_time_left_follows_the_pace_so_far(elapsed: float, done: int, total: int, said: str) -> None:
    assert remaining(elapsed, done, total) == said


def test_each_finished_job_is_one_line_with_the_time_left() -> None:
    now = [100.0]
    out = io.StringIO()
    progress = LineProgress(clock=lambda: now[0], out=out)
    progress.start(4)
    now[0] += 120  # the first job took two minutes
    progress.advance(jane(), SourceResult("crawl", SourceStatus.OK, "", ()))
    now[0] += 120
    progress.advance(jane(), SourceResult("rdap", SourceStatus.FAILED, "timed out", ()))
    assert out.getvalue().splitlines() == [
        "[1/4] jane-doe crawl: ok (0 documents); about 6 min left",
        "[2/4] jane-doe rdap: failed (0 documents); about 4 min left",
    ]

"""The orchestration: each person is settled, and their pages let go, as soon as their last source ends."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, ClassVar

from auditor.audit import NoProgress, _run_jobs, run_audit
from auditor.config import Config
from auditor.fetch import Fetcher
from auditor.model import Document, Extracted, Person, SourceResult, SourceStatus
from auditor.sources import Source, SourceContext

if TYPE_CHECKING:
    from collections.abc import Mapping

    from auditor.config import NetworkSettings

QUICK = Person(id="quick", name="Quick Person")
SLOW = Person(id="slow", name="Slow Person")


class _Gated(Source):
    """Answers at once for everyone but SLOW, whose answer waits until QUICK has been settled."""

    name: ClassVar[str] = "gated"
    description: ClassVar[str] = "test source"

    def __init__(
        self, options: Mapping[str, Any], ctx: SourceContext, quick_settled: threading.Event
    ) -> None:
        super().__init__(options, ctx)
        self.quick_settled = quick_settled
        self.slow_waited_for_quick: bool | None = None

    def collect(self, person: Person) -> SourceResult:
        if person.id == SLOW.id:
            self.slow_waited_for_quick = self.quick_settled.wait(timeout=20)
        page = Document(f"http://{person.id}.example/", self.name, Extracted(kind="html", text="x" * 1000))
        return SourceResult(self.name, SourceStatus.OK, "read", (page,))


def test_a_person_is_handed_on_when_their_last_source_ends_not_when_the_audit_does(
    network_settings: NetworkSettings,
) -> None:
    config = Config(network=network_settings)
    settled = threading.Event()
    with Fetcher(network_settings) as fetcher:
        context = SourceContext(fetcher=fetcher, config=config)
        sources = [_Gated({}, context, settled), _Gated({}, context, settled)]
        order = []
        for person, results, sightings in _run_jobs(
            [SLOW, QUICK], sources, config, fetcher, (), NoProgress()
        ):
            order.append(person.id)
            if person.id == QUICK.id:
                settled.set()
            assert set(results) == {"gated"}
            # What is kept of a page is what findings cite: its text went with detection.
            assert all(d.content.text == "" for r in results.values() for d in r.documents)
            assert sightings == []
    assert order == ["quick", "slow"]
    # Settled while SLOW's job was still running: the generator did not wait for the whole audit.
    assert all(s.slow_waited_for_quick for s in sources)


def test_people_are_still_reported_when_no_source_is_enabled(network_settings: NetworkSettings) -> None:
    # A source that cannot run (no key) leaves the audit with nothing to do, not with nobody in it.
    config = Config(network=network_settings, sources={"hibp": {}})
    with Fetcher(network_settings) as fetcher:
        run = run_audit([QUICK, SLOW], config, fetcher=fetcher, key=b"k" * 32, advise=lambda *_: ())
    assert [a.person.id for a in run.people] == ["quick", "slow"]
    for audit in run.people:
        assert {s.status for s in audit.sources} == {SourceStatus.SKIPPED}
        assert "hibp" in {s.name for s in audit.sources}
        assert audit.findings == ()

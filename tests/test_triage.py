"""Triage: decisions kept by fingerprint across runs; fixed-then-still-there comes back; accepted expires."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from test_history import ADDRESS, DOB, EMAIL, JANE, KEY, PHONE, RELATIVE, SAM, SAM_PHONE, audit, run_on

from auditor.errors import AuditorError, UsageError
from auditor.history import (
    HistoryStore,
    TriageError,
    UnknownFindingError,
    active_decisions,
    awaiting_triage,
    clear_decision,
    decide,
    decisions,
    record_run,
)
from auditor.model import Severity

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

MAR_1 = dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore.open(tmp_path / "history.sqlite", KEY) as opened:
        record_run(opened, run_on("2024-02-15", audit(JANE, [PHONE, EMAIL, ADDRESS])))
        yield opened


def test_an_unknown_finding_id_says_where_ids_come_from(store: HistoryStore) -> None:
    with pytest.raises(UnknownFindingError) as raised:
        decide(store, "0123456789abcdef01234567", "accepted", "known", now=MAR_1)
    assert isinstance(raised.value, AuditorError)
    assert isinstance(raised.value, UsageError)  # the CLI's exit code 2
    assert "findings.json" in str(raised.value)
    assert "`id`" in str(raised.value)
    with pytest.raises(UnknownFindingError, match="24 hexadecimal"):
        decide(store, "07700 900123", "not-me", "typo", now=MAR_1)


@pytest.mark.parametrize(
    ("decision", "reason", "until", "message"),
    [
        ("ignored", "why", None, "unknown decision"),
        ("accepted", "   ", None, "reason is required"),
        ("not-me", "someone else", dt.date(2024, 6, 1), "only to 'accepted'"),
        ("fixed", "opt-out sent", dt.date(2024, 6, 1), "only to 'accepted'"),
        ("accepted", "fine", dt.date(2024, 2, 1), "already past"),
    ],
)
def test_a_bad_decision_is_refused(
    store: HistoryStore, decision: str, reason: str, until: dt.date | None, message: str
) -> None:
    with pytest.raises(TriageError, match=message):
        decide(store, PHONE.id, decision, reason, until, now=MAR_1)
    assert decisions(store) == ()


def test_a_decision_is_recorded_and_survives_later_runs(store: HistoryStore) -> None:
    made = decide(store, f"  {EMAIL.id.upper()} ", "not-me", "that is my sister's address", now=MAR_1)
    assert (made.finding_id, made.person_id, made.decision, made.category) == (
        EMAIL.id,
        "jane-doe",
        "not-me",
        "email",
    )
    assert made.decided_at == MAR_1
    assert "•" in made.value
    assert made.url == EMAIL.url
    for day in ("2024-03-15", "2024-04-15", "2024-05-15"):
        record_run(store, run_on(day, audit(JANE, [PHONE, EMAIL, ADDRESS])))
    assert set(active_decisions(store, dt.date(2024, 5, 16))) == {EMAIL.id}


def test_a_new_decision_replaces_the_old_one_and_can_be_cleared(store: HistoryStore) -> None:
    decide(store, PHONE.id, "accepted", "published on purpose", now=MAR_1)
    decide(store, PHONE.id, "fixed", "opt-out sent to the broker", now=MAR_1 + dt.timedelta(days=1))
    [only] = decisions(store)
    assert (only.decision, only.reason) == ("fixed", "opt-out sent to the broker")
    assert clear_decision(store, PHONE.id)
    assert not clear_decision(store, PHONE.id)
    assert decisions(store) == ()


def test_accepted_applies_until_its_date_and_not_after(store: HistoryStore) -> None:
    decide(store, ADDRESS.id, "accepted", "moving house in June", dt.date(2024, 6, 30), now=MAR_1)
    decide(store, EMAIL.id, "accepted", "the office alias", now=MAR_1)  # no end date
    assert set(active_decisions(store, dt.date(2024, 6, 30))) == {ADDRESS.id, EMAIL.id}
    assert set(active_decisions(store, dt.date(2024, 7, 1))) == {EMAIL.id}
    [expired] = [d for d in decisions(store) if d.finding_id == ADDRESS.id]
    assert expired.until == dt.date(2024, 6, 30)
    assert not expired.active(dt.date(2024, 7, 1))


def test_fixed_but_still_there_comes_back(store: HistoryStore) -> None:
    decide(store, PHONE.id, "fixed", "opt-out sent to people-finder", now=MAR_1)
    decide(store, ADDRESS.id, "fixed", "asked the site to take the page down", now=MAR_1)
    assert set(active_decisions(store, MAR_1.date())) == {PHONE.id, ADDRESS.id}

    # The broker ignored the opt-out; the site took its page down.
    mar = record_run(store, run_on("2024-03-15", audit(JANE, [PHONE, EMAIL])))

    assert mar.came_back == {PHONE.id}
    assert [v.id for v in mar.resolved["jane-doe"]] == [ADDRESS.id]
    active = active_decisions(store, dt.date(2024, 3, 15))
    assert set(active) == {ADDRESS.id}
    [failed] = [d for d in decisions(store) if d.finding_id == PHONE.id]
    assert failed.came_back_at == dt.datetime(2024, 3, 15, 9, tzinfo=dt.UTC)
    # Reported once: the next run does not say it came back again.
    apr = record_run(store, run_on("2024-04-15", audit(JANE, [PHONE, EMAIL])))
    assert apr.came_back == frozenset()


def test_a_fixed_decision_made_during_a_run_is_judged_by_the_next_one(store: HistoryStore) -> None:
    # The run started at 09:00 and still saw the page; the removal was requested at 10:00.
    seq = store.begin_run()
    decide(store, PHONE.id, "fixed", "opt-out sent", now=dt.datetime(2024, 3, 15, 10, tzinfo=dt.UTC))
    mar = record_run(store, run_on("2024-03-15", audit(JANE, [PHONE])), seq=seq)
    assert mar.came_back == frozenset()
    assert PHONE.id in active_decisions(store, dt.date(2024, 3, 15))
    apr = record_run(store, run_on("2024-04-15", audit(JANE, [PHONE])))
    assert apr.came_back == {PHONE.id}


@pytest.mark.parametrize("offset", [dt.timedelta(0), dt.timedelta(seconds=-30), dt.timedelta(seconds=30)])
def test_order_of_decision_and_run_never_depends_on_the_clock(
    store: HistoryStore, offset: dt.timedelta
) -> None:
    # A triage and the next audit in the same second, or with the clock stepped back or forward between
    # them: the run that began after the decision judges it, whatever the times say.
    run = run_on("2024-03-15", audit(JANE, [PHONE, EMAIL]))
    decide(store, PHONE.id, "fixed", "opt-out sent", now=run.started_at + offset)
    decide(store, EMAIL.id, "not-me", "a colleague's address", now=run.started_at + offset)
    mar = record_run(store, run)
    assert mar.came_back == {PHONE.id}
    assert set(active_decisions(store, dt.date(2024, 3, 15))) == {EMAIL.id}


def test_awaiting_triage_counts_untriaged_findings_of_medium_or_worse(store: HistoryStore) -> None:
    low = replace(PHONE, id="f" * 24, severity=Severity.LOW)
    info = replace(RELATIVE, severity=Severity.INFO)
    medium = replace(DOB, severity=Severity.MEDIUM)
    record_run(
        store,
        run_on("2024-03-15", audit(JANE, [PHONE, EMAIL, ADDRESS, low, info, medium]), audit(SAM, [])),
    )
    assert awaiting_triage(store, dt.date(2024, 3, 16)) == {"jane-doe": 4, "sam-patel": 0}
    decide(store, PHONE.id, "not-me", "a constituent's number", now=dt.datetime(2024, 3, 16, tzinfo=dt.UTC))
    decide(
        store,
        EMAIL.id,
        "accepted",
        "until the new address is live",
        dt.date(2024, 3, 31),
        now=dt.datetime(2024, 3, 16, tzinfo=dt.UTC),
    )
    assert awaiting_triage(store, dt.date(2024, 3, 16)) == {"jane-doe": 2, "sam-patel": 0}
    # The acceptance has lapsed by April.
    assert awaiting_triage(store, dt.date(2024, 4, 1))["jane-doe"] == 3
    # Counts follow each person's latest run, or the run asked for.
    first = store.runs()[0].id
    assert awaiting_triage(store, dt.date(2024, 3, 16), run_id=first) == {"jane-doe": 1}
    record_run(store, run_on("2024-04-15", audit(SAM, [SAM_PHONE])))
    assert awaiting_triage(store, dt.date(2024, 4, 16)) == {"jane-doe": 3, "sam-patel": 1}


def test_a_reason_is_stored_with_contact_details_masked(store: HistoryStore) -> None:
    made = decide(store, PHONE.id, "not-me", "belongs to 07700 900999, not 07700 900123", now=MAR_1)
    assert "900999" not in made.reason
    assert "900123" not in made.reason
    assert made.reason.startswith("belongs to ")


def test_a_reason_is_scrubbed_against_the_roster_when_it_is_written(store: HistoryStore) -> None:
    """Names and addresses are not shaped like contact details: only the roster knows they are private."""
    from auditor.scrub import scrub

    def against_roster(person_id: str, reason: str) -> str:
        assert person_id == JANE.id
        return scrub(reason, JANE)

    reason = "the school named Tom Doe and Acacia Avenue; asked them to take it down"
    made = decide(store, PHONE.id, "fixed", reason, now=MAR_1, scrub_reason=against_roster)
    assert "Tom" not in made.reason
    assert "Acacia" not in made.reason
    assert made.reason.startswith("the school named ")
    plain = decide(store, EMAIL.id, "fixed", reason, now=MAR_1)  # without the roster: only contact shapes
    assert "Acacia" in plain.reason

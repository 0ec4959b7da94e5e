"""The accuracy suite: the labelled table must meet the issue's targets, on excerpts and on real pages."""

from __future__ import annotations

import re

import pytest
from cases import CASES
from harness import (
    CORPUS,
    DISCOVERED_KINDS,
    KNOWN_KINDS,
    Case,
    Outcome,
    Tally,
    corpus_page,
    evaluate,
    known_recall,
    score,
)

from auditor.model import Match, Severity
from auditor.values.addresses import parse_address
from auditor.values.tokens import fold


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return [evaluate(case) for case in CASES]


@pytest.fixture(scope="module")
def tallies(outcomes: list[Outcome]) -> dict[str, Tally]:
    return score(outcomes)


def _failures(tally: Tally) -> str:
    return "\n".join(
        f"  {'missed' if o.case.found else 'false alarm'}: {o.case.value!r} on {o.case.page[:100]!r} -> "
        f"{[(h.category.value, h.match.value, h.severity.value, h.key) for h in o.hits][:5]}"
        for o in tally.failures
    )


def test_the_table_has_two_hundred_cases_with_hits_and_near_misses_in_every_category() -> None:
    assert len(CASES) >= 200
    for kind in (*KNOWN_KINDS, *DISCOVERED_KINDS):
        of_kind = [c for c in CASES if c.kind == kind]
        assert any(c.found for c in of_kind), f"{kind}: no case that must match"
        assert any(not c.found for c in of_kind), f"{kind}: no near miss"
    assert any(c.corpus for c in CASES), "real-page cases are part of the table"
    assert any(c.lang or not c.url.endswith((".example/news/item",)) for c in CASES), (
        "international pages too"
    )


def test_known_values_are_found_in_ninety_seven_percent_of_their_spellings(tallies: dict[str, Tally]) -> None:
    found, positives = known_recall(tallies)
    failures = "\n".join(_failures(tallies[k]) for k in KNOWN_KINDS if tallies[k].failures)
    assert found / positives >= 0.97, f"{found}/{positives}\n{failures}"


@pytest.mark.parametrize(("kind", "target"), [("address", 14 / 15), ("relative", 9 / 10)])
def test_addresses_and_relatives_meet_their_own_targets(
    tallies: dict[str, Tally], kind: str, target: float
) -> None:
    assert tallies[kind].recall >= target, _failures(tallies[kind])


@pytest.mark.parametrize("kind", [*KNOWN_KINDS, *DISCOVERED_KINDS])
def test_no_near_miss_raises_a_finding(tallies: dict[str, Tally], kind: str) -> None:
    tally = tallies[kind]
    assert tally.false_alarms == 0, _failures(tally)


@pytest.mark.parametrize("kind", DISCOVERED_KINDS)
def test_discovered_contact_details_are_real_ones(tallies: dict[str, Tally], kind: str) -> None:
    tally = tallies[kind]
    assert tally.precision >= 0.97, _failures(tally)
    assert tally.recall >= 0.9, _failures(tally)


def _recognisable(case: Case) -> str:
    """A piece of the value that evidence showing the match must contain."""
    if case.kind == "phone":
        return re.sub(r"\D", "", case.value)[-3:]
    if case.kind == "date_of_birth":
        return case.value[2:4]
    if case.kind == "email":
        return max(re.findall(r"[a-z]+", case.value), key=len)
    parts = parse_address(case.value) if case.kind == "address" else None
    if parts is not None and parts.numbers:
        return min(parts.numbers)
    words = re.findall(r"[^\W\d_]{4,}", case.value)
    return words[0].lower()[:4] if words else case.value[:2]


def test_evidence_shows_the_match_and_a_lowered_finding_says_why(outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        case = outcome.case
        private = [h for h in outcome.hits if h.match is Match.PRIVATE and h.category.value == case.kind]
        for found in private:
            shown = fold(found.evidence)
            if found.severity.at_least(Severity.MEDIUM) and not found.evidence.startswith(
                ("tel:", "mailto:", "https://")
            ):
                piece = fold(_recognisable(case))
                assert piece in re.sub(r"\s", "", shown) or piece in shown, (
                    case,
                    found.evidence,
                )
            if found.severity is Severity.INFO:
                assert found.detail, f"a private value lowered to info must say why: {case}"


def test_a_byline_date_is_a_note_not_an_exposure(outcomes: list[Outcome]) -> None:
    bylines = [o for o in outcomes if o.case.kind == "date_of_birth" and not o.case.found]
    notes = [h for o in bylines for h in o.hits if h.category.value == "date_of_birth"]
    assert notes, "same-day dates are still noted, as info"
    assert all(h.severity is Severity.INFO and "lowered to info" in h.detail for h in notes)
    assert any("publication date" in h.detail for h in notes)


REAL = [c for c in CASES if c.corpus]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}: the excerpts in the table still run")
@pytest.mark.parametrize("case", REAL, ids=[f"{c.kind}-{c.corpus}-{i}" for i, c in enumerate(REAL)])
def test_real_page_cases_hold_on_the_whole_real_page(case: Case) -> None:
    body = corpus_page(case)
    if body is None:
        pytest.skip(f"corpus page {case.corpus}* is absent")
    outcome = evaluate(case, body=body)
    assert outcome.passed, [(h.category.value, h.match.value, h.severity.value, h.key) for h in outcome.hits]

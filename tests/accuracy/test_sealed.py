"""A sealed roster finds what the plain one finds: the whole accuracy table, case by case."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pytest
from cases import CASES
from harness import Case, evaluate, score

from auditor.detectors import Subject, detect
from auditor.model import Category, PrivateValues
from auditor.seal import Sealer

if TYPE_CHECKING:
    from auditor.model import Document, Hit, Person

SEALER = Sealer(b"accuracy-suite-key-not-secret")
_HASH_KEYED = frozenset({Category.ADDRESS, Category.RELATIVE, Category.OTHER})


def sealed(person: Person) -> Person:
    """The person as a sealed roster holds them: hashes and masks only, nothing plain."""
    return dataclasses.replace(person, private=PrivateValues(), sealed=SEALER.seal(person.private))


def detect_sealed(document: Document, person: Person) -> list[Hit]:
    return detect(document, Subject.of(sealed(person), SEALER))


def _shape(hits: tuple[Hit, ...]) -> list[tuple[str, str, str, str]]:
    # An address's or a phrase's key is its hash when sealed (the plain text is not there to key it by);
    # every other key is read from the page, and is the same.
    return sorted(
        (h.category.value, h.match.value, h.severity.value, "(key)" if h.category in _HASH_KEYED else h.key)
        for h in hits
    )


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{c.kind}" for n, c in enumerate(CASES)])
def test_each_case_finds_the_same_sealed_as_plain(case: Case) -> None:
    plain = evaluate(case)
    closed = evaluate(case, detect=detect_sealed)
    assert closed.passed == plain.passed
    assert _shape(closed.hits) == _shape(plain.hits)


def test_the_figures_are_identical_category_by_category() -> None:
    plain = score([evaluate(case) for case in CASES])
    closed = score([evaluate(case, detect=detect_sealed) for case in CASES])
    figures = ("positives", "found", "near_misses", "false_alarms", "reported", "true_reported")
    assert {k: [getattr(t, f) for f in figures] for k, t in closed.items()} == {
        k: [getattr(t, f) for f in figures] for k, t in plain.items()
    }

"""Runs one labelled accuracy case through the real extractor and detectors, and scores the table.

Shared by tests/accuracy/test_accuracy.py (which asserts the targets) and benchmarks/bench_accuracy.py
(which prints the figures). A case is a page and one roster value (or, for discovery, the contact detail
the page publishes); the page goes through `extract_html` like a crawled page, attributed to the person.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from auditor.detectors import Subject, detect
from auditor.extract.html import extract_html
from auditor.model import Category, Document, Extracted, Hit, Match, Person, PrivateValues, Severity

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pages"

KNOWN_KINDS = ("phone", "email", "address", "date_of_birth", "relative", "other")
DISCOVERED_KINDS = ("discovered_phone", "discovered_email", "discovered_postcode")
_FIELDS = {
    "phone": "phones",
    "email": "emails",
    "address": "addresses",
    "date_of_birth": "dates_of_birth",
    "relative": "relatives",
    "other": "other",
}
_DISCOVERED_CATEGORY = {
    "discovered_phone": Category.PHONE,
    "discovered_email": Category.EMAIL,
    "discovered_postcode": Category.ADDRESS,
}


@dataclass(frozen=True)
class Case:
    """One labelled page."""

    kind: str
    """A known-value kind (the roster holds `value` as a private value of that kind) or a discovered
    kind (`value` is the contact detail the page publishes, as its key; "" when it publishes none)."""
    value: str
    page: str
    """An HTML fragment: the body of the page."""
    found: bool
    """True: the page exposes the value and the audit must say so (known: at medium or above;
    discovered: reported). False: a near miss that must raise nothing (known: no private finding of the
    kind above info; discovered: nothing of the kind reported)."""
    url: str = "https://pages.example/news/item"
    lang: str = ""
    corpus: str = ""
    """The ../shared/corpus page (file name prefix) the fragment was taken from, when it was."""
    why: str = ""


def hit(kind: str, value: str, page: str, **extra: str) -> Case:
    return Case(kind, value, page, True, **extra)


def miss(kind: str, value: str, page: str, **extra: str) -> Case:
    return Case(kind, value, page, False, **extra)


def person_for(case: Case) -> Person:
    """The fictional person a case is about: only the case's own value on the roster."""
    if case.kind not in _FIELDS:
        return Person(id="pat-example", name="Pat Example")
    value: object = dt.date.fromisoformat(case.value) if case.kind == "date_of_birth" else case.value
    return Person(
        id="pat-example", name="Pat Example", private=PrivateValues(**{_FIELDS[case.kind]: (value,)})
    )


def document_for(case: Case, body: bytes | None = None) -> Document:
    """The case's page as a crawled, attributed document (or the real corpus page, when given)."""
    if body is None:
        lang = f' lang="{html.escape(case.lang)}"' if case.lang else ""
        page = f"<!doctype html><html{lang}><head><title>Page</title></head><body>{case.page}</body></html>"
        body = page.encode()
    content = extract_html(body, url=case.url)
    assert isinstance(content, Extracted), content
    return Document(url=case.url, source="crawl", content=content, attributed=True)


Detect = Callable[[Document, Person], Iterable[Hit]]


def detect_all(document: Document, person: Person) -> list[Hit]:
    return detect(document, Subject.of(person))


@dataclass(frozen=True)
class Outcome:
    case: Case
    passed: bool
    hits: tuple[Hit, ...]
    reported: tuple[str, ...] = ()
    """For discovery cases: the keys reported of the case's kind."""


def evaluate(
    case: Case, *, detect: Detect = detect_all, body: bytes | None = None, person: Person | None = None
) -> Outcome:
    person = person or person_for(case)
    hits = tuple(detect(document_for(case, body), person))
    if case.kind in _FIELDS:
        category = Category(case.kind)
        exposed = any(
            h.category is category and h.match is Match.PRIVATE and h.severity.at_least(Severity.MEDIUM)
            for h in hits
        )
        return Outcome(case, exposed == case.found, hits)
    category = _DISCOVERED_CATEGORY[case.kind]
    reported = tuple(h.key for h in hits if h.category is category and h.match is Match.DISCOVERED)
    passed = (
        case.value in reported if case.found else (case.value not in reported if case.value else not reported)
    )
    return Outcome(case, passed, hits, reported)


@dataclass
class Tally:
    """Figures for one kind of case."""

    positives: int = 0
    found: int = 0
    near_misses: int = 0
    false_alarms: int = 0
    reported: int = 0
    """Discovery: contact details reported that the cases say are there or are not (a near miss that
    names the value it must not produce counts only that value)."""
    true_reported: int = 0
    failures: list[Outcome] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.positives if self.positives else 1.0

    @property
    def precision(self) -> float:
        return self.true_reported / self.reported if self.reported else 1.0


def score(outcomes: Sequence[Outcome]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    for outcome in outcomes:
        tally = tallies.setdefault(outcome.case.kind, Tally())
        if outcome.case.found:
            tally.positives += 1
            tally.found += outcome.passed
        else:
            tally.near_misses += 1
            tally.false_alarms += not outcome.passed
        if outcome.case.kind in DISCOVERED_KINDS:
            reported = set(outcome.reported)
            if outcome.case.found:
                tally.reported += len(reported)
                tally.true_reported += outcome.case.value in reported
            else:
                tally.reported += len(reported) if not outcome.case.value else outcome.case.value in reported
        if not outcome.passed:
            tally.failures.append(outcome)
    return tallies


def known_recall(tallies: dict[str, Tally]) -> tuple[int, int]:
    found = sum(tallies[k].found for k in KNOWN_KINDS if k in tallies)
    positives = sum(tallies[k].positives for k in KNOWN_KINDS if k in tallies)
    return found, positives


def corpus_page(case: Case) -> bytes | None:
    """The real page a case was drawn from, or None when the corpus (or that page) is absent."""
    if not case.corpus or not CORPUS.is_dir():
        return None
    for path in CORPUS.glob(f"{case.corpus}*"):
        return gzip.decompress(path.read_bytes())
    return None


def on_real_page(case: Case) -> Case:
    """The same case judged on the whole real page rather than the excerpt."""
    return replace(case, page="")

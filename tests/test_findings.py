"""Findings: one per (value, place); fingerprints from stable fields only; the score."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from auditor.findings import build_findings, exposure_score
from auditor.model import Category, DocKind, Document, Extracted, Finding, Hit, Match, Severity

KEY = b"test-key"


def doc(url: str, *, place: str = "", source: str = "crawl") -> Document:
    content = Extracted(kind=DocKind.HTML, text="")
    return Document(url=url, source=source, content=content, attributed=True, place=place)


def hit(severity: Severity = Severity.CRITICAL, key: str = "+447700900123", evidence: str = "ring me") -> Hit:
    return Hit("known_values", Category.PHONE, Match.PRIVATE, key, "07700 900123", evidence, severity)


def advise(*_: object) -> tuple[str, ...]:
    return ("phone-off-website",)


def test_one_finding_per_value_and_place_keeping_the_worst() -> None:
    page = doc("http://jane.example/contact")
    findings = build_findings(
        "jane-doe",
        [
            (page, hit(Severity.HIGH)),
            (page, hit(Severity.CRITICAL)),
            (doc("http://jane.example/about"), hit()),
        ],
        key=KEY,
        advise=advise,
    )
    assert len(findings) == 2
    assert {f.severity for f in findings} == {Severity.CRITICAL}


def test_fingerprints_ignore_evidence_and_time_but_not_value_or_place() -> None:
    def fid(document: Document, h: Hit) -> str:
        return build_findings("jane-doe", [(document, h)], key=KEY, advise=advise)[0].id

    base = fid(doc("http://jane.example/contact"), hit())
    assert fid(doc("http://JANE.example:80/contact#x"), hit(evidence="other words")) == base
    assert fid(doc("http://jane.example/about"), hit()) != base
    assert fid(doc("http://jane.example/contact"), hit(key="+447700900124")) != base
    assert (
        build_findings(
            "jane-doe", [(doc("http://jane.example/contact"), hit())], key=b"other", advise=advise
        )[0].id
        != base
    )  # keyed: without the key nobody can test a guessed number against an id


def test_a_new_snapshot_of_the_same_page_keeps_the_fingerprint() -> None:
    def archived(timestamp: str) -> Document:
        url = f"http://archive.test/web/{timestamp}/http://jane.example/old-contact.html"
        when = dt.datetime.strptime(timestamp, "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
        return dataclasses.replace(
            doc(url, place="archive:http://jane.example/old-contact.html", source="wayback"), archived_at=when
        )

    first = build_findings("jane-doe", [(archived("20190612083012"), hit())], key=KEY, advise=advise)[0]
    later = build_findings("jane-doe", [(archived("20240101000000"), hit())], key=KEY, advise=advise)[0]
    assert first.id == later.id
    assert first.url != later.url  # the report still cites the snapshot actually read


def test_the_score_counts_each_value_once_more_for_each_live_place_less_when_archived() -> None:
    pages = [(doc(f"http://jane.example/{i}"), hit()) for i in range(5)]
    once = build_findings("jane-doe", pages[:1], key=KEY, advise=advise)
    five = build_findings("jane-doe", pages, key=KEY, advise=advise)
    assert exposure_score(once).value == 28  # one critical value on one page
    assert exposure_score(five).value == 66  # the same value on five pages: more, with diminishing returns
    assert exposure_score(five).meaning == "Reachable directly; 5 live places."
    archived = [dataclasses.replace(f, archived_at=dt.datetime(2019, 1, 1, tzinfo=dt.UTC)) for f in once]
    assert 0 < exposure_score(archived).rank < exposure_score(once).rank
    assert exposure_score(archived).meaning.endswith("in archived copies only.")
    assert exposure_score([]).value == 0
    assert exposure_score([]).meaning.startswith("Nothing an attacker could use")


def test_two_very_different_people_never_tie_at_the_top() -> None:
    template = build_findings("jane-doe", [(doc("http://x.example/"), hit())], key=KEY, advise=advise)[0]

    def person(values: int, places: int) -> list[Finding]:
        return [
            dataclasses.replace(template, key=f"+4477009001{v:02d}", url=f"http://site{p}.example/")
            for v in range(values)
            for p in range(places)
        ]

    heavy, heavier = exposure_score(person(6, 8)), exposure_score(person(12, 20))
    assert heavy.value < 100
    assert heavier.value < 100
    assert heavier.rank > heavy.rank  # the ordering the dashboard sorts by


@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(Category)),
            st.sampled_from(list(Severity)),
            st.integers(0, 5),  # which value
            st.integers(0, 6),  # which page
            st.booleans(),  # archived
        ),
        max_size=25,
    ),
    st.integers(0, 24),
)
def test_strictly_more_exposure_never_ranks_lower(raw: list[tuple[Any, ...]], cut: int) -> None:
    template = build_findings("jane-doe", [(doc("http://x.example/"), hit())], key=KEY, advise=advise)[0]
    found = [
        dataclasses.replace(
            template, category=category, severity=severity, key=f"v{value}", url=f"http://p{page}.example/",
            archived_at=dt.datetime(2019, 1, 1, tzinfo=dt.UTC) if old else None,
        )
        for category, severity, value, page, old in raw
    ]  # fmt: skip
    fewer = found[: min(cut, len(found))]
    assert exposure_score(found).rank >= exposure_score(fewer).rank
    assert exposure_score(found).value >= exposure_score(fewer).value
    assert 0 <= exposure_score(found).value < 100

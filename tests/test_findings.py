"""Findings: one per (value, place); fingerprints from stable fields only; the score."""

from __future__ import annotations

import dataclasses
import datetime as dt

from auditor.findings import build_findings, exposure_score
from auditor.model import Category, DocKind, Document, Extracted, Hit, Match, Severity

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


def test_score_counts_each_value_once_and_caps_at_100() -> None:
    one = build_findings(
        "jane-doe", [(doc(f"http://jane.example/{i}"), hit()) for i in range(5)], key=KEY, advise=advise
    )
    assert exposure_score(one).value == 40  # one critical value, however many pages show it
    many = [dataclasses.replace(one[0], key=f"+4477009001{i:02d}") for i in range(5)]
    assert exposure_score(many).value == 100
    assert exposure_score([]).value == 0

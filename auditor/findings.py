"""Hits to findings: one finding per distinct (value, url), a stable fingerprint, and the exposure score."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .keys import keyed_hash
from .model import Category, Document, Finding, Hit, Match, Score, Severity
from .urls import canonical

Advise = Callable[[Category, str, Match, bool], tuple[str, ...]]
"""(category, source, match, archived) -> advice ids, most specific first."""

SEVERITY_WEIGHT = {
    Severity.CRITICAL: 40,
    Severity.HIGH: 15,
    Severity.MEDIUM: 5,
    Severity.LOW: 2,
    Severity.INFO: 0,
}
"""Points one distinct exposed value adds to the score; the score is capped at 100."""


def fingerprint(key: bytes, person_id: str, category: Category, value_key: str, url: str) -> str:
    """Identity of a finding from stable fields only: never times, positions or snippets."""
    return keyed_hash(key, "finding/v1", person_id, category.value, value_key, canonical(url) or url)[:24]


def build_findings(
    person_id: str,
    sightings: Iterable[tuple[Document, Hit]],
    *,
    key: bytes,
    advise: Advise,
) -> list[Finding]:
    """Group sightings into findings, worst first; the same value on one URL is one finding."""
    best: dict[str, tuple[Document, Hit]] = {}
    for document, hit in sightings:
        fid = fingerprint(key, person_id, hit.category, hit.key, document.identity)
        kept = best.get(fid)
        if kept is None or hit.severity.rank < kept[1].severity.rank:
            best[fid] = (document, hit)
    findings = [
        Finding(
            id=fid,
            person_id=person_id,
            category=hit.category,
            match=hit.match,
            severity=hit.severity,
            key=hit.key,
            value=hit.value,
            source=document.source,
            url=document.url,
            evidence=hit.evidence,
            detail=hit.detail,
            label=document.label,
            archived_at=document.archived_at,
            advice=advise(hit.category, document.source, hit.match, document.archived_at is not None),
        )
        for fid, (document, hit) in best.items()
    ]
    findings.sort(key=lambda f: (f.severity.rank, f.category.value, f.url))
    return findings


def exposure_score(findings: Iterable[Finding]) -> Score:
    """Each distinct exposed value counts once, at its worst severity, however many pages show it."""
    worst: dict[tuple[Category, str], Severity] = {}
    for f in findings:
        k = (f.category, f.key)
        if k not in worst or f.severity.rank < worst[k].rank:
            worst[k] = f.severity
    value = min(100, sum(SEVERITY_WEIGHT[s] for s in worst.values()))
    if value == 0:
        meaning = "Nothing an attacker could use was found in the sources that were checked."
    elif value < 20:
        meaning = "Some minor details are public; worth tidying up, not urgent."
    elif value < 40:
        meaning = "Personal details are public that would help a stranger approach you convincingly."
    elif value < 80:
        meaning = "A stranger could contact you directly or find where you live: act on the top actions."
    else:
        meaning = "Serious exposure: several ways to reach or locate you are public. Act on this now."
    return Score(value, meaning)

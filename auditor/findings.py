"""Hits to findings: one finding per distinct (value, url), a stable fingerprint, and the exposure score."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from .keys import keyed_hash
from .model import Category, Document, Finding, Hit, Match, Score, Severity
from .urls import canonical

Advise = Callable[[Category, str, Match, bool], tuple[str, ...]]
"""(category, source, match, archived) -> advice ids, most specific first."""

SEVERITY_WEIGHT = {
    Severity.CRITICAL: 40.0,
    Severity.HIGH: 15.0,
    Severity.MEDIUM: 5.0,
    Severity.LOW: 2.0,
    Severity.INFO: 0.0,
}
"""What one distinct exposed value weighs, shown in one live place (see `exposure_score`)."""
ARCHIVED_ONLY = 0.4
"""An exposure seen only in archived copies weighs this share: a determined attacker finds it, most don't."""
SCALE = 120.0
"""Exposure at which the score reads 63 (1 - 1/e of 100): the curve's knee. One critical value on one
page reads 28; on five pages, 67; several ways to reach and locate someone, on many pages, in the 90s."""

# What an attacker gains from each kind of finding: reach them directly, find their home, build a story.
_GAINS = (
    ("reach", {Category.PHONE, Category.EMAIL, Category.MESSAGING_LINK}),
    ("locate", {Category.ADDRESS, Category.LOCATION}),
    ("story", {Category.DATE_OF_BIRTH, Category.RELATIVE, Category.OTHER, Category.ACCOUNT}),
)


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
            fetched=document.fetched,
            advice=advise(hit.category, document.source, hit.match, document.archived_at is not None),
        )
        for fid, (document, hit) in best.items()
    ]
    findings.sort(key=lambda f: (f.severity.rank, f.category.value, f.url))
    return findings


def exposure_score(findings: Iterable[Finding]) -> Score:
    """How exposed a person is, as a 0-100 reading and an exact ordering.

    Each distinct exposed value counts at its worst severity, more for every further live place that
    shows it (with diminishing returns: the second page adds half a page's worth, the fourth a third),
    and at `ARCHIVED_ONLY` when only archives show it. The sum is the ordering (`Score.rank`): a person
    with strictly more exposure always ranks higher. The reading follows it on a curve that nears 100
    without reaching it, so two very different people never both read 100."""
    worst: dict[tuple[Category, str], Severity] = {}
    live: dict[tuple[Category, str], set[str]] = {}
    archived: dict[tuple[Category, str], set[str]] = {}
    for f in findings:
        k = (f.category, f.key)
        if k not in worst or f.severity.rank < worst[k].rank:
            worst[k] = f.severity
        (archived if f.archived_at is not None else live).setdefault(k, set()).add(f.url)
    rank = 0.0
    gains: set[str] = set()
    places: set[str] = set()
    for k, severity in worst.items():
        weight = SEVERITY_WEIGHT[severity]
        if not weight:
            continue
        shown = len(live.get(k, ()))
        rank += weight * (1 + math.log2(shown)) if shown else weight * ARCHIVED_ONLY
        places |= live.get(k, set())
        if severity.rank <= Severity.HIGH.rank and shown:  # what an attacker gains from live pages
            gains |= {gain for gain, kinds in _GAINS if k[0] in kinds}
    # Rounded down, the reading never reaches 100: there is always a worse exposure.
    value = math.floor(100 * (1 - math.exp(-rank / SCALE)))
    if rank > 0:
        value = max(value, 1)  # something was found: never read as nothing
    order = tuple(g for g, _ in _GAINS if g in gains)
    return Score(value, _meaning(value, rank, gains, places), rank, order, len(places))


def _meaning(value: int, rank: float, gains: set[str], places: set[str]) -> str:
    """Why the score is what it is, in one line: what an attacker gains, and from how many live places."""
    if rank == 0:
        return "Nothing an attacker could use was found in the sources that were checked."
    parts = [
        text
        for gain, text in (
            ("reach", "reachable directly"),
            ("locate", "locatable"),
            ("story", "enough for a convincing story"),
        )
        if gain in gains
    ]
    what = (", ".join(parts[:-1]) + " and " + parts[-1]) if len(parts) > 1 else (parts[0] if parts else "")
    if not what:
        what = "minor details public" if value < 20 else "personal details public"
    where = (
        f"{len(places)} live place{'' if len(places) == 1 else 's'}" if places else "in archived copies only"
    )
    return f"{what[0].upper()}{what[1:]}; {where}."

"""The dashboard at the scale of a parliament: people by group, each group's page, and the counts a
security team reads first (who has critical findings, whose audit is incomplete, what is new)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .view import PersonView

if TYPE_CHECKING:
    from collections.abc import Sequence


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


@dataclass(frozen=True)
class Totals:
    """What a set of people adds up to: the summary line above a table of them."""

    people: int
    with_critical: int
    with_high: int
    """At least one high finding (and none critical)."""
    incomplete: int
    with_unverified: int
    new: int
    """Findings new since the last audit, summed."""
    awaiting: int | None
    """Findings awaiting triage, summed; None without history."""
    findings: dict[str, int]
    """Counted findings by severity, summed."""


@dataclass(frozen=True)
class GroupView:
    name: str
    slug: str
    """The page's file name: groups/<slug>.html."""
    people: tuple[PersonView, ...]
    totals: Totals


def totals(people: Sequence[PersonView]) -> Totals:
    awaiting = [p.awaiting_triage for p in people if p.awaiting_triage is not None]
    findings: dict[str, int] = {}
    for person in people:
        for severity, n in person.counts.items():
            findings[severity] = findings.get(severity, 0) + n
    return Totals(
        people=len(people),
        with_critical=sum(1 for p in people if p.counts.get("critical", 0)),
        with_high=sum(1 for p in people if p.counts.get("high", 0) and not p.counts.get("critical", 0)),
        incomplete=sum(1 for p in people if p.incomplete),
        with_unverified=sum(1 for p in people if p.unverified),
        new=sum(p.new_count for p in people),
        awaiting=sum(awaiting) if awaiting else None,
        findings=findings,
    )


def slug(name: str) -> str:
    """A file name for a group: ASCII letters, digits and hyphens only, whatever the roster says (a group
    named "../x" or "<b>" cannot leave the groups folder or break a link)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _NOT_SLUG.sub("-", ascii_name).strip("-")[:MAX_SLUG].strip("-") or "group"


def group_views(people: Sequence[PersonView]) -> tuple[GroupView, ...]:
    """One view per named group, in name order, people in the order given; slugs made unique (two names
    that read alike, "Labour" and "labour", get labour.html and labour-2.html)."""
    by_name: dict[str, list[PersonView]] = {}
    for person in people:
        if person.group:
            by_name.setdefault(person.group, []).append(person)
    taken: set[str] = set()
    views = []
    for name in sorted(by_name, key=lambda n: (n.casefold(), n)):
        base = candidate = slug(name)
        number = 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        taken.add(candidate)
        members = tuple(by_name[name])
        views.append(GroupView(name, candidate, members, totals(members)))
    return tuple(views)

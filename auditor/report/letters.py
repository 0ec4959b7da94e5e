"""Letters filled in for one person: one per site, listing each page with the evidence a data protection
officer or the ICO can check (when it was fetched, the HTTP status, the SHA-256 of the page, what it said)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import long_date, long_time

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..advice import AdviceBook
    from .view import FindingView, PersonView


@dataclass(frozen=True)
class Letter:
    site: str
    pages: int
    text: str


def evidence_lines(places: list[FindingView]) -> list[str]:
    """One page (the places given are all on it), as a letter lists it: where, when it was fetched, the
    server's answer, the SHA-256 of the page as sent, and what it says."""
    first = places[0]
    lines = [f"- {first.url}"]
    got = first.fetched
    if got is not None:
        lines.append(f"  fetched {long_time(got.at)}, HTTP {got.status}")
        lines.append(f"  SHA-256 of the page as your server sent it: {got.sha256}")
    else:
        lines.append(f"  seen {long_date(first.first_seen)}")
    # One snippet per page: the details on one page are usually quoted from the same few lines.
    said = next((p.evidence for p in places if p.evidence), "")
    if said:
        lines.append(f'  it says: "{said}"')
    return lines


def person_letters(
    person: PersonView, book: AdviceBook, ids: Iterable[str], date: str
) -> dict[str, list[Letter]]:
    """Per advice id whose entry has a letter: one filled letter per site among the places that advice
    serves for this person (triaged places left out). {contact} is left for the person to fill in."""
    letters: dict[str, list[Letter]] = {}
    for advice_id in ids:
        entry = book.get(advice_id)
        if not entry.letter:
            continue
        by_site: dict[str, list[FindingView]] = {}
        for group in person.groups:
            for place in group.places:
                if advice_id in place.advice and not place.triage:
                    by_site.setdefault(place.host or place.url, []).append(place)
        letters[advice_id] = [
            Letter(
                site,
                len(_pages(places)),
                entry.render_letter(
                    name=person.name,
                    site=site,
                    urls="\n".join(line for page in _pages(places) for line in evidence_lines(page)),
                    contact="{contact}",
                    date=long_date(date),
                ),
            )
            for site, places in sorted(by_site.items())
        ]
    return letters


def _pages(places: list[FindingView]) -> list[list[FindingView]]:
    """The places grouped by page: several details on one page are one page to take down."""
    pages: dict[str, list[FindingView]] = {}
    for place in places:
        pages.setdefault(place.url, []).append(place)
    return list(pages.values())

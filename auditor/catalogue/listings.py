"""People-search results pages: split into listings, and tell the person's listing from a namesake's.

Only a listing that carries one of the person's known values (phone, email, postcode, house number and
street, or birth year beside their name) is theirs: a "Jane Doe" in another town is not their exposure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bs4 import BeautifulSoup

from ..extract.html import decode_html
from ..model import Person

MAX_PAGE_BYTES = 5_000_000
MAX_LISTINGS = 200
"""Listings read per page: a results page with more is not about one person anyway."""
MAX_LISTING_CHARS = 20_000

_HIDDEN = ("script", "style", "template", "noscript")
_PHONE_RUN = re.compile(r"(?<![\d+])\+?\d(?:[\s().\-]{0,3}\d){8,14}(?!\d)")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b", re.IGNORECASE)
_HOUSE_AND_STREET = re.compile(r"^\s*\d+[A-Za-z]?\s+[^\W\d_][\w'’. -]*$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Identifiers:
    """The person's values that prove a listing is theirs, normalised for comparison."""

    phones: frozenset[str]
    """National-format digits: "07700900123"."""
    emails: frozenset[str]
    postcodes: frozenset[str]
    """Upper case without spaces: "EX23BB"."""
    streets: tuple[tuple[str, str], ...]
    """House number and street with the town, lower case: ("12 acacia avenue", "exampleton"). Both must
    appear: "1 High Street" alone is in every town."""
    birth_years: frozenset[str]
    names: tuple[str, ...]
    """The person's name and aliases, lower case, single spaces."""


def identifiers(person: Person) -> Identifiers:
    """The person's private and public values as attribution evidence."""
    phones = (*person.private.phones, *person.public.phones)
    emails = (*person.private.emails, *person.public.emails)
    addresses = (*person.private.addresses, *person.public.addresses)
    return Identifiers(
        phones=frozenset(filter(None, (_national_digits(p) for p in phones))),
        emails=frozenset(e.strip().lower() for e in emails),
        postcodes=frozenset(_postcode(m) for a in addresses for m in _POSTCODE.finditer(a)),
        streets=tuple(dict.fromkeys(pair for a in addresses for pair in _streets(a))),
        birth_years=frozenset(str(d.year) for d in person.private.dates_of_birth),
        names=tuple(_norm(n) for n in (person.name, *person.aliases) if n.strip()),
    )


def towns(person: Person) -> list[str]:
    """Towns of the person's addresses (private first): the words before the postcode, or the part of
    the address before the one holding the postcode when that part is the postcode alone."""
    out: list[str] = []
    for address in (*person.private.addresses, *person.public.addresses):
        for town in _towns_of(address):
            if town not in out:
                out.append(town)
    return out


def _towns_of(address: str) -> list[str]:
    parts = [p.strip() for p in address.split(",") if p.strip()]
    for index, part in enumerate(parts):
        match = _POSTCODE.search(part)
        if not match:
            continue
        before = part[: match.start()].strip(" ,")
        town = before if before else (parts[index - 1] if index > 0 else "")
        return [town] if town and not any(c.isdigit() for c in town) else []
    return []


def split_listings(body: bytes, content_type: str, selector: str) -> list[str]:
    """The text of each listing on a page (`selector` picks them; "" makes the whole page one listing)."""
    soup = BeautifulSoup(decode_html(body[:MAX_PAGE_BYTES], content_type), "lxml")
    for hidden in soup.find_all(_HIDDEN):
        hidden.decompose()
    elements = soup.select(selector, limit=MAX_LISTINGS) if selector else [soup.body or soup]
    texts = []
    for element in elements:
        text = "\n".join(line for line in (s.strip() for s in element.get_text("\n").splitlines()) if line)
        texts.append(text[:MAX_LISTING_CHARS])
    return texts


def evidence(text: str, ids: Identifiers) -> list[str]:
    """Which kinds of the person's values the listing carries ("phone", "postcode"...); [] for a namesake.

    Only kinds, never the values: the result goes into source details, which must not hold private data.
    """
    kinds = []
    if ids.phones and any(_national_digits(m.group(0)) in ids.phones for m in _PHONE_RUN.finditer(text)):
        kinds.append("phone")
    if ids.emails and any(m.group(0).lower() in ids.emails for m in _EMAIL.finditer(text)):
        kinds.append("email")
    if ids.postcodes and any(_postcode(m) in ids.postcodes for m in _POSTCODE.finditer(text)):
        kinds.append("postcode")
    flat = _norm(text)
    if any(_has_phrase(flat, street) and _has_phrase(flat, town) for street, town in ids.streets):
        kinds.append("street")
    named = any(name in flat for name in ids.names)
    if named and any(re.search(rf"(?<!\d){year}(?!\d)", text) for year in ids.birth_years):
        kinds.append("birth year with name")
    return kinds


def _national_digits(value: str) -> str:
    """UK numbers in national form ("07700900123") whether written +44, 0044 or 0; others as digits."""
    digits = re.sub(r"\D", "", value.replace("(0)", ""))
    if value.strip().startswith("+44") or (digits.startswith("44") and len(digits) == 12):
        digits = "0" + digits[2:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    return digits if len(digits) >= 9 else ""


def _postcode(match: re.Match[str]) -> str:
    return (match.group(1) + match.group(2)).upper()


def _streets(address: str) -> Iterable[tuple[str, str]]:
    town = next(iter(_towns_of(address)), "")
    if not town:
        return
    for part in address.split(","):
        if _HOUSE_AND_STREET.match(part) and not _POSTCODE.search(part):
            yield _norm(part), _norm(town)


def _has_phrase(flat: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", flat) is not None


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace("’", "'")).strip().lower()

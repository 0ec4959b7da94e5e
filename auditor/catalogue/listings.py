"""People-search results pages: split into listings, and tell the person's listing from a namesake's.

Only a listing that carries one of the person's known values (phone, email, postcode, house number and
street, or birth year beside their name) is theirs: a "Jane Doe" in another town is not their exposure.
Values are read through `auditor.values`, as the detectors read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup

from ..extract.html import decode_html
from ..values import emails as email_values
from ..values import phones as phone_values
from ..values.addresses import AddressMatch, AddressParts, Postcode, find_address, parse_address
from ..values.sealed import SealedLookups
from ..values.tokens import TokenText, phrase_tokens

if TYPE_CHECKING:
    from ..model import Person
    from ..seal import Sealer

MAX_PAGE_BYTES = 5_000_000
MAX_LISTINGS = 200
"""Listings read per page: a results page with more is not about one person anyway."""
MAX_LISTING_CHARS = 20_000

_HIDDEN = ("script", "style", "template", "noscript")


@dataclass(frozen=True)
class Identifiers:
    """The person's values that prove a listing is theirs, normalised for comparison."""

    phones: frozenset[str]
    """E.164."""
    regions: tuple[str, ...]
    """Countries of those numbers, to read a listing's national-format numbers in."""
    emails: frozenset[str]
    postcodes: tuple[Postcode, ...]
    addresses: tuple[AddressParts, ...]
    """Seen in full (house number, street, and town or postcode) a listing is theirs; "1 High Street"
    alone is in every town."""
    birth_years: frozenset[str]
    names: tuple[tuple[str, ...], ...]
    """The person's name and aliases, as canonical words."""
    sealed: SealedLookups | None = None
    """Their sealed values (a sealed roster), looked up by hash."""


def identifiers(person: Person, sealer: Sealer | None = None) -> Identifiers:
    """The person's private and public values as attribution evidence (sealed ones need the `sealer`)."""
    numbers = [
        number
        for raw in (*person.private.phones, *person.public.phones)
        for number in [phone_values.parse(raw)]
        if number is not None
    ]
    regions = tuple(dict.fromkeys(phone_values.region_of(number) for number in numbers))
    addresses = [
        parts
        for raw in (*person.private.addresses, *person.public.addresses)
        for parts in [parse_address(raw)]
        if parts is not None
    ]
    return Identifiers(
        phones=frozenset(phone_values.e164(number) for number in numbers),
        regions=tuple(r for r in regions if r),
        emails=frozenset(email_values.normalise(e) for e in (*person.private.emails, *person.public.emails)),
        postcodes=tuple(dict.fromkeys(a.postcode for a in addresses if a.postcode is not None)),
        addresses=tuple(addresses),
        birth_years=frozenset(str(d.year) for d in person.private.dates_of_birth)
        | frozenset(str(d.year) for d in person.sealed.dates_of_birth),
        names=tuple(phrase_tokens(n) for n in (person.name, *person.aliases) if n.strip()),
        sealed=SealedLookups(person.sealed, sealer) if person.sealed and sealer is not None else None,
    )


def towns(person: Person) -> list[str]:
    """Towns of the person's addresses (private first), as the roster writes them."""
    out: list[str] = []
    for address in (*person.private.addresses, *person.public.addresses):
        parts = parse_address(address)
        town = parts.town if parts else ""
        if town and not any(c.isdigit() for c in town) and town not in out:
            out.append(town)
    return out


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
    sealed = ids.sealed
    regions = (phone_values.DEFAULT_REGION, *ids.regions, *(sealed.regions if sealed else ()))
    if (ids.phones or (sealed and sealed.phones)) and any(
        key in ids.phones or (sealed is not None and sealed.phone(key) is not None)
        for candidate in phone_values.find_candidates(text)
        if not candidate.glued and not candidate.labelled_id
        for number in candidate.readings(regions)
        for key in [phone_values.e164(number)]
    ):
        kinds.append("phone")
    if (ids.emails or (sealed and sealed.emails)) and any(
        found in ids.emails or (sealed is not None and sealed.email(found) is not None)
        for found, _, _ in email_values.find_known_spellings(text)
    ):
        kinds.append("email")
    if any(code.pattern.search(text) for code in ids.postcodes) or (sealed and sealed.postcode_in(text)):
        kinds.append("postcode")
    page = TokenText(text)
    addresses = list(ids.addresses)
    if sealed is not None and sealed.addresses:
        addresses += [r.parts for r in sealed.addresses_on(text, sealed.recover(text))]
    if any(
        (sighting := find_address(page, parts)) is not None and sighting.kind is AddressMatch.FULL
        for parts in addresses
        if parts.numbers
    ):
        kinds.append("street")
    words = {token.norm for token in page.tokens}
    named = any(all(word in words for word in name) for name in ids.names)
    if named and any(re.search(rf"(?<!\d){year}(?!\d)", text) for year in ids.birth_years):
        kinds.append("birth year with name")
    return kinds

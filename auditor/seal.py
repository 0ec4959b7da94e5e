"""Sealing private values: each one becomes keyed hashes of the normalised forms a page's candidates are
read into (the same normalisation the detectors use: `values`), plus the mask reports show.

A sealed value is matched by reading a page's candidates into those forms, hashing them and looking the
hashes up; the plain value never needs to exist again on the machine that runs the audit.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
from typing import TYPE_CHECKING

import phonenumbers

from .keys import PARTS as _PARTS
from .mask import mask_value
from .model import (
    Category,
    SealedAddress,
    SealedDate,
    SealedEmail,
    SealedLocation,
    SealedPhone,
    SealedPhrase,
    SealedValues,
)
from .values import emails as email_values
from .values import phones as phone_values
from .values.addresses import AddressParts, parse_address
from .values.tokens import APOSTROPHES, literal_hint, phrase_tokens

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from .model import PrivateLocation, PrivateValues

SEALED_FORM = 1
"""The normalisation sealed values are hashed in, written into every sealed file (`sealed_form`). Raise it
(and `profiles/schema.json`'s const) whenever a form changes: `values.tokens.canonical`, email or phone
normalisation, address parsing, shapes, cells. `tests/test_seal.py` pins the forms of version 1."""

KEY_CHECK = "auditor sealed roster"
"""Hashed into every sealed file: an audit given another key says so, rather than finding nothing."""

CELL_M = 150.0
"""Size of the map cells a sealed private location is kept as (see `cell_of`)."""
_CELL_DEG = CELL_M / 111_320.0  # one cell's height in degrees of latitude


class Sealer:
    """Hashes normalised forms under one key; the same forms, hashed the same way, are looked up in
    audits (`detectors.subject`).

    `sealer(domain, form)` is `keyed_hash(key, "seal", domain, form)`. An audit hashes every word of
    every page that has a sealed word's shape, so each domain's hashing starts from an HMAC already fed
    its prefix, and remembers what it hashed (bounded)."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._domains: dict[str, _DomainHash] = {}

    def __call__(self, domain: str, form: str) -> str:
        return self.domain(domain)(form)

    def domain(self, domain: str) -> Callable[[str], str]:
        """The hashing of one domain's forms (a word, a mailbox name...): `sealer(domain, form)`."""
        found = self._domains.get(domain)
        if found is None:
            found = self._domains[domain] = _DomainHash(self._key, domain)
        return found

    def check(self) -> str:
        """The value a sealed file records to show which key sealed it."""
        return self("check", KEY_CHECK)

    def words(self, words: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self("word", w) for w in words)

    def seal(self, private: PrivateValues) -> SealedValues:
        """Every private value of one person, sealed (values that cannot be read are left out, as an
        audit of the plain value would never find them either)."""
        words: set[str] = {longest_word(email_values.normalise(e)) for e in private.emails}
        for value in (*private.relatives, *private.other):
            words.update(phrase_tokens(value))
        for value in private.addresses:
            parts = parse_address(value)
            if parts is not None:
                words.update(parts.street)
                words.update(w for place in parts.localities for w in place)
                if parts.postcode and parts.postcode.uk:
                    words.add(parts.postcode.code.split(" ")[0].lower())
        return SealedValues(
            shapes=tuple(sorted(shape(w) for w in words)),
            phones=tuple(p for p in map(self.phone, private.phones) if p is not None),
            emails=tuple(e for e in map(self.email, private.emails) if e is not None),
            addresses=tuple(a for a in map(self.address, private.addresses) if a is not None),
            dates_of_birth=tuple(map(self.date, private.dates_of_birth)),
            relatives=tuple(p for v in private.relatives if (p := self.phrase(Category.RELATIVE, v))),
            other=tuple(p for v in private.other if (p := self.phrase(Category.OTHER, v))),
            locations=tuple(map(self.location, private.locations)),
        )

    def phone(self, value: str) -> SealedPhone | None:
        number = phone_values.parse(value)
        if number is None:
            return None
        nsn = phonenumbers.national_significant_number(number)
        return SealedPhone(
            mask=mask_value(Category.PHONE, value),
            e164=self("phone", phone_values.e164(number)),
            nsn=self("nsn", nsn),
            nsn_digits=len(nsn),
            region=phone_values.region_of(number),
        )

    def email(self, value: str) -> SealedEmail | None:
        address = email_values.normalise(value)
        if "@" not in address:
            return None
        return SealedEmail(
            mask=mask_value(Category.EMAIL, value),
            address=self("email", address),
            mailbox_word=self("mailbox", longest_word(address)),
        )

    def date(self, day: dt.date) -> SealedDate:
        iso = day.isoformat()
        return SealedDate(mask_value(Category.DATE_OF_BIRTH, iso), self("date", iso), day.year)

    def phrase(self, category: Category, value: str) -> SealedPhrase | None:
        words = phrase_tokens(value)
        if not words:
            return None
        if category is Category.RELATIVE:  # around the first or the last name, as `detectors.subject`
            names = value.split()
            ends = (literal_hint(names[0]), literal_hint(names[-1]))
            hints: tuple[int, ...] = (0, len(words) - 1) if all(ends) else ()
        else:  # around its longest word
            literal = literal_hint(value)
            hints = tuple(i for i, w in enumerate(words) if w == literal)[:1] if literal else ()
        key = self("phrase", phrase_key(value))
        return SealedPhrase(mask_value(category, value), key, self.words(words), tuple(sorted(set(hints))))

    def address(self, value: str) -> SealedAddress | None:
        parts = parse_address(value)
        if parts is None:
            return None
        code = parts.postcode.code if parts.postcode else ""
        uk = bool(parts.postcode and parts.postcode.uk)
        return SealedAddress(
            mask=mask_value(Category.ADDRESS, value),
            key=self("address", address_key(value, parts)),
            street=self.words(parts.street),
            numbers=tuple(self("number", n) for n in sorted(parts.numbers)),
            unit=self("unit", parts.unit) if parts.unit else "",
            localities=tuple(self.words(place) for place in parts.localities),
            postcode=self("postcode", code) if code else "",
            postcode_country=parts.postcode.country if parts.postcode else "",
            outward=self("word", code.split(" ")[0].lower()) if uk else "",
            street_hint=_street_hint(value, parts),
        )

    def location(self, place: PrivateLocation) -> SealedLocation:
        cells = sorted(self("cell", cell) for cell in cells_within(place.lat, place.lon, place.radius_m))
        return SealedLocation(place.label, place.radius_m, tuple(cells))


class _DomainHash:
    """`keyed_hash(key, "seal", domain, form)` for one domain, from a copy of an HMAC fed its prefix."""

    _REMEMBERED = 50_000  # a long audit's page vocabulary: bounded (about 10 MB for words)

    def __init__(self, key: bytes, domain: str) -> None:
        self._prefix = hmac.new(key, _PARTS.join(("seal", domain, "")).encode("utf-8"), hashlib.sha256)
        self._known: dict[str, str] = {}

    def __call__(self, form: str) -> str:
        found = self._known.get(form)
        if found is None:
            if len(self._known) > self._REMEMBERED:
                self._known.clear()
            mac = self._prefix.copy()
            mac.update(form.encode("utf-8"))
            found = self._known[form] = mac.hexdigest()
        return found


def shape(word: str) -> str:
    """A word's first letter and length ("tom" -> "t3"): what its mask shows."""
    return f"{word[:1]}{len(word)}"


def _street_hint(value: str, parts: AddressParts) -> int:
    """Which street word a plain address is looked for around (`detectors.subject`); -1 for none."""
    literal = literal_hint(value.split(",")[0] if not parts.numbers else " ".join(parts.street))
    if not literal:
        return -1
    return next((i for i, w in enumerate(parts.street) if w == literal), -1)


def phrase_key(value: str) -> str:
    """The identity of a relative or other phrase: lower case, one space, one kind of apostrophe."""
    return re.sub(f"[{APOSTROPHES}]", "'", " ".join(value.split()).lower())


def address_key(value: str, parts: AddressParts | None) -> str:
    """The identity of an address: lower case, one space, a UK postcode in its canonical spelling."""
    key = " ".join(value.split()).lower()
    if parts and parts.postcode and parts.postcode.uk:
        outward = re.escape(parts.postcode.code.replace(" ", "")[:-3])
        code = re.search(outward + r"\s*\w{3}\b", key, re.I)
        if code:
            key = key.replace(code.group(), parts.postcode.code.lower())
    return " ".join(key.split())


def longest_word(value: str) -> str:
    """The longest run of letters and digits in `value`, lower-cased: a literal any sighting contains."""
    words = re.findall(r"[^\W_]+", value.lower())
    return max(words, key=len, default="")


def cell_of(lat: float, lon: float) -> str:
    """The map cell (about CELL_M across) holding a point: rows of equal latitude, each row's columns
    as wide in metres as it is tall."""
    row = math.floor(lat / _CELL_DEG)
    width = _CELL_DEG / max(math.cos(math.radians((row + 0.5) * _CELL_DEG)), 1e-6)
    return f"{row}:{math.floor(lon / width)}"


def cells_within(lat: float, lon: float, radius_m: float) -> set[str]:
    """Every cell holding some point within `radius_m` of (lat, lon): a photo taken inside the radius
    always falls in one of them (a photo up to a cell's diagonal outside it may too)."""
    reach = radius_m + CELL_M * 1.5
    step_lat = CELL_M / 111_320.0 / 2
    step_lon = step_lat / max(math.cos(math.radians(lat)), 1e-6)
    span_lat = reach / 111_320.0
    span_lon = span_lat / max(math.cos(math.radians(lat)), 1e-6)
    cells = set()
    y = lat - span_lat
    while y <= lat + span_lat:
        x = lon - span_lon
        while x <= lon + span_lon:
            dy = (y - lat) * 111_320.0
            dx = (x - lon) * 111_320.0 * math.cos(math.radians(lat))
            if math.hypot(dx, dy) <= radius_m + CELL_M:
                cells.add(cell_of(y, x))
            x += step_lon
        y += step_lat
    return cells

"""A sealed person's values, looked up by hash: a page's candidates are read into the normalised forms the
roster's values were sealed in (E.164, lower-case address, ISO date, canonical words), hashed, and looked
up. Nothing plain about the person is needed.

Addresses and phrases are matched by the same rules as plain ones (`values.addresses`, `values.names`),
which need the value's words: each word of the page is hashed, and a word whose hash is one of the
value's is that word, recovered from the page itself. A word the page does not hold stays unknown (a
placeholder no page word equals), exactly as a plain value's absent word matches nothing. So a sealed
value is found where, and only where, the plain one would be.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Category, Match, SealedAddress, SealedLocation, SealedPhrase, SealedValues
from ..seal import Sealer, cell_of
from .addresses import AddressParts, Postcode, house_numbers
from .sieve import WordSieve, forms_of
from .tokens import (
    HYPHENS,
    Hint,
    canonical,
    distinct_words,
    hint_pattern,
    literal_hint,
)

if TYPE_CHECKING:
    from ..model import GeoPoint, SealedDate, SealedEmail, SealedPhone

_UNKNOWN = "\x00"
"""Stands for a sealed word the page does not hold: no page word (letters and digits) ever equals it."""
# Candidates only, liberal on purpose: a candidate whose hash is the address's postcode is rebuilt into a
# `Postcode`, and that postcode's own pattern then decides, as it does for a plain address.
# A UK postcode is found from its inward code ("3BB"): a digit leads it, and a scan led by a digit skips
# most of a page in C, where one led by the outward code's letters tries every word.
_UK_INWARD = re.compile(r"[0-9][A-Za-z][A-Za-z](?![A-Za-z0-9])")
_UK_OUTWARD = re.compile(r"[A-Za-z]{1,2}[0-9][A-Za-z0-9]?")
_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)
_OTHER_POSTCODES = re.compile(r"(?<!\d)(\d{4,5})(?:-?(\d{3,4}))?(?:\s?([A-Za-z]{2})(?![A-Za-z]))?")


@dataclass(frozen=True)
class RecoveredAddress:
    """A sealed address rebuilt from the page's own words, for `values.addresses.find_address`."""

    sealed: SealedAddress
    parts: AddressParts
    hint: Hint | None


@dataclass(frozen=True)
class RecoveredPhrase:
    category: Category
    sealed: SealedPhrase
    words: tuple[str, ...]
    hint: Hint | None


class SealedLookups:
    """One person's sealed values indexed by hash (built once per person)."""

    def __init__(self, sealed: SealedValues, sealer: Sealer) -> None:
        self.sealer = sealer
        self.phones = {p.e164: p for p in sealed.phones}
        self.nsns = frozenset(p.nsn for p in sealed.phones)
        self.nsn_lengths = tuple(sorted({p.nsn_digits for p in sealed.phones}))
        self.regions = tuple(dict.fromkeys(p.region for p in sealed.phones if p.region))
        self.emails = {e.address: e for e in sealed.emails}
        self.mailboxes = frozenset(e.mailbox_word for e in sealed.emails)
        self.dates = {d.date: d for d in sealed.dates_of_birth}
        self.years = frozenset(d.year for d in sealed.dates_of_birth)
        self.postcodes = frozenset(a.postcode for a in sealed.addresses if a.postcode)
        self.addresses = sealed.addresses
        self.phrases = tuple((Category.RELATIVE, p) for p in sealed.relatives) + tuple(
            (Category.OTHER, p) for p in sealed.other
        )
        self.cells = {cell: place for place in sealed.locations for cell in place.cells}
        self.numbers = frozenset(n for a in sealed.addresses for n in a.numbers)
        # First letter -> lengths of the sealed words (their shapes, as the masks show them); None when
        # the roster predates shapes: then every word is hashed.
        self.lengths: dict[str, set[int]] | None = None
        if sealed.shapes:
            self.lengths = {}
            for word_shape in sealed.shapes:
                first, size = word_shape[:1], word_shape[1:]
                if size.isdigit():
                    self.lengths.setdefault(first, set()).add(int(size))
        self.units = frozenset(a.unit for a in sealed.addresses if a.unit)
        self.words = frozenset(
            w
            for a in sealed.addresses
            for w in (*a.street, *(w for place in a.localities for w in place), a.outward)
            if w
        ) | frozenset(w for _, p in self.phrases for w in p.words)
        self._sieve = WordSieve(self.lengths, sealer, self.words, self.mailboxes)

    # --- exact values -----------------------------------------------------------------------------------

    def phone(self, e164: str) -> SealedPhone | None:
        return self.phones.get(self.sealer("phone", e164))

    def could_be_phone(self, digits: str) -> bool:
        """Whether a run of digits ends in one of the numbers' national digits: the cheap test before
        a candidate is read as a number (every spelling of a number ends in its national digits)."""
        return any(
            self.sealer("nsn", digits[-length:]) in self.nsns
            for length in self.nsn_lengths
            if len(digits) >= length
        )

    def email(self, address: str) -> SealedEmail | None:
        return self.emails.get(self.sealer("email", address))

    def mailbox_words(self, text: str) -> list[str]:
        """The page's words that are one of the addresses' longest words (where a spelling may be)."""
        if not self.mailboxes:
            return []
        return sorted(self._sieve(text).mailboxes, key=len, reverse=True)

    def birthday(self, day: dt.date) -> SealedDate | None:
        return self.dates.get(self.sealer("date", day.isoformat()))

    def birth_months(self) -> set[tuple[int, int]]:
        """(month, year) of each sealed date of birth, for records that give no day (company officers).
        Found by trying each day of its year against the hash, as anyone holding the key could."""
        found = set()
        for year in self.years:
            day = dt.date(year, 1, 1)
            while day.year == year:
                if self.sealer("date", day.isoformat()) in self.dates:
                    found.add((day.month, year))
                day += dt.timedelta(days=1)
        return found

    def postcode(self, code: str) -> Match | None:
        return Match.PRIVATE if self.postcodes and self.sealer("postcode", code) in self.postcodes else None

    def postcode_in(self, text: str) -> bool:
        """Whether the text holds one of the sealed addresses' postcodes."""
        return any(self._postcode_on(a, text) is not None for a in self.addresses if a.postcode)

    def location(self, point: GeoPoint) -> SealedLocation | None:
        if not self.cells:
            return None
        return self.cells.get(self.sealer("cell", cell_of(point.lat, point.lon)))

    # --- values matched by rules that need their words ----------------------------------------------------

    def recover(self, text: str) -> dict[str, str]:
        """hash -> the text's word, for every word of the text (and its singular or plural, as
        `same_word` compares them) that is one of the sealed words."""
        if not self.words:
            return {}
        return dict(self._sieve(text).words)

    def secrets_in(self, text: str, public: frozenset[str] = frozenset()) -> list[str]:
        """The text's spellings of the sealed values' words, house and flat numbers and mailbox names,
        to mask in evidence snippets as a plain roster's values are (`mask.secret_words`). Words in
        `public` (the person's own names, canonical) stay: a relative shares the surname."""
        # The text's words as written ("Example"), the names canonical ("example"): compare like with like.
        recovered = {w for w in self.recover(text).values() if canonical(w) not in public}
        found: set[str] = set()
        for raw in distinct_words(text):
            parts = [raw, *(re.split(f"[{HYPHENS}]", raw) if len(raw) > 1 else ())]
            found.update(p for p in parts if p and any(f in recovered for f in forms_of(canonical(p))))
        found.update(self._found(text, "number", tuple(self.numbers)) - {_UNKNOWN})
        found.update(self._found(text, "unit", tuple(self.units)) - {_UNKNOWN})
        found.update(w for w in self.mailbox_words(text) if canonical(w) not in public)
        return sorted(found, key=len, reverse=True)

    def addresses_on(self, text: str, recovered: dict[str, str]) -> list[RecoveredAddress]:
        """Each sealed address as parts built from the text's words, with where to look for it (as a plain
        address's hint); those that cannot match are left out (neither all street words nor the postcode
        in the text)."""
        out = []
        for address in self.addresses:
            street = tuple(recovered.get(w, _UNKNOWN) for w in address.street)
            postcode = self._postcode_on(address, text)
            if _UNKNOWN in street and postcode is None:
                continue
            numbers = self._found(text, "number", address.numbers) if address.numbers else frozenset()
            unit = next(iter(self._found(text, "unit", (address.unit,)))) if address.unit else ""
            localities = tuple(
                tuple(recovered.get(w, _UNKNOWN) for w in place) for place in address.localities
            )
            if postcode is None and address.postcode:
                postcode = Postcode(_UNKNOWN, address.postcode_country)
            hint = None  # as for a plain address: around its street's hint word and its outward code
            if address.street_hint >= 0:
                if address.outward:  # a UK outward code, wherever it is (the full postcode need not be)
                    outward = recovered.get(address.outward, "")
                else:  # another country's code: its first five characters, where the code is
                    outward = postcode.code[:5] if postcode is not None and postcode.code != _UNKNOWN else ""
                looked_for = (street[address.street_hint], outward)
                hint = hint_pattern(tuple(literal_hint(w) if w != _UNKNOWN else "" for w in looked_for))
                if hint is None:
                    continue  # none of the words it is looked for around is here: it cannot be either
            parts = AddressParts(numbers, unit, street, localities, postcode)
            out.append(RecoveredAddress(address, parts, hint))
        return out

    def phrases_on(self, recovered: dict[str, str]) -> list[RecoveredPhrase]:
        """Each sealed phrase with the words the page holds; those none of whose words are there are left
        out (a relative's first name alone can be a sighting, so one word is enough to try)."""
        out = []
        for category, phrase in self.phrases:
            words = tuple(recovered.get(w, _UNKNOWN) for w in phrase.words)
            present = [w for w in words if w != _UNKNOWN]
            if not present:
                continue
            # Where to look, as for a plain phrase: a relative around their first or last name, another
            # phrase around its longest word; here only those of them the text holds.
            hint = None
            if phrase.hints:
                hint = hint_pattern(
                    tuple(literal_hint(words[i]) for i in phrase.hints if words[i] != _UNKNOWN)
                )
                if hint is None:
                    continue  # none of the words it is looked for around is here
            out.append(RecoveredPhrase(category, phrase, words, hint))
        return out

    def _found(self, text: str, domain: str, hashes: tuple[str, ...]) -> frozenset[str]:
        """The text's house numbers (or flat numbers) that are sealed ones; an unknown one when none is."""
        if not hashes:
            return frozenset({_UNKNOWN})
        wanted = set(hashes)
        raw = distinct_words(text)
        if domain == "unit":  # a flat may be "4" or "B"
            words = {canonical(w) for w in raw if len(w) <= 6}
        else:
            words = {n for w in raw if w[:1].isdigit() for n in house_numbers(canonical(w))}
        found = {w for w in words if self.sealer(domain, w) in wanted}
        return frozenset(found) or frozenset({_UNKNOWN})

    def _postcode_on(self, address: SealedAddress, text: str) -> Postcode | None:
        if not address.postcode:
            return None
        if address.postcode_country == "GB":
            for code in _uk_shaped(text):
                if self.sealer("postcode", code) == address.postcode:
                    return Postcode(code, "GB")
            return None
        for found in _OTHER_POSTCODES.finditer(text):
            digits, more, letters = found.groups()
            for code in (digits, digits + (more or ""), digits + (letters or "").upper()):
                if self.sealer("postcode", code) == address.postcode:
                    return Postcode(code, address.postcode_country)
        return None


@functools.lru_cache(maxsize=8)
def _uk_shaped(text: str) -> tuple[str, ...]:
    """Every UK-postcode-shaped string of the text, canonical ("EX2 3BB"), once each: an outward code
    ("EX2", not inside a longer word) and an inward code, with or without whitespace between them."""
    found = []
    for inward in _UK_INWARD.finditer(text):
        end = inward.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        for start in range(max(0, end - 4), end - 1):
            whole = start == 0 or text[start - 1] not in _ASCII_ALNUM  # not the tail of a longer word
            if whole and _UK_OUTWARD.fullmatch(text, start, end):
                found.append(f"{text[start:end]} {inward.group()}".upper())
    return tuple(dict.fromkeys(found))

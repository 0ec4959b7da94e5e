"""The person being audited, as the detectors read them: every roster value compiled once into the keys a
page's candidates are compared with (E.164 numbers, lower-case addresses, ISO dates, address parts,
canonical words). The audit compiles each person once and hands the result to every detector.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import phonenumbers

from ..model import Category, Match, Person
from ..seal import Sealer, address_key, longest_word, phrase_key
from ..values import emails as email_values
from ..values import phones as phone_values
from ..values.addresses import AddressParts, parse_address
from ..values.sealed import SealedLookups
from ..values.tokens import Hint, hint_pattern, literal_hint, name_words, phrase_tokens


@dataclass(frozen=True)
class KnownPhone:
    match: Match
    value: str
    nsn: str
    """National significant number: a cheap test that a page could hold the number at all."""


@dataclass(frozen=True)
class KnownAddress:
    match: Match
    key: str
    value: str
    parts: AddressParts
    hint: Hint | None
    """Finds the street's or the postcode's words; the address is looked for only around them."""


@dataclass(frozen=True)
class KnownPhrase:
    category: Category
    key: str
    value: str
    hint: Hint | None
    """Finds words any sighting holds (see `hint_pattern`); None: read the whole page."""
    words: tuple[str, ...] = ()
    """The phrase's canonical words when it has no plain text (a sealed phrase recovered from a page)."""


@dataclass(frozen=True)
class KnownValues:
    """A person's roster values compiled for matching; built once per person and reused."""

    postcodes: Mapping[str, Match] = field(default_factory=dict)
    """UK postcodes of the roster's addresses -> private/public."""
    phone_values: Mapping[str, KnownPhone] = field(default_factory=dict)
    email_values: Mapping[str, tuple[Match, str]] = field(default_factory=dict)
    addresses: tuple[KnownAddress, ...] = ()
    birthdays: Mapping[dt.date, str] = field(default_factory=dict)
    phrases: tuple[KnownPhrase, ...] = ()
    regions: tuple[str, ...] = ()
    """Countries of the known numbers: a page's national-format numbers are also read in these."""
    subject: frozenset[str] = frozenset()
    """The person's own names as canonical words: "her husband" after them is theirs."""
    mailbox_words: tuple[str, ...] = ()
    """The longest word of each known address: every spelling of it holds that word."""
    sealed: SealedLookups | None = None
    """The person's sealed values (a sealed roster), looked up by hash; None when there are none."""

    def phone(self, e164: str) -> KnownPhone | None:
        """The person's number with this E.164 form, plain or sealed (shown as its mask)."""
        found = self.phone_values.get(e164)
        if found is None and self.sealed is not None:
            sealed = self.sealed.phone(e164)
            if sealed is not None:
                found = KnownPhone(Match.PRIVATE, sealed.mask, "")
        return found

    def email(self, address: str) -> tuple[Match, str] | None:
        """(private/public, the value to show) for one of the person's addresses, plain or sealed."""
        found = self.email_values.get(address)
        if found is None and self.sealed is not None:
            sealed = self.sealed.email(address)
            if sealed is not None:
                found = (Match.PRIVATE, sealed.mask)
        return found

    def postcode(self, code: str) -> Match | None:
        """Whether a UK postcode is one of the person's addresses' (private or public)."""
        found = self.postcodes.get(code)
        if found is None and self.sealed is not None:
            found = self.sealed.postcode(code)
        return found

    def birthday(self, day: dt.date) -> str | None:
        """The value to show when `day` is the person's date of birth, plain or sealed."""
        found = self.birthdays.get(day)
        if found is None and self.sealed is not None:
            sealed = self.sealed.birthday(day)
            found = sealed.mask if sealed is not None else None
        return found

    @property
    def birth_years(self) -> frozenset[int]:
        years = {day.year for day in self.birthdays}
        return frozenset(years | self.sealed.years) if self.sealed is not None else frozenset(years)

    @property
    def phones(self) -> Mapping[str, Match]:
        """E.164 -> private/public, for the discovered-data detectors to leave alone."""
        return {key: phone.match for key, phone in self.phone_values.items()}

    @property
    def emails(self) -> Mapping[str, Match]:
        """Lower-case address -> private/public."""
        return {key: match for key, (match, _) in self.email_values.items()}


def compile_known(person: Person, sealer: Sealer | None = None) -> KnownValues:
    """Compile every public and private value of `person`.

    Private values come first so a value mistakenly listed under both is reported as private.
    The person's name and aliases are deliberately absent: on their own pages they are not findings.
    Sealed values are looked up by hash, which needs the `sealer` (the key they were sealed with).
    """
    phones: dict[str, KnownPhone] = {}
    regions: dict[str, None] = {}
    emails: dict[str, tuple[Match, str]] = {}
    addresses: list[KnownAddress] = []
    postcodes: dict[str, Match] = {}
    groups: list[tuple[Match, Iterable[str], Iterable[str], Iterable[str]]] = [
        (Match.PRIVATE, person.private.phones, person.private.emails, person.private.addresses),
        (Match.PUBLIC, person.public.phones, person.public.emails, person.public.addresses),
    ]
    for match, phone_list, email_list, address_list in groups:
        for value in phone_list:
            number = phone_values.parse(value)
            if number is not None:
                key = phone_values.e164(number)
                nsn = phonenumbers.national_significant_number(number)
                phones.setdefault(key, KnownPhone(match, value, nsn))
                # By country code, not by number: drama-range numbers belong to no region's allocation.
                if phone_values.region_of(number):
                    regions.setdefault(phone_values.region_of(number))
        for value in email_list:
            key = email_values.normalise(value)
            if "@" in key:
                emails.setdefault(key, (match, value))
        for value in address_list:
            parts = parse_address(value)
            if parts is None:
                continue
            key = address_key(value, parts)
            if any(a.key == key for a in addresses):
                continue
            street_hint = literal_hint(value.split(",")[0] if not parts.numbers else " ".join(parts.street))
            postcode_hint = ""
            if parts.postcode:
                code = parts.postcode.code.lower()
                postcode_hint = code.split(" ")[0] if parts.postcode.uk else code[:5]
            hint = hint_pattern((street_hint, postcode_hint)) if street_hint else None
            addresses.append(KnownAddress(match, key, value, parts, hint))
            if parts.postcode and parts.postcode.uk:
                postcodes.setdefault(parts.postcode.code, match)
    birthdays = {day: day.isoformat() for day in person.private.dates_of_birth}
    sealed = None
    if person.sealed and sealer is not None:
        sealed = SealedLookups(person.sealed, sealer)
        regions.update(dict.fromkeys(r for r in sealed.regions if r not in regions))
    phrases: list[KnownPhrase] = []
    for category, values in (
        (Category.RELATIVE, person.private.relatives),
        (Category.OTHER, person.private.other),
    ):
        for value in values:
            key = phrase_key(value)
            words = phrase_tokens(value)
            if key and words and not any(p.key == key and p.category is category for p in phrases):
                # A relative may be named by the first name alone ("my husband Gareth").
                names = value.split() if category is Category.RELATIVE else [value]
                found_in = tuple(literal_hint(name) for name in (names[0], names[-1]))
                hint = hint_pattern(found_in) if all(found_in) else None
                phrases.append(KnownPhrase(category, key, value, hint))
    return KnownValues(
        postcodes=postcodes,
        phone_values=phones,
        email_values=emails,
        addresses=tuple(addresses),
        birthdays=birthdays,
        phrases=tuple(phrases),
        regions=tuple(regions),
        mailbox_words=tuple(dict.fromkeys(longest_word(address) for address in emails)),
        subject=name_words(person.name, *person.aliases),
        sealed=sealed,
    )


@dataclass(frozen=True)
class Subject:
    """One person and their compiled values: what `Detector.detect` is given with each document."""

    person: Person
    known: KnownValues

    @classmethod
    def of(cls, person: Person, sealer: Sealer | None = None) -> Subject:
        return cls(person, compile_known(person, sealer))

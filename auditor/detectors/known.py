"""Known-values detector: finds the person's own public and private values, however a page writes them.

Each value is compiled once per person into a canonical key (E.164, lower-case address, ISO date, address
parts, canonical words); a page's candidates are read into the same keys and compared. What surrounds a
sighting can lower what it means, and the hit then says why: a date with no birth context, a street
without the house number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import phonenumbers

from ..model import Category, Document, Hit, Match, Person, Severity
from ..severity import severity_of
from ..values import emails as email_values
from ..values import phones as phone_values
from ..values.addresses import AddressMatch, AddressParts, find_address, parse_address
from ..values.dates import DateContext, find_dates
from ..values.names import NameMatch, find_phrase_value, find_relative
from ..values.tokens import APOSTROPHES, Hint, TokenText, hint_pattern, literal_hint, phrase_tokens
from .interface import Detector
from .text import Haystack, collapse, haystacks, link_phone, link_snippet, snippet

_DATE_NOTES = {
    DateContext.PUBLICATION: (
        "the date of birth appears as a publication date (a byline, 'posted' or 'updated', a masthead or "
        "a citation), not as a birth date: lowered to info"
    ),
    DateContext.NONE: (
        "the date of birth appears with no birth context ('born', 'DOB', 'birthday', 'aged'): probably "
        "another event's date, lowered to info"
    ),
}
_EMAIL_REACH = 160
"""Characters around a mailbox name that a disguised address can span ("jane [dot] home [at] mail…")."""
_NO_NUMBER_NOTE = (
    "the street and postcode of this address appear without its house number: the page may name "
    "another building in the same street, so this is shown as a note, not as your address"
)


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

    @property
    def phones(self) -> Mapping[str, Match]:
        """E.164 -> private/public, for the discovered-data detectors to leave alone."""
        return {key: phone.match for key, phone in self.phone_values.items()}

    @property
    def emails(self) -> Mapping[str, Match]:
        """Lower-case address -> private/public."""
        return {key: match for key, (match, _) in self.email_values.items()}

    def address_sightings(self, hay: Haystack) -> Iterator[KnownAddress]:
        """The roster addresses seen in full in `hay` (for the postcode detector)."""
        for address in self.addresses:
            for _, page in _windows(hay, address.hint):
                sighting = find_address(page, address.parts)
                if sighting is not None and sighting.kind is AddressMatch.FULL:
                    yield address
                    break


class KnownCache:
    """Compiled known values per person: a detector sees many documents about the same person.

    Keyed by the Person value, not its id: an edited roster entry under the same id is recompiled.
    """

    def __init__(self) -> None:
        self._by_person: dict[Person, KnownValues] = {}

    def __call__(self, person: Person) -> KnownValues:
        known = self._by_person.get(person)
        if known is None:
            known = self._by_person[person] = compile_known(person)
        return known


def phrase_key(value: str) -> str:
    """The identity of a relative or other phrase: lower case, one space, one kind of apostrophe."""
    return re.sub(f"[{APOSTROPHES}]", "'", collapse(value).lower())


def address_key(value: str, parts: AddressParts | None) -> str:
    key = collapse(value).lower()
    if parts and parts.postcode and parts.postcode.uk:
        code = re.search(re.escape(parts.postcode.code.replace(" ", "")[:-3]) + r"\s*\w{3}\b", key, re.I)
        if code:
            key = key.replace(code.group(), parts.postcode.code.lower())
    return collapse(key)


def compile_known(person: Person) -> KnownValues:
    """Compile every public and private value of `person`.

    Private values come first so a value mistakenly listed under both is reported as private.
    The person's name and aliases are deliberately absent: on their own pages they are not findings.
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
        mailbox_words=tuple(dict.fromkeys(_longest_word(address) for address in emails)),
        subject=frozenset(w for n in (person.name, *person.aliases) for w in phrase_tokens(n)),
    )


class KnownValuesDetector(Detector):
    """Every public and private roster value, on any document (attributed or not)."""

    name = "known_values"

    def __init__(self) -> None:
        self.known = KnownCache()

    def detect(self, document: Document, person: Person) -> Iterator[Hit]:
        """Yield one hit per known value seen in the document's text, title or contact links."""
        known = self.known(person)
        region = phone_values.page_region(document.url, document.content.meta)
        hays = [Haystack(text) for text in haystacks(document)]
        found: dict[tuple[Category, str], Hit] = {}

        def add(hit: Hit) -> None:
            current = found.get((hit.category, hit.key))
            if current is None or hit.severity.rank < current.severity.rank:
                found[(hit.category, hit.key)] = hit

        for hay in hays:
            for hit in self._phones(hay, known, region):
                add(hit)
            for hit in self._emails(hay, known):
                add(hit)
            for hit in self._dates(hay, known, region):
                add(hit)
            for hit in self._addresses(hay, known):
                add(hit)
            for hit in self._phrases(hay, known):
                add(hit)
        for href in document.content.contact_links:
            # A tel: link without "+" may follow the page's country or the person's own (a UK mobile
            # on a US club's page): the whole number must match one of theirs either way.
            for link_region in dict.fromkeys((region, *known.regions)):
                number = link_phone(href, link_region)
                if number and number in known.phone_values and (Category.PHONE, number) not in found:
                    add(self._hit(Category.PHONE, known.phone_values[number].match, number,
                                  known.phone_values[number].value, link_snippet(href)))  # fmt: skip
            for address in email_values.mailto_addresses(href):
                if address in known.email_values and (Category.EMAIL, address) not in found:
                    match, value = known.email_values[address]
                    add(self._hit(Category.EMAIL, match, address, value, link_snippet(href)))
        yield from found.values()

    def _hit(
        self,
        category: Category,
        match: Match,
        key: str,
        value: str,
        evidence: str,
        *,
        severity: Severity | None = None,
        detail: str = "",
    ) -> Hit:
        return Hit(
            detector=self.name,
            category=category,
            match=match,
            key=key,
            value=value,
            evidence=evidence,
            severity=severity or severity_of(category, match),
            detail=detail,
        )

    def _phones(self, hay: Haystack, known: KnownValues, region: str) -> Iterator[Hit]:
        if not any(p.nsn in hay.digits for p in known.phone_values.values()):
            return  # none of the numbers' digits are on the page: skip the scan
        regions = (region, *known.regions)
        for candidate in phone_values.find_candidates(hay.text):
            if candidate.labelled_id:
                continue  # "Ref: 07700900123": the whole number, but labelled as something else
            numbers = []
            if not candidate.glued:
                numbers = list(candidate.readings(regions))
            if not numbers and (
                candidate.url_glued or (not candidate.glued and candidate.context == "phone")
            ):
                # "wa.me/447700900123", "?phone=447700900123", "WhatsApp: 447700900123"
                bare = candidate.international_reading()
                numbers = [bare] if bare else []
            for number in numbers:
                key = phone_values.e164(number)
                phone = known.phone_values.get(key)
                if phone is not None:
                    evidence = snippet(hay.text, candidate.start, candidate.end)
                    yield self._hit(Category.PHONE, phone.match, key, phone.value, evidence)
                    break

    def _emails(self, hay: Haystack, known: KnownValues) -> Iterator[Hit]:
        # Read spellings only around the addresses' mailbox names: every spelling holds its longest word.
        for word in known.mailbox_words:
            at = hay.lower.find(word)
            while at >= 0:
                lo, hi = max(0, at - _EMAIL_REACH), min(len(hay.text), at + len(word) + _EMAIL_REACH)
                for address, start, end in email_values.find_known_spellings(hay.text, lo, hi):
                    if address in known.email_values:
                        match, value = known.email_values[address]
                        yield self._hit(Category.EMAIL, match, address, value, snippet(hay.text, start, end))
                at = hay.lower.find(word, hi)

    def _dates(self, hay: Haystack, known: KnownValues, region: str) -> Iterator[Hit]:
        if not known.birthdays or not any(str(day.year)[2:] in hay.digits for day in known.birthdays):
            return
        years = {day.year for day in known.birthdays}
        for sighting in find_dates(hay.text, region, years):
            for day in sighting.readings & known.birthdays.keys():
                evidence = snippet(hay.text, sighting.start, sighting.end)
                if sighting.context is DateContext.BIRTH:
                    yield self._hit(Category.DATE_OF_BIRTH, Match.PRIVATE, day.isoformat(),
                                    known.birthdays[day], evidence)  # fmt: skip
                else:
                    yield self._hit(
                        Category.DATE_OF_BIRTH,
                        Match.PRIVATE,
                        day.isoformat(),
                        known.birthdays[day],
                        evidence,
                        severity=Severity.INFO,
                        detail=_DATE_NOTES[sighting.context],
                    )

    def _addresses(self, hay: Haystack, known: KnownValues) -> Iterator[Hit]:
        for address in known.addresses:
            for offset, page in _windows(hay, address.hint):
                sighting = find_address(page, address.parts)
                if sighting is None:
                    continue
                evidence = snippet(hay.text, offset + sighting.start, offset + sighting.end)
                if sighting.kind is AddressMatch.FULL:
                    yield self._hit(Category.ADDRESS, address.match, address.key, address.value, evidence)
                    break
                yield self._hit(Category.ADDRESS, address.match, address.key, address.value, evidence,
                                severity=Severity.INFO, detail=_NO_NUMBER_NOTE)  # fmt: skip

    def _phrases(self, hay: Haystack, known: KnownValues) -> Iterator[Hit]:
        for phrase in known.phrases:
            for offset, page in _windows(hay, phrase.hint):
                if phrase.category is Category.RELATIVE:
                    sighting = find_relative(page, phrase.value, known.subject)
                    if sighting is None:
                        continue
                    first_name = sighting.kind is NameMatch.FIRST_NAME
                    detail = "first name beside a relationship word" if first_name else ""
                    evidence = snippet(hay.text, offset + sighting.start, offset + sighting.end)
                    yield self._hit(
                        phrase.category, Match.PRIVATE, phrase.key, phrase.value, evidence, detail=detail
                    )
                    break
                span = find_phrase_value(page, phrase.value)
                if span is not None:
                    evidence = snippet(hay.text, offset + span[0], offset + span[1])
                    yield self._hit(phrase.category, Match.PRIVATE, phrase.key, phrase.value, evidence)
                    break


def _windows(hay: Haystack, hint: Hint | None) -> list[tuple[int, TokenText]]:
    """Where to look: around the hint's matches, or the whole text when there is no hint."""
    if hint is None:
        return [(0, hay.whole)]
    return hay.windows(hint)


def _longest_word(value: str) -> str:
    """The longest run of letters and digits in `value`, lower-cased: a literal any sighting contains."""
    words = re.findall(r"[^\W_]+", value.lower())
    return max(words, key=len, default="")

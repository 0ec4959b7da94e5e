"""Known-values detector: finds the person's own public and private values, in any common format."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import phonenumbers

from ..model import Category, Document, Hit, Match, Person
from ..severity import severity_of
from .interface import Detector
from .text import (
    APOSTROPHES,
    POSTCODE_ANYCASE,
    Haystack,
    collapse,
    haystacks,
    link_phone,
    link_snippet,
    mailto_addresses,
    normalise_email,
    normalise_postcode,
    phone_e164,
    snippet,
)

Span = tuple[int, int]

# Separators people put between the digits of a phone number: spaces, dots, dashes (any dash), brackets
# and the odd slash. At most three in a row, so a match never strays across unrelated text.
_PHONE_SEP = r"[\s.\-\u2010-\u2015()/]{0,3}"
_PREFIX_SEP = r"[\s.\-\u2010-\u2015]*"

# An "at" or "dot" written out to dodge scrapers: name [at] host [dot] tld, name (at) host.tld,
# name at host dot tld. For a known address the whole local part and domain must match, which is
# already "clearly an address", so the bare-word forms are accepted here (not in discovery).
_AT = r"(?:@|%40|\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+)"
_DOT = r"(?:\.|\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+)"

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

# Street-type words and the abbreviations UK pages use for them ("Acacia Ave").
_STREET_ABBREVIATIONS = {
    "avenue": "ave",
    "road": "rd",
    "street": "st",
    "lane": "ln",
    "drive": "dr",
    "close": "cl",
    "crescent": "cres",
    "place": "pl",
    "court": "ct",
    "gardens": "gdns",
    "terrace": "terr?",
    "square": "sq",
    "grove": "gro?",
    "park": "pk",
    "mews": "mws",
}


@dataclass(frozen=True)
class _Needle:
    """One known value and the pattern that finds it in text."""

    category: Category
    match: Match
    key: str
    """Normalised value (E.164, lower-case e-mail, ISO date...): the hit's identity."""
    value: str
    """The roster's own spelling, for display."""
    pattern: re.Pattern[str]
    hint: str = ""
    """A literal every sighting contains (lower-case; digits when `hint_digits`). Absent: skip the regex."""
    hint_digits: bool = False

    def could_be_in(self, hay: Haystack) -> bool:
        """False when the hint proves the value is absent (cheap); True means "search"."""
        return not self.hint or self.hint in (hay.digits if self.hint_digits else hay.lower)

    def first(self, hay: Haystack) -> Span | None:
        """The span of the first sighting in the text, or None."""
        if not self.could_be_in(hay):
            return None
        found = self.pattern.search(hay.text)
        return found.span() if found else None


@dataclass(frozen=True)
class _AddressNeedle(_Needle):
    """A postal address: found by its postcode plus a nearby house number or street name.

    `pattern` finds the postcode; a postcode alone is shared by a dozen or so homes (and the person's
    office may share it), and a street name alone by thousands, so only the pair counts.
    """

    has_postcode: bool = True
    number: re.Pattern[str] | None = None
    street: re.Pattern[str] | None = None
    locality: re.Pattern[str] | None = None
    number_street: re.Pattern[str] | None = None
    """"12 Acacia Avenue": with the town close after it, a whole address even without the postcode."""
    street_hint: str = ""

    def first(self, hay: Haystack) -> Span | None:
        """The span from the house number or street to the postcode (or the town), or None."""
        if self.has_postcode and self.could_be_in(hay):
            found = self._by_postcode(hay.text)
            if found:
                return found
        # A page may give "12 Acacia Avenue, Exampleton" and leave the postcode out.
        if self.street_hint and self.street_hint not in hay.lower:
            return None
        return self._by_street(hay.text)

    def _by_postcode(self, text: str) -> Span | None:
        for post in self.pattern.finditer(text):
            start, end = post.span()
            # A house number sits just before the postcode ("12, EX2 3BB"; "12 Acacia Avenue, Exampleton
            # EX2 3BB"); the street may be a line or two away, or after it in "EX2 3BB, 12 Acacia Ave".
            if self.number is not None:
                near = self.number.search(text, max(0, start - 80), start)
                if near:
                    return near.start(), end
            if self.street is not None:
                # the closest street mention before the postcode, not the first in the window
                before = list(self.street.finditer(text, max(0, start - 200), start))
                if before:
                    return before[-1].start(), end
                after = self.street.search(text, end, end + 100)
                if after:
                    return start, after.end()
        return None

    def _by_street(self, text: str) -> Span | None:
        # Without a postcode: need "12 Acacia Avenue" and the town close after it.
        if self.number_street is None or self.locality is None:
            return None
        for found in self.number_street.finditer(text):
            town = self.locality.search(text, found.end(), found.end() + 100)
            if town and not self._other_postcode_after(text, town.end()):
                return found.start(), town.end()
        return None

    def _other_postcode_after(self, text: str, at: int) -> bool:
        """A different postcode right after the town: a different address that shares the street name."""
        if not self.has_postcode:
            return False
        following = POSTCODE_ANYCASE.match(text[at : at + 20].lstrip(" ,\n"))
        return following is not None and not self.pattern.fullmatch(following.group())


@dataclass(frozen=True)
class KnownValues:
    """A person's roster values compiled for searching; built once per person and reused."""

    needles: tuple[_Needle, ...]
    phones: Mapping[str, Match] = field(default_factory=dict)
    """E.164 -> private/public, for the discovered-data detectors to leave alone."""
    emails: Mapping[str, Match] = field(default_factory=dict)
    """Lower-case address -> private/public."""
    postcodes: Mapping[str, Match] = field(default_factory=dict)
    """Postcodes of the roster's addresses -> private/public."""

    def addresses(self) -> Iterator[_Needle]:
        """The address needles (for the postcode detector)."""
        return (n for n in self.needles if n.category is Category.ADDRESS)


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


def compile_known(person: Person) -> KnownValues:
    """Compile every public and private value of `person` into needles.

    Private values come first so a value mistakenly listed under both is reported as private.
    The person's name and aliases are deliberately absent: on their own pages they are not findings.
    """
    needles: list[_Needle] = []
    phones: dict[str, Match] = {}
    emails: dict[str, Match] = {}
    postcodes: dict[str, Match] = {}
    groups: list[tuple[Match, Iterable[str], Iterable[str], Iterable[str]]] = [
        (Match.PRIVATE, person.private.phones, person.private.emails, person.private.addresses),
        (Match.PUBLIC, person.public.phones, person.public.emails, person.public.addresses),
    ]
    for match, phone_values, email_values, address_values in groups:
        for value in phone_values:
            phone = _phone_needle(value, match)
            if phone and phone.key not in phones:
                phones[phone.key] = match
                needles.append(phone)
        for value in email_values:
            key = normalise_email(value)
            if key and "@" in key and key not in emails:
                emails[key] = match
                needles.append(
                    _Needle(Category.EMAIL, match, key, value, _email_pattern(key), hint=_longest_word(key))
                )
        for value in address_values:
            address = _address_needle(value, match)
            if address:
                needles.append(address)
                code = POSTCODE_ANYCASE.search(value)
                if code:
                    postcodes.setdefault(normalise_postcode(code.group()), match)
    for date in person.private.dates_of_birth:
        needles.append(
            _Needle(
                Category.DATE_OF_BIRTH,
                Match.PRIVATE,
                date.isoformat(),
                date.isoformat(),
                _date_pattern(date),
                hint=str(date.year)[2:],  # every accepted form ends the year with these two digits
            )
        )
    for category, values in (
        (Category.RELATIVE, person.private.relatives),
        (Category.OTHER, person.private.other),
    ):
        for value in values:
            key = re.sub(f"[{APOSTROPHES}]", "'", collapse(value).lower())
            if key:
                needles.append(
                    _Needle(
                        category, Match.PRIVATE, key, value, _phrase_pattern(value), hint=_longest_word(value)
                    )
                )
    return KnownValues(tuple(needles), phones, emails, postcodes)


class KnownValuesDetector(Detector):
    """Every public and private roster value, on any document (attributed or not)."""

    name = "known_values"

    def __init__(self) -> None:
        self.known = KnownCache()

    def detect(self, document: Document, person: Person) -> Iterator[Hit]:
        """Yield one hit per known value seen in the document's text, title or contact links."""
        known = self.known(person)
        hays = [Haystack(text) for text in haystacks(document)]
        link_phones: dict[str, str] = {}
        link_emails: dict[str, str] = {}
        for href in document.content.contact_links:
            number = link_phone(href)
            if number:
                link_phones.setdefault(number, href)
            for address in mailto_addresses(href):
                link_emails.setdefault(address, href)
        seen: set[tuple[Category, str]] = set()
        for needle in known.needles:
            if (needle.category, needle.key) in seen:
                continue
            evidence = _first_evidence(needle, hays)
            if evidence is None and needle.category is Category.PHONE and needle.key in link_phones:
                evidence = link_snippet(link_phones[needle.key])
            if evidence is None and needle.category is Category.EMAIL and needle.key in link_emails:
                evidence = link_snippet(link_emails[needle.key])
            if evidence is None:
                continue
            seen.add((needle.category, needle.key))
            yield Hit(
                detector=self.name,
                category=needle.category,
                match=needle.match,
                key=needle.key,
                value=needle.value,
                evidence=evidence,
                severity=severity_of(needle.category, needle.match),
            )


def _first_evidence(needle: _Needle, hays: list[Haystack]) -> str | None:
    for hay in hays:
        span = needle.first(hay)
        if span:
            return snippet(hay.text, *span)
    return None


# --- pattern builders -------------------------------------------------------------------------------


def _phone_needle(value: str, match: Match) -> _Needle | None:
    """A pattern for one number in every spacing: national, +44, 0044, +44 (0), bare 44 (wa.me links)."""
    key = phone_e164(value)
    if key is None:
        return None
    number = phonenumbers.parse(key)
    cc = str(number.country_code)
    nsn = phonenumbers.national_significant_number(number)
    region = phonenumbers.region_code_for_country_code(int(cc))
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    trunk = re.escape(metadata.national_prefix) if metadata and metadata.national_prefix else ""
    digits = _PHONE_SEP.join(nsn)
    prefixes = [rf"(?:\+|00){_PREFIX_SEP}{cc}{_PREFIX_SEP}"]
    if trunk:
        # "+44 (0)7700 900123" and the common slip "+44 07700 900123"
        prefixes[0] += rf"(?:\(\s*{trunk}\s*\){_PREFIX_SEP}|{trunk}{_PREFIX_SEP})?"
        prefixes.append(trunk + _PHONE_SEP)
    prefixes.append(cc + _PREFIX_SEP)  # wa.me/447700900123, "?phone=447700900123"
    # Not inside a longer digit run, nor glued to one by a dot or dash (a reference or version number).
    pattern = rf"(?<!\d)(?<!\d[.\-])(?:{'|'.join(prefixes)})?{digits}(?!\d)(?![.\-]\d)"
    return _Needle(Category.PHONE, match, key, value, re.compile(pattern), hint=nsn, hint_digits=True)


def _email_pattern(address: str) -> re.Pattern[str]:
    local, _, domain = address.rpartition("@")
    body = _AT.join(
        [_DOT.join(map(re.escape, local.split("."))), _DOT.join(map(re.escape, domain.split(".")))]
    )
    # Not part of a longer address: "mary.jane.home@..." or "jane.home@mail.example.org".
    return re.compile(rf"(?<![\w.%+\-]){body}(?![\w\-])(?!{_DOT}\w)", re.IGNORECASE)


def _address_needle(value: str, match: Match) -> _AddressNeedle | None:
    """Split "12 Acacia Avenue, Exampleton EX2 3BB" into postcode, house number, street and town."""
    text = collapse(value)
    if not text:
        return None
    key = text.lower()
    code = POSTCODE_ANYCASE.search(text)
    postcode = ""
    if code:
        compact = re.sub(r"\s+", "", code.group())
        postcode = rf"(?<![A-Za-z0-9]){re.escape(compact[:-3])}\s*{re.escape(compact[-3:])}(?![A-Za-z0-9])"
        key = key.replace(code.group().lower(), normalise_postcode(code.group()).lower())
        text = (text[: code.start()] + text[code.end() :]).strip(" ,")
    parts = [p.strip() for p in text.split(",") if p.strip()]
    number = street = locality = None
    for index, part in enumerate(parts):
        numbered = re.match(r"(\d+[A-Za-z]?)\s+(\D.*)$", part)
        if numbered:
            number = numbered.group(1)
            street = numbered.group(2)
            locality = parts[index + 1] if index + 1 < len(parts) else None
            break
    if street is None and parts and not code:
        return None  # a house name with no number and no postcode: nothing specific enough to look for
    if street is None and parts:
        street = parts[0]
    number_pattern = number_street = None
    if number is not None:
        # The house number as a whole token: not "112", "12.5", "£12", "12/03" or "12,000".
        number_re = rf"(?<![\w£$€.,/\-]){re.escape(number)}(?![\w]|[.,/:\-]\d)"
        number_pattern = re.compile(number_re, re.IGNORECASE)
        if street is not None:
            street_re = number_re + r"\s*,?\s*" + _phrase_body(street, abbreviate=True)
            number_street = re.compile(street_re, re.IGNORECASE)
    street_pattern = re.compile(_phrase_body(street, abbreviate=True), re.IGNORECASE) if street else None
    locality_pattern = re.compile(_phrase_body(locality), re.IGNORECASE) if locality else None
    return _AddressNeedle(
        Category.ADDRESS,
        match,
        collapse(key),
        value,
        re.compile(postcode, re.IGNORECASE),
        hint=compact[:-3].lower() if code else _longest_word(street or ""),
        has_postcode=bool(code),
        number_street=number_street,
        street_hint=_longest_word(street or "") if number_street else "",
        number=number_pattern,
        street=street_pattern,
        locality=locality_pattern,
    )


def _phrase_body(value: str, *, abbreviate: bool = False) -> str:
    """Whole-word, whitespace- and case-free pattern for a phrase; apostrophe and full-stop variants."""
    words = collapse(value).split(" ")
    pieces = []
    for index, word in enumerate(words):
        piece = ""
        for char in word:
            if char in APOSTROPHES:
                piece += f"[{re.escape(APOSTROPHES)}]?"  # St Mary's, St Mary’s and St Marys
            elif char == ".":
                piece += r"\.?"  # "St." and "St"
            elif char in "-\u2010\u2011\u2012\u2013":
                piece += r"[\-\u2010-\u2013]"
            else:
                piece += re.escape(char)
        if len(word) <= 3 and word.isalpha():
            piece += r"\.?"  # abbreviations: "St Mary's" is also written "St. Mary's"
        short = _STREET_ABBREVIATIONS.get(word.lower())
        if abbreviate and index == len(words) - 1 and short:
            piece = rf"(?:{piece}|{short}\.?)"
        pieces.append(piece)
    return r"(?<!\w)" + r"\s+".join(pieces) + r"(?!\w)"


def _longest_word(value: str) -> str:
    """The longest run of letters and digits in `value`, lower-cased: a literal any sighting contains."""
    words = re.findall(r"[^\W_]+", value.lower())
    return max(words, key=len, default="")


def _phrase_pattern(value: str) -> re.Pattern[str]:
    return re.compile(_phrase_body(value), re.IGNORECASE)


def _date_pattern(date: dt.date) -> re.Pattern[str]:
    """Every common way of writing one date, and no other date.

    Numeric forms must not touch further digits or a digit-plus-separator: "14/03/1975" inside
    "114/03/19750" or a version string "1.14.03.1975" is not a birthday.
    """
    day = f"0?{date.day}" if date.day < 10 else str(date.day)
    month = f"0?{date.month}" if date.month < 10 else str(date.month)
    year = str(date.year)
    name = _MONTHS[date.month - 1]
    # "Sept" is common; three-letter forms with an optional full stop ("Mar.")
    sept = r"|sept\.?" if date.month == 9 else ""
    month_name = rf"(?:{name}|{name[:3]}\.?{sept})"
    ordinal = rf"{day}(?:st|nd|rd|th)?"
    space = r"(?:\s+|\s*-\s*)"
    numeric_start = r"(?<!\d)(?<!\d[./\-])"
    numeric_end = r"(?!\d)(?![./\-]\d)"
    forms = [
        rf"{numeric_start}{day}(?P<a>[./\-]){month}(?P=a){year}{numeric_end}",  # 14/03/1975, 14.3.1975
        rf"{numeric_start}{year}(?P<b>[./\-]){month}(?P=b){day}{numeric_end}",  # 1975-03-14
        # 14/03/75: the short year British forms use; the same separator twice, nothing touching it.
        rf"{numeric_start}{day}(?P<d>[./\-]){month}(?P=d){year[2:]}{numeric_end}",
        rf"(?<![\w]){ordinal}{space}(?:of\s+)?{month_name},?{space}{year}(?!\d)",  # 14th of March, 1975
        rf"(?<![\w]){month_name}{space}{ordinal},?{space}{year}(?!\d)",  # March 14th, 1975
    ]
    if date.day > 12:
        # Month-first numeric dates are unambiguous only when the day cannot be a month.
        forms.append(rf"{numeric_start}{month}(?P<c>[./\-]){day}(?P=c){year}{numeric_end}")
    return re.compile("|".join(forms), re.IGNORECASE)

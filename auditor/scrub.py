"""Text that reaches the state file (URLs, source details, triage reasons) with any private value masked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import phonenumbers

from .mask import mask_text, secret_words
from .values.sealed import SealedLookups
from .values.tokens import name_words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import Person
    from .seal import Sealer

_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)
_NOT_DIGIT = re.compile(r"\D+")


def _alnum(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


def _digits(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


def _national_digits(phone: str) -> str:
    """The national significant number: 07700 900123, +44 7700 900123 and 447700900123 all contain it."""
    try:
        return str(phonenumbers.parse(phone, "GB").national_number)
    except phonenumbers.NumberParseException:
        return _digits(phone).lstrip("0")


def _needles(person: Person, extra: Iterable[str]) -> tuple[set[str], set[str]]:
    """(letters-and-digits needles, digit-only needles) for every private value, however it is spelt."""
    private = person.private
    words: set[str] = set()
    digits: set[str] = set()
    extra = tuple(extra)
    for phone in (*private.phones, *extra):
        national = _national_digits(phone)
        if len(national) >= 7:
            digits.add(national)
    for day in private.dates_of_birth:
        digits.update({day.strftime("%Y%m%d"), day.strftime("%d%m%Y"), day.strftime("%m%d%Y")})
    for text in (*private.emails, *private.addresses, *private.relatives, *private.other, *extra):
        folded = _alnum(text)
        if len(folded) >= 6:
            words.add(folded)
        # The first line of an address alone ("12 Acacia Avenue") finds the door.
        first = _alnum(text.split(",")[0])
        if len(first) >= 6:
            words.add(first)
    return words, digits


def mentions_private(text: str, person: Person, extra: Iterable[str] = ()) -> bool:
    """True when `text` (URL-decoded) contains one of the person's private values in any spelling."""
    decoded = unquote(unquote(text))
    words, digits = _needles(person, extra)
    folded, only_digits = _alnum(decoded), _digits(decoded)
    return any(w in folded for w in words) or any(d in only_digits for d in digits)


def scrub(text: str, person: Person, extra: Iterable[str] = ()) -> str:
    """`text` unchanged when it holds nothing private, else masked; "[withheld]" if masking was not enough."""
    if not mentions_private(text, person, extra):
        return text
    masked = mask_text(unquote(unquote(text)), secret_words(person))
    return masked if not mentions_private(masked, person, extra) else "[withheld: held a private value]"


def scrub_sealed(text: str, person: Person, sealer: Sealer) -> str:
    """`text` with a sealed person's private words masked (a relative's name, a street, a school typed into
    a triage reason). Their plain values are not known: the text's own words are hashed with the roster's
    key and compared, as the detectors read a page. Their names stay (a relative shares the surname)."""
    if not person.sealed or not text:
        return text
    secrets = SealedLookups(person.sealed, sealer).secrets_in(text, name_words(person.name, *person.aliases))
    return mask_text(text, secrets) if secrets else text


def scrub_url(url: str, person: Person, extra: Iterable[str] = ()) -> str:
    """A URL to store: as seen, unless it spells a private value (a look-up URL such as
    /by-email/<address>); then masked, or cut to the site when masking is not enough."""
    if not mentions_private(url, person, extra):
        return url
    masked = mask_text(unquote(unquote(url)), secret_words(person))
    if not mentions_private(masked, person, extra):
        return masked
    parts = urlsplit(url)
    if not parts.scheme:
        return "[withheld: held a private value]"
    return f"{parts.scheme}://{parts.hostname or ''}/…"


def scrub_free_text(text: str) -> str:
    """Free text typed by a person (a triage reason), where no roster is at hand: mask anything that
    looks like a contact detail, a date or a postcode."""
    return mask_text(text)

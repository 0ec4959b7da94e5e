"""Masking: private values shown so their owner recognises them and a reader of the report cannot use them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote

import phonenumbers

from .model import Category, Person
from .values.addresses import POSTCODE_LOOSE as _POSTCODE
from .values.addresses import parse_address
from .values.dates import find_dates

if TYPE_CHECKING:
    from collections.abc import Iterable

DOT = "•"

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A coordinate in decimal degrees (a photo's GPS position): more than one decimal places a home.
_COORDINATE = re.compile(r"(?<![\d.])(-?\d{1,3}\.\d)\d{2,}")
# A run of digits and phone punctuation holding at least six digits: phones, account numbers, dates.
# "name [at] host [dot] tld", "name (at) host.tld": the usual disguises of an address on a web page.
_OBFUSCATED_EMAIL = re.compile(
    r"[\w.+'-]+\s*[\[({]\s*at\s*[\])}]\s*[\w-]+(?:\s*(?:[\[({]\s*dot\s*[\])}]|\.)\s*[\w-]+)+",
    re.IGNORECASE,
)
_DIGIT_RUN = re.compile(r"\+?\d(?:[\d\s().\-/\u2010-\u2015\u2212]*\d){5,}")
# "jane dot home at mail dot example": an address spelled out in words.
_SPELLED_EMAIL = re.compile(r"[\w.+-]+(?:\s+dot\s+[\w-]+)*\s+at\s+[\w-]+(?:\s+dot\s+[\w-]+)+", re.IGNORECASE)


def _dots(text: str) -> str:
    return DOT * len(text)


def mask_word(word: str) -> str:
    """Keep the first character of each word: "Acacia Avenue" -> "A••••• A•••••"."""
    return re.sub(r"(\w)(\w+)", lambda m: m.group(1) + _dots(m.group(2)), word)


def mask_digits(run: str, keep_start: int = 4, keep_end: int = 2) -> str:
    """Mask the digits of a run except the first few and last few, keeping its punctuation."""
    digits = sum(c.isdigit() for c in run)
    out, seen = [], 0
    for c in run:
        if c.isdigit():
            seen += 1
            out.append(c if seen <= keep_start or seen > digits - keep_end else DOT)
        else:
            out.append(c)
    return "".join(out)


def mask_phone(value: str) -> str:
    """+44 7700 900123 -> "+44 7700 9•• •23": the country and the first digits, then the last two."""
    try:
        number = phonenumbers.parse(value, "GB")
        formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        formatted = value
    country, _, rest = formatted.partition(" ") if formatted.startswith("+") else ("", "", formatted)
    masked = mask_digits(rest, keep_start=5, keep_end=2)
    return f"{country} {masked}".strip()


def mask_email(value: str) -> str:
    """jane.home@mail.example -> "j••••••••@m•••.example": enough to recognise, not to write to."""
    local, at, domain = value.partition("@")
    if not at:
        return mask_word(value)
    labels = domain.split(".")
    head = labels[0][:1] + _dots(labels[0][1:]) if len(labels) > 1 else labels[0]
    return f"{local[:1]}{_dots(local[1:])}@{'.'.join([head, *labels[1:]])}"


def mask_postcode(text: str) -> str:
    """Keep the outward code (the district), hide the inward code (the street)."""
    return _POSTCODE.sub(lambda m: f"{m.group(1)} {DOT * 3}", text)


def mask_value(category: Category, value: str) -> str:
    """The display form of one finding's value."""
    if DOT in value:
        return value  # already a mask: a sealed roster's value, which has nothing else to show
    if category is Category.PHONE:
        return mask_phone(value)
    if category is Category.EMAIL:
        return mask_email(value)
    if category is Category.MESSAGING_LINK:
        # The detectors give the link's target: a number (WhatsApp, Signal) or a handle (Telegram).
        scheme, sep, target = value.rpartition(":")
        prefix = f"{scheme}:" if sep else ""
        return prefix + (mask_phone(target) if target.startswith("+") else mask_word(target))
    if category is Category.ADDRESS:
        return _mask_address(value)
    if category is Category.DATE_OF_BIRTH:
        # Keep the year: the owner recognises it, and an attacker learns only what an age tells.
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return f"{value[:4]}-{DOT * 2}-{DOT * 2}"
        return mask_digits(value, keep_start=0, keep_end=4)
    if category is Category.LOCATION:
        return re.sub(r"(\d+\.\d)\d+", lambda m: m.group(1) + DOT, value)
    if category is Category.ACCOUNT:
        return value  # a public account name is public by definition
    return mask_word(value)


def _mask_address(value: str) -> str:
    # House numbers would narrow the street to one door: hide them along with the words; keep only
    # the postcode district, which a reader needs to tell two of their addresses apart.
    parts = _POSTCODE.split(value)
    out = []
    for i, part in enumerate(parts):
        if i % 3 == 1:
            out.append(part.upper())
        elif i % 3 == 2:
            out.append(DOT * 3)
        else:
            out.append(re.sub(r"\d+", lambda m: _dots(m.group(0)), mask_word(part)))
    return re.sub(r"([A-Z]{1,2}\d[A-Z\d]?)(•{3})", r"\1 \2", "".join(out))


def secret_words(person: Person) -> list[str]:
    """Words from the person's private values that must not survive in an evidence snippet."""
    words: set[str] = set()
    private = person.private
    # The person's own name is public: masking it would only make the snippet unreadable.
    public = {w.lower() for n in (person.name, *person.aliases) for w in n.split()}
    for email in private.emails:
        # The mailbox name alone identifies the address, however a page disguises the rest.
        words.add(email.partition("@")[0])
    for day in private.dates_of_birth:
        # Day and month without the year give the birthday away too ("2nd November", "02/11").
        month = day.strftime("%B")
        ordinal = f"{day.day}{_ordinal_suffix(day.day)}"
        words.update({f"{day.day} {month}", f"{ordinal} {month}", f"{month} {day.day}", f"{month} {ordinal}",
                      f"{day.day:02d}/{day.month:02d}", f"{day.day}/{day.month}"})  # fmt: skip
    for address in private.addresses:
        # The door: the masked value hides house and flat numbers, so a snippet must too.
        parts = parse_address(address)
        if parts is not None:
            words.update(n for n in (*parts.numbers, parts.unit) if n)
    for text in (*private.addresses, *private.relatives, *private.other):
        for word in re.findall(r"[^\W\d_][\w'’-]{2,}", _POSTCODE.sub(" ", text)):
            if word.lower() not in public:
                words.add(word)
    return sorted(words, key=len, reverse=True)


def mask_text(text: str, secrets: Iterable[str] = ()) -> str:
    """Mask everything in a snippet that could be a contact detail or one of the person's secrets."""
    text = _EMAIL.sub(lambda m: mask_email(m.group(0)), text)
    text = _OBFUSCATED_EMAIL.sub(lambda m: mask_word(m.group(0)), text)
    text = _SPELLED_EMAIL.sub(lambda m: mask_word(m.group(0)), text)
    text = _COORDINATE.sub(lambda m: m.group(1) + DOT, text)
    text = _mask_dates(text)
    text = _DIGIT_RUN.sub(lambda m: mask_digits(m.group(0)), text)
    text = mask_postcode(text)
    for word in secrets:
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", _mask_secret(word), text, flags=re.IGNORECASE)
    return text


def _mask_dates(text: str) -> str:
    """Every date, read as `values.dates` reads them, with its day and month hidden and its year kept:
    as a date of birth's display form does ("1975-••-••"), so a snippet shows no more than the value."""
    out, last = [], 0
    for sighting in find_dates(text):
        written = text[sighting.start : sighting.end]
        year = re.search(r"\d{4}", written) or re.search(r"\d{2}$", written)
        keep = year.span() if year else (0, 0)
        masked = "".join(
            c if keep[0] <= i < keep[1] or not c.isalnum() else DOT for i, c in enumerate(written)
        )
        out += [text[last : sighting.start], masked]
        last = sighting.end
    out.append(text[last:])
    return "".join(out)


def _mask_secret(word: str) -> str:
    # A secret with digits in it (a birthday, a house number) keeps none of them.
    return re.sub(r"\d", DOT, mask_word(word)) if any(c.isdigit() for c in word) else mask_word(word)


def _ordinal_suffix(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def url_secrets(person: Person) -> list[tuple[str, str]]:
    """(spelling, masked) pairs of the person's private emails and phones as they appear in URLs."""
    pairs: list[tuple[str, str]] = []
    for email in person.private.emails:
        masked = mask_email(email)
        pairs += [(email, masked), (quote(email, safe=""), masked), (quote(email, safe="@"), masked)]
    for phone in person.private.phones:
        try:
            number = phonenumbers.parse(phone, "GB")
        except phonenumbers.NumberParseException:
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        national = "0" + str(number.national_number)
        masked = mask_digits(e164, keep_start=5, keep_end=2)
        pairs += [(e164, masked), (quote(e164, safe=""), masked), (e164[1:], masked[1:]), (national, masked)]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def mask_url(url: str, secrets: Iterable[tuple[str, str]]) -> str:
    """A URL with the person's private values in it masked (wa.me links, look-up URLs, ?email=...)."""
    for spelling, masked in secrets:
        url = re.sub(re.escape(spelling), masked, url, flags=re.IGNORECASE)
    return url

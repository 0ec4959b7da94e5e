"""Discovered phone numbers on pages about the person, with reference numbers, dates and prices kept out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, PhoneNumber, PhoneNumberMatcher, PhoneNumberType

from ..model import Category, Document, Hit, Match, Person
from ..severity import severity_of
from .interface import Detector
from .known import KnownCache
from .text import DEFAULT_REGION, haystacks, link_snippet, snippet, tel_number

# The words that sit in front of a number on a real page. The closest one decides: "Invoice queries:
# call 0113 496 0999" is a phone number, "Ref: 01179460123" is not. "number" and "no." say nothing
# either way ("phone number", "company no.") and are deliberately absent from both lists.
_PHONE_WORDS = (
    r"tel|telephone|phone|mobile|mob|cell|call|ring|text|sms|whats\s*app|fax|contact|helpline|hotline"
    r"|freephone|landline|switchboard|enquiries|office|direct\s+line|dial|[tmf](?=\s*[:.])"
)
# Only words that label an identifier; everyday words that also sit before real numbers ("case",
# "customer", "member", "booking") are left out on purpose.
_ID_WORDS = (
    r"invoice|inv|order|ref|reference|account|acct|a/c|sort\s+code|company|co\.?\s*(?:no|reg)|reg|registered"
    r"|registration|charity|vat|isbn|issn|doi|tracking|serial|s/n|policy|membership|ticket|confirmation"
    r"|transaction|receipt|patent|licen[cs]e|id|crn|utr|nino|pin|code|isin|sku|ean|upc|barcode|parcel"
    r"|consignment|waybill"
)
_KEYWORD = re.compile(rf"(?<![A-Za-z])(?:(?P<phone>{_PHONE_WORDS})|(?P<id>{_ID_WORDS}))(?![A-Za-z])", re.I)
_CONTEXT_CHARS = 40
"""How far back a keyword can sit and still describe the number."""

# Characters that, glued to the front of a candidate, make it part of something else: a word or slug
# ("article-0770..."), a URL path or query ("/07700900123", "?id="), a hashtag or "No#", a price.
_GLUED_BEFORE = set("_/=#№@&£$€¥%-")
# ... and glued to its end: more of a word, a path, a query, a percentage, an e-mail local part.
_GLUED_AFTER = set("_/=#@%£$€")
_UK_SHAPE = re.compile(r"[12]\d{8,9}|[37]\d{9}|8\d{8,9}")
_DATE = re.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}")

_TYPE_NAMES = {
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE: "landline",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "mobile or landline",
    PhoneNumberType.TOLL_FREE: "freephone",
    PhoneNumberType.PREMIUM_RATE: "premium rate",
    PhoneNumberType.SHARED_COST: "shared cost",
    PhoneNumberType.VOIP: "internet (VoIP)",
    PhoneNumberType.PERSONAL_NUMBER: "personal (070) number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "non-geographic (03) number",
    PhoneNumberType.VOICEMAIL: "voicemail",
}
# A WhatsApp route to the person: mobile, or "can't tell" (US-style plans). Being cautious here
# over-reports a landline as high, which is the cheaper mistake.
_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


@dataclass(frozen=True)
class PhoneKind:
    """What a number is, as far as the numbering plan says."""

    mobile: bool
    detail: str
    """E.g. "mobile; valid number" or "landline; not an allocated number (drama or unused range)"."""


def classify(number: PhoneNumber) -> PhoneKind:
    """Mobile or landline, and how confident we are that the number is real.

    Ofcom's drama ranges (07700 900xxx) are not allocated, so the library calls them invalid and of
    unknown type; for UK numbers the leading digits still say mobile (07, bar 070 personal numbers and
    076 pagers) or geographic landline (01, 02), so fall back on those.
    """
    valid = phonenumbers.is_valid_number(number)
    kind = phonenumbers.number_type(number)
    name = _TYPE_NAMES.get(kind)
    mobile = kind in _MOBILE_TYPES
    if name is None and number.country_code == 44:
        nsn = phonenumbers.national_significant_number(number)
        if re.match(r"7[1-57-9]", nsn):
            name, mobile = "mobile", True
        elif nsn[:1] in {"1", "2"}:
            name = "landline"
        elif nsn.startswith("80"):
            name = "freephone"
    name = name or "unknown type"
    confidence = (
        "valid number" if valid else "not an allocated number (drama or unused range): lower confidence"
    )
    return PhoneKind(mobile=mobile, detail=f"{name}; {confidence}")


def is_plausible(text: str, start: int, end: int, number: PhoneNumber) -> bool:
    """Decide, conservatively, whether text[start:end] (a matcher candidate) is really a phone number.

    Each rule removes a false positive seen on real pages; a missed number on a page about the person is
    cheaper than a report full of invoice numbers.
    """
    raw = text[start:end]
    before = text[start - 1] if start else " "
    before2 = text[start - 2] if start > 1 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    # Glued to a word, a URL, a price or a longer number ("v1.2.3", "£20.17", "2024-00112233").
    if before.isalnum() or before in _GLUED_BEFORE or (before in ".,:" and before2.isdigit()):
        return False
    if after.isalnum() or after in _GLUED_AFTER or (after in ".,:-/" and after2.isdigit()):
        return False
    # Phone numbers never contain commas (prices, coordinates, lists of figures do).
    if "," in raw:
        return False
    if _DATE.fullmatch(raw.strip()):
        return False
    international = raw.lstrip("(").startswith(("+", "00"))
    valid = phonenumbers.is_valid_number(number)
    if number.country_code == 44:
        # A UK number written nationally starts with the trunk 0: "1234 567890" is a figure, not a phone.
        if not international and not raw.lstrip("(").startswith("0"):
            return False
        nsn = phonenumbers.national_significant_number(number)
        # 9-10 significant digits: shorter "possible" numbers are local-dialling forms that in practice
        # are company numbers ("01234567") and the like.
        if not 9 <= len(nsn) <= 10:
            return False
        # An unallocated number must at least have the shape of the UK plan (geographic 01/02, 03,
        # mobile 07, 08): otherwise it is a foreign number written nationally ("03-5809-2727" in Tokyo)
        # or a catalogue number ("NLI 000974583").
        if not valid and not _UK_SHAPE.fullmatch(nsn):
            return False
    elif not (international and valid):
        # Foreign numbers need the "+" and a real allocation: otherwise it's any long figure.
        return False
    # A valid international number is trusted with its own country's grouping ("+33 1 42 68 53 00").
    if not (international and valid) and not _grouping_ok(raw):
        return False
    return _context(text, start) != "id"


def _grouping_ok(raw: str) -> bool:
    """Digit groups shaped like a phone number's, not an ISBN's or an IP address's.

    Drop the country code and "(0)", then: at most four groups, none of a single digit
    ("0-306-40615-2" is an ISBN), and no mixing of dots with other separators ("1.2.3 4567").
    """
    body = re.sub(r"^\s*(?:\+|00)\s*\d{1,3}", "", raw)
    body = re.sub(r"\(\s*0\s*\)", " ", body)
    groups = re.findall(r"\d+", body)
    if len(groups) > 4 or any(len(g) == 1 for g in groups[1:]):
        return False
    if len(groups) > 1 and len(groups[0]) == 1 and not raw.lstrip().startswith(("+", "00")):
        return False
    separators = set(re.sub(r"[\d\s]", "", body.strip()))
    return not ("." in separators and len(separators) > 1)


def _context(text: str, start: int) -> str | None:
    """'phone', 'id' or None: the kind of the closest keyword before the number, on the same line."""
    window = text[max(0, start - _CONTEXT_CHARS) : start]
    window = re.split(r"[\n|;]", window)[-1]
    kind = None
    for found in _KEYWORD.finditer(window):
        kind = "phone" if found.group("phone") else "id"
    return kind


class PhoneDetector(Detector):
    """Phone numbers on pages about the person that are not one of their known numbers."""

    name = "phone_numbers"
    attributed_only = True

    def __init__(self) -> None:
        self._known = KnownCache()

    def detect(self, document: Document, person: Person) -> Iterator[Hit]:
        """Yield each distinct plausible number once; known numbers are left to `known_values`."""
        known = self._known(person)
        seen = set(known.phones)
        for text in haystacks(document):
            # POSSIBLE, not VALID: drama-range numbers are "invalid" and must still be found;
            # is_plausible() does the filtering the library's stricter levels would.
            for found in PhoneNumberMatcher(text, DEFAULT_REGION, leniency=Leniency.POSSIBLE):
                if not is_plausible(text, found.start, found.end, found.number):
                    continue
                key = phonenumbers.format_number(found.number, phonenumbers.PhoneNumberFormat.E164)
                if key in seen:
                    continue
                seen.add(key)
                yield self._hit(found.number, key, found.raw_string, snippet(text, found.start, found.end))
        for href in document.content.contact_links:
            linked = tel_number(href)
            if linked is None or linked in seen:
                continue
            seen.add(linked)
            number = phonenumbers.parse(linked)
            display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            yield self._hit(number, linked, display, link_snippet(href))

    def _hit(self, number: PhoneNumber, key: str, value: str, evidence: str) -> Hit:
        kind = classify(number)
        return Hit(
            detector=self.name,
            category=Category.PHONE,
            match=Match.DISCOVERED,
            key=key,
            value=value,
            evidence=evidence,
            severity=severity_of(Category.PHONE, Match.DISCOVERED, mobile=kind.mobile),
            detail=kind.detail,
        )

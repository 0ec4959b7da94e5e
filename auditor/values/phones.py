"""Phone numbers as written on pages: candidates, their E.164 readings, the page's country, and whether a
candidate is a phone at all (not an ISBN, a DOI, a timestamp or an invoice number).

Context: a phone word before a number ("Tel", "Mobile", "WhatsApp") lets a bare run count; an
identifier's label right before it ("Ref:", "Order no.", "Registered in England no.") rules it out; a
number without "+" is read in the page's country, never assumed British on a page that is not."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberType

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

DEFAULT_REGION = "GB"
"""Numbers written without a country code on a page with no sign of another country are read as UK
numbers (the roster is UK-centric)."""

# A run of digits with the separators people put in phone numbers: spaces, dots, dashes (any dash) and
# brackets, at most three in a row so a run never strays across unrelated text; optionally led by an
# international prefix (+44, 0044) and the UK's "(0)". Slashes are left out: "0113 496 0999 / 0113 496
# 0998" is two numbers, not one.
_SEP = r"[ \t\u00a0.\-\u2010-\u2015()]{0,3}"
_CANDIDATE = re.compile(
    # Never starting inside a word or a longer number: "A0 07700 900123" holds 07700 900123.
    rf"(?<![A-Za-z0-9])(?P<intl>(?:\+|00)[ \t\u00a0]?\d{{1,3}}{_SEP}(?:\(\s*0\s*\){_SEP})?)?"
    rf"(?P<body>\(?\d(?:{_SEP}\d){{5,16}})"
)
_NON_DIGITS = re.compile(r"\D+")
_DATE = re.compile(r"\(?\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}\)?")

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
    r"|registration|charity|vat|isbn|issn|doi|tracking|serial|s/n|policy|ticket|confirmation"
    r"|transaction|receipt|patent|licen[cs]e|id|crn|utr|nino|pin|code|isin|sku|ean|upc|barcode|parcel"
    r"|consignment|waybill|pmid|arxiv|timestamp|version"
)
_KEYWORD = re.compile(rf"(?<![A-Za-z])(?:(?P<phone>{_PHONE_WORDS})|(?P<id>{_ID_WORDS}))(?![A-Za-z])", re.I)
_CONTEXT_CHARS = 40
"""How far back a keyword can sit and still describe the number."""
_ID_LABEL_GAP = re.compile(r"\s*(?:(?:no|nr|num|number|ref|id|code|reg)\b\.?\s*)?[:#.\-]?\s*", re.IGNORECASE)
"""What may stand between an identifier's label and its number: "Order no. ", "Ref: ", "VAT #"."""
_NUMBER_LABEL = re.compile(r"\b(?:no|nr|number)\.?\s*:?\s*$|#\s*$", re.IGNORECASE)
_LABEL_CHARS = 12
"""How far back a label sits when it labels this very number ("Ref: ", "Order no. ")."""

# Characters that, glued to the front of a candidate, make it part of something else: a word or slug
# ("article-0770..."), a URL path or query ("/07700900123", "?id="), a hashtag or "No#", a price.
_GLUED_BEFORE = set("_/=#№@&£$€¥%-[")
# ... and glued to its end: more of a word, a path, a query, a percentage, an e-mail local part, a tag.
_GLUED_AFTER = set("_/=#@%£$€]")

# Ofcom's drama ranges (national significant numbers, each followed by three more digits): reserved for
# fiction, so the library calls them unallocated; they are valid for our purposes, because every test
# and demo number comes from them (the project's test-data policy).
_DRAMA = (
    "7700900",  # 07700 900xxx mobile
    "2079460",  # 020 7946 0xxx London
    "1134960",
    "1144960",
    "1154960",
    "1164960",
    "1174960",
    "1184960",
    "1214960",
    "1314960",
    "1414960",
    "1514960",
    "1614960",
    "1914980",
    "2896496",  # 028 9649 6xxx Belfast
    "2920180",  # 029 2018 0xxx Cardiff
    "1632960",  # 01632 960xxx, no area
    "3069990",  # 03069 990xxx
    "8081570",  # 08081 570xxx freephone
    "9098790",  # 0909 8790xxx premium
)

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


def e164(number: PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse(raw: str, region: str = DEFAULT_REGION) -> PhoneNumber | None:
    """The number a person wrote, read in `region` unless it carries its own country code; None when it
    is not a possible number. Possibility, not validity: drama ranges must still normalise."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


def to_e164(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """E.164 form of a phone number as a roster or a person writes it, or None."""
    number = parse(raw, region)
    return e164(number) if number else None


def region_of(number: PhoneNumber) -> str:
    """The country a number belongs to, by its country code (drama numbers belong to no allocation)."""
    region = phonenumbers.region_code_for_country_code(number.country_code or 0)
    return "" if region in (None, "ZZ") else str(region)


def is_drama(number: PhoneNumber) -> bool:
    """A number reserved for fiction (and for this project's test data): Ofcom's drama ranges, and the
    North American 555-0100 to 555-0199."""
    nsn = phonenumbers.national_significant_number(number)
    if number.country_code == 1:
        return len(nsn) == 10 and nsn[3:7] == "5550" and nsn[7] == "1"
    return number.country_code == 44 and len(nsn) == 10 and nsn.startswith(_DRAMA)


def is_real(number: PhoneNumber) -> bool:
    """Allocated in its country's numbering plan (or a UK drama number, which stands in for one)."""
    return phonenumbers.is_valid_number(number) or is_drama(number)


@dataclass(frozen=True)
class PhoneKind:
    """What a number is, as far as the numbering plan says."""

    mobile: bool
    detail: str
    """E.g. "mobile; valid number" or "mobile; Ofcom drama range (fictional)"."""


def classify(number: PhoneNumber) -> PhoneKind:
    """Mobile or landline, and how confident we are that the number is real.

    Drama ranges are not allocated, so the library calls them invalid and of unknown type; for UK
    numbers the leading digits still say mobile (07, bar 070 personal numbers and 076 pagers) or
    geographic landline (01, 02), so fall back on those.
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
    if valid:
        confidence = "valid number"
    elif is_drama(number):
        confidence = "Ofcom drama range (fictional number)"
    else:
        confidence = "not an allocated number: lower confidence"
    return PhoneKind(mobile=mobile, detail=f"{name}; {confidence}")


# --- the page's country --------------------------------------------------------------------------------

# Two-letter top-level domains sold worldwide as generic names: they say nothing about the country.
_GENERIC_CCTLDS = frozenset(
    {"io", "co", "tv", "me", "ai", "fm", "ly", "to", "ws", "cc", "sh", "ac", "gg", "im", "je", "eu", "app"}
)
# Languages spoken mainly in one country: "ja" alone is Japan. English is spoken in too many to say.
_LANGUAGE_REGIONS = {
    # Spoken in several countries, but a page in one of them is not British: its own country's
    # domain or lang region decides first, and these are the likeliest otherwise.
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "pt": "PT",
    "ja": "JP",
    "ko": "KR",
    "it": "IT",
    "nl": "NL",
    "pl": "PL",
    "sv": "SE",
    "da": "DK",
    "nb": "NO",
    "nn": "NO",
    "no": "NO",
    "fi": "FI",
    "cs": "CZ",
    "hu": "HU",
    "el": "GR",
    "tr": "TR",
    "he": "IL",
    "uk": "UA",
    "ru": "RU",
    "zh": "CN",
    "th": "TH",
    "vi": "VN",
    "id": "ID",
    "ro": "RO",
    "bg": "BG",
    "hr": "HR",
    "sk": "SK",
    "sl": "SI",
    "et": "EE",
    "lv": "LV",
    "lt": "LT",
    "cy": "GB",
    "ga": "IE",
    "gd": "GB",
    "is": "IS",
}
_COUNTRY_NAMES = {
    "united kingdom": "GB",
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "united states": "US",
    "united states of america": "US",
    "usa": "US",
    "us": "US",
    "japan": "JP",
    "germany": "DE",
    "deutschland": "DE",
    "france": "FR",
    "switzerland": "CH",
    "schweiz": "CH",
    "ireland": "IE",
    "canada": "CA",
    "australia": "AU",
    "new zealand": "NZ",
    "india": "IN",
    "brazil": "BR",
    "brasil": "BR",
    "spain": "ES",
    "italy": "IT",
    "netherlands": "NL",
}


def _known_region(code: str) -> str | None:
    code = code.upper()
    if code == "UK":
        return "GB"
    return code if phonenumbers.country_code_for_region(code) else None


def region_of_country(value: str) -> str | None:
    """ISO region for a country as JSON-LD or an address writes it ("GB", "Japan", "United States")."""
    text = value.strip().lower()
    if len(text) == 2 and text.isalpha():
        return _known_region(text)
    return _COUNTRY_NAMES.get(text)


def page_region(url: str, meta: Mapping[str, str]) -> str:
    """The country whose numbering plan a page's national-format numbers follow.

    In order of trust: the page's JSON-LD address country, the region in its `lang` ("en-US"), its
    country-code domain (.jp, .uk), a language spoken in one country ("ja"); else the UK.
    """
    country = region_of_country(meta.get("country", ""))
    if country:
        return country
    lang = meta.get("lang", "").strip().replace("_", "-").lower()
    primary, _, rest = lang.partition("-")
    subtag = rest.split("-")[-1] if rest else ""
    if len(subtag) == 2 and subtag.isalpha():
        region = _known_region(subtag)
        if region:
            return region
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    tld = host.rpartition(".")[2]
    if len(tld) == 2 and tld.isalpha() and tld not in _GENERIC_CCTLDS:
        region = _known_region(tld)
        if region:
            return region
    return _LANGUAGE_REGIONS.get(primary, DEFAULT_REGION)


# --- candidates ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhoneCandidate:
    """A run of text shaped like a phone number, before deciding whether it is one."""

    start: int
    end: int
    raw: str
    digits: str
    international: bool
    """Written with its country code: "+44 …" or "0044 …"."""
    trunk: bool
    """Written nationally with the trunk prefix: "07700 …" (UK), "03-…" (Japan)."""
    context: str | None
    """'phone' or 'id': the kind of the closest label before it on the same line, if any."""
    glued: bool
    """Part of something longer: a word, a URL path or query, a price, a version or a reference."""
    url_glued: bool
    """Glued only by a URL's "/" or "=" ("wa.me/447700900123", "?phone=447700900123")."""
    labelled_id: bool = False
    """An identifier's label right before it ("Ref: 0770…"), not merely somewhere earlier on the line."""

    def readings(self, regions: Iterable[str]) -> Iterator[PhoneNumber]:
        """The numbers this could be: its own country code if written with one, else read in each region
        (nationally, with the trunk prefix), else, bare, as a full international number."""
        if self.international:
            # The library reads "+44 (0)7700 900123" and the slip "+44 07700 900123" as they are meant.
            written = self.raw.lstrip("(")
            number = parse("+" + written[2:] if written.startswith("00") else written)
            if number:
                yield number
            return
        seen: set[str] = set()
        for region in dict.fromkeys(regions):
            number = parse(self.raw, region)
            if number is None:
                continue
            # Where national numbers start with a trunk 0, a number without it is not written nationally
            # ("7700 900123" is a figure); plans with another trunk prefix (the US's "1") make it optional.
            if _trunk_prefix(region) == "0" and not self.trunk:
                continue
            key = e164(number)
            if key not in seen:
                seen.add(key)
                yield number

    def international_reading(self) -> PhoneNumber | None:
        """Bare digits read as a full international number (wa.me/447700900123)."""
        return parse("+" + self.digits)


def _trunk_prefix(region: str) -> str:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return metadata.national_prefix if metadata and metadata.national_prefix else ""


@functools.lru_cache(maxsize=16)
def candidates_in(text: str) -> tuple[PhoneCandidate, ...]:
    """`find_candidates`, remembered for the last few texts: the known-values and the phone detectors
    read the same page's candidates one after the other."""
    return tuple(find_candidates(text))


def find_candidates(text: str) -> Iterator[PhoneCandidate]:
    """Every phone-shaped run in `text` with 7 to 15 digits, and what surrounds it."""
    for found in _CANDIDATE.finditer(text):
        start, end = found.span()
        raw = found.group()
        # A trailing ")" or separator belongs to the prose, not the number.
        while raw and not raw[-1].isdigit():
            raw = raw[:-1]
            end -= 1
        if raw.startswith("(") and ")" not in raw[1:6]:
            raw, start = raw[1:], start + 1
        digits = _NON_DIGITS.sub("", raw)
        if not 7 <= len(digits) <= 15:
            continue
        international = found.group("intl") is not None
        if international and raw.lstrip("(").startswith("00"):
            digits = digits[2:]
        body = raw if not international else found.group("body")
        trunk = not international and body.lstrip("(").startswith("0")
        glued, url_glued = _glue(text, start, end)
        yield PhoneCandidate(
            start,
            end,
            raw,
            digits,
            international,
            trunk,
            context(text, start),
            glued,
            url_glued,
            context(text, start, _LABEL_CHARS) == "id",
        )


def _glue(text: str, start: int, end: int) -> tuple[bool, bool]:
    before = text[start - 1] if start else " "
    before2 = text[start - 2] if start > 1 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    url = before in "/=" and after in " \t\n&?#)\"'<>"
    # "pnas.0801507105" (a DOI), "v1.2.3", "£20.17", "2024-00112233": glued to a word or a longer number.
    glued_before = (
        before.isalnum()
        or before in _GLUED_BEFORE
        or (before == "." and before2.isalnum())
        or (before in ",:" and before2.isdigit())  # "Tel:07700…" is a label; "10:07700…" is not
    )
    glued_after = after.isalnum() or after in _GLUED_AFTER or (after in ".,:-/" and after2.isalnum())
    return glued_before or glued_after, url and not glued_after


def context(text: str, start: int, reach: int = _CONTEXT_CHARS) -> str | None:
    """'phone', 'id' or None: the kind of the closest keyword before `start`, on the same line."""
    window = text[max(0, start - reach) : start]
    window = re.split(r"[\n|;]", window)[-1]
    kind = None
    for found in _KEYWORD.finditer(window):
        if found.group("phone"):
            kind = "phone"
        elif _ID_LABEL_GAP.fullmatch(window, found.end()) or _NUMBER_LABEL.search(window):
            # "Registered in England no. 0117…": an identifier's word, then "no." right before it.
            # An identifier's label sits right before its number ("Order no. 0113…", "Ref: 0770…");
            # further back it labels something else ("Order ahead: (415) 555-0134").
            kind = "id"
    return kind


def grouping_ok(raw: str) -> bool:
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


def discovered_number(candidate: PhoneCandidate, region: str) -> PhoneNumber | None:
    """The phone number a candidate on a page about the person really is, or None.

    Conservative: a number must be allocated (valid) in the country it is read in, written the way that
    country writes phone numbers (with its trunk prefix, or with a country code), and not labelled as an
    identifier. A missed number costs less than a report full of invoice numbers and ISBNs.
    """
    if candidate.glued or candidate.context == "id":
        return None
    raw = candidate.raw
    if "," in raw or _DATE.fullmatch(raw.strip()):
        return None
    if candidate.international:
        numbers = list(candidate.readings(()))
    elif candidate.trunk:
        numbers = list(candidate.readings([region]))
    elif _trunk_prefix(region) != "0" or candidate.context == "phone":
        # A bare run is a phone only where the plan has no trunk prefix (the US: "(509) 555-0134"), or
        # where a label says so ("Mobile: …"); a bare run is otherwise a timestamp, a tracking number...
        numbers = [n for n in (parse(raw, region),) if n is not None]
    else:
        return None
    for number in numbers:
        if not is_real(number):
            continue
        if number.country_code == 44 and not 9 <= len(phonenumbers.national_significant_number(number)) <= 10:
            continue
        if not (candidate.international and phonenumbers.is_valid_number(number)) and not grouping_ok(raw):
            continue
        return number
    return None


def link_region_number(target: str, region: str) -> PhoneNumber | None:
    """The number of a tel:/sms: link target, read in the page's region when it has no "+"."""
    target = unquote(target).split(";", 1)[0].split("?", 1)[0].lstrip("/").strip()
    if not target:
        return None
    return parse(target, region)

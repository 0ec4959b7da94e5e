"""Postal addresses: postcodes of several countries, a roster address split into its parts, and a
page's sighting of that address judged part by part (the house number must be the same one).

Context: the street beside the same house number, confirmed by the postcode or the town nearby, is the
address (critical for a private one). The street and postcode with no house number is only a note
(info). Another number or flat, a different postcode right after, a unit word before the number, or a
longer name around the street ("Upper …", "… Industrial Estate") means another address: nothing."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .phones import region_of_country
from .tokens import TokenText, canonical, find_phrase, phrase_tokens

if TYPE_CHECKING:
    from collections.abc import Iterator

# --- UK postcodes ----------------------------------------------------------------------------------------
# Strict UK postcode (Royal Mail rules): outward code letters by position, inward code letters without
# C I K M O V; plus the one special case GIR 0AA.
_OUTWARD = (
    r"(?:[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]"  # AA9A  (SW1A)
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"  # A9A   (W1A)
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"  # AA9, AA99
    r"|[A-PR-UWYZ][0-9]{1,2})"  # A9, A99
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
UK_POSTCODE = re.compile(
    # Upper case, and the space required: pages write postcodes in capitals, and unspaced or in lower case
    # the shape also fits prose, tickers and part numbers ("US10YT=RR").
    rf"(?<![\w=/\-])(?:GIR[ \u00a0]0AA|{_OUTWARD}[ \u00a0]{_INWARD})(?![\w=/\-])",
)
"""A UK postcode in running text (discovered data)."""
UK_POSTCODE_ANYCASE = re.compile(
    rf"(?<![A-Za-z0-9])(?:GIR\s*0AA|{_OUTWARD}\s*{_INWARD})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
"""The same in any case and spacing: for reading the roster's own addresses and finding them again."""
POSTCODE_LOOSE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b", re.IGNORECASE)
"""Anything shaped like a UK postcode: for masking, where hiding too much is the safe mistake."""


# The UK's postcode areas (and BFPO's BF, the non-geographic BX): a discovered "postcode" outside them
# is a product code ("MP3 4GB"). Roster addresses are not checked against it.
UK_POSTCODE_AREAS = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL "
        "DN DT DY E EC EH EN EX FK FY G GIR GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT "
        "KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH "
        "RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN "
        "WR WS WV YO ZE"
    ).split()
)


def in_uk_area(postcode: str) -> bool:
    """Whether a canonical UK postcode's area (its leading letters) exists."""
    return re.match(r"[A-Z]+", postcode).group() in UK_POSTCODE_AREAS  # type: ignore[union-attr]


def normalise_uk_postcode(raw: str) -> str:
    """Canonical UK postcode: upper case, one space before the inward code ("ex23bb" -> "EX2 3BB")."""
    compact = re.sub(r"\s+", "", raw).upper()
    return f"{compact[:-3]} {compact[-3:]}"


# --- other countries' postcodes ---------------------------------------------------------------------------
# Country prefixes written before a numeric postcode ("CH-8640", "DE-60314", "D-60314", "F-75001").
_PREFIXES = {
    "CH": "CH",
    "DE": "DE",
    "D": "DE",
    "AT": "AT",
    "A": "AT",
    "FR": "FR",
    "F": "FR",
    "IT": "IT",
    "I": "IT",
    "BE": "BE",
    "B": "BE",
    "LU": "LU",
    "L": "LU",
    "NL": "NL",
    "DK": "DK",
    "SE": "SE",
    "S": "SE",
    "NO": "NO",
    "N": "NO",
    "FI": "FI",
    "ES": "ES",
    "E": "ES",
    "PT": "PT",
    "P": "PT",
    "PL": "PL",
}
_PREFIXED = re.compile(r"(?<![\w-])(?P<cc>[A-Z]{1,2})-(?P<code>\d{4,5})(?![\w-])")
_DUTCH = re.compile(r"(?<![\w-])(?P<digits>[1-9]\d{3})\s?(?P<letters>[A-Z]{2})(?![\w-])")
_BRAZIL = re.compile(r"(?<![\w-])(?P<code>\d{5}-\d{3})(?![\w-])")
_US_STATES = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
        "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR"
    ).split()
)
_US_ZIP = re.compile(r"(?<![\w-])(?P<state>[A-Z]{2})\.?\s+(?P<code>\d{5})(?:-\d{4})?(?![\w-])")
_BARE_NUMERIC = re.compile(r"(?<![\w.,/\-#])(?P<code>\d{4,5})(?![\w.,/\-])")


@dataclass(frozen=True)
class Postcode:
    """A postcode, canonical: "EX2 3BB" (UK), else its digits ("8640", "60314", "89259565", "10118")."""

    code: str
    country: str = ""
    """"GB", "CH", "US", "BR"... where the spelling says; "" for a bare number."""

    @property
    def uk(self) -> bool:
        return self.country == "GB"

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every way a page writes this postcode: any case and spacing (UK); with or without a country
        prefix ("CH-8640"), a ZIP+4 suffix or the Brazilian dash."""
        if self.uk:
            compact = self.code.replace(" ", "")
            return re.compile(
                rf"(?<![A-Za-z0-9]){re.escape(compact[:-3])}\s*{re.escape(compact[-3:])}(?![A-Za-z0-9])",
                re.IGNORECASE,
            )
        if self.country == "BR":
            body = rf"{self.code[:5]}-?{self.code[5:]}"
        elif self.country == "NL":
            return re.compile(rf"(?<![\w\-]){self.code[:4]}\s?{self.code[4:]}(?![\w\-])", re.IGNORECASE)
        else:
            body = re.escape(self.code) + (r"(?:-\d{4})?" if self.country == "US" else "")
        return re.compile(rf"(?<![\w\-.,/])(?:[A-Z]{{1,2}}-)?{body}(?![\w\-]|[.,]\d)")


def find_postcode(text: str) -> tuple[Postcode, int, int] | None:
    """The postcode in an address as a roster writes it, and where: UK first, then the other forms."""
    found = UK_POSTCODE_ANYCASE.search(text)
    if found:
        return Postcode(normalise_uk_postcode(found.group()), "GB"), *found.span()
    prefixed = _PREFIXED.search(text)
    if prefixed and prefixed.group("cc") in _PREFIXES:
        return Postcode(prefixed.group("code"), _PREFIXES[prefixed.group("cc")]), *prefixed.span()
    brazil = _BRAZIL.search(text)
    if brazil:
        return Postcode(brazil.group("code").replace("-", ""), "BR"), *brazil.span()
    dutch = _DUTCH.search(text)
    if dutch:
        return Postcode(dutch.group("digits") + dutch.group("letters").upper(), "NL"), *dutch.span()
    for us in _US_ZIP.finditer(text):
        if us.group("state") in _US_STATES:
            return Postcode(us.group("code"), "US"), us.start("code"), us.end()
    return None


# --- roster addresses -------------------------------------------------------------------------------------

_UNIT = re.compile(
    r"^(?:flat|apartment|apt|suite|ste|unit|room|rm|floor|fl|#)\.?\s*(?:no\.?\s*)?#?\s*(?P<unit>\w+)$",
    re.IGNORECASE,
)
_TRAILING_UNIT = re.compile(
    r"\s*,?\s*(?:#|\b(?:flat|apartment|apt|suite|ste|unit)\.?\s*#?)\s*(?P<unit>\d+[A-Za-z]?)$", re.IGNORECASE
)
_NUMBER_LABELS = frozenset({"no", "n", "nr", "num", "numero", "nummer"})
_UNIT_WORDS = frozenset(
    {"flat", "apartment", "apt", "suite", "ste", "unit", "room", "rm", "#", "plot", "box"}
)
_NUMBER = r"\d+[A-Za-z]?(?:\s*[-\u2010-\u2013/]\s*\d+[A-Za-z]?)?"
_NUMBER_FIRST = re.compile(
    rf"^(?:no\.?\s*)?(?P<num>{_NUMBER})\s*,?\s+(?P<street>.*[^\W\d_].*)$", re.IGNORECASE
)
_NUMBER_LAST = re.compile(rf"^(?P<street>\D*[^\W\d_]\D*?)\s*,?\s+(?P<num>{_NUMBER})$")
_NUMBER_TOKEN = re.compile(rf"^{_NUMBER}$")
# Words that, right after a street's name, make it a different place: "Mill Lane Industrial Estate" is not
# "Mill Lane", and unit 27 there is not number 27.
_PREMISES = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "industrial estate business trading retail enterprise science technology shopping centre center "
        "precinct parade arcade quarter campus village works wharf yard depot"
    ).split()
)


# Compared with canonical tokens, so folded the same way as the page's words.
_PREMISES = frozenset(map(canonical, _PREMISES))
_UNIT_WORDS = frozenset(map(canonical, _UNIT_WORDS))
_NUMBER_LABELS = frozenset(map(canonical, _NUMBER_LABELS))


def house_numbers(raw: str) -> frozenset[str]:
    """A house number as a set of canonical numbers: "27" -> {"27"}, "126-128" -> {"126", "128"}."""
    parts = re.split(r"\s*[-\u2010-\u2013/]\s*", raw.strip().lower())
    return frozenset(p for p in parts if p)


class AddressMatch(enum.StrEnum):
    FULL = "full"
    """House number (or house name), street, and the postcode or town: the door is found."""
    NO_NUMBER = "no_number"
    """The street and postcode, with no house number beside them: the street, not the door."""


@dataclass(frozen=True)
class AddressParts:
    """A roster address split into what identifies it."""

    numbers: frozenset[str]
    """The house number(s); empty for a house known by name."""
    unit: str
    """Flat, suite or apartment number, lower case; "" for none."""
    street: tuple[str, ...]
    """Canonical tokens of the street name (or of the house name, when there is no number)."""
    localities: tuple[tuple[str, ...], ...]
    """Canonical tokens of the town and any other place names after the street."""
    postcode: Postcode | None
    town: str = ""
    """The town as the roster writes it (for look-ups that need one), "" when none is given."""

    @property
    def searchable(self) -> bool:
        """Enough to find it again: a street plus a postcode or a town."""
        return bool(self.street) and (self.postcode is not None or bool(self.localities))


def parse_address(value: str) -> AddressParts | None:
    """Split "Flat 3, 27 Harbour Road, Exampleton EX2 4CC" (or "Zugerstrasse 32, CH-8640 Rapperswil",
    "350 W 31st St, Suite 900, New York, NY 10001") into its parts; None when nothing can be found."""
    text = " ".join(value.split())
    if not text:
        return None
    postcode = None
    found = find_postcode(text)
    if found:
        postcode, start, end = found
        text = f"{text[:start]},{text[end:]}"
        if postcode.country == "US":
            text = re.sub(r"\b[A-Z]{2}\.?\s*,\s*$", "", text.rstrip(" ,")) or text  # the state code goes too
    parts = [p.strip(" .") for p in re.split(r"[,\n;]", text) if p.strip(" .")]
    unit = ""
    numbers: frozenset[str] = frozenset()
    street: tuple[str, ...] = ()
    street_index = -1
    for part in parts:
        unit_match = _UNIT.match(part)
        if unit_match:
            unit = unit_match.group("unit").lower()
    for index, part in enumerate(parts):
        if _UNIT.match(part):
            continue
        # "Flat 3 27 Harbour Road": a unit glued to the street line
        glued = re.match(r"^(?:flat|apartment|apt|suite|unit)\.?\s*(\w+)\s+(.*)$", part, re.IGNORECASE)
        if glued and re.match(r"\d", glued.group(2)):
            unit, part = glued.group(1).lower(), glued.group(2)
        # "420 Waiakamilo Rd #205", "12 High St Flat 3": a unit after the street on the same line
        trailing = _TRAILING_UNIT.search(part)
        if trailing and trailing.start() > 0:
            unit, part = trailing.group("unit").lower(), part[: trailing.start()]
        numbered = _NUMBER_FIRST.match(part) or _NUMBER_LAST.match(part)
        if numbered and street_index < 0:
            numbers = house_numbers(numbered.group("num"))
            street = phrase_tokens(numbered.group("street"))
            street_index = index
            break
    if street_index < 0:
        # No house number: a house name ("Rose Cottage") is specific only with the postcode.
        named = [i for i, p in enumerate(parts) if not _UNIT.match(p)]
        if postcode is None or not named:
            return None
        street_index = named[0]
        street = phrase_tokens(parts[street_index])
        if street[:1] == ("the",) and len(street) > 1:
            street = street[1:]  # "The Old Rectory" is also written "Old Rectory"
    if postcode is None:
        # "60314 Frankfurt am Main", "8640 Rapperswil": a bare number beside the town, after the street.
        for part in parts[street_index + 1 :]:
            bare = re.match(r"^(\d{4,5})\s+\D|.*\D\s+(\d{4,5})$", part)
            if bare:
                country = next((c for p in parts for c in [region_of_country(p)] if c), "")
                postcode = Postcode(bare.group(1) or bare.group(2), country if country != "GB" else "")
                break
    places = [
        place
        for part in parts[street_index + 1 :]
        if not _UNIT.match(part) and not region_of_country(part) and part.upper() not in _US_STATES
        for place in [re.sub(r"^\d{4,5}\s+|\s+\d{4,5}$", "", part).strip()]
        if phrase_tokens(place) and not all(t.isdigit() for t in phrase_tokens(place))
    ]
    localities = tuple(phrase_tokens(place) for place in places)
    parsed = AddressParts(numbers, unit, street, localities, postcode, places[0] if places else "")
    return parsed if parsed.searchable else None


# --- finding a roster address on a page ---------------------------------------------------------------

_WINDOW = 160
"""How far (characters) the postcode or town may sit from the street: an address split over lines."""


@dataclass(frozen=True)
class AddressSighting:
    start: int
    end: int
    kind: AddressMatch


def find_address(page: TokenText, address: AddressParts) -> AddressSighting | None:
    """The best sighting of `address` on the page: a full one if any, else street and postcode only.

    A sighting with another house number, another flat, another postcode right after it, or a longer
    place name ("Mill Lane Industrial Estate") is a different address and never counts.
    """
    partial: AddressSighting | None = None
    text = page.text
    for first, last in find_phrase(page, address.street):
        if _extended(page, first, last, address) or _extended_before(page, first):
            continue
        start, end = page.tokens[first].start, page.tokens[last].end
        confirm = _confirmation(text, start, end, address, page)
        if confirm is None:
            continue
        lo, hi = min(start, confirm[0]), max(end, confirm[1])
        if not address.numbers:
            # A house name ("The Old Rectory") is one house only within its postcode, or with its street
            # and town both beside it: "The Old Rectory, Church Lane" is in many villages.
            if confirm[2] or _all_places_near(page, start, end, address):
                return AddressSighting(lo, hi, AddressMatch.FULL)
            continue
        number = _number_beside(page, first, last)
        if number is None:
            if address.postcode is not None and confirm[2] and partial is None:
                partial = AddressSighting(lo, hi, AddressMatch.NO_NUMBER)
            continue
        position, numbers, unit = number
        if not numbers & address.numbers:
            continue  # a neighbour: another house in the same street
        if address.unit and unit and unit != address.unit:
            continue  # another flat in the same building
        return AddressSighting(min(lo, page.tokens[position].start), hi, AddressMatch.FULL)
    if address.postcode is not None and address.numbers:
        # "No. 12, EX2 3BB": the number right before the postcode, no street written.
        # Only a UK postcode, and only with nothing but "No." before the number on its line: after a
        # word the number belongs to some street ("Möwenweg 14, 8799 …" is not Möwenstrasse 14).
        for found in address.postcode.pattern.finditer(text) if address.postcode.uk else ():
            line = text[text.rfind("\n", 0, found.start()) + 1 : found.start()]
            before = re.fullmatch(rf"\s*\(?\s*(?:no\.?\s*)?({_NUMBER})\s*,?\s*", line[-24:], re.I)
            if before and len(line) <= 24 and house_numbers(before.group(1)) & address.numbers:
                return AddressSighting(found.start() - len(line.lstrip(" (")), found.end(), AddressMatch.FULL)
    return partial


def _all_places_near(page: TokenText, start: int, end: int, address: AddressParts) -> bool:
    lo, hi = max(0, start - _WINDOW), min(len(page.text), end + _WINDOW)
    return len(address.localities) >= 2 and all(
        any(
            lo <= page.tokens[first].start and page.tokens[last].end <= hi
            for first, last in find_phrase(page, place)
        )
        for place in address.localities
    )


def _extended(page: TokenText, first: int, last: int, address: AddressParts) -> bool:
    """The name goes on into a longer one right after it: "Mill Lane Industrial Estate"; for a house
    name, any further capitalised word ("The Old Rectory Barn" is another house)."""
    nxt = last + 1
    if nxt >= len(page.tokens) or not page.joined(last, nxt):
        return False
    following = page.tokens[nxt]
    if not address.numbers:
        return following.capitalised and following.raw.isalpha()
    return following.norm in _PREMISES and following.norm not in address.street


# Words that may stand capitalised right before a street's name without being part of it.
_BEFORE_STREET = frozenset(
    map(canonical, ["the", "at", "in", "on", "to", "from", "via", "of", "and", "address", "adresse", "no"])
)


def _extended_before(page: TokenText, first: int) -> bool:
    """A capitalised word right before the name makes it a longer one: "Obere Seestrasse" is not
    "Seestrasse", "Upper Harbour Road" not "Harbour Road"."""
    if first == 0 or not page.joined(first - 1, first):
        return False
    before = page.tokens[first - 1]
    if not before.capitalised or not before.raw.isalpha() or before.norm in _BEFORE_STREET:
        return False
    # At a line's start too: that is where an address line begins ("Obere Seestrasse 32").
    return not (before.raw.isupper() and page.tokens[first].raw.isupper())  # in capitals, it says nothing


def _number_beside(page: TokenText, first: int, last: int) -> tuple[int, frozenset[str], str] | None:
    """(position, house numbers, unit) of the house number written beside the street: before it ("27
    Harbour Road") or after it ("Zugerstrasse 32"). A number labelled as a unit, flat or suite is not a
    house number."""
    tokens = page.tokens
    candidates = []
    if first > 0 and page.joined(first - 1, first, " \t\n,"):
        candidates.append(first - 1)
    if last + 1 < len(tokens) and page.joined(last, last + 1, " \t,."):  # "Landstr. 126"
        candidates.append(last + 1)
    labelled = candidates and candidates[-1] == last + 1 and tokens[last + 1].norm in _NUMBER_LABELS
    if labelled and last + 2 < len(tokens) and page.joined(last + 1, last + 2, " \t."):
        candidates[-1] = last + 2  # "Rua dos Ipês, nº 456", "Hauptstrasse Nr. 5"
    for position in candidates:
        token = tokens[position]
        if not token.numeric or not _NUMBER_TOKEN.match(token.raw):
            continue
        if (
            position > 0
            and tokens[position - 1].norm in _UNIT_WORDS
            and page.joined(position - 1, position, " \t#.:")
        ):
            continue
        return position, house_numbers(token.raw), _unit_near(page, min(first, position), max(last, position))
    return None


def _unit_near(page: TokenText, first: int, last: int) -> str:
    """The flat or suite number written just before the address ("Flat 5, 27 …") or just after it
    ("…Boulevard, Suite 604"), lower case; "" when there is none."""
    tokens = page.tokens
    around = [*range(max(0, first - 4), first - 1), *range(last + 1, min(len(tokens) - 1, last + 4))]
    for at in around:
        if tokens[at].norm in _UNIT_WORDS and tokens[at + 1].numeric and not page.breaks_between(at, at + 1):
            return str(tokens[at + 1].raw).lower()
    return ""


def _confirmation(
    text: str, start: int, end: int, address: AddressParts, page: TokenText
) -> tuple[int, int, bool] | None:
    """(start, end, by postcode) of the postcode or town that confirms a street sighting, or None.

    The postcode wins; a different postcode of the same kind closer after the street than the right one
    means another address that shares the street's name."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    if address.postcode is not None:
        pattern = address.postcode.pattern
        right = list(pattern.finditer(text, lo, hi))
        if address.postcode.uk:
            others = [
                m
                for m in UK_POSTCODE_ANYCASE.finditer(text, end, hi)
                if normalise_uk_postcode(m.group()) != address.postcode.code
            ]
            after = [m for m in right if m.start() >= end]
            if others and (not after or others[0].start() < after[0].start()):
                return None
        if right:
            best = min(right, key=lambda m: abs(m.start() - end))
            return best.start(), best.end(), True
    for locality in address.localities:
        for first, last in find_phrase(page, locality):
            token_start, token_end = page.tokens[first].start, page.tokens[last].end
            if lo <= token_start and token_end <= hi and not (start <= token_start < end):
                return token_start, token_end, False
    return None


# Looser spellings, accepted only where the page says an address part comes: after a town and a comma
# ("Exampleton, EX97HT"), or as a labelled postal code (JSON-LD "postalcode: ot3 5rd").
_UK_POSTCODE_UNSPACED = re.compile(
    rf"(?:[a-z],[ \u00a0]|(?i:sat-?nav|postcode|address): )(?P<code>{_OUTWARD}{_INWARD})(?![\w=/\-])"
)
# After a town and a comma, any case: "Exampleton, ex2 4db".
_UK_POSTCODE_AFTER_TOWN = re.compile(
    rf"(?<=[a-z],[ \u00a0])(?P<code>(?i:{_OUTWARD}[ \u00a0]?{_INWARD}))(?![\w=/\-])"
)
_UK_POSTCODE_LABELLED = re.compile(
    rf"(?:postalcode|postcode|post code)\s*:?\s*(?P<code>(?:{_OUTWARD})\s?{_INWARD})(?![\w=/\-])",
    re.IGNORECASE,
)


_COMPACT_SHAPE = re.compile(r"[A-Z0-9]\d[A-Z]{2}\b")
_LOWER_SHAPE = re.compile(r", [a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}\b")
"""Every unspaced postcode ends in a digit and two letters: a cheap test before the full scans."""


def find_uk_postcodes(text: str) -> Iterator[tuple[str, int, int]]:
    """(canonical postcode, start, end) for each UK postcode a page publishes."""
    for code, start, end in _uk_postcode_spellings(text):
        if in_uk_area(code):
            yield code, start, end


def _uk_postcode_spellings(text: str) -> Iterator[tuple[str, int, int]]:
    seen: set[int] = set()
    for found in UK_POSTCODE.finditer(text):
        seen.add(found.start())
        yield normalise_uk_postcode(found.group()), found.start(), found.end()
    lower = text.lower()
    if _COMPACT_SHAPE.search(text) and (
        ", " in text or "sat" in lower or "post" in lower or "address" in lower
    ):
        for found in _UK_POSTCODE_UNSPACED.finditer(text):
            if found.start("code") not in seen:
                seen.add(found.start("code"))
                yield normalise_uk_postcode(found.group("code")), found.start("code"), found.end("code")
    if ", " in text and _LOWER_SHAPE.search(text):
        for found in _UK_POSTCODE_AFTER_TOWN.finditer(text):
            if found.start("code") not in seen:
                seen.add(found.start("code"))
                yield normalise_uk_postcode(found.group("code")), found.start("code"), found.end("code")
    if "post" in lower:
        for found in _UK_POSTCODE_LABELLED.finditer(text):
            if found.start("code") not in seen:
                yield normalise_uk_postcode(found.group("code")), found.start("code"), found.end("code")

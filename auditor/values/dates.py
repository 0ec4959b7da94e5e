"""Dates as written on pages (numeric, ISO, with month names in English, French, German or Spanish), each
read to the calendar dates it can mean, with the context that says whether it is a birth date."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass

_MONTH_NAMES = {
    1: ("january", "jan", "januar", "janvier", "enero", "ene"),
    2: ("february", "feb", "februar", "février", "fevrier", "febrero"),
    3: ("march", "mar", "märz", "maerz", "mars", "marzo"),
    4: ("april", "apr", "avril", "abril", "abr"),
    5: ("may", "mai", "mayo"),
    6: ("june", "jun", "juni", "juin", "junio"),
    7: ("july", "jul", "juli", "juillet", "julio"),
    8: ("august", "aug", "août", "aout", "agosto", "ago"),
    9: ("september", "sept", "sep", "septembre", "septiembre", "setiembre"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre"),
    11: ("november", "nov", "novembre", "noviembre"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "diciembre", "dic"),
}
_MONTH_OF = {name: month for month, names in _MONTH_NAMES.items() for name in names}
_MONTH = "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th|er|\.)?"
_GAP = r"(?:\s+|\s*[-/.]\s*)"

_NUMERIC = re.compile(
    # Not touching further digits or a digit-plus-separator: "14/03/1975" inside "114/03/19750" or the
    # version "1.14.03.1975" is not a date. The same separator twice: "14/03-75" is not one either.
    r"(?<!\d)(?<!\d[./\-])(?P<a>\d{1,4})(?P<s>[./\-])(?P<b>\d{1,2})(?P=s)(?P<c>\d{4}|\d{2})(?!\d)(?![./\-]\d)"
)
_DAY_FIRST = re.compile(
    rf"(?<!\w)(?P<d>\d{{1,2}}){_ORD}{_GAP}(?:(?:of|de)\s+)?(?P<m>{_MONTH})\.?,?{_GAP}(?:de\s+)?(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    rf"(?<!\w)(?P<m>{_MONTH})\.?{_GAP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)


class DateContext(enum.StrEnum):
    """What the words around a date say it is."""

    BIRTH = "birth"
    """born, b., DOB, date of birth, birthday, aged, an infobox "Born" label, "(age 49)" after it."""
    PUBLICATION = "publication"
    """A byline, "posted on", "last updated", a masthead's "Est.", a citation's "retrieved", a dateline."""
    NONE = "none"


_BIRTH = (
    r"born|b\.|n[ée]e|dob|d\.\s?o\.\s?b\.?|date\s+of\s+birth|birth\s*date|birthdate|birthday|bday|b-day"
    r"|geboren|geb\.|né|nacid[oa]|fecha\s+de\s+nacimiento|date\s+de\s+naissance|aged?"
)
_PUBLICATION = (
    r"posted|published|publication|updated|last\s+updated|modified|revised|edited|written|by|est\.?"
    r"|established|founded|since|©|copyright|retrieved|accessed|archived|filed|issued|released|dated"
    r"|reuters|ap|afp|pa|news|press\s+release|am|pm|gmt|bst|utc"
)
_LABELS = re.compile(
    rf"(?<![\w.])(?:(?P<birth>{_BIRTH})|(?P<publication>{_PUBLICATION}))(?![\w])", re.IGNORECASE
)
_AGE_AFTER = re.compile(r"\s*[\(,–—-]?\s*(?:aged?|âge|alter)\s*:?\s*\d{1,3}\b", re.IGNORECASE)
_BIRTH_LABEL_LINE = re.compile(rf"^\s*(?:{_BIRTH})\s*:?\s*$", re.IGNORECASE)
_CONTEXT_CHARS = 60


@dataclass(frozen=True)
class DateSighting:
    """One date on a page: the calendar dates it can mean, where it is, and what surrounds it."""

    start: int
    end: int
    readings: frozenset[dt.date]
    """Day-first, and month-first where that is possible too; a two-digit year in both centuries."""
    context: DateContext


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _years(text: str) -> list[int]:
    year = int(text)
    if len(text) == 4:
        return [year]
    return [1900 + year, 2000 + year]  # "14/03/75": the century is for the reader to know


def _numeric_readings(a: str, b: str, c: str) -> set[dt.date]:
    candidates: list[dt.date | None] = []
    if len(a) == 4 and len(c) <= 2:
        candidates.append(_date(int(a), int(b), int(c)))  # 1975-03-14
    elif len(a) <= 2:
        for year in _years(c):
            candidates.append(_date(year, int(b), int(a)))  # 14/03/1975
            candidates.append(_date(year, int(a), int(b)))  # 03/14/1975, as the US writes it
    return {d for d in candidates if d}


def find_dates(text: str) -> Iterator[DateSighting]:
    """Every date in `text`, in order of position."""
    found: list[DateSighting] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_DAY_FIRST, _MONTH_FIRST, _NUMERIC):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            groups = match.groupdict()
            if "s" in groups and groups.get("a") is not None:
                readings = _numeric_readings(groups["a"], groups["b"], groups["c"])
            else:
                month = _MONTH_OF[groups["m"].lower()]
                day = _date(int(groups["y"]), month, int(groups["d"]))
                readings = {day} if day else set()
            if readings:
                taken.append((start, end))
                found.append(DateSighting(start, end, frozenset(readings), date_context(text, start, end)))
    yield from sorted(found, key=lambda s: s.start)


def date_context(text: str, start: int, end: int) -> DateContext:
    """Birth, publication or none: the closest label before the date on its line decides; an age right
    after it ("14 March 1975 (age 49)") or a "Born" label alone on the line before also mean birth."""
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - _CONTEXT_CHARS) : start]
    kind: DateContext = DateContext.NONE
    for label in _LABELS.finditer(window):
        kind = DateContext.BIRTH if label.group("birth") else DateContext.PUBLICATION
    if kind is DateContext.BIRTH:
        return kind
    if _AGE_AFTER.match(text, end):
        return DateContext.BIRTH
    if kind is DateContext.NONE and not text[line_start:start].strip():
        # An infobox or a table: the label sits alone on the line before ("Born" / "14 March 1975").
        previous_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        if line_start and _BIRTH_LABEL_LINE.match(text[previous_start : line_start - 1]):
            return DateContext.BIRTH
    return kind

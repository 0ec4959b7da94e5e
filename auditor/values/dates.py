"""Dates as written on pages (numeric, ISO, with month names in English, French, German or Spanish), each
read to the calendar dates it can mean, with the context that says whether it is a birth date."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator

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


# 1975年3月14日 (Japanese and Chinese), 1975년 3월 14일 (Korean)
_CJK = re.compile(r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?")


class DateContext(enum.StrEnum):
    """What the words around a date say it is."""

    BIRTH = "birth"
    """born, b., DOB, date of birth, birthday, aged, an infobox "Born" label, "(age 49)" after it."""
    PUBLICATION = "publication"
    """A byline, "posted on", "last updated", a masthead's "Est.", a citation's "retrieved", a dateline."""
    NONE = "none"


_BIRTH = (
    r"born|b\.|n[ée]e|dob|d\.\s?o\.\s?b\.?|date\s+of\s+birth|birth\s*date|birthdate|birthday|bday|b-day"
    r"|geboren|geb\.|né|nacid[oa]|nat[oa]|nascid[oa]|fecha\s+de\s+nacimiento|date\s+de\s+naissance|aged?"
)
_PUBLICATION = (
    r"posted|published|publication|updated|last\s+updated|modified|revised|edited|written|by|est\.?"
    r"|established|founded|since|©|copyright|retrieved|accessed|archived|filed|issued|released|dated"
    r"|reuters|afp|press\s+release"
)
_LABELS = re.compile(
    rf"(?<![\w.])(?:(?P<birth>{_BIRTH})|(?P<publication>{_PUBLICATION}))(?![\w])", re.IGNORECASE
)
_AGE_AFTER = re.compile(r"\s*[\(,–—-]?\s*(?:aged?|âge|alter)\s*:?\s*\d{1,3}\b", re.IGNORECASE)
# After the date: "生まれ"; "… am 14. März 1975 in Zug geboren" (German puts the verb last).
_BORN_AFTER = re.compile(r"\s*(?:生まれ|生|出生|誕生|태어)|[^.!?\n]{0,40}?\bgeboren\b", re.IGNORECASE)
# "Pat Example (* 14. März 1975 in Zug)": the genealogical star for "born".
_STAR_BEFORE = re.compile(r"\(\s*\*\s*$")
# "(14 March 1975 – 2 June 2024)", "(14 March 1975 – )": the first date of a life span.
_SPAN_AFTER = re.compile(r"\s*(?:–|—|-|to)\s*(?:\)|\d{1,2}\s|[A-Za-z]+\s+\d|\d{4}|present)", re.IGNORECASE)
# Something happened on the date, so a birth word before it is about something else.
_EVENT = re.compile(
    r"\b(?:joined|married|moved|died|elected|appointed|opened|founded|distilled|bottled|started|graduated"
    r"|retired|published|launched|met|held|signed|won)\b",
    re.IGNORECASE,
)
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


# Countries that write the month first ("03/04/1975" is 4 March there, 3 April everywhere else).
MONTH_FIRST_REGIONS = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "VI", "UM"})


def _numeric_readings(a: str, b: str, c: str, month_first: bool) -> set[dt.date]:
    """The dates "a/b/c" means: year first (1975-03-14); else day first, or month first where the page's
    country writes it so. The other order is taken only when the usual one is impossible (14/03 or
    03/14 can each be read only one way)."""
    if len(a) == 4:
        day = _date(int(a), int(b), int(c)) if len(c) <= 2 else None
        return {day} if day else set()
    if len(a) > 2:
        return set()
    out: set[dt.date] = set()
    for year in _years(c):
        usual = _date(year, int(a), int(b)) if month_first else _date(year, int(b), int(a))
        other = _date(year, int(b), int(a)) if month_first else _date(year, int(a), int(b))
        reading = usual or other
        if reading:
            out.add(reading)
    return out


def find_dates(text: str, region: str = "GB", years: Collection[int] = ()) -> Iterator[DateSighting]:
    """Every date in `text` (only those in `years`, when given), in order of position; numeric dates
    read as the page's country writes them."""
    month_first = region in MONTH_FIRST_REGIONS
    found: list[DateSighting] = []
    taken: list[tuple[int, int]] = []
    stretches = _around_years(text, years) if years else [(0, len(text))]
    for pattern in (_DAY_FIRST, _MONTH_FIRST, _CJK, _NUMERIC):
        for match in (m for lo, hi in stretches for m in pattern.finditer(text, lo, hi)):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            groups = match.groupdict()
            if groups.get("s") is not None:
                readings = _numeric_readings(groups["a"], groups["b"], groups["c"], month_first)
            else:
                month = _MONTH_OF.get(groups["m"].lower()) or int(groups["m"])
                day = _date(int(groups["y"]), month, int(groups["d"]))
                readings = {day} if day else set()
            if readings:
                taken.append((start, end))
                found.append(DateSighting(start, end, frozenset(readings), date_context(text, start, end)))
    yield from sorted(found, key=lambda s: s.start)


_DATE_REACH = 40
"""Characters a written date spans around its year ("Wednesday 14th of September, 1975")."""


def _around_years(text: str, years: Collection[int]) -> list[tuple[int, int]]:
    """The stretches of `text` around each of `years` written in full or in two digits, merged: the
    date patterns are costly to try at every character of a long page."""
    pattern = "|".join(
        sorted({str(y) for y in years} | {f"{y % 100:02d}" for y in years}, key=len, reverse=True)
    )
    spans: list[list[int]] = []
    for found in re.finditer(rf"(?<!\d)(?:{pattern})(?!\d)", text):
        lo, hi = max(0, found.start() - _DATE_REACH), min(len(text), found.end() + _DATE_REACH)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    return [(lo, hi) for lo, hi in spans]


def date_context(text: str, start: int, end: int) -> DateContext:
    """Birth, publication or none.

    Raises to birth: the closest label before the date on its line is a birth word ("born", "DOB",
    "b." right before it), an age or "生まれ" right after it, a "Born" label alone on the line before,
    or a life span "(14 March 1975 – 2 June 2024)". Lowers: a publication word closer to the date than
    any birth word; an event verb between the birth word and the date ("joined … on", "distilled"); a
    birth word that is part of a name ("the Birthday Club").
    """
    line_start = text.rfind("\n", 0, start) + 1
    window_start = max(line_start, start - _CONTEXT_CHARS)
    window = text[window_start:start]
    kind: DateContext = DateContext.NONE
    for label in _LABELS.finditer(window):
        if label.group("birth"):
            after_label = window[label.end() :]
            if _names_something(label.group(), after_label) or _EVENT.search(after_label):
                kind = DateContext.NONE
                continue
            if label.group().lower() == "b." and (not label.group().islower() or after_label.strip()):
                continue  # "b." is "born" only right before the date; "Appendix B." is not
            kind = DateContext.BIRTH
        else:
            kind = DateContext.PUBLICATION
    if kind is DateContext.BIRTH:
        return kind
    if _AGE_AFTER.match(text, end) or _BORN_AFTER.match(text, end) or _STAR_BEFORE.search(window):
        return DateContext.BIRTH
    if text[max(0, start - 2) : start].strip().endswith("(") and _SPAN_AFTER.match(text, end):
        return DateContext.BIRTH
    if kind is DateContext.NONE and not text[line_start:start].strip():
        # An infobox or a table: the label sits alone on the line before ("Born" / "14 March 1975").
        # Up to two short lines back: an infobox cell may hold the name before the date.
        end_of_line = line_start - 1
        for _ in range(2):
            if end_of_line <= 0:
                break
            newline = text.rfind("\n", max(0, end_of_line - 60), end_of_line)
            if newline < 0 and end_of_line > 60:
                break  # a long line: not a label
            line = text[newline + 1 : end_of_line]
            if _BIRTH_LABEL_LINE.match(line):
                return DateContext.BIRTH
            end_of_line = newline
    return kind


def _names_something(label: str, after: str) -> bool:
    """A birth word followed by a capitalised word is not a date's label: a name ("the Birthday Club")
    or a maiden name ("née Example", "geb. Beispiel")."""
    following = re.match(r"\s+([A-Z][a-z]+)", after)
    if following is None or following.group(1).lower() in _MONTH_OF:
        return False
    return label[:1].isupper() or label.lower().rstrip(".") in {"née", "nee", "né", "geb"}

"""Whether a page someone else published is about the person: it names them, and something else ties it
to them. A search for a name finds every namesake; a namesake's page must never be read as the person's
exposure.

A page is kept only when it names the person (their name or an alias, as a whole name: "Mary Jane Doe"
and "Jane Doe-Smith" are other people). It is attributed to them, so that contact details on it that are
not on the roster are reported as theirs, only with a second anchor: the place they represent or live in,
an alias besides the name, or one of their own contact details. Known values (a private mobile, a home
address) are found on any kept page either way: those are the person's by definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..values import emails as email_values
from ..values import phones as phone_values
from ..values.addresses import parse_address
from ..values.names import find_name, find_phrase_value
from ..values.tokens import TokenText, find_phrase, phrase_tokens

if TYPE_CHECKING:
    from ..model import Person

# "Member of Parliament for Exampleton", "MP for Exampleton North", "Councillor for Wexcombe ward".
_PLACE_IN_ROLE = re.compile(r"\bfor\s+(?:the\s+)?([^,;()]{2,80}?)\s*(?:$|[,;(])", re.IGNORECASE)
_NON_DIGITS = re.compile(r"\D+")
# A phone number as written: digits with spaces, dots, dashes or brackets between, and no digit either side.
_NUMBER_RUN = re.compile(r"(?<![\d])\+?\(?\d[\d\s().-]{5,20}\d(?![\d])")
_PARLIAMENT = re.compile(r"house of (?:commons|lords)|palace of westminster", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """A page that names the person, and what else on it ties it to them (public words only)."""

    name: str
    """The name or alias it names them by."""
    anchors: tuple[str, ...]
    """e.g. ("the place Exampleton", "one of their contact details"); empty: it only names them."""

    @property
    def attributed(self) -> bool:
        return bool(self.anchors)


def place_of(role: str) -> str:
    """The place a role is for ("Member of Parliament for Exampleton" -> "Exampleton"), or ""."""
    found = _PLACE_IN_ROLE.search(role)
    return found.group(1).strip() if found else ""


class Anchors:
    """One person's names and anchors, compiled once (`of` reads a page)."""

    def __init__(self, person: Person) -> None:
        self.names = tuple(dict.fromkeys(n.strip() for n in (person.name, *person.aliases) if n.strip()))
        own = set(phrase_tokens(person.name))
        # An alias anchors only when it is another name, not the name with a title ("Ms Jane Doe",
        # "Jane Doe MP"): one mention of a namesake would otherwise tie the page twice.
        self.other_names = tuple(a for a in self.names[1:] if not own <= set(phrase_tokens(a)))
        places = [place_of(person.role)]
        for address in person.public.addresses:
            parts = parse_address(address)
            # Parliament's own estate is every member's office: "London" ties no page to anyone.
            if parts is not None and not _PARLIAMENT.search(address):
                places.append(parts.town)
        self.places = tuple(dict.fromkeys(p for p in places if p))
        self.emails = tuple(
            dict.fromkeys(email_values.normalise(e) for e in (*person.public.emails, *person.private.emails))
        )
        numbers = []
        for phone in (*person.public.phones, *person.private.phones):
            parsed = phone_values.parse(phone)
            if parsed is not None:
                numbers.append(str(parsed.national_number))
        self.numbers = frozenset(n for n in numbers if len(n) >= 7)

    def of(self, text: str) -> Attribution | None:
        """How `text` is tied to the person, or None when it does not name them."""
        page = TokenText(text)
        named = [n for n in self.names if find_name(page, n) is not None]
        if not named:
            return None
        anchors = [f"the place {p}" for p in self.places if _place_on(page, p)]
        if any(n in self.other_names for n in named):
            anchors.append("another of their names")
        lowered = text.lower()
        if any(e in lowered for e in self.emails) or self._number_on(text):
            anchors.append("one of their contact details")
        return Attribution(named[0], tuple(anchors))

    def _number_on(self, text: str) -> bool:
        """One of their numbers written as a number of its own (not inside a longer run of digits)."""
        if not self.numbers:
            return False
        for run in _NUMBER_RUN.findall(text):
            digits = _NON_DIGITS.sub("", run)
            # Their national number, after at most a trunk 0 or a country code.
            if any(digits.endswith(n) and len(digits) - len(n) <= 3 for n in self.numbers):
                return True
        return False


def _place_on(page: TokenText, place: str) -> bool:
    """The place named as a name: its words capitalised where the page has them ("took a bath" is not
    Bath), and not the start of another name ("Exampleton Gazette", "North Exampleton"), though an
    abbreviation may follow ("Exampleton MP Jane Doe")."""
    words = phrase_tokens(place)
    whole = find_phrase_value(page, words)
    for first, last in find_phrase(page, words):
        raws = [t.raw for t in page.tokens[first : last + 1] if t.raw.isalpha() and len(t.raw) > 3]
        if not all(r[0].isupper() for r in raws):
            continue
        if whole is not None and whole[0] == page.tokens[first].start:
            return True
        following = page.tokens[last + 1] if last + 1 < len(page.tokens) else None
        abbreviation = following is not None and following.raw.isupper() and len(following.raw) <= 5
        before = page.tokens[first - 1] if first > 0 else None
        if abbreviation and not (before is not None and before.capitalised and page.joined(first - 1, first)):
            return True
    return False

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
from ..values.tokens import TokenText

if TYPE_CHECKING:
    from ..model import Person

# "Member of Parliament for Exampleton", "MP for Exampleton North", "Councillor for Wexcombe ward".
_PLACE_IN_ROLE = re.compile(r"\bfor\s+(?:the\s+)?([^,;()]{2,80}?)\s*(?:$|[,;(])", re.IGNORECASE)
_NON_DIGITS = re.compile(r"\D+")


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
        places = [place_of(person.role)]
        for address in person.public.addresses:
            parts = parse_address(address)
            if parts is not None:
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
        self.numbers = tuple(dict.fromkeys(n for n in numbers if len(n) >= 7))

    def of(self, text: str) -> Attribution | None:
        """How `text` is tied to the person, or None when it does not name them."""
        page = TokenText(text)
        named = [n for n in self.names if find_name(page, n) is not None]
        if not named:
            return None
        anchors = [f"the place {p}" for p in self.places if find_phrase_value(page, p) is not None]
        if len(named) > 1:
            anchors.append("another of their names")
        lowered = text.lower()
        digits = _NON_DIGITS.sub("", text)
        if any(e in lowered for e in self.emails) or any(n in digits for n in self.numbers):
            anchors.append("one of their contact details")
        return Attribution(named[0], tuple(anchors))

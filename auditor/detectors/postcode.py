"""Discovered UK postcodes on pages about the person."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Category, Document, Hit, Match, Person
from ..severity import severity_of
from ..values.addresses import find_uk_postcodes
from .interface import Detector
from .known import KnownCache
from .text import Haystack, haystacks, snippet


class PostcodeDetector(Detector):
    """UK postcodes on pages about the person.

    The postcode of a public address (the constituency office) is expected and skipped. The postcode of
    a private address is reported here only when the full address is not on the page: then it is a
    partial leak of the home address; when the full address is there, `known_values` reports it.
    """

    name = "postcodes"
    attributed_only = True

    def __init__(self) -> None:
        self._known = KnownCache()

    def detect(self, document: Document, person: Person) -> Iterator[Hit]:
        """Yield each distinct postcode once."""
        known = self._known(person)
        texts = haystacks(document)
        seen = {code for code, match in known.postcodes.items() if match is Match.PUBLIC}
        for text in texts:
            found = list(find_uk_postcodes(text))
            if not found:
                continue
            if any(code in known.postcodes for code, _, _ in found):
                for address in known.address_sightings(Haystack(text)):
                    if address.parts.postcode is not None:
                        seen.add(address.parts.postcode.code)
            for key, start, end in found:
                if key in seen:
                    continue
                seen.add(key)
                private = known.postcodes.get(key) is Match.PRIVATE
                yield Hit(
                    detector=self.name,
                    category=Category.ADDRESS,
                    match=Match.DISCOVERED,
                    key=key,
                    value=key,
                    evidence=snippet(text, start, end),
                    severity=severity_of(Category.ADDRESS, Match.DISCOVERED),
                    detail="the postcode of a private address" if private else "postcode",
                )

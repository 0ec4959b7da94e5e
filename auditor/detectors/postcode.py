"""Discovered UK postcodes on pages about the person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Category, Document, Hit, Match
from ..severity import severity_of
from ..values.addresses import find_uk_postcodes
from .interface import Detector
from .text import haystacks, snippet

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .subject import Subject


class PostcodeDetector(Detector):
    """UK postcodes on pages about the person.

    The postcode of a public address (the constituency office) is expected and skipped. The postcode of
    a private address is reported here only when the full address is not on the page: then it is a
    partial leak of the home address; when the full address is there, `known_values` reports it (its
    hit covers the postcode).
    """

    name = "postcodes"
    attributed_only = True

    def detect(self, document: Document, subject: Subject) -> Iterator[Hit]:
        """Yield each postcode but those of public addresses."""
        known = subject.known
        for text in haystacks(document):
            for key, start, end in find_uk_postcodes(text):
                own = known.postcode(key)
                if own is Match.PUBLIC:
                    continue
                private = own is Match.PRIVATE
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

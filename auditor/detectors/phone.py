"""Discovered phone numbers on pages about the person, with reference numbers, dates and prices kept out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import phonenumbers
from phonenumbers import PhoneNumber

from ..model import Category, Document, Hit, Match
from ..severity import severity_of
from ..values import phones
from ..values.links import tel_number
from .interface import Detector
from .text import haystacks, link_snippet, snippet

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .subject import Subject


class PhoneDetector(Detector):
    """Phone numbers on pages about the person that are not one of their known numbers.

    A number counts only when it is allocated in the country it is read in (the page's country for
    national forms: a Tokyo "03-…" is not a London number), written the way that country writes
    numbers, and not labelled as an identifier. Ofcom's drama ranges count as allocated.
    """

    name = "phone_numbers"
    attributed_only = True

    def detect(self, document: Document, subject: Subject) -> Iterator[Hit]:
        """Yield each plausible number; known numbers are left to `known_values`."""
        known = subject.known
        region = phones.page_region(document.url, document.content.meta)
        for text in haystacks(document):
            for candidate in phones.candidates_in(text):
                number = phones.discovered_number(candidate, region)
                if number is None:
                    continue
                key = phones.e164(number)
                if known.phone(key) is None:
                    yield self._hit(number, key, candidate.raw, snippet(text, candidate.start, candidate.end))
        for href in document.content.contact_links:
            linked = tel_number(href, region)
            if linked is None or known.phone(linked) is not None:
                continue
            number = phonenumbers.parse(linked)
            if not phones.is_real(number):
                continue
            display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            yield self._hit(number, linked, display, link_snippet(href))

    def _hit(self, number: PhoneNumber, key: str, value: str, evidence: str) -> Hit:
        kind = phones.classify(number)
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

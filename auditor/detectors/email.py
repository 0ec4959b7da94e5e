"""Discovered e-mail addresses on pages about the person, plain or with the usual [at]/[dot] disguises."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Category, Document, Hit, Match
from ..severity import severity_of
from ..values import emails
from .interface import Detector
from .text import haystacks, link_snippet, snippet

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .subject import Subject


class EmailDetector(Detector):
    """E-mail addresses on pages about the person that are not one of their known addresses."""

    name = "email_addresses"
    attributed_only = True

    def detect(self, document: Document, subject: Subject) -> Iterator[Hit]:
        """Yield each address; known addresses are left to `known_values`."""
        known = subject.known
        for text in haystacks(document):
            for key, start, end in emails.find_discovered(text):
                if known.email(key) is None:
                    yield self._hit(key, snippet(text, start, end))
        for href in document.content.contact_links:
            for key in emails.mailto_addresses(href):
                if known.email(key) is None and emails.DISCOVERY.fullmatch(key):
                    yield self._hit(key, link_snippet(href))

    def _hit(self, key: str, evidence: str) -> Hit:
        return Hit(
            detector=self.name,
            category=Category.EMAIL,
            match=Match.DISCOVERED,
            key=key,
            value=key,
            evidence=evidence,
            severity=severity_of(Category.EMAIL, Match.DISCOVERED),
        )

"""Discovered e-mail addresses on pages about the person, plain or with the usual [at]/[dot] disguises."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Category, Document, Hit, Match, Person
from ..severity import severity_of
from .interface import Detector
from .known import KnownCache
from .text import haystacks, link_snippet, mailto_addresses, normalise_email, snippet

# Only "@" and the bracketed disguises ("[at]", "(at)", "{at}", "<at>"): a bare " at " in discovery
# would turn prose ("meet at noon dot com") into addresses, since nothing here says it is one.
_AT = r"(?:@|\s*[\[({<]\s*at\s*[\])}>]\s*)"
_DOT = r"(?:\.|\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+)"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
EMAIL = re.compile(
    # Not preceded by more local-part characters; not a URL's user-info ("https://key@host").
    rf"(?<![\w.%+\-/:])(?P<local>[A-Za-z0-9][A-Za-z0-9._%+\-]{{0,63}})"
    rf"{_AT}(?P<domain>(?:{_LABEL}{_DOT})+(?P<tld>[A-Za-z]{{2,24}}))(?![\w\-])(?!\.[A-Za-z0-9])",
    re.IGNORECASE,
)
"""An e-mail address in running text; `domain` may still hold a disguised dot."""

# "logo@2x.png", "icon@3x.webp": retina image names look like addresses.
_FILE_SUFFIXES = frozenset(
    ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "css", "js", "json", "map", "pdf"]
)


def find_emails(text: str) -> Iterator[tuple[str, int, int]]:
    """(normalised address, start, end) for each address in `text`, disguises undone."""
    for found in EMAIL.finditer(text):
        if found.group("tld").lower() in _FILE_SUFFIXES:
            continue
        local = found.group("local")
        if local.endswith(".") or ".." in local:
            continue
        domain = re.sub(_DOT, ".", found.group("domain"), flags=re.IGNORECASE)
        yield normalise_email(f"{local}@{domain}"), found.start(), found.end()


class EmailDetector(Detector):
    """E-mail addresses on pages about the person that are not one of their known addresses."""

    name = "email_addresses"
    attributed_only = True

    def __init__(self) -> None:
        self._known = KnownCache()

    def detect(self, document: Document, person: Person) -> Iterator[Hit]:
        """Yield each distinct address once; known addresses are left to `known_values`."""
        known = self._known(person)
        seen = set(known.emails)
        for text in haystacks(document):
            for key, start, end in find_emails(text):
                if key not in seen:
                    seen.add(key)
                    yield self._hit(key, snippet(text, start, end))
        for href in document.content.contact_links:
            for key in mailto_addresses(href):
                if key not in seen and EMAIL.fullmatch(key):
                    seen.add(key)
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

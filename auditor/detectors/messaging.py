"""Messaging links (WhatsApp, Telegram, Signal): a direct, unsolicited route to the person."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Category, Document, Hit, Match
from ..severity import severity_of
from ..values.links import messaging_target
from .interface import Detector
from .text import haystacks, link_snippet, snippet

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .subject import Subject

# A link written out in the page's text (not only as an href). The host must start a token so that
# "chat.me/" or "format.me/" never reads as "t.me/".
LINK = re.compile(
    r"(?<![\w.\-@])(?:https?://)?(?:www\.|api\.|web\.)?"
    r"(?:wa\.me|whatsapp\.com|t\.me|telegram\.me|telegram\.dog|signal\.me)/[^\s\"'<>)\]]*",
    re.IGNORECASE,
)

_HOST_HINTS = ("wa.me/", "whatsapp.com/", "t.me/", "telegram.me/", "telegram.dog/", "signal.me/")
_SERVICE_NAMES = {"whatsapp": "WhatsApp", "telegram": "Telegram", "signal": "Signal"}


class MessagingLinkDetector(Detector):
    """WhatsApp, Telegram and Signal links, keyed "whatsapp:+447700900123", "telegram:name"."""

    name = "messaging_links"
    attributed_only = True

    def detect(self, document: Document, subject: Subject) -> Iterator[Hit]:
        """Yield each link's target, hrefs first (they are what a visitor clicks)."""
        known = subject.known
        found: list[tuple[str, str]] = [(href, link_snippet(href)) for href in document.content.contact_links]
        for text in haystacks(document):
            lower = text.lower()
            if not any(host in lower for host in _HOST_HINTS):
                continue  # most pages have no such link: skip the regex scan
            found.extend((m.group(), snippet(text, *m.span())) for m in LINK.finditer(text))
        for href, evidence in found:
            target = messaging_target(href)
            if target is None:
                continue
            service, ident = target
            # A link to one of the person's own numbers is recognised, not discovered: private is the
            # case that matters (anyone can message their personal phone), public is expected.
            own = known.phone(ident)
            match = own.match if own is not None else Match.DISCOVERED
            private = match is Match.PRIVATE
            detail = f"{_SERVICE_NAMES[service]} link"
            if private:
                detail += " to a private number"
            elif match is Match.PUBLIC:
                detail += " to a public number"
            yield Hit(
                detector=self.name,
                category=Category.MESSAGING_LINK,
                match=match,
                key=f"{service}:{ident}",
                value=ident,
                evidence=evidence,
                severity=severity_of(Category.MESSAGING_LINK, match, private_target=private),
                detail=detail,
            )

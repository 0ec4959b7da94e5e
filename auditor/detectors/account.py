"""Accounts: a public profile under one of the person's usernames (or tied to their email) exists."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..model import Category, Document, Hit, Match
from ..severity import severity_of
from .interface import Detector

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .subject import Subject

SITE, USERNAME, URL = "account_site", "account_username", "account_url"
"""Extracted.meta keys a source sets on a document that is an account's profile page or record."""


class AccountDetector(Detector):
    """Reports each account document once; what its profile says is for the other detectors."""

    name: ClassVar[str] = "accounts"
    attributed_only: ClassVar[bool] = True

    def detect(self, document: Document, subject: Subject) -> Iterator[Hit]:
        meta = document.content.meta
        site, username = meta.get(SITE, ""), meta.get(USERNAME, "")
        if not site or not username:
            return
        # Platforms compare handles case-blind: JaneDoe and janedoe are one account.
        key = f"{site.lower()}:{username.lower()}"
        yield Hit(
            detector=self.name,
            category=Category.ACCOUNT,
            match=Match.DISCOVERED,
            key=key,
            value=f"{username} on {site}",
            evidence=f"A public {site} account: {meta.get(URL, document.url)}",
            severity=severity_of(Category.ACCOUNT, Match.DISCOVERED),
            detail=document.label,
        )

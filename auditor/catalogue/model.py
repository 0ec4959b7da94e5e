"""Catalogue types: the sites to check, their presence rules, and how their URL templates are filled in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from collections.abc import Mapping

PLACEHOLDERS = ("username", "first", "last", "slug", "city")
"""What a template may name: `{username}` for account sites; `{first}`, `{last}`, `{slug}` (lower-case
hyphenated full name) and `{city}` for people-search sites."""

_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")

DEFAULT_UNCLAIMED = "unclaimed7f3c9a"
"""A username no one has, for self-checks of sites that name none. Letters and digits only, 15
characters, starting with a letter: it fits every platform's username rules in the builtin catalogue."""


class Kind(StrEnum):
    """What a catalogue is for: which placeholders its templates must use."""

    USERNAMES = "usernames"
    PEOPLE_SEARCH = "people_search"


@dataclass(frozen=True)
class Rule:
    """A presence rule: the response matches when it has this status and contains this text (each only
    when given). A 3xx status means "the check URL redirected elsewhere": the fetcher follows
    redirects, so the redirect status itself is never seen."""

    status: int | None = None
    text: str | None = None
    """Case-sensitive text in the body; may use the template placeholders (`"@{username}"`)."""

    def describe(self) -> str:
        """E.g. `HTTP 404` or `HTTP 200 with "Profile of"`, for messages."""
        parts = []
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.text is not None:
            parts.append(f"text {self.text!r}")
        return " with ".join(parts) or "anything"


@dataclass(frozen=True)
class Site:
    """One platform (or people-search site) and how to tell whether a profile or listing exists there."""

    name: str
    url: str
    """The human-viewable page template: what a report links to."""
    exists: Rule
    missing: Rule
    check_url: str = ""
    """What to fetch when it differs from `url` (a public JSON API); "" to fetch `url` itself."""
    api: bool = False
    """`check_url` is a documented public API: robots.txt, written for crawlers of pages, is not consulted."""
    opt_out: str = ""
    """Where the person can ask the site to remove them (people-search sites)."""
    claimed: tuple[str, ...] = ()
    """Usernames known to exist there, for the self-check."""
    unclaimed: tuple[str, ...] = ()
    """Usernames known not to exist there, for the self-check; DEFAULT_UNCLAIMED when empty."""
    category: str = ""
    username_pattern: str = ""
    """A regular expression every valid username there matches in full; others cannot exist there."""
    strip: str = ""
    """Characters the site drops from usernames (WhatsMyName's `strip_bad_char`)."""
    listing: str = ""
    """A CSS selector for one listing on a results page (people-search); "" for one listing per page."""

    @property
    def fetch_template(self) -> str:
        return self.check_url or self.url

    def placeholders(self) -> set[str]:
        """The placeholder names any of this site's templates use."""
        texts = [self.url, self.check_url, self.exists.text or "", self.missing.text or ""]
        return {m.group(1) for t in texts for m in _PLACEHOLDER.finditer(t)}

    def accepts(self, username: str) -> bool:
        """False when the username cannot exist on this site under its own rules."""
        if not self.username_pattern:
            return True
        return re.fullmatch(self.username_pattern, username) is not None

    def unclaimed_names(self) -> tuple[str, ...]:
        return self.unclaimed or (DEFAULT_UNCLAIMED,)


@dataclass(frozen=True)
class Skipped:
    """A catalogue entry that was not loaded, and why (POST-only, marked broken, wrong shape)."""

    index: int
    name: str
    reason: str


@dataclass(frozen=True)
class Catalogue:
    """A loaded, validated catalogue."""

    sites: tuple[Site, ...]
    origin: str
    """Where it came from: "builtin" or the file's path, for messages."""
    format: str = "auditor"
    """"auditor" (our YAML format) or "whatsmyname" (a WhatsMyName JSON file)."""
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()
    """What a user should know about the load: counts of skipped entries and why."""


def fill(template: str, values: Mapping[str, str], *, for_url: bool = True) -> str:
    """A template with its placeholders replaced; values are percent-encoded in URLs.

    Only the known placeholder names are replaced, so literal braces (JSON in a WhatsMyName rule text)
    stay as they are. A placeholder without a value raises KeyError: callers check `placeholders()` first.
    """

    def replace(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        return quote(value, safe="") if for_url else value

    return _PLACEHOLDER.sub(replace, template)


def slug(name: str) -> str:
    """ "Jane A. Doe" -> "jane-a-doe": lower-case words joined by hyphens."""
    return "-".join(re.findall(r"[^\W_]+", name.lower()))

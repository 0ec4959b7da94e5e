"""Presence: does a profile (or listing) exist at a site? Only positive evidence says yes.

Lessons from Maigret and WhatsMyName: a site that blocks, challenges, rate-limits or walls its pages
behind a login tells us nothing, and neither does a page that matches neither rule. Those are
"unknown", never "exists" — and never "missing" either, which would read as "nothing found".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..fetch import Fetcher, Response
from ..model import FetchFailure
from ..plain import plural
from .model import Rule, Site, fill

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

MAX_MATCH_CHARS = 5_000_000
"""Body text searched for rule texts; the fetch layer caps bodies already, this bounds the work."""

# Statuses a platform uses to refuse automated visitors. LinkedIn answers 999.
_BLOCK_STATUSES = frozenset({401, 403, 406, 407, 451, 503, 999})

# Titles of challenge, bot-wall and block pages (Cloudflare, Akamai, DDoS-Guard, Anubis, generic).
_CHALLENGE_TITLES = (
    "just a moment",
    "attention required",
    "access denied",
    "captcha",
    "are you a robot",
    "are you human",
    "verify you are human",
    "human verification",
    "checking your browser",
    "security check",
    "ddos-guard",
    "making sure you're not a bot",
    "request blocked",
    "pardon our interruption",
)
# Markers of challenge machinery anywhere in a page: unambiguous, unlike the bare word "captcha".
_CHALLENGE_MARKERS = (
    "cf-browser-verification",
    "cf_chl_opt",
    "/cdn-cgi/challenge-platform",
    "challenges.cloudflare.com/turnstile",
    "_incapsula_resource",
    "px-captcha",
    "captcha-delivery.com",
    "ddos-guard.net",
)
# A profile page is large; a page this small that mentions a captcha is the captcha.
_SMALL_PAGE = 50_000
_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_LOGIN_SEGMENTS = frozenset(
    {
        "login",
        "log-in",
        "signin",
        "sign-in",
        "sign_in",
        "authwall",
        "auth",
        "checkpoint",
        "session",
        "sessions",
        "challenge",
    }
)


class State(StrEnum):
    """What a check found."""

    EXISTS = "exists"
    MISSING = "missing"
    UNKNOWN = "unknown"


class Reason(StrEnum):
    """Why a check came out as it did (machine-readable; FetchFailure.reason for unknown ones)."""

    MATCHED = "matched"
    """The exists rule matched and the missing rule did not (EXISTS), or the reverse (MISSING)."""
    INVALID = "invalid"
    """The username cannot exist there under the site's own rules (MISSING without a request)."""
    BLOCKED = "blocked"
    """A block status (403, 999...) or a challenge / bot-wall page."""
    LOGIN_WALL = "login_wall"
    """The page redirected to a login page."""
    RATE_LIMITED = "rate_limited"
    UNRECOGNISED = "unrecognised"
    """The response matched neither rule, or both: the site's rules may be stale."""
    FETCH = "fetch"
    """The fetch itself failed (timeout, connection, robots.txt, 5xx...): see the detail."""


@dataclass(frozen=True)
class Presence:
    """One site's answer for one username or name."""

    state: State
    reason: Reason
    detail: str = ""
    """Human-readable: "HTTP 403", "robots.txt disallows this URL for auditor", "challenge page"..."""
    url: str = ""
    """The URL fetched ("" when nothing was)."""
    fetch_reason: str = ""
    """For Reason.FETCH: the FetchFailure's reason (robots, timeout, connection, http_error...)."""

    @property
    def failure_reason(self) -> str:
        """The FetchFailure.reason to record for an unknown check."""
        return self.fetch_reason or self.reason.value


@dataclass(frozen=True)
class Probe:
    """A check's decision and, when the profile exists, the response to read it from."""

    presence: Presence
    response: Response | None = None


def probe(fetcher: Fetcher, site: Site, values: Mapping[str, str], *, cache: bool = True) -> Probe:
    """Fetch the site's check URL filled with `values` and decide presence. `cache=False` when the
    values are personal (a name and town): the HTTP cache file must not keep them in its URLs."""
    url = fill(site.fetch_template, values)
    # Profile pages are pages: robots.txt applies. Documented public APIs are not crawled pages.
    reply = fetcher.get(url, respect_robots=not site.api, cache=cache)
    presence = decide(site, reply, values)
    response = reply if isinstance(reply, Response) and presence.state is State.EXISTS else None
    return Probe(presence, response)


def decide(site: Site, reply: Response | FetchFailure, values: Mapping[str, str]) -> Presence:
    """Exists only when the exists rule matches and the missing rule does not, on a page that is not a
    block, challenge or login wall."""
    if isinstance(reply, FetchFailure):
        if reply.reason == "rate_limited":
            return Presence(State.UNKNOWN, Reason.RATE_LIMITED, reply.detail or "rate-limited", reply.url)
        return Presence(State.UNKNOWN, Reason.FETCH, reply.detail or reply.reason, reply.url, reply.reason)
    url = reply.url
    if reply.status == 429:
        return Presence(State.UNKNOWN, Reason.RATE_LIMITED, "HTTP 429", url)
    redirected = _redirected(reply)
    if redirected and _is_login(reply.final_url):
        return Presence(State.UNKNOWN, Reason.LOGIN_WALL, "redirected to a login page", url)
    text = reply.text()[:MAX_MATCH_CHARS]
    challenge = challenge_signs(text, reply.content_type)
    if challenge:
        return Presence(State.UNKNOWN, Reason.BLOCKED, f"{challenge} (HTTP {reply.status})", url)
    exists = _matches(site.exists, reply.status, redirected, text, values)
    missing = _matches(site.missing, reply.status, redirected, text, values)
    if reply.status in _BLOCK_STATUSES and not _vouched(site, reply.status, exists, missing):
        return Presence(State.UNKNOWN, Reason.BLOCKED, f"HTTP {reply.status}", url)
    if exists and not missing:
        return Presence(State.EXISTS, Reason.MATCHED, f"HTTP {reply.status}", url)
    if missing and not exists:
        return Presence(State.MISSING, Reason.MATCHED, f"HTTP {reply.status}", url)
    which = "both rules" if exists else "neither rule"
    return Presence(State.UNKNOWN, Reason.UNRECOGNISED, f"{which} matched (HTTP {reply.status})", url)


def invalid(site: Site, username: str) -> Presence:
    """The answer for a username the site's own rules forbid: no request needed."""
    return Presence(State.MISSING, Reason.INVALID, f"{username!r} is not a valid username on {site.name}")


def challenge_signs(text: str, content_type: str) -> str:
    """A short description of why this looks like a challenge or block page; "" when it does not."""
    head = text[:65_536]
    title = _TITLE.search(head)
    if title:
        heading = " ".join(title.group(1).split()).lower()
        for word in _CHALLENGE_TITLES:
            if word in heading:
                return f"challenge page ({word!r} in the title)"
    lowered = text[:262_144].lower()
    for marker in _CHALLENGE_MARKERS:
        if marker in lowered:
            return "challenge page (bot-wall markers)"
    # A JSON record may mention captchas in a bio; a challenge is served as a page.
    if "captcha" in lowered and len(text) < _SMALL_PAGE and "json" not in content_type:
        return "challenge page (asks for a captcha)"
    return ""


def _matches(rule: Rule, status: int, redirected: bool, text: str, values: Mapping[str, str]) -> bool:
    if rule.status is not None:
        if 300 <= rule.status < 400:
            if not redirected:
                return False
        elif rule.status != status:
            return False
    if rule.text is not None:
        try:
            needle = fill(rule.text, values, for_url=False)
        except KeyError:
            return False
        return needle in text
    return True


def _vouched(site: Site, status: int, exists: bool, missing: bool) -> bool:
    """A block status counts only when a matching rule names it and a text confirms it (WordPress.com
    answers 403 for a private blog by design); a bare status could be any block."""
    for rule, matched in ((site.exists, exists), (site.missing, missing)):
        if matched and rule.status == status and rule.text is not None:
            return True
    return False


def _redirected(reply: Response) -> bool:
    return reply.final_url.rstrip("/") != reply.url.rstrip("/")


def _is_login(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    segments = [unquote(s).lower() for s in parts.path.split("/") if s]
    return any(s in _LOGIN_SEGMENTS or s.startswith(("login", "signin")) for s in segments)


_WHY = {
    Reason.BLOCKED: "blocked",
    Reason.LOGIN_WALL: "behind a login",
    Reason.RATE_LIMITED: "rate-limited",
    Reason.UNRECOGNISED: "unrecognised page",
}
_FETCH_WHY = {"robots": "robots.txt", "http_error": "server error"}


def why_unknown(presence: Presence) -> str:
    """Why a check could not say yes or no, in a word or two: "blocked", "robots.txt", "unreachable"."""
    if presence.reason is Reason.FETCH:
        return _FETCH_WHY.get(presence.fetch_reason, "unreachable")
    return _WHY.get(presence.reason, presence.reason.value)


def unchecked_note(unknown: Sequence[tuple[str, Presence]], noun: str, limit: int = 300) -> str:
    """(site name, presence) of the checks that could not say, as one detail:
    "2 searches could not be checked (1 blocked, 1 rate-limited): PeopleFinder, Example Pics"."""
    reasons = Counter(why_unknown(presence) for _, presence in unknown)
    why = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
    sites = ", ".join(dict.fromkeys(site for site, _ in unknown))
    if len(sites) > limit:
        sites = sites[: limit - 3] + "..."
    return f"{plural(len(unknown), noun)} could not be checked ({why}): {sites}"

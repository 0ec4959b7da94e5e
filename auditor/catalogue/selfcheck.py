"""The catalogue self-check: every site's known-claimed and known-unclaimed usernames, fetched and judged.

A site whose rules went stale (a claimed account no longer detected, an unclaimed one "found") is
reported as stale, so a monthly run says so instead of the catalogue being silently wrong.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from .presence import Presence, Reason, State, invalid, probe

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..fetch import Fetcher
    from .model import Catalogue, Site

MAX_CLAIMED = 2
"""Claimed usernames tried per site: two tell a stale rule from one deleted account."""


class CheckStatus(StrEnum):
    OK = "ok"
    STALE = "stale"
    """A rule gave a wrong answer: claimed not detected as existing, or unclaimed detected as existing."""
    UNKNOWN = "unknown"
    """The site could not be checked (blocked, rate-limited, unreachable)."""


@dataclass(frozen=True)
class UsernameCheck:
    """One test username's expected and actual answer."""

    username: str
    expected: State
    presence: Presence


@dataclass(frozen=True)
class SiteCheck:
    """One site's self-check result."""

    site: str
    status: CheckStatus
    detail: str
    checks: tuple[UsernameCheck, ...] = ()


def check_catalogue(catalogue: Catalogue, fetcher: Fetcher, *, concurrency: int = 8) -> list[SiteCheck]:
    """Check every site of `catalogue`, in catalogue order; never raises for network trouble."""
    with ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="selfcheck") as pool:
        return list(pool.map(lambda site: check_site(site, fetcher), catalogue.sites))


def check_site(site: Site, fetcher: Fetcher) -> SiteCheck:
    """Fetch the site's claimed and unclaimed usernames and compare with what they should give."""
    tests = [(name, State.EXISTS) for name in site.claimed[:MAX_CLAIMED]]
    tests += [(name, State.MISSING) for name in site.unclaimed_names()[:1]]
    checks = tuple(UsernameCheck(name, expected, _presence(site, fetcher, name)) for name, expected in tests)
    return _judge(site, checks)


def _presence(site: Site, fetcher: Fetcher, username: str) -> Presence:
    username = "".join(c for c in username if c not in site.strip)
    if not site.accepts(username):
        return invalid(site, username)
    return probe(fetcher, site, {"username": username}).presence


def _judge(site: Site, checks: tuple[UsernameCheck, ...]) -> SiteCheck:
    stale = [c for c in checks if _is_stale(c)]
    if stale:
        return SiteCheck(site.name, CheckStatus.STALE, "; ".join(_explain(c) for c in stale), checks)
    unknown = [c for c in checks if c.presence.state is State.UNKNOWN]
    if unknown:
        return SiteCheck(site.name, CheckStatus.UNKNOWN, "; ".join(_explain(c) for c in unknown), checks)
    detail = "" if site.claimed else "no claimed username to test: only the unclaimed side was checked"
    return SiteCheck(site.name, CheckStatus.OK, detail, checks)


def _is_stale(check: UsernameCheck) -> bool:
    got = check.presence
    if got.state is State.UNKNOWN:
        # A page that matches neither rule (or both) is the rules' fault, not the network's.
        return got.reason is Reason.UNRECOGNISED
    if got.reason is Reason.INVALID and check.expected is State.EXISTS:
        return True  # the catalogue's username_pattern refuses a username known to exist
    return got.state is not check.expected


def _explain(check: UsernameCheck) -> str:
    role = "claimed" if check.expected is State.EXISTS else "unclaimed"
    got = check.presence
    outcome = "could not be checked" if got.state is State.UNKNOWN else f"came out {got.state.value}"
    why = f"{got.reason.value}: {got.detail}" if got.detail else got.reason.value
    return f"{role} {check.username!r} {outcome} ({why})"


def format_checks(checks: Sequence[SiteCheck], catalogue: Catalogue | None = None) -> list[str]:
    """The self-check as text lines: one per site, problems first, then a summary line."""
    order = {CheckStatus.STALE: 0, CheckStatus.UNKNOWN: 1, CheckStatus.OK: 2}
    width = max((len(c.site) for c in checks), default=0)
    lines = []
    for check in sorted(checks, key=lambda c: order[c.status]):
        label = check.status.value.upper() if check.status is CheckStatus.STALE else check.status.value
        line = f"{label:<8} {check.site:<{width}}"
        if check.detail:
            line += f"  {check.detail}"
        lines.append(line.rstrip())
    counts = Counter(c.status for c in checks)
    summary = (
        f"{len(checks)} sites: {counts[CheckStatus.OK]} ok, {counts[CheckStatus.STALE]} stale, "
        f"{counts[CheckStatus.UNKNOWN]} could not be checked"
    )
    if catalogue is not None:
        summary = f"{catalogue.origin}: {summary}"
        lines.extend(f"note: {note}" for note in catalogue.notes)
    lines.append(summary)
    return lines

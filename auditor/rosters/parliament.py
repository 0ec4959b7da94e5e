"""Current members of the Commons or the Lords, from Parliament's Members API, as roster entries.

`GET /api/Members/Search?House=1&IsCurrentMember=true&skip=N&take=20` pages through the members (`take`
is at most 20: about 33 requests for 650 seats), then `GET /api/Members/{id}/Contact` gives each member's
published offices, phones, emails, websites and social accounts. Everything Parliament publishes here is
published on purpose, so it becomes the person's `public` values. Shapes: the API's OpenAPI document
(members-api.parliament.uk/swagger/v1/swagger.json).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from ..errors import AuditorError
from ..sources.api import get
from ..sources.records import parse_json
from ..sources.trouble import ApiTrouble, expect_ok

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from ..fetch import Fetcher

BASE_URL = "https://members-api.parliament.uk"
HOUSES = {"commons": 1, "lords": 2}
_PAGE = 20  # the API's maximum `take`
_MAX_PAGES = 60  # 1,200 members: past any House's size, so a looping server cannot keep us here
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "rt", "hon", "the", "right", "honourable", "prof"}
)
_MASTODON_URL = re.compile(r"^https://([A-Za-z0-9.-]+)/@([A-Za-z0-9_]{1,30})/?$")
_BLUESKY_URL = re.compile(r"^https://bsky\.app/profile/([A-Za-z0-9.:-]+)/?$")
# Platforms whose profile URL ends in the username the usernames source checks.
_USERNAME_HOSTS = {
    "twitter.com", "x.com", "instagram.com", "facebook.com", "threads.net", "tiktok.com", "youtube.com",
    "linkedin.com",
}  # fmt: skip


class ImportFailed(AuditorError):
    """The Members API could not be read in full: no roster is written from part of it."""


@dataclass(frozen=True)
class Member:
    """One member as an import writes them: a roster entry (public data only), and their API id."""

    member_id: int
    entry: dict[str, Any]


def list_members(
    fetcher: Fetcher, house: str, *, base_url: str = BASE_URL, progress: Callable[[str], None] | None = None
) -> list[Member]:
    """Every current member of `house` ("commons" or "lords") with their published contact details.
    Raises ImportFailed naming what could not be read."""
    base = base_url.rstrip("/")
    found: dict[int, dict[str, Any]] = {}  # by member id: a page repeated by the server counts once
    for page in range(_MAX_PAGES + 1):
        if page == _MAX_PAGES:
            raise ImportFailed(
                f"the Members API gave more than {_MAX_PAGES * _PAGE} members: stopped, nothing written"
            )
        query = urlencode(
            {"House": HOUSES[house], "IsCurrentMember": "true", "skip": page * _PAGE, "take": _PAGE}
        )
        data = _json(fetcher, f"{base}/api/Members/Search?{query}")
        items = data.get("items") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise ImportFailed(f"the Members API's search answer has no `items` list (page {page + 1})")
        for item in items:
            value = item.get("value") if isinstance(item, dict) else None
            if isinstance(value, dict) and isinstance(value.get("id"), int) and value["id"] > 0:
                found.setdefault(value["id"], value)
        total = data.get("totalResults")
        if not items or (isinstance(total, int) and (page + 1) * _PAGE >= total):
            break
        if progress is not None:
            progress(f"listed {len(found)} members")
    members = []
    for member_id, value in found.items():
        contact = _json(fetcher, f"{base}/api/Members/{member_id}/Contact")
        entries = contact.get("value") if isinstance(contact, dict) else None
        contacts = [c for c in entries if isinstance(c, dict)] if isinstance(entries, list) else []
        members.append(Member(member_id, member_entry(value, contacts, house)))
        if progress is not None and len(members) % 50 == 0:
            progress(f"read the contact details of {len(members)} of {len(found)} members")
    return members


def member_entry(
    member: Mapping[str, Any], contacts: Sequence[Mapping[str, Any]], house: str
) -> dict[str, Any]:
    """A roster entry for one member: id, name, role, group, public values, websites and accounts."""
    display = _text(member.get("nameDisplayAs"))
    name = display if house == "lords" else _without_honorifics(display)
    membership = (
        member.get("latestHouseMembership") if isinstance(member.get("latestHouseMembership"), dict) else {}
    )
    seat = _text(membership.get("membershipFrom")) if isinstance(membership, dict) else ""
    party = member.get("latestParty") if isinstance(member.get("latestParty"), dict) else {}
    group = _text(party.get("name")) if isinstance(party, dict) else ""
    role = (
        f"Member of Parliament for {seat}" if house == "commons" and seat else "Member of the House of Lords"
    )
    entry: dict[str, Any] = {
        "id": slug(name) or f"member-{member.get('id')}",
        "name": name,
        "external_id": f"{house}:{member.get('id')}",
        "role": role,
        "group": group or ("Commons" if house == "commons" else "Lords"),
    }
    phones: list[str] = []
    emails: list[str] = []
    addresses: list[str] = []
    websites: list[str] = []
    accounts: list[dict[str, str]] = []
    usernames: list[str] = []
    for contact in contacts:
        if contact.get("isWebAddress"):
            url = next(
                (u for u in (_text(contact.get(k)) for k in ("line1", "notes", "website")) if _web(u)), ""
            )
            _place_web_address(url, websites, accounts, usernames)
            continue
        phones += [p for p in (_text(contact.get("phone")),) if p]
        emails += [e for e in (_text(contact.get("email")),) if "@" in e]
        lines = [_text(contact.get(f"line{n}")) for n in range(1, 6)] + [_text(contact.get("postcode"))]
        if any(lines[:5]):
            addresses.append(", ".join(line for line in lines if line))
        website = _text(contact.get("website"))
        if _web(website):
            websites.append(website)
    public = {
        key: list(dict.fromkeys(values))
        for key, values in (("emails", emails), ("phones", phones), ("addresses", addresses))
        if values
    }
    if websites:
        entry["websites"] = list(dict.fromkeys(websites))
    if usernames:
        entry["usernames"] = list(dict.fromkeys(usernames))
    if accounts:
        entry["accounts"] = [dict(t) for t in dict.fromkeys(tuple(a.items()) for a in accounts)]
    if public:
        entry["public"] = public
    return entry


def slug(name: str) -> str:
    """A roster id from a name: "Ms Zoë O'Brien-Smith" -> "zoe-obrien-smith"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"['’]", "", plain)
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-")


def _place_web_address(
    url: str, websites: list[str], accounts: list[dict[str, str]], usernames: list[str]
) -> None:
    """A web address as a social account, a username to check, or a website to crawl."""
    if not url:
        return
    if found := _BLUESKY_URL.match(url):
        accounts.append({"platform": "bluesky", "handle": found.group(1)})
        return
    if found := _MASTODON_URL.match(url):
        accounts.append({"platform": "mastodon", "handle": f"@{found.group(2)}@{found.group(1)}"})
        return
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    if host in _USERNAME_HOSTS:
        name = parts.path.strip("/").split("/")[-1].lstrip("@")
        if re.fullmatch(r"[A-Za-z0-9_.-]{1,50}", name):
            usernames.append(name)
        return
    websites.append(url)


def _json(fetcher: Fetcher, url: str) -> Any:
    """The JSON at a Members API URL, read as every API source reads one (capped, no robots.txt)."""
    try:
        response = get(fetcher, url, service="the Members API", headers={"Accept": "application/json"})
        expect_ok(response, "the Members API", url)
        return parse_json(response, "the Members API", url)
    except ApiTrouble as trouble:
        raise ImportFailed(f"could not read {url}: {trouble.detail}") from trouble


def _text(value: Any) -> str:
    return " ".join(value.split())[:300] if isinstance(value, str) else ""


def _web(value: str) -> bool:
    return value.startswith(("https://", "http://")) and " " not in value and len(value) <= 2000


def _without_honorifics(display: str) -> str:
    words = display.split()
    while len(words) > 2 and words[0].lower().strip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words)

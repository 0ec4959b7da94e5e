"""The Gravatar source: public profiles tied to the person's email addresses."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, ClassVar

from ..mask import mask_email
from . import records
from .api import ApiSource

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..model import Document, Person, SourceResult

SERVICE = "Gravatar"
DEFAULT_BASE_URL = "https://api.gravatar.com"
_FIELDS = ("display_name", "location", "description", "job_title", "company", "pronouns")


def profile_hash(email: str) -> str:
    """Gravatar's identifier for an address: SHA-256 of it trimmed and lower-cased (docs.gravatar.com
    "API data specifications: email hashing"; MD5 is the old scheme)."""
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()


class GravatarSource(ApiSource):
    """Gravatar profiles: one that exists links an email address to a name, a photo and accounts."""

    name: ClassVar[str] = "gravatar"
    description: ClassVar[str] = "Gravatar profiles linked to the person's email addresses"
    service: ClassVar[str] = SERVICE
    default_base_url: ClassVar[str] = DEFAULT_BASE_URL
    key_env: ClassVar[str] = "GRAVATAR_API_KEY"

    def key_headers(self, key: str) -> dict[str, str]:
        # 1,000 profile requests an hour instead of 100 (docs.gravatar.com "REST API: rate limits").
        return {"Authorization": f"Bearer {key}"}

    def collect(self, person: Person) -> SourceResult:
        return self.look_up_emails(person, self._lookup, "with a Gravatar profile")

    def _lookup(self, email: str, found: list[Document]) -> None:
        digest = profile_hash(email)
        # GET /v3/profiles/{sha256}: 200 profile, 404 none, 429 over the hourly limit.
        url = f"{self.base_url}/v3/profiles/{digest}"
        # The digest is an unkeyed hash of a private address: anyone can confirm a guess with it. So
        # the look-up stays out of the cache file, and failures name the service, not the digest.
        shown = f"{self.base_url}/v3/profiles/(the hash of {mask_email(email)})"
        profile = self.get_json(url, shown_url=shown)
        if profile is not None:
            found.append(
                _document(self.name, email, records.expect_dict(profile, SERVICE, shown, "the profile"))
            )


def _document(source: str, email: str, profile: Mapping[str, Any]) -> Document:
    # The avatar is named, never fetched: the URL is enough to show a photo is public.
    lines = [("looked up by email", email), ("profile", records.text_at(profile, "profile_url"))]
    lines += [(field.replace("_", " "), records.text_at(profile, field)) for field in _FIELDS]
    lines.append(("avatar", records.text_at(profile, "avatar_url")))
    accounts = [a for a in records.list_at(profile, "verified_accounts") if isinstance(a, dict)][:50]
    for account in accounts:
        label = records.text_at(account, "service_label") or records.text_at(account, "service_type")
        lines.append(("verified account", f"{label} {records.text_at(account, 'url')}".strip()))
    shown = records.clean(records.text_at(profile, "display_name"), 80)
    name = f"a name ({shown})" if shown else "a profile"
    label = (
        f"Gravatar profile: links an email on the roster to {name}, a photo"
        f" and {len(accounts)} verified account{'' if len(accounts) == 1 else 's'}"
    )
    # Without a public profile address, the masked email names it: never gravatar.com/<sha256>.
    url = records.web_url(profile.get("profile_url"), "https://gravatar.com/")
    handle = url.rstrip("/").rsplit("/", 1)[-1] if url != "https://gravatar.com/" else mask_email(email)
    return records.record_document(
        fetched=records.last_answer(),
        source=source,
        url=url,
        label=label,
        lines=lines,
        account=("Gravatar", handle),
    )

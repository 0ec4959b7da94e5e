"""The Gravatar source: public profiles tied to the person's email addresses."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any, ClassVar

from ..mask import mask_email
from ..model import Document, Person, SourceResult
from . import api
from .interface import Source, SourceContext

SERVICE = "Gravatar"
DEFAULT_BASE_URL = "https://api.gravatar.com"
_FIELDS = ("display_name", "location", "description", "job_title", "company", "pronouns")


def profile_hash(email: str) -> str:
    """Gravatar's identifier for an address: SHA-256 of it trimmed and lower-cased (docs.gravatar.com
    "API data specifications: email hashing"; MD5 is the old scheme)."""
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()


class GravatarSource(Source):
    """Gravatar profiles: one that exists links an email address to a name, a photo and accounts."""

    name: ClassVar[str] = "gravatar"
    description: ClassVar[str] = "Gravatar profiles linked to the person's email addresses"
    options_schema: ClassVar[Mapping[str, Any]] = api.KEYED_OPTIONS_SCHEMA

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        self.base_url = api.base_url(options, DEFAULT_BASE_URL)
        self.headers = {"Accept": "application/json"}
        _, key = api.api_key(options, ctx.environ, "GRAVATAR_API_KEY")
        if key:
            # 1,000 profile requests an hour instead of 100 (docs.gravatar.com "REST API: rate limits").
            self.headers["Authorization"] = f"Bearer {key}"

    def collect(self, person: Person) -> SourceResult:
        return api.look_up_emails(self.name, person, self._lookup, "with a Gravatar profile")

    def _lookup(self, email: str) -> list[Document]:
        digest = profile_hash(email)
        # GET /v3/profiles/{sha256}: 200 profile, 404 none, 429 over the hourly limit.
        url = f"{self.base_url}/v3/profiles/{digest}"
        # The digest is an unkeyed hash of a private address: anyone can confirm a guess with it. So
        # the look-up stays out of the cache file, and failures name the service, not the digest.
        shown = f"{self.base_url}/v3/profiles/(the hash of {mask_email(email)})"
        response = api.get(self.ctx.fetcher, url, service=SERVICE, headers=self.headers, shown_url=shown)
        if response.status == 404:
            return []
        api.expect_ok(response, SERVICE, shown)
        profile = api.expect_dict(api.parse_json(response, SERVICE, shown), SERVICE, shown, "the profile")
        return [_document(self.name, email, profile)]


def _document(source: str, email: str, profile: Mapping[str, Any]) -> Document:
    # The avatar is named, never fetched: the URL is enough to show a photo is public.
    lines = [("looked up by email", email), ("profile", api.text_at(profile, "profile_url"))]
    lines += [(field.replace("_", " "), api.text_at(profile, field)) for field in _FIELDS]
    lines.append(("avatar", api.text_at(profile, "avatar_url")))
    accounts = [a for a in api.list_at(profile, "verified_accounts") if isinstance(a, dict)][:50]
    for account in accounts:
        label = api.text_at(account, "service_label") or api.text_at(account, "service_type")
        lines.append(("verified account", f"{label} {api.text_at(account, 'url')}".strip()))
    shown = api.clean(api.text_at(profile, "display_name"), 80)
    name = f"a name ({shown})" if shown else "a profile"
    label = (
        f"Gravatar profile: links an email on the roster to {name}, a photo"
        f" and {len(accounts)} verified account{'' if len(accounts) == 1 else 's'}"
    )
    # Without a public profile address, the masked email names it: never gravatar.com/<sha256>.
    url = api.web_url(profile.get("profile_url"), "https://gravatar.com/")
    handle = url.rstrip("/").rsplit("/", 1)[-1] if url != "https://gravatar.com/" else mask_email(email)
    return api.record_document(source=source, url=url, label=label, lines=lines, account=("Gravatar", handle))

"""The social source: the person's public Bluesky and Mastodon profiles and recent posts, read without a
login through each platform's public API (Bluesky's AppView; the account's own Mastodon server).

A bio, a profile field or a post that names the school, the running club, "home" or a family member is
exactly what an approach is built on. Every profile and post becomes a document of the person's own
(attributed): their own values are looked for there, and so are contact details they never listed.
Shapes: atproto's lexicons (app.bsky.actor.getProfile, app.bsky.feed.getAuthorFeed) and Mastodon's
documentation (WebFinger, accounts/lookup, accounts/:id/statuses).
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote, urlencode, urlsplit

from ..model import Document, FetchFailure, Person, SocialAccount, SourceResult, SourceStatus
from . import records
from .api import BASE_URL_SCHEMA, get
from .interface import Source, SourceContext
from .trouble import ApiTrouble, http_error, worse

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..fetch import Response

BLUESKY_URL = "https://public.api.bsky.app"
_BREAKS = re.compile(r"<\s*(?:br|/p|/li|/h[1-6])\s*/?\s*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]{0,1000}>")
_MASTODON_HANDLE = re.compile(r"^@?([A-Za-z0-9_]{1,30})@([A-Za-z0-9.-]+(?::[0-9]{1,5})?)$")
# Bluesky answers an unknown or closed account with 400 and one of these.
_GONE = object()
"""What `_json` answers for an account that is not there (a JSON `null` is malformed, not absent)."""
_BLUESKY_GONE = {"InvalidRequest", "ActorNotFound", "AccountDeactivated", "AccountTakedown", "NotFound"}


def html_text(value: str) -> str:
    """A bio's or post's HTML as text: line breaks kept, tags dropped, entities read (never rendered)."""
    return html.unescape(_TAGS.sub("", _BREAKS.sub("\n", value)))


@dataclass
class _Tally:
    """The source's look-ups, one per account, and the one status they come to."""

    documents: list[Document] = field(default_factory=list)
    failures: list[FetchFailure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: int = 0
    found: int = 0
    status: SourceStatus = SourceStatus.OK
    stopped: Callable[[str], None] = lambda host: None
    """Records a host that asked us to stop (the source's run-wide set)."""

    def trouble(self, which: str, trouble: ApiTrouble) -> None:
        self.notes.append(f"{which}: {trouble.detail}")
        if trouble.failure is not None:
            self.failures.append(trouble.failure)
        self.status = worse(self.status, trouble.status)


class SocialSource(Source):
    """Public Bluesky and Mastodon profiles and posts of the accounts on the roster."""

    name: ClassVar[str] = "social"
    description: ClassVar[str] = "the person's public Bluesky and Mastodon profiles and recent posts"
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "bluesky": {
                "type": "object",
                "properties": {"base_url": BASE_URL_SCHEMA},
                "additionalProperties": False,
            },
            "mastodon": {
                "type": "object",
                "properties": {
                    "scheme": {
                        "enum": ["https", "http"],
                        "description": "How each account's server is reached (http only for a look-alike).",
                    }
                },
                "additionalProperties": False,
            },
            "posts": {
                "type": "integer",
                "minimum": 1,
                "maximum": 100,
                "description": "Recent posts read per account (Mastodon gives at most 40 a request).",
            },
        },
        "additionalProperties": False,
    }

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        bluesky: Mapping[str, Any] = options.get("bluesky") or {}
        mastodon: Mapping[str, Any] = options.get("mastodon") or {}
        self.bluesky_url = str(bluesky.get("base_url") or BLUESKY_URL).rstrip("/")
        self.scheme = str(mastodon.get("scheme", "https"))
        self.posts = int(options.get("posts", 40))
        # Hosts that asked us to stop (429, or no requests left in the window), for the whole run: the
        # source's people are read in several threads, so the set is shared under a lock.
        self._stopped: set[str] = set()
        self._lock = threading.Lock()

    def collect(self, person: Person) -> SourceResult:
        if not person.accounts:
            return SourceResult(self.name, SourceStatus.SKIPPED, "no social accounts on the roster")
        tally = _Tally(stopped=self._stop)
        for index, account in enumerate(person.accounts, start=1):
            which = f"account {index} of {len(person.accounts)} ({account.platform} {account.handle})"
            host = self._host(account)
            with self._lock:
                waiting = host in self._stopped
            if waiting:
                tally.notes.append(f"{which}: not tried, {host} asked us to wait")
                tally.status = worse(tally.status, SourceStatus.RATE_LIMITED)
                continue
            try:
                found = self._read(account, tally)
            except ApiTrouble as trouble:
                tally.trouble(which, trouble)
                if trouble.status is SourceStatus.RATE_LIMITED:
                    self._stop(host)
                continue
            tally.checked += 1
            if found is None:
                tally.notes.append(f"{which}: no such account")
            else:
                tally.found += 1
                tally.documents.extend(found)
        posts = sum(1 for d in tally.documents if d.label.startswith("post"))
        notes = [
            f"{tally.checked} of {len(person.accounts)} accounts checked",
            f"{tally.found} found, {posts} recent posts read",
            *tally.notes,
        ]
        return SourceResult(
            self.name, tally.status, "; ".join(notes)[:1000], tuple(tally.documents), tuple(tally.failures)
        )

    def _stop(self, host: str) -> None:
        with self._lock:
            self._stopped.add(host)

    def _host(self, account: SocialAccount) -> str:
        if account.platform == "bluesky":
            return urlsplit(self.bluesky_url).netloc
        found = _MASTODON_HANDLE.match(account.handle)
        return found.group(2).lower() if found else account.handle

    def _read(self, account: SocialAccount, tally: _Tally) -> list[Document] | None:
        if account.platform == "bluesky":
            return self._bluesky(account.handle.lstrip("@"), tally)
        return self._mastodon(account.handle, tally)

    # --- Bluesky ---------------------------------------------------------------------------------------

    def _bluesky(self, handle: str, tally: _Tally) -> list[Document] | None:
        service = "Bluesky"
        url = f"{self.bluesky_url}/xrpc/app.bsky.actor.getProfile?{urlencode({'actor': handle})}"
        profile, headers = self._json(url, service)
        if profile is _GONE:
            return None
        profile = records.expect_dict(profile, service, url, "the profile")
        shown = records.text_at(profile, "handle") or handle
        page = f"https://bsky.app/profile/{quote(shown, safe='.:')}"
        lines = [
            ("display name", records.text_at(profile, "displayName")),
            ("bio", records.text_at(profile, "description")),
            ("website", records.text_at(profile, "website")),
            ("pronouns", records.text_at(profile, "pronouns")),
        ]
        documents = [
            records.record_document(
 fetched=records.last_answer(),
                source=self.name, url=page, label=f"Bluesky profile of {shown}", lines=lines,
                account=("Bluesky", shown),
            )
        ]  # fmt: skip
        if self._host_said_stop(service, self.bluesky_url, headers, tally):
            return documents
        query = urlencode(
            {"actor": handle, "limit": min(self.posts, 100), "filter": "posts_and_author_threads"}
        )
        feed_url = f"{self.bluesky_url}/xrpc/app.bsky.feed.getAuthorFeed?{query}"
        try:
            feed = records.expect_dict(self._json(feed_url, service)[0], service, feed_url, "the feed")
        except ApiTrouble as trouble:
            tally.trouble(f"{shown}'s posts", trouble)  # the profile read still counts
            return documents
        items = records.list_at(feed, "feed")
        for item in items[: self.posts]:
            if not isinstance(item, dict) or item.get("reason"):
                continue  # a repost is someone else's words
            post = records.dict_at(item, "post")
            record = records.dict_at(post, "record")
            rkey = records.text_at(post, "uri").rsplit("/", 1)[-1]
            embed = records.dict_at(post, "embed")
            external = records.dict_at(embed, "external")
            images = [i for i in records.list_at(embed, "images") if isinstance(i, dict)]
            lines = [
                ("posted", records.text_at(record, "createdAt")),
                ("post", records.text_at(record, "text")),
                (
                    "link",
                    " ".join(
                        filter(None, (records.text_at(external, "title"), records.text_at(external, "uri")))
                    ),
                ),
                ("link text", records.text_at(external, "description")),
                *(("image description", records.text_at(i, "alt")) for i in images[:4]),
            ]
            url = f"{page}/post/{quote(rkey, safe='')}" if rkey else page
            documents.append(
                records.record_document(
                    fetched=records.last_answer(),
                    source=self.name,
                    url=url,
                    label=f"post by {shown} on Bluesky",
                    lines=lines,
                )
            )
        return documents

    # --- Mastodon --------------------------------------------------------------------------------------

    def _mastodon(self, handle: str, tally: _Tally) -> list[Document] | None:
        service = "Mastodon"
        parts = _MASTODON_HANDLE.match(handle)
        if parts is None:  # the roster's schema checks handles: only a hand-built Person lands here
            raise ApiTrouble(SourceStatus.FAILED, f"not a Mastodon handle with its server: {handle}")
        user, netloc = parts.group(1), parts.group(2).lower()
        domain = netloc.split(":", 1)[0]
        base = f"{self.scheme}://{netloc}"
        finger_url = f"{base}/.well-known/webfinger?{urlencode({'resource': f'acct:{user}@{domain}'})}"
        finger, _ = self._json(finger_url, service)
        if finger is _GONE:
            return None
        finger = records.expect_dict(finger, service, finger_url, "WebFinger")
        subject = records.text_at(finger, "subject").lower()
        if subject and subject != f"acct:{user}@{domain}".lower():
            other = f"{service} at {domain} answered WebFinger for another account"
            raise ApiTrouble(SourceStatus.FAILED, other)
        # The account's server may be another host than the handle's (example.com -> ap.example.com).
        server = base
        for link in records.list_at(finger, "links"):
            href = records.web_url(link.get("href") if isinstance(link, dict) else None, "")
            if href and isinstance(link, dict) and link.get("rel") == "self":
                found = urlsplit(href)
                server = f"{found.scheme}://{found.netloc}"
        lookup_url = f"{server}/api/v1/accounts/lookup?{urlencode({'acct': user})}"
        account, headers = self._json(lookup_url, service)
        if account is _GONE:
            return None
        account = records.expect_dict(account, service, lookup_url, "the account")
        if records.text_at(account, "username").lower() != user.lower():
            # The server answered for someone else: never read a stranger's profile as theirs.
            other = f"{service} at {urlsplit(server).netloc} answered for another account"
            raise ApiTrouble(SourceStatus.FAILED, other)
        page = records.web_url(account.get("url"), f"{base}/@{user}")
        shown = f"@{user}@{domain}"
        named = f"{user} ({domain})"  # a label never reads as an email address: it is searched too
        lines = [
            ("display name", records.text_at(account, "display_name")),
            ("bio", html_text(records.text_at(account, "note"))),
        ]
        # Profile fields ("Website", "Kids' school"): name and value, as HTML.
        lines.extend(
            (
                html_text(records.text_at(item, "name"))[:60] or "field",
                html_text(records.text_at(item, "value")),
            )
            for item in records.list_at(account, "fields")[:20]
            if isinstance(item, dict)
        )
        documents = [
            records.record_document(
 fetched=records.last_answer(),
                source=self.name, url=page, label=f"Mastodon profile of {named}", lines=lines,
                account=("Mastodon", shown),
            )
        ]  # fmt: skip
        account_id = records.text_at(account, "id")
        if not account_id.isalnum() or self._host_said_stop(service, server, headers, tally):
            return documents
        query = urlencode({"limit": min(self.posts, 40), "exclude_reblogs": "true"})
        statuses_url = f"{server}/api/v1/accounts/{account_id}/statuses?{query}"
        try:
            answer = self._json(statuses_url, service)[0]
            statuses = records.expect_list(answer, service, statuses_url, "the statuses")
        except ApiTrouble as trouble:
            tally.trouble(f"{shown}'s posts", trouble)  # the profile read still counts
            return documents
        for status in statuses[: self.posts]:
            if not isinstance(status, dict) or status.get("reblog"):
                continue
            card = records.dict_at(status, "card")
            media = [m for m in records.list_at(status, "media_attachments") if isinstance(m, dict)]
            lines = [
                ("posted", records.text_at(status, "created_at")),
                ("content warning", records.text_at(status, "spoiler_text")),
                ("post", html_text(records.text_at(status, "content"))),
                (
                    "link",
                    " ".join(filter(None, (records.text_at(card, "title"), records.text_at(card, "url")))),
                ),
                *(("image description", records.text_at(m, "description")) for m in media[:4]),
            ]
            url = records.web_url(status.get("url"), page)
            documents.append(
                records.record_document(
                    fetched=records.last_answer(),
                    source=self.name,
                    url=url,
                    label=f"post by {named} on Mastodon",
                    lines=lines,
                )
            )
        return documents

    # --- both ------------------------------------------------------------------------------------------

    def _json(self, url: str, service: str) -> tuple[Any, Mapping[str, str]]:
        """The JSON at `url` (`_GONE` for an account that is not there: 404, or Bluesky's 400 naming
        it) and the answer's headers."""
        response = get(self.ctx.fetcher, url, service=service, headers={"Accept": "application/json"})
        if response.status in (404, 410):
            return _GONE, response.headers
        if response.status == 400 and service == "Bluesky" and _xrpc_error(response) in _BLUESKY_GONE:
            return _GONE, response.headers
        if response.status == 401:
            raise http_error(response, service, url, "the server lets only signed-in users read its API")
        if not response.ok:
            raise http_error(response, service, url)
        return records.parse_json(response, service, url), response.headers

    @staticmethod
    def _host_said_stop(service: str, base: str, headers: Mapping[str, str], tally: _Tally) -> bool:
        """After an answer that says no requests are left in this window (X-RateLimit-Remaining: 0, or
        RateLimit-Remaining): ask that host nothing more for this run."""
        remaining = headers.get("x-ratelimit-remaining", headers.get("ratelimit-remaining", "")).strip()
        if remaining != "0":
            return False
        host = urlsplit(base).netloc.lower()
        tally.stopped(host)
        tally.status = worse(tally.status, SourceStatus.RATE_LIMITED)
        tally.notes.append(f"{service} at {host} has no requests left in its window: its posts were not read")
        return True


def _xrpc_error(response: Response) -> str:
    """The `error` name of an XRPC error body (`{"error": "...", "message": "..."}`), else ""."""
    return records.error_name(response, "Bluesky", "error")

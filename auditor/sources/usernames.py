"""The usernames source: each of the person's usernames on every platform of a site catalogue."""

from __future__ import annotations

import dataclasses
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..catalogue import (
    BUILTIN,
    Kind,
    Presence,
    Reason,
    Site,
    State,
    fill,
    invalid,
    load_catalogue,
    probe,
    unchecked_note,
)
from ..extract import Extract, ExtractError
from ..model import DocKind, Document, Extracted, FetchFailure, Person, SourceResult, SourceStatus
from ..plain import plural
from .interface import Source, SourceContext

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..fetch import Response

MAX_JSON_BYTES = 2_000_000
"""A profile record larger than this is not parsed (hostile input); the account still counts."""
MAX_RECORD_LINES = 400
MAX_VALUE_CHARS = 2_000
MAX_DEPTH = 6
MAX_NAMES_IN_DETAIL = 10

ACCOUNT_LABEL_PREFIX = "Account on "
"""Every account document's label starts with this (the account detector can rely on it)."""


@dataclass(frozen=True)
class _Outcome:
    """One (site, username) check."""

    site: Site
    username: str
    presence: Presence
    document: Document | None = None
    failure: FetchFailure | None = None
    """Why the site could not be checked, or why an existing profile could not be read."""


class UsernamesSource(Source):
    """Checks the person's usernames on every platform of a catalogue; an existing account is a document."""

    name: ClassVar[str] = "usernames"
    description: ClassVar[str] = "accounts under the person's usernames on social, code and other platforms"
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "catalogue": {
                "description": 'The site catalogue: "builtin", or a path to an auditor YAML catalogue or a '
                "WhatsMyName JSON file (relative paths start from the config file's folder).",
                "type": "string",
                "minLength": 1,
                "examples": ["builtin"],
            },
            "max_sites": {
                "description": "Check only the first this-many sites of the catalogue.",
                "type": "integer",
                "minimum": 1,
            },
        },
        "additionalProperties": False,
    }

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        config_path = ctx.config.path
        base = config_path.absolute().parent if config_path is not None else None
        # A catalogue that does not load is bad input (InputError, exit 2): nothing has been fetched yet.
        self.catalogue = load_catalogue(
            str(options.get("catalogue", BUILTIN)), kind=Kind.USERNAMES, base=base
        )
        max_sites = options.get("max_sites")
        self.sites = self.catalogue.sites[: int(max_sites)] if max_sites else self.catalogue.sites
        self.concurrency = max(1, ctx.config.network.concurrency)

    def collect(self, person: Person) -> SourceResult:
        usernames = _usernames(person)
        if not usernames:
            return SourceResult(self.name, SourceStatus.SKIPPED, "no usernames on the roster")
        tasks = [(site, username) for username in usernames for site in self.sites]
        # Different hosts, so a small pool is polite: the fetcher still spaces requests to each host.
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="usernames") as pool:
            outcomes = list(pool.map(lambda task: self._check(*task), tasks))
        return _summarise(self.name, outcomes)

    def _check(self, site: Site, username: str) -> _Outcome:
        checked = "".join(c for c in username if c not in site.strip)
        if not site.accepts(checked):
            return _Outcome(site, username, invalid(site, checked))
        result = probe(self.ctx.fetcher, site, {"username": checked})
        presence = result.presence
        if presence.state is State.UNKNOWN:
            blocked = FetchFailure(presence.url, presence.failure_reason, f"{site.name}: {presence.detail}")
            return _Outcome(site, username, presence, failure=blocked)
        if presence.state is State.MISSING or result.response is None:
            return _Outcome(site, username, presence)
        document, failure = self._document(site, checked, result.response)
        return _Outcome(site, username, presence, document, failure)

    def _document(
        self, site: Site, username: str, response: Response
    ) -> tuple[Document, FetchFailure | None]:
        profile = fill(site.url, {"username": username})
        header = f"account: {site.name} {username}\nprofile: {profile}"
        content = _content(response, self.ctx.extract)
        failure = None
        if isinstance(content, ExtractError):
            # The account exists all the same: report it, and say its page could not be read.
            failure = FetchFailure(response.final_url, content.reason, f"{site.name}: {content.detail}")
            content = Extracted(kind=DocKind.RECORD, text="")
        meta = {
            **content.meta,
            "account_site": site.name,
            "account_username": username,
            "account_url": profile,
            "account_category": site.category,
        }
        text = f"{header}\n{content.text}" if content.text else header
        content = dataclasses.replace(content, text=text, meta=meta)
        label = f"{ACCOUNT_LABEL_PREFIX}{site.name}: {username}"
        document = Document(
            url=profile,
            source=self.name,
            content=content,
            attributed=True,
            label=label,
            fetched=response.record,
        )
        return document, failure


def _usernames(person: Person) -> list[str]:
    """The roster's usernames without a leading "@", each once (platforms compare them case-blind)."""
    seen: dict[str, str] = {}
    for raw in person.usernames:
        name = raw.strip().lstrip("@").strip()
        if name:
            seen.setdefault(name.casefold(), name)
    return list(seen.values())


def _content(response: Response, extract: Extract) -> Extracted | ExtractError:
    """A JSON profile as "field: value" lines; a page through the extractor."""
    body = response.body
    if "json" in response.content_type or body.lstrip()[:1] in (b"{", b"["):
        if len(body) > MAX_JSON_BYTES:
            return ExtractError("too_large", f"profile record larger than {MAX_JSON_BYTES} bytes not read")
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return ExtractError("parse", "malformed JSON profile record")
        lines: list[str] = []
        _record_lines(data, "", 0, lines)
        return Extracted(kind=DocKind.RECORD, text="\n".join(lines))
    return extract(body, url=response.final_url, content_type=response.content_type)


def _record_lines(value: object, key: str, depth: int, out: list[str]) -> None:
    """Flatten JSON into "a.b: value" lines (bounded in depth and count: the record is hostile)."""
    if len(out) >= MAX_RECORD_LINES or depth > MAX_DEPTH:
        return
    if isinstance(value, dict):
        for name, item in value.items():
            _record_lines(item, f"{key}.{name}" if key else str(name), depth + 1, out)
    elif isinstance(value, list):
        for item in value[:50]:
            _record_lines(item, key, depth + 1, out)
    elif isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
        text = " ".join(str(value).split())
        out.append(f"{key or 'value'}: {text[:MAX_VALUE_CHARS]}")


def _summarise(name: str, outcomes: list[_Outcome]) -> SourceResult:
    """ok when at least one check answered (unknown ones are counted in the detail); failed when none did."""
    found = [o for o in outcomes if o.presence.state is State.EXISTS]
    missing = [o for o in outcomes if o.presence.state is State.MISSING]
    unknown = [o for o in outcomes if o.presence.state is State.UNKNOWN]
    documents = tuple(o.document for o in found if o.document is not None)
    failures = tuple(o.failure for o in outcomes if o.failure is not None)
    # One username: each check is a platform. Several: a platform is checked once per username.
    noun = "platform" if len({o.username for o in outcomes}) == 1 else "check"

    notes = []
    if found:
        accounts = ", ".join(f"{o.site.name}: {o.username}" for o in found[:MAX_NAMES_IN_DETAIL])
        more = f" and {len(found) - MAX_NAMES_IN_DETAIL} more" if len(found) > MAX_NAMES_IN_DETAIL else ""
        notes.append(f"{plural(len(found), 'account')} found ({accounts}{more})")
    else:
        notes.append("no accounts found")
    notes.append(f"{plural(len(missing), noun)} without one")
    if unknown:
        notes.append(unchecked_note([(o.site.name, o.presence) for o in unknown], noun))
    detail = "; ".join(notes)

    # A platform that walls or challenges every visitor will do so next month too: counted in the
    # detail, it does not fail the source. One that was down or said "slow down" was simply not
    # checked this time: the source is incomplete, and must not read as "no account there".
    transient = [o for o in unknown if _transient(o.presence)]
    status = SourceStatus.OK
    if transient or (unknown and not found and not missing):
        looked_at = transient or unknown
        all_rate_limited = all(o.presence.reason is Reason.RATE_LIMITED for o in looked_at)
        status = SourceStatus.RATE_LIMITED if all_rate_limited else SourceStatus.FAILED
    return SourceResult(name, status, detail, documents, failures)


def _transient(presence: Presence) -> bool:
    if presence.reason is Reason.RATE_LIMITED:
        return True
    return presence.reason is Reason.FETCH and presence.fetch_reason in _TRANSIENT_FETCH


_TRANSIENT_FETCH = {"timeout", "connection", "http_error", "rate_limited"}

"""What the API sources share: guarded GETs, capped JSON, rate-limit headers, record documents, tallies."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..fetch import Fetcher, Response
from ..model import DocKind, Document, Extracted, FetchFailure, Person, SourceResult, SourceStatus
from .interface import NotConfigured

MAX_JSON_BYTES = 2_000_000
"""No record these services return comes near this; a bigger body is hostile or broken."""
MAX_JSON_DEPTH = 64
MAX_FIELD_CHARS = 1_000
"""One rendered value (a bio, a breach title); longer values are cut."""
MAX_RECORD_CHARS = 50_000
MAX_URL_CHARS = 2_048

BASE_URL_SCHEMA: Mapping[str, Any] = {
    "type": "string",
    "pattern": r"^https?://[^\s/?#]+(/[^\s?#]*)?$",
    "description": "Where the service's API lives (http or https, no query); documented paths are appended.",
}
ENV_NAME_SCHEMA: Mapping[str, Any] = {
    "type": "string",
    "pattern": r"^[A-Za-z_][A-Za-z0-9_]*$",
    "description": "The name of the environment variable holding the key (never the key itself).",
}


class ApiTrouble(Exception):
    """One look-up that could not be completed: failed, or rate-limited (never "nothing found").

    Raised and caught inside a source's `collect`; `detail` never holds a private value.
    """

    def __init__(self, status: SourceStatus, detail: str, failure: FetchFailure | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.failure = failure


def base_url(options: Mapping[str, Any], default: str) -> str:
    """The configured base URL without a trailing slash, so documented paths append cleanly."""
    value = options.get("base_url", default)
    return str(value).rstrip("/")


def get(
    fetcher: Fetcher,
    url: str,
    *,
    service: str,
    headers: Mapping[str, str] | None = None,
    shown_url: str | None = None,
) -> Response:
    """GET a documented API URL (robots.txt does not apply to APIs); raise ApiTrouble if it was not
    answered. `shown_url` replaces `url` in failure records when the URL holds a private value, and
    such a URL is also kept out of the HTTP cache file."""
    result = fetcher.get(url, headers=headers, respect_robots=False, cache=shown_url is None)
    if isinstance(result, FetchFailure):
        failure = dataclasses.replace(result, url=shown_url or url)
        # The fetcher has already retried a 429 (waiting out a short Retry-After); what comes back is
        # a bare "rate_limited" failure without the response's headers.
        status = SourceStatus.RATE_LIMITED if result.reason == "rate_limited" else SourceStatus.FAILED
        raise ApiTrouble(status, f"{service}: {result.detail or result.reason}", failure)
    return result


def rate_limit_note(response: Response) -> str:
    """When the service will answer again, from X-RateLimit-Reset (epoch seconds) or Retry-After."""
    reset = response.headers.get("x-ratelimit-reset", "").strip()
    if reset.isdigit() and len(reset) <= 11:
        when = dt.datetime.fromtimestamp(int(reset), dt.UTC)
        return f"resets at {when:%H:%M} UTC"
    retry = response.headers.get("retry-after", "").strip()
    if retry.isdigit() and len(retry) <= 9:
        return f"retry after {int(retry)} s"
    return ""


def rate_limited(response: Response, service: str, shown_url: str) -> ApiTrouble:
    """The service said slow down: a rate_limited outcome with when it resets, if it said."""
    note = rate_limit_note(response)
    detail = f"{service} rate limit reached (HTTP {response.status})" + (f"; {note}" if note else "")
    return ApiTrouble(SourceStatus.RATE_LIMITED, detail, FetchFailure(shown_url, "rate_limited", detail))


def http_error(response: Response, service: str, shown_url: str, why: str = "") -> ApiTrouble:
    """An unexpected status: failed, with the status (the body is the service's, hostile, unread)."""
    detail = f"{service} answered HTTP {response.status}" + (f" ({why})" if why else "")
    return ApiTrouble(SourceStatus.FAILED, detail, FetchFailure(shown_url, "http_error", detail))


def malformed(service: str, shown_url: str, why: str) -> ApiTrouble:
    detail = f"malformed response from {service} ({why})"
    return ApiTrouble(SourceStatus.FAILED, detail, FetchFailure(shown_url, "parse", detail))


def expect_ok(response: Response, service: str, shown_url: str) -> None:
    """Raise for anything but a 2xx: 429 is rate-limited, the rest failed (callers handle 404 first)."""
    if response.status == 429:
        raise rate_limited(response, service, shown_url)
    if not response.ok:
        raise http_error(response, service, shown_url)


def parse_json(response: Response, service: str, shown_url: str) -> Any:
    """The body as JSON, size- and depth-capped; malformed bodies raise ApiTrouble (failed)."""
    if len(response.body) > MAX_JSON_BYTES:
        raise malformed(service, shown_url, f"body over {MAX_JSON_BYTES} bytes")
    try:
        text = response.body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise malformed(service, shown_url, "not UTF-8") from e
    if _nesting(text) > MAX_JSON_DEPTH:
        raise malformed(service, shown_url, "nested too deeply")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as e:
        raise malformed(service, shown_url, "not JSON") from e


def _nesting(text: str) -> int:
    """An upper bound on the JSON nesting depth (brackets inside strings count too: fine for a cap)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def expect_dict(value: Any, service: str, shown_url: str, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise malformed(service, shown_url, f"{what} is not an object")
    return value


def expect_list(value: Any, service: str, shown_url: str, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise malformed(service, shown_url, f"{what} is not a list")
    return value


def dict_at(obj: Mapping[str, Any], key: str) -> dict[str, Any]:
    """A nested object, or {} when absent or of the wrong type (optional fields are optional)."""
    value = obj.get(key)
    return value if isinstance(value, dict) else {}


def list_at(obj: Mapping[str, Any], key: str) -> list[Any]:
    value = obj.get(key)
    return value if isinstance(value, list) else []


def text_at(obj: Mapping[str, Any], key: str) -> str:
    """A scalar field as one clean line ("" when absent, null or not a scalar)."""
    value = obj.get(key)
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    return clean(value) if isinstance(value, str) else ""


def clean(value: str, limit: int = MAX_FIELD_CHARS) -> str:
    """One printable line: control characters and line breaks (which could forge record lines) become
    spaces, runs of whitespace collapse, and the result is capped."""
    text = "".join(ch if ch.isprintable() else " " for ch in value[: limit * 4])
    return " ".join(text.split())[:limit]


def web_url(value: Any, fallback: str) -> str:
    """A URL from a response only if it is a plain http(s) URL with a host; else the fallback."""
    if isinstance(value, str) and len(value) <= MAX_URL_CHARS and value == value.strip():
        try:
            parts = urlsplit(value)
        except ValueError:
            return fallback
        if parts.scheme in ("http", "https") and parts.hostname and value.isprintable():
            return value
    return fallback


def record_text(lines: Iterable[tuple[str, str]]) -> str:
    """A record as "field: value" lines (empty values left out): the shape the detectors read."""
    out = [f"{name}: {clean(value)}" for name, value in lines if value and clean(value)]
    return "\n".join(out)[:MAX_RECORD_CHARS]


def record_document(
    *,
    source: str,
    url: str,
    label: str,
    lines: Iterable[tuple[str, str]],
    attributed: bool = True,
    account: tuple[str, str] | None = None,
) -> Document:
    """A Document for one API record; `account` = (platform, handle) when the record is a public
    account or profile (auditor.detectors.account reports it)."""
    title = clean(label, 200)
    meta = (
        {}
        if account is None
        else {"account_site": account[0], "account_username": account[1], "account_url": url}
    )
    return Document(
        url=url,
        source=source,
        content=Extracted(kind=DocKind.RECORD, text=record_text(lines), title=title, meta=meta),
        attributed=attributed,
        label=title,
    )


@dataclass
class Tally:
    """A source's look-ups (one per username, email or name) and the one status they come to.

    Any failed look-up makes the source failed; otherwise any rate-limited one makes it rate_limited
    (and the look-ups after it are not attempted: the service asked us to stop). Only when every
    look-up was answered is the source ok, whether or not anything was found.
    """

    source: str
    noun: str
    """What is looked up, singular: "username", "email", "name"."""
    total: int
    documents: list[Document] = field(default_factory=list)
    failures: list[FetchFailure] = field(default_factory=list)
    checked: int = 0
    found: int = 0
    problems: list[str] = field(default_factory=list)
    status: SourceStatus = SourceStatus.OK
    stopped: bool = False
    """True once the service has rate-limited us: further look-ups would only be refused."""

    def answered(self, documents: Iterable[Document]) -> None:
        """One look-up completed; `documents` may be empty (checked, nothing there)."""
        found = list(documents)
        self.checked += 1
        self.found += bool(found)
        self.documents.extend(found)

    def trouble(self, which: str, trouble: ApiTrouble) -> None:
        """One look-up failed or was rate-limited; `which` names it without private values."""
        self.problems.append(f"{which}: {trouble.detail}")
        if trouble.failure is not None:
            self.failures.append(trouble.failure)
        if trouble.status is SourceStatus.RATE_LIMITED:
            self.stopped = True
        if trouble.status is SourceStatus.FAILED or self.status is SourceStatus.FAILED:
            self.status = SourceStatus.FAILED
        else:
            self.status = SourceStatus.RATE_LIMITED

    def result(self, found_what: str) -> SourceResult:
        """The SourceResult, e.g. "2 of 3 emails checked; 1 with a Gravatar profile; email 3 of 3: ..."."""
        plural = "" if self.total == 1 else "s"
        notes = [f"{self.checked} of {self.total} {self.noun}{plural} checked", f"{self.found} {found_what}"]
        notes += self.problems
        unanswered = self.total - self.checked - len(self.problems)
        if self.stopped and unanswered > 0:
            notes.append(f"{unanswered} not tried after the rate limit")
        return SourceResult(
            self.source, self.status, "; ".join(notes), tuple(self.documents), tuple(self.failures)
        )


KEYED_OPTIONS_SCHEMA: Mapping[str, Any] = {
    "type": "object",
    "properties": {"base_url": BASE_URL_SCHEMA, "api_key_env": ENV_NAME_SCHEMA},
    "additionalProperties": False,
}
"""Options of a keyed API source: where the service is, and which environment variable holds its key."""


def api_key(options: Mapping[str, Any], environ: Mapping[str, str], default_env: str) -> tuple[str, str]:
    """(environment variable name, key) for a source's API key; the key is "" when it is not set.
    Keys come from the environment only: a config file is often shared or committed."""
    env = str(options.get("api_key_env", default_env))
    return env, environ.get(env, "").strip()


def required_api_key(options: Mapping[str, Any], environ: Mapping[str, str], default_env: str) -> str:
    """The source's API key, or NotConfigured naming the variable to set (the source is then off)."""
    env, key = api_key(options, environ, default_env)
    if not key:
        raise NotConfigured(f"needs {env} in the environment")
    return key


def look_up_emails(
    source: str, person: Person, lookup: Callable[[str], list[Document]], found_what: str
) -> SourceResult:
    """Look up each of the person's emails (private and public) in turn, into one tallied result."""
    emails = unique([*person.private.emails, *person.public.emails])
    if not emails:
        return SourceResult(source, SourceStatus.SKIPPED, "no email addresses on the roster")
    tally = Tally(source, "email", len(emails))
    for index, email in enumerate(emails, start=1):
        if tally.stopped:
            break
        try:
            tally.answered(lookup(email))
        except ApiTrouble as trouble:
            # Which look-up failed, by position: never the address itself.
            tally.trouble(f"email {index} of {len(emails)}", trouble)
    return tally.result(found_what)


def unique(values: Iterable[str]) -> list[str]:
    """Values in order, without blanks or case-insensitive repeats."""
    seen: set[str] = set()
    out = []
    for value in values:
        key = value.strip().lower()
        if key and key not in seen:
            seen.add(key)
            out.append(value.strip())
    return out

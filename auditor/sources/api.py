"""The base of every source that asks a web API: where the service is, its key, guarded GETs, capped
JSON, and the rule that a rate limit stops the look-ups after it. A source supplies what to look up
and how to read one answer (`records` has the readers)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ..model import Document, FetchFailure, Person, SourceResult, SourceStatus
from ..plain import plural
from . import records
from .interface import NotConfigured, Source, SourceContext
from .records import parse_json
from .trouble import ApiTrouble, expect_ok, worse

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    from ..fetch import Fetcher, Response

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

_T = TypeVar("_T")
_R = TypeVar("_R")


class ApiSource(Source):
    """A source backed by one web API. Subclasses set the class attributes below; the options schema
    (`base_url`, and the key's environment variable when the service takes a key) follows from them."""

    service: ClassVar[str]
    """The service's name in details and failures, e.g. "GitHub"."""
    default_base_url: ClassVar[str]
    accept: ClassVar[str] = "application/json"
    extra_headers: ClassVar[Mapping[str, str]] = {}
    """Headers every request sends besides Accept (an API version, say)."""
    key_env: ClassVar[str] = ""
    """The environment variable holding the key by default; "" for a service without keys."""
    key_option: ClassVar[str] = "api_key_env"
    """The option that names another variable."""
    key_required: ClassVar[bool] = False
    """Without the key the source is off (NotConfigured naming the variable); else the key only lifts
    the service's rate limit."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "options_schema" not in cls.__dict__:
            properties: dict[str, Any] = {"base_url": BASE_URL_SCHEMA}
            if cls.key_env:
                properties[cls.key_option] = ENV_NAME_SCHEMA
            cls.options_schema = {"type": "object", "properties": properties, "additionalProperties": False}

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        self.base_url = str(options.get("base_url") or self.default_base_url).rstrip("/")
        key = ""
        if self.key_env:
            # Keys come from the environment only: a config file is often shared or committed.
            env = str(options.get(self.key_option, self.key_env))
            key = ctx.environ.get(env, "").strip()
            if self.key_required and not key:
                raise NotConfigured(f"needs {env} in the environment")
        self.headers = {"Accept": self.accept, **self.extra_headers, **(self.key_headers(key) if key else {})}

    def key_headers(self, key: str) -> dict[str, str]:
        """The headers that carry the service's key (called only when there is one)."""
        return {}

    def refuse(self, response: Response, shown_url: str) -> None:
        """Raise ApiTrouble for a status this service uses in its own way (a 401 for a bad key, a 403
        that means a rate limit); then 404 is "nothing there", 429 rate-limited and the rest failed."""

    def fetch(self, url: str, *, shown_url: str | None = None) -> Response:
        """GET `url` through the fetch layer (see `get`)."""
        return get(self.ctx.fetcher, url, service=self.service, headers=self.headers, shown_url=shown_url)

    def get_json(self, url: str, *, shown_url: str | None = None) -> Any:
        """The JSON at `url`, capped in size and depth; None for 404. Raises ApiTrouble for anything
        else that is not an answer. `shown_url` stands for `url` wherever it would be shown or cached."""
        response = self.fetch(url, shown_url=shown_url)
        shown = shown_url or url
        if response.status == 404:
            return None
        self.refuse(response, shown)
        expect_ok(response, self.service, shown)
        return parse_json(response, self.service, shown)

    @staticmethod
    def until_rate_limited(
        values: Iterable[_T], lookup: Callable[[_T], _R]
    ) -> Iterator[tuple[_T, _R | ApiTrouble | None]]:
        """Each value with its look-up's result or trouble. Once the service rate-limits us, the values
        after it come with None, not tried: asking again straight away would only be refused, and
        services block clients that keep going."""
        stopped = False
        for value in values:
            if stopped:
                yield value, None
                continue
            try:
                yield value, lookup(value)
            except ApiTrouble as trouble:
                stopped = trouble.status is SourceStatus.RATE_LIMITED
                yield value, trouble

    def look_up_each(
        self,
        tally: Tally,
        values: Sequence[_T],
        lookup: Callable[[_T, list[Document]], None],
        which: Callable[[int, _T], str],
    ) -> None:
        """Look each value up into `tally`. `lookup` appends what it finds as it goes, so what it found
        before it failed still counts; `which` names a look-up in details, without private values."""

        def one(value: _T) -> list[Document]:
            found: list[Document] = []
            try:
                lookup(value, found)
            except ApiTrouble as trouble:
                tally.documents.extend(found)
                raise trouble
            return found

        for index, (value, outcome) in enumerate(self.until_rate_limited(values, one), start=1):
            if isinstance(outcome, ApiTrouble):
                tally.trouble(which(index, value), outcome)
            elif outcome is not None:
                tally.answered(outcome)

    def look_up_emails(
        self, person: Person, lookup: Callable[[str, list[Document]], None], found_what: str
    ) -> SourceResult:
        """Look up each of the person's emails (private and public) in turn, into one tallied result.

        A sealed email cannot be looked up: the roster holds only its hash, and a look-up sends the
        address itself. The result says how many were not, so a sealed roster never reads as checked."""
        emails = unique([*person.private.emails, *person.public.emails])
        sealed = len(person.sealed.emails)
        unsent = (
            f"{plural(sealed, 'sealed email')} not looked up (a sealed roster holds no address to send)"
            if sealed
            else ""
        )
        if not emails:
            return SourceResult(self.name, SourceStatus.SKIPPED, unsent or "no email addresses on the roster")
        tally = Tally(self.name, "email", len(emails))
        # Which look-up failed, by position: never the address itself.
        self.look_up_each(tally, emails, lookup, lambda index, _: f"email {index} of {len(emails)}")
        result = tally.result(found_what)
        if unsent:
            result = dataclasses.replace(result, detail=f"{result.detail}; {unsent}"[:500])
        return result


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
    records.answered(result, shown_url)
    return result


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
        self.status = worse(self.status, trouble.status)

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

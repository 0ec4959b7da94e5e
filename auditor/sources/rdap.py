"""The rdap source: each of the person's domains' registration record (RDAP, the successor to WHOIS)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import quote, urlsplit

from ..fetch import Response
from ..model import DocKind, Document, Extracted, FetchFailure, Person, SourceResult, SourceStatus
from .interface import Source, SourceContext
from .rdap_jcard import Malformed, Registration, parse_domain

DEFAULT_BASE_URL = "https://rdap.org"
# RFC 7480 section 4.2: clients ask for the RDAP media type. rdap.org answers 302 to the registry's
# own server (about.rdap.org, "HTTP Status Codes"); the fetcher follows it.
_HEADERS = {"Accept": "application/rdap+json, application/json;q=0.9"}
MAX_BODY = 2_000_000
"""No real domain record comes near this: a bigger body is hostile or broken, and is not parsed."""


@dataclass(frozen=True)
class _Lookup:
    """The outcome of one domain's look-up."""

    domain: str
    note: str
    document: Document | None = None
    failure: FetchFailure | None = None


class RdapSource(Source):
    """Looks up each domain's registration record: a registrant's name, address, phone and email."""

    name: ClassVar[str] = "rdap"
    description: ClassVar[str] = "domain registration records (RDAP): registrant name, address, phone, email"
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "base_url": {
                "type": "string",
                "pattern": "^https?://[^/?#]+(/[^?#]*)?$",
                "description": "RDAP service that answers /domain/{name}, or redirects to one",
            },
        },
        "additionalProperties": False,
    }

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        self.base_url = str(options.get("base_url") or DEFAULT_BASE_URL).rstrip("/")

    def collect(self, person: Person) -> SourceResult:
        if not person.domains:
            return SourceResult(self.name, SourceStatus.SKIPPED, "no domains on the roster")
        lookups: list[_Lookup] = []
        for index, domain in enumerate(person.domains):
            lookup = self._lookup(domain)
            lookups.append(lookup)
            if lookup.failure is not None and lookup.failure.reason == "rate_limited":
                # The service said slow down: asking again for the next domain straight away is rude.
                for rest in person.domains[index + 1 :]:
                    note = f"{rest} not checked: the RDAP service is rate-limiting"
                    lookups.append(_Lookup(rest, note, failure=FetchFailure(self._url(rest), "rate_limited")))
                break
        return self._summarise(lookups)

    def _url(self, domain: str) -> str:
        return f"{self.base_url}/domain/{quote(_normalise(domain), safe='')}"

    def _lookup(self, domain: str) -> _Lookup:
        url = self._url(domain)
        result = self.ctx.fetcher.get(url, headers=_HEADERS, respect_robots=False)
        if isinstance(result, FetchFailure):
            return _Lookup(domain, f"{domain} not checked: {result.detail or result.reason}", failure=result)
        if result.status == 404:
            # rdap.org: no RDAP service knows the TLD; a registry: no such domain. Checked either way.
            return _Lookup(domain, f"{domain}: no RDAP record")
        if not result.ok:
            failure = FetchFailure(url, "http_error", f"HTTP {result.status}")
            return _Lookup(domain, f"{domain} not checked: HTTP {result.status}", failure=failure)
        parsed = _decode(result)
        if isinstance(parsed, Malformed):
            host = urlsplit(result.final_url).hostname or "the RDAP service"
            failure = FetchFailure(
                result.final_url, "parse", f"malformed response from {host}: {parsed.detail}"
            )
            return _Lookup(domain, f"{domain} not checked: malformed response from {host}", failure=failure)
        return self._found(domain, result, parsed)

    def _found(self, domain: str, response: Response, registration: Registration) -> _Lookup:
        if not registration.lines:
            why = "registrant details redacted" if registration.redacted else "no contact details published"
            return _Lookup(domain, f"{domain}: {why}")
        name = _normalise(domain)
        text = "\n".join([f"domain: {name}", *registration.lines])
        document = Document(
            url=response.final_url,
            source=self.name,
            content=Extracted(kind=DocKind.RECORD, text=text, title=f"RDAP record for {name}"),
            attributed=True,
            label=f"Domain registration record for {name}",
        )
        extra = " (some details redacted)" if registration.redacted else ""
        return _Lookup(domain, f"{domain}: registration record with contact details{extra}", document)

    def _summarise(self, lookups: list[_Lookup]) -> SourceResult:
        documents = tuple(x.document for x in lookups if x.document is not None)
        failures = tuple(x.failure for x in lookups if x.failure is not None)
        status = SourceStatus.OK
        if failures:
            limited = all(f.reason == "rate_limited" for f in failures)
            status = SourceStatus.RATE_LIMITED if limited else SourceStatus.FAILED
        detail = "; ".join(x.note for x in lookups)
        return SourceResult(self.name, status, detail, documents, failures)


def _normalise(domain: str) -> str:
    """Lower-case, no trailing dot, IDNA A-labels (RFC 9082 section 3.1.3 accepts either form)."""
    name = domain.strip().rstrip(".").lower()
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        return name


def _decode(response: Response) -> Registration | Malformed:
    if len(response.body) > MAX_BODY:
        return Malformed(f"larger than {MAX_BODY} bytes")
    try:
        data = json.loads(response.body)
    except (ValueError, RecursionError) as e:  # UnicodeDecodeError is a ValueError
        return Malformed(f"not JSON ({type(e).__name__})")
    return parse_domain(data)

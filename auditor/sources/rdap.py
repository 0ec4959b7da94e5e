"""The rdap source: each of the person's domains' registration record (RDAP, the successor to WHOIS)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import quote, urlsplit

from ..model import DocKind, Document, Extracted, FetchFailure, Person, SourceResult, SourceStatus
from .api import ApiSource
from .rdap_jcard import Malformed, Registration, parse_domain
from .records import parse_json
from .trouble import ApiTrouble, rate_limited

if TYPE_CHECKING:
    from ..fetch import Response

DEFAULT_BASE_URL = "https://rdap.org"


@dataclass(frozen=True)
class _Lookup:
    """The outcome of one domain's look-up."""

    domain: str
    note: str
    document: Document | None = None
    failure: FetchFailure | None = None


class RdapSource(ApiSource):
    """Looks up each domain's registration record: a registrant's name, address, phone and email."""

    name: ClassVar[str] = "rdap"
    description: ClassVar[str] = "domain registration records (RDAP): registrant name, address, phone, email"
    service: ClassVar[str] = "the RDAP service"
    default_base_url: ClassVar[str] = DEFAULT_BASE_URL
    # RFC 7480 section 4.2: clients ask for the RDAP media type. rdap.org answers 302 to the registry's
    # own server (about.rdap.org, "HTTP Status Codes"); the fetcher follows it.
    accept: ClassVar[str] = "application/rdap+json, application/json;q=0.9"

    def collect(self, person: Person) -> SourceResult:
        if not person.domains:
            return SourceResult(self.name, SourceStatus.SKIPPED, "no domains on the roster")
        lookups: list[_Lookup] = []
        for domain, outcome in self.until_rate_limited(person.domains, self._lookup):
            if isinstance(outcome, _Lookup):
                lookups.append(outcome)
            elif isinstance(outcome, ApiTrouble):
                failure = outcome.failure or FetchFailure(self._url(domain), "connection", outcome.detail)
                lookups.append(_Lookup(domain, f"{domain} not checked: {failure.detail}", failure=failure))
            else:
                note = f"{domain} not checked: the RDAP service is rate-limiting"
                lookups.append(_Lookup(domain, note, failure=FetchFailure(self._url(domain), "rate_limited")))
        return self._summarise(lookups)

    def _url(self, domain: str) -> str:
        return f"{self.base_url}/domain/{quote(_normalise(domain), safe='')}"

    def _lookup(self, domain: str) -> _Lookup:
        """One domain's record; raises ApiTrouble when it could not be read."""
        url = self._url(domain)
        response = self.fetch(url)
        if response.status == 404:
            # rdap.org: no RDAP service knows the TLD; a registry: no such domain. Checked either way.
            return _Lookup(domain, f"{domain}: no RDAP record")
        # The registry's server answers after rdap.org's redirect: failures name it.
        host = urlsplit(response.final_url).hostname or "the RDAP service"
        if response.status == 429:
            raise rate_limited(response, self.service, url)  # the rest are not asked: see collect()
        if not response.ok:
            failure = FetchFailure(url, "http_error", f"HTTP {response.status}")
            return _Lookup(domain, f"{domain} not checked: HTTP {response.status}", failure=failure)
        try:  # capped in size and depth like every API answer
            parsed: Registration | Malformed = parse_domain(parse_json(response, host, response.final_url))
        except ApiTrouble as trouble:
            parsed = Malformed(trouble.detail.removeprefix(f"malformed response from {host} "))
        if isinstance(parsed, Malformed):
            detail = f"malformed response from {host}: {parsed.detail}"
            failure = FetchFailure(response.final_url, "parse", detail)
            return _Lookup(domain, f"{domain} not checked: malformed response from {host}", failure=failure)
        return self._found(domain, response, parsed)

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
            fetched=response.record,
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

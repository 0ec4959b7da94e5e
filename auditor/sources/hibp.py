"""The Have I Been Pwned source: known data breaches that include the person's email addresses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import quote

from ..mask import mask_email
from ..model import Document, Person, SourceResult
from . import api
from .interface import Source, SourceContext

SERVICE = "Have I Been Pwned"
DEFAULT_BASE_URL = "https://haveibeenpwned.com"
DEFAULT_KEY_ENV = "HIBP_API_KEY"
HUMAN_URL = "https://haveibeenpwned.com/"
"""Where a person checks an address by hand; deliberately without the address in it."""
MAX_BREACHES = 500


class HibpSource(Source):
    """Breach records: which leaked databases hold the address, and what else leaked with it."""

    name: ClassVar[str] = "hibp"
    description: ClassVar[str] = "Have I Been Pwned: known data breaches that include the person's emails"
    default_on: ClassVar[bool] = True  # but NotConfigured (off, with the reason) without its key
    options_schema: ClassVar[Mapping[str, Any]] = api.KEYED_OPTIONS_SCHEMA

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        key = api.required_api_key(options, ctx.environ, DEFAULT_KEY_ENV)
        self.base_url = api.base_url(options, DEFAULT_BASE_URL)
        # haveibeenpwned.com/API/v3: the key in "hibp-api-key", and a User-Agent describing the client
        # (403 without one): the fetcher always sends auditor's own.
        self.headers = {"hibp-api-key": key, "Accept": "application/json"}

    def collect(self, person: Person) -> SourceResult:
        return api.look_up_emails(self.name, person, self._lookup, "in known breaches")

    def _lookup(self, email: str) -> list[Document]:
        path = "/api/v3/breachedaccount/"
        url = f"{self.base_url}{path}{quote(email, safe='')}?truncateResponse=false"
        shown = f"{self.base_url}{path}{mask_email(email)}"  # for failure records: never the address
        response = api.get(self.ctx.fetcher, url, service=SERVICE, headers=self.headers, shown_url=shown)
        if response.status == 404:
            return []  # in no known breach
        if response.status in (401, 403):
            # 401: the key is missing, malformed or invalid; 403: the request was refused (the docs
            # name a missing user agent; a key whose plan does not cover the call reads the same).
            raise api.http_error(response, SERVICE, shown, "API key refused")
        # 429 carries retry-after (seconds); the fetcher waits out a short one and retries, so a 429
        # that gets here is a limit the plan's requests-per-minute cannot absorb.
        api.expect_ok(response, SERVICE, shown)
        breaches = api.expect_list(api.parse_json(response, SERVICE, shown), SERVICE, shown, "the body")
        lines = [("account", email)]
        for breach in breaches[:MAX_BREACHES]:
            if isinstance(breach, dict):
                lines.append(("breach", _describe(breach)))
        if len(lines) == 1:
            return []
        return [
            api.record_document(
                source=self.name, url=HUMAN_URL, label="Breaches that include this email", lines=lines
            )
        ]


def _describe(breach: Mapping[str, Any]) -> str:
    """One breach (the v3 breach model: Name, Title, Domain, BreachDate, DataClasses) as one line."""
    title = api.text_at(breach, "Title") or api.text_at(breach, "Name") or "unnamed breach"
    domain = api.text_at(breach, "Domain")
    when = api.text_at(breach, "BreachDate")
    classes = [api.clean(c, 80) for c in api.list_at(breach, "DataClasses")[:40] if isinstance(c, str)]
    text = title + (f" ({domain})" if domain else "") + (f", {when}" if when else "")
    return text + (f"; data: {', '.join(c for c in classes if c)}" if classes else "")

"""The Have I Been Pwned source: known data breaches that include the person's email addresses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote

from ..mask import mask_email
from . import records
from .api import ApiSource
from .trouble import http_error

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..fetch import Response
    from ..model import Document, Person, SourceResult

SERVICE = "Have I Been Pwned"
DEFAULT_BASE_URL = "https://haveibeenpwned.com"
DEFAULT_KEY_ENV = "HIBP_API_KEY"
HUMAN_URL = "https://haveibeenpwned.com/"
"""Where a person checks an address by hand; deliberately without the address in it."""
MAX_BREACHES = 500


class HibpSource(ApiSource):
    """Breach records: which leaked databases hold the address, and what else leaked with it."""

    name: ClassVar[str] = "hibp"
    description: ClassVar[str] = "Have I Been Pwned: known data breaches that include the person's emails"
    default_on: ClassVar[bool] = True  # but NotConfigured (off, with the reason) without its key
    service: ClassVar[str] = SERVICE
    default_base_url: ClassVar[str] = DEFAULT_BASE_URL
    key_env: ClassVar[str] = DEFAULT_KEY_ENV
    key_required: ClassVar[bool] = True

    def key_headers(self, key: str) -> dict[str, str]:
        # haveibeenpwned.com/API/v3: the key in "hibp-api-key", and a User-Agent describing the client
        # (403 without one): the fetcher always sends auditor's own.
        return {"hibp-api-key": key}

    def refuse(self, response: Response, shown_url: str) -> None:
        if response.status in (401, 403):
            # 401: the key is missing, malformed or invalid; 403: the request was refused (the docs
            # name a missing user agent; a key whose plan does not cover the call reads the same).
            raise http_error(response, SERVICE, shown_url, "API key refused")
        # 429 carries retry-after (seconds); the fetcher waits out a short one and retries, so a 429
        # that gets here is a limit the plan's requests-per-minute cannot absorb.

    def collect(self, person: Person) -> SourceResult:
        return self.look_up_emails(person, self._lookup, "in known breaches")

    def _lookup(self, email: str, found: list[Document]) -> None:
        path = "/api/v3/breachedaccount/"
        url = f"{self.base_url}{path}{quote(email, safe='')}?truncateResponse=false"
        shown = f"{self.base_url}{path}{mask_email(email)}"  # for failure records: never the address
        answer = self.get_json(url, shown_url=shown)
        if answer is None:
            return  # in no known breach
        breaches = records.expect_list(answer, SERVICE, shown, "the body")
        lines = [("account", email)]
        lines += [("breach", _describe(b)) for b in breaches[:MAX_BREACHES] if isinstance(b, dict)]
        if len(lines) > 1:
            found.append(
                records.record_document(
                    fetched=records.last_answer(),
                    source=self.name,
                    url=HUMAN_URL,
                    label="Breaches that include this email",
                    lines=lines,
                )
            )


def _describe(breach: Mapping[str, Any]) -> str:
    """One breach (the v3 breach model: Name, Title, Domain, BreachDate, DataClasses) as one line."""
    title = records.text_at(breach, "Title") or records.text_at(breach, "Name") or "unnamed breach"
    domain = records.text_at(breach, "Domain")
    when = records.text_at(breach, "BreachDate")
    classes = [
        records.clean(c, 80) for c in records.list_at(breach, "DataClasses")[:40] if isinstance(c, str)
    ]
    text = title + (f" ({domain})" if domain else "") + (f", {when}" if when else "")
    return text + (f"; data: {', '.join(c for c in classes if c)}" if classes else "")

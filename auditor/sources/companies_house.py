"""The Companies House source: officer records (directorships) under the person's name and birth month."""

from __future__ import annotations

import base64
import re
import unicodedata
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote_plus

from ..values.sealed import SealedLookups
from . import records
from .api import ApiSource, Tally, unique
from .trouble import ApiTrouble, http_error

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..fetch import Response
    from ..model import Document, Person, SourceResult

SERVICE = "Companies House"
DEFAULT_BASE_URL = "https://api.company-information.service.gov.uk"
DEFAULT_KEY_ENV = "COMPANIES_HOUSE_API_KEY"
WEB_URL = "https://find-and-update.company-information.service.gov.uk"
"""The public register's own pages: where a reader sees the record the API returned."""
ITEMS_PER_PAGE = 50
MAX_NAMES = 5
MAX_OFFICERS = 10
MAX_APPOINTMENTS = 50
_OFFICER_LINK = re.compile(r"/officers/([A-Za-z0-9_-]{1,64})/appointments")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
     "revd", "hon", "rt", "the", "baron", "baroness", "mp", "obe", "mbe", "cbe", "kc", "qc"}
)  # fmt: skip


def name_tokens(name: str) -> tuple[str, ...]:
    """A name as lower-case, accent-free words in "forenames surname" order, honorifics dropped:
    "DOE, Jane Anne" (the register's order) and "Mrs Jane Anne Doe" both give (jane, anne, doe)."""
    surname, comma, forenames = name.partition(",")
    ordered = f"{forenames} {surname}" if comma else name
    plain = unicodedata.normalize("NFKD", ordered).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z]+(?:['-][a-z]+)*", plain)
    return tuple(w for w in words if w not in _HONORIFICS)


def names_match(officer: tuple[str, ...], person: tuple[str, ...]) -> bool:
    """Same first and last name; each middle name or initial the roster gives must be among the
    officer's (the register lists every middle name, rosters rarely do)."""
    if len(officer) < 2 or len(person) < 2 or officer[0] != person[0] or officer[-1] != person[-1]:
        return False
    middles = officer[1:-1]
    return all(any(m == w or (len(w) == 1 and m.startswith(w)) for m in middles) for w in person[1:-1])


def month_year(value: Any) -> tuple[int, int] | None:
    """(month, year) of a register date_of_birth {month, year} (the register never shows the day)."""
    if not isinstance(value, dict):
        return None
    month, year = value.get("month"), value.get("year")
    if isinstance(month, int) and isinstance(year, int) and 1 <= month <= 12 and 1800 <= year <= 2200:
        return month, year
    return None


class CompaniesHouseSource(ApiSource):
    """Directors' records: a correspondence address that is a home address, and the birth month."""

    name: ClassVar[str] = "companies_house"
    description: ClassVar[str] = "Companies House officer records under the person's name and birth month"
    default_on: ClassVar[bool] = True  # but NotConfigured (off, with the reason) without its key
    service: ClassVar[str] = SERVICE
    default_base_url: ClassVar[str] = DEFAULT_BASE_URL
    key_env: ClassVar[str] = DEFAULT_KEY_ENV
    key_required: ClassVar[bool] = True

    def key_headers(self, key: str) -> dict[str, str]:
        # The key is the HTTP Basic user name with an empty password (developer.company-information
        # .service.gov.uk "Authentication"). 600 requests per 5 minutes, then 429 for the rest of them.
        return {"Authorization": "Basic " + base64.b64encode(f"{key}:".encode()).decode("ascii")}

    def refuse(self, response: Response, shown_url: str) -> None:
        if response.status == 401:
            raise http_error(response, SERVICE, shown_url, "API key refused")

    def collect(self, person: Person) -> SourceResult:
        names = unique([person.name, *person.aliases])[:MAX_NAMES]
        wanted = [name_tokens(n) for n in names]
        births = {(d.month, d.year) for d in person.private.dates_of_birth}
        if person.sealed.dates_of_birth and self.ctx.sealer is not None:
            births |= SealedLookups(person.sealed, self.ctx.sealer).birth_months()
        tally = Tally(self.name, "name", len(names))
        officers: dict[str, dict[str, Any]] = {}

        def search(name: str, _: list[Document]) -> None:
            for officer_id, item in self._search(name):
                if _is_them(item, wanted, births):
                    officers.setdefault(officer_id, item)

        self.look_up_each(tally, names, search, lambda index, _: f"name {index} of {len(names)}")
        for number, (officer_id, item) in enumerate(list(officers.items())[:MAX_OFFICERS], start=1):
            if tally.stopped:
                break
            try:
                document = self._officer(officer_id, item, attributed=bool(births))
            except ApiTrouble as trouble:
                tally.trouble(f"officer record {number} of {len(officers)}", trouble)
                continue
            if document is not None:
                tally.documents.append(document)
                tally.found += 1
        return tally.result("matching officer record" + ("" if tally.found == 1 else "s"))

    def _search(self, name: str) -> Iterable[tuple[str, dict[str, Any]]]:
        """(officer id, search item) for each hit of GET /search/officers?q= (first page only)."""
        url = f"{self.base_url}/search/officers?q={quote_plus(name)}&items_per_page={ITEMS_PER_PAGE}"
        data = self.get_json(url)
        if data is None:
            return []
        items = records.list_at(records.expect_dict(data, SERVICE, url, "the search result"), "items")
        hits = []
        for item in items[:ITEMS_PER_PAGE]:
            if not isinstance(item, dict):
                continue
            link = _OFFICER_LINK.fullmatch(records.text_at(records.dict_at(item, "links"), "self"))
            if link:
                hits.append((link.group(1), item))
        return hits

    def _officer(self, officer_id: str, item: Mapping[str, Any], *, attributed: bool) -> Document | None:
        """The officer's appointments (GET /officers/{id}/appointments) as one record document."""
        url = f"{self.base_url}/officers/{officer_id}/appointments?items_per_page={MAX_APPOINTMENTS}"
        data = self.get_json(url)
        if data is None:
            return None  # gone from the register since the search index was built
        record = records.expect_dict(data, SERVICE, url, "the appointment list")
        title = records.text_at(record, "name") or records.text_at(item, "title")
        born = month_year(record.get("date_of_birth")) or month_year(item.get("date_of_birth"))
        lines = [("officer", title)]
        if born:
            # Month and year only, as the register shows them (the day is withheld since 2015).
            lines.append(("date of birth", f"{_MONTHS[born[0] - 1]} {born[1]}"))
        lines.append(("address", records.text_at(item, "address_snippet")))
        for appointment in records.list_at(record, "items")[:MAX_APPOINTMENTS]:
            if isinstance(appointment, dict):
                lines += _appointment_lines(appointment)
        return records.record_document(
            fetched=records.last_answer(),
            source=self.name,
            url=f"{WEB_URL}/officers/{officer_id}/appointments",
            label=f"Companies House officer record: {title}",
            lines=list(dict.fromkeys(lines)),  # each company repeats the same address: say it once
            attributed=attributed,
        )


def _is_them(item: Mapping[str, Any], wanted: list[tuple[str, ...]], births: set[tuple[int, int]]) -> bool:
    """Name matches the person or an alias and, when the roster has a birth date, so does the month."""
    if not any(names_match(name_tokens(records.text_at(item, "title")), person) for person in wanted):
        return False
    return not births or month_year(item.get("date_of_birth")) in births


def _appointment_lines(appointment: Mapping[str, Any]) -> list[tuple[str, str]]:
    company = records.dict_at(appointment, "appointed_to")
    role = records.text_at(appointment, "officer_role").replace("-", " ") or "officer"
    what = f"{role} of {records.text_at(company, 'company_name') or 'a company'}"
    number = records.text_at(company, "company_number")
    what += f" ({number})" if number else ""
    for key, verb in (("appointed_on", "appointed"), ("resigned_on", "resigned")):
        when = records.text_at(appointment, key)
        what += f", {verb} {when}" if when else ""
    address = records.dict_at(appointment, "address")
    parts = ("care_of", "po_box", "premises", "address_line_1", "address_line_2", "locality", "region",
             "postal_code", "country")  # fmt: skip
    return [
        ("appointment", what),
        ("correspondence address", ", ".join(p for p in (records.text_at(address, k) for k in parts) if p)),
        ("occupation", records.text_at(appointment, "occupation")),
        ("country of residence", records.text_at(appointment, "country_of_residence")),
        ("nationality", records.text_at(appointment, "nationality")),
    ]

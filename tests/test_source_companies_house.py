"""The companies_house source against a local look-alike of the Companies House public data API."""

from __future__ import annotations

import base64
import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from localserver import LocalServer, Reply
from people import jane

from auditor.config import Config
from auditor.detectors import Subject, detect
from auditor.detectors.known import KnownValuesDetector
from auditor.model import Category, Person, PrivateValues, SourceResult, SourceStatus
from auditor.sources.companies_house import CompaniesHouseSource, name_tokens, names_match
from auditor.sources.interface import NotConfigured, SourceContext

if TYPE_CHECKING:
    from conftest import FetcherFactory

KEY = "ch-fictional-key"
JANE = jane(
    aliases=("Jane A. Doe",),
    private=PrivateValues(
        addresses=("12 Acacia Avenue, Exampleton EX2 3BB",), dates_of_birth=(dt.date(1975, 3, 14),)
    ),
)
OFFICER = "AbC123_xyz-9"
NAMESAKE = "NaMeSaKe0001"


def search_item(title: str, officer_id: str, month: int, year: int, snippet: str) -> dict[str, Any]:
    """One item of GET /search/officers (the searchOfficers shape of the API specification)."""
    return {
        "kind": "searchresults#officer",
        "title": title,
        "description": "Total number of appointments 1 - Born March 1975",
        "description_identifiers": ["appointment-count", "born-on"],
        "address_snippet": snippet,
        "address": {"premises": "12", "address_line_1": "Acacia Avenue", "locality": "Exampleton"},
        "appointment_count": 1,
        "date_of_birth": {"month": month, "year": year},
        "links": {"self": f"/officers/{officer_id}/appointments"},
        "matches": {"title": [1, 4], "snippet": []},
        "snippet": "",
    }


SEARCH = {
    "kind": "search#officers",
    "items_per_page": 50,
    "start_index": 0,
    "total_results": 4,
    "page_number": 1,
    "items": [
        search_item("Jane Anne DOE", OFFICER, 3, 1975, "12 Acacia Avenue, Exampleton, EX2 3BB"),
        search_item("Jane DOE", NAMESAKE, 7, 1980, "4 Other Road, Elsewhere, EX9 9ZZ"),  # another Jane Doe
        search_item("John DOE", "JohnDoe00001", 3, 1975, "1 Somewhere, EX1 1AA"),
        {"kind": "searchresults#officer", "title": "Jane DOE", "links": {"self": "/elsewhere/../../etc"}},
    ],
}

APPOINTMENTS = {  # GET /officers/{id}/appointments (appointmentList), trimmed
    "kind": "personal-appointment",
    "name": "DOE, Jane Anne",
    "date_of_birth": {"month": 3, "year": 1975},
    "is_corporate_officer": False,
    "total_results": 2,
    "items": [
        {
            "name": "DOE, Jane Anne",
            "officer_role": "director",
            "appointed_on": "2016-04-01",
            "appointed_to": {"company_name": "EXAMPLETON COMMUNITY TRUST", "company_number": "09999999"},
            "address": {
                "premises": "12",
                "address_line_1": "Acacia Avenue",
                "locality": "Exampleton",
                "postal_code": "EX2 3BB",
                "country": "England",
            },
            "occupation": "Member of Parliament",
            "country_of_residence": "England",
            "nationality": "British",
        },
        {
            "officer_role": "secretary",
            "appointed_on": "2010-01-01",
            "resigned_on": "2012-01-01",
            "appointed_to": {"company_name": "DOE CONSULTING LTD", "company_number": "07777777"},
            "address": {
                "premises": "12",
                "address_line_1": "Acacia Avenue",
                "locality": "Exampleton",
                "postal_code": "EX2 3BB",
                "country": "England",
            },
        },
    ],
}


def source(
    fetchers: FetcherFactory, server: LocalServer, environ: dict[str, str] | None = None
) -> CompaniesHouseSource:
    ctx = SourceContext(
        fetchers(cache_enabled=False),
        Config(),
        {"COMPANIES_HOUSE_API_KEY": KEY} if environ is None else environ,
    )
    return CompaniesHouseSource({"base_url": server.url("/")}, ctx)


def collect(server: LocalServer, fetchers: FetcherFactory, person: Person = JANE) -> SourceResult:
    return source(fetchers, server).collect(person)


def serve(server: LocalServer) -> None:
    server.route("/search/officers", Reply.json(SEARCH))
    server.route(f"/officers/{OFFICER}/appointments", Reply.json(APPOINTMENTS))


def test_needs_a_key(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    with pytest.raises(NotConfigured, match="needs COMPANIES_HOUSE_API_KEY in the environment"):
        source(fetcher_factory, local_server, environ={})
    assert CompaniesHouseSource.default_on  # on whenever its key is there


def test_officer_record_found_and_namesakes_ignored(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    serve(local_server)
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK, result.detail
    assert result.detail == "2 of 2 names checked; 1 matching officer record"
    (document,) = result.documents
    assert document.url == (
        f"https://find-and-update.company-information.service.gov.uk/officers/{OFFICER}/appointments"
    )
    assert document.label == "Companies House officer record: DOE, Jane Anne"
    assert document.attributed  # matched on name and birth month
    lines = document.content.text.splitlines()
    assert lines[:3] == [
        "officer: DOE, Jane Anne",
        "date of birth: March 1975",
        "address: 12 Acacia Avenue, Exampleton, EX2 3BB",
    ]
    assert "appointment: director of EXAMPLETON COMMUNITY TRUST (09999999), appointed 2016-04-01" in lines
    assert (
        "appointment: secretary of DOE CONSULTING LTD (07777777), appointed 2010-01-01, resigned 2012-01-01"
        in lines
    )
    assert lines.count("correspondence address: 12, Acacia Avenue, Exampleton, EX2 3BB, England") == 1
    assert "occupation: Member of Parliament" in lines
    # Only the matching officer's appointments were fetched: not the namesake born in 1980, not John.
    assert [r.route_path for r in local_server.requests if r.route_path.startswith("/officers/")] == [
        f"/officers/{OFFICER}/appointments"
    ]
    hits = {hit.category for hit in detect(document, Subject.of(JANE), [KnownValuesDetector()])}
    assert Category.ADDRESS in hits  # the home address as the correspondence address


def test_basic_auth_with_the_key_as_user_name(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    serve(local_server)
    collect(local_server, fetcher_factory)
    expected = "Basic " + base64.b64encode(f"{KEY}:".encode()).decode()
    assert {r.headers.get("authorization") for r in local_server.requests} == {expected}
    searches = local_server.requests_to("/search/officers")
    assert [r.query["q"] for r in searches] == [["Jane Doe"], ["Jane A. Doe"]]


def test_without_a_birth_date_a_name_match_is_not_attributed(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    serve(local_server)
    local_server.route(f"/officers/{NAMESAKE}/appointments", Reply.json({**APPOINTMENTS, "items": []}))
    result = collect(local_server, fetcher_factory, person=Person(id="jane-doe", name="Jane Doe"))
    assert [d.attributed for d in result.documents] == [False, False]  # both Jane Does: could be anyone's


def test_no_officers_is_checked_and_nothing_found(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/search/officers", Reply.json({**SEARCH, "items": [], "total_results": 0}))
    result = collect(local_server, fetcher_factory)
    assert (result.status, result.documents) == (SourceStatus.OK, ())
    assert result.detail == "2 of 2 names checked; 0 matching officer records"


def test_rate_limited(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route("/search/officers", Reply(429))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.RATE_LIMITED
    assert len(local_server.requests_to("/search/officers")) == 2  # one retry by the fetcher, then stop


def test_refused_key_is_failed(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route("/search/officers", Reply.json({"error": "Invalid Authorization"}, status=401))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert "API key refused" in result.detail


@pytest.mark.parametrize("body", [b"[]", b"{not json", b'{"items": [1, "x", null]}'])
def test_malformed_search(local_server: LocalServer, fetcher_factory: FetcherFactory, body: bytes) -> None:
    local_server.route("/search/officers", Reply(200, body, {"content-type": "application/json"}))
    result = collect(local_server, fetcher_factory)
    if body.startswith(b'{"items"'):  # the right shape with junk items: nothing usable, not a failure
        assert result.status is SourceStatus.OK
    else:
        assert result.status is SourceStatus.FAILED
        assert "name 1 of 2: malformed response from Companies House" in result.detail


def test_server_error_on_appointments_is_failed(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/search/officers", Reply.json(SEARCH))
    local_server.route(f"/officers/{OFFICER}/appointments", Reply(500))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert "officer record 1 of 1: Companies House: HTTP 500 after 2 attempts" in result.detail


@pytest.mark.parametrize(
    ("officer", "person", "same"),
    [
        ("DOE, Jane Anne", "Jane Doe", True),
        ("DOE, Jane Anne", "Jane A. Doe", True),
        ("Jane Anne DOE", "Jane A Doe", True),
        ("Mrs Jane DOE", "Jane Doe", True),
        ("DOE, Jane", "Jane A. Doe", False),  # the roster's middle initial is not there
        ("DOE, Jane Beth", "Jane A. Doe", False),
        ("DOE, Janey", "Jane Doe", False),
        ("DOE-SMITH, Jane", "Jane Doe", False),
        ("DOÉ, Jane", "Jane Doe", True),
        ("DOE", "Jane Doe", False),
    ],
)
def test_name_matching(officer: str, person: str, same: bool) -> None:
    assert names_match(name_tokens(officer), name_tokens(person)) is same

"""The people_search source: only the person's own listing is attributed; namesakes are counted, not kept."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from localserver import LocalServer, Reply
from people import jane

from auditor.catalogue.listings import evidence, identifiers, towns
from auditor.config import Config
from auditor.model import Person, PrivateValues, PublicValues, SourceResult, SourceStatus
from auditor.sources.interface import NotConfigured, SourceContext
from auditor.sources.people_search import PeopleSearchSource

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import FetcherFactory

JANE = jane(
    aliases=("Jane A. Doe",),
    public=PublicValues(
        phones=("020 7946 0001",), addresses=("Constituency Office, 1 High Street, Exampleton EX1 1AA",)
    ),
    private=PrivateValues(
        phones=("07700 900123",),
        emails=("jane.home@mail.example",),
        addresses=("12 Acacia Avenue, Exampleton EX2 3BB",),
        dates_of_birth=(dt.date(1975, 3, 14),),
    ),
)
ALEX = Person(id="alex-morgan", name="Alex Morgan", private=PrivateValues(phones=("07700 900789",)))

RESULTS = """<!doctype html><html><head><title>2 results</title></head><body>
<div class="result"><h2>Jane Doe</h2><p>Address: 12 Acacia Avenue, Exampleton EX2 3BB</p>
<p>Mobile: +44 7700 900123</p></div>
<div class="result"><h2>Jane Doe</h2><p>Age 31. 4 Mill Lane, Otherbury OB7 2QQ</p><p>0117 496 0555</p></div>
<div class="result"><h2>Jane Doe</h2><p>1 High Street, Newtown NT1 1AA</p></div>
<p>Remove your record</p></body></html>"""
NONE = "<html><body><p>No results found</p></body></html>"


def catalogue(
    tmp_path: Path, server: LocalServer, *, listing: str = "div.result", city: bool = False
) -> Path:
    base = server.base_url
    url = f"{base}/town/{{slug}}?in={{city}}" if city else f"{base}/search?first={{first}}&last={{last}}"
    selector = f"\n    listing: '{listing}'" if listing else ""
    path = tmp_path / "people.yaml"
    path.write_text(
        f"""sites:
  - name: Finder
    url: {url}
    exists: {{status: 200, text: 'class="result"'}}
    missing: {{status: 200, text: No results found}}{selector}
    opt_out: https://finder.example/opt-out
""",
        encoding="utf-8",
    )
    return path


def source(fetcher_factory: FetcherFactory, options: dict[str, object]) -> PeopleSearchSource:
    fetcher = fetcher_factory(cache_enabled=False)
    return PeopleSearchSource(options, SourceContext(fetcher=fetcher, config=Config()))


def run(fetcher_factory: FetcherFactory, path: Path, person: Person = JANE) -> SourceResult:
    return source(fetcher_factory, {"catalogue": str(path)}).collect(person)


def test_not_configured_without_a_catalogue(fetcher_factory: FetcherFactory) -> None:
    with pytest.raises(NotConfigured, match="needs `catalogue: PATH`"):
        source(fetcher_factory, {})
    assert PeopleSearchSource.default_on is False


def test_only_the_matching_listing_is_attributed(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    local_server.route("/search", Reply(200, RESULTS))
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.OK
    (document,) = result.documents
    assert document.url == local_server.url("/search?first=Jane&last=Doe")
    assert document.label == "People-search listing on Finder"
    assert document.attributed
    assert "Mobile: +44 7700 900123" in document.content.text
    assert "Otherbury" not in document.content.text
    assert document.content.text.endswith("\nopt-out: https://finder.example/opt-out")
    assert document.content.meta["opt_out"] == "https://finder.example/opt-out"
    assert document.content.meta["matched_on"] == "phone, postcode, street"
    assert result.detail == (
        "1 site searched; 1 listing on Finder matched the person (on phone, postcode, street); "
        "2 namesake listings ignored"
    )
    # The detail names kinds of evidence, never the values themselves.
    for secret in ("07700", "Acacia", "EX2", "Exampleton"):
        assert secret not in result.detail


def test_whole_page_is_one_listing_without_a_selector(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    namesake = '<html><body><div class="result">Jane Doe, 4 Mill Lane, Otherbury OB7 2QQ</div></body></html>'
    local_server.route("/search", Reply(200, namesake))
    result = run(fetcher_factory, catalogue(tmp_path, local_server, listing=""))
    assert result.status is SourceStatus.OK
    assert result.documents == ()
    assert "no listing matched the person; 1 namesake listing ignored" in result.detail


def test_no_results(local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path) -> None:
    local_server.route("/search", Reply(200, NONE))
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.OK
    assert result.documents == ()
    assert result.detail == "1 site searched; no listing matched the person"


def test_city_comes_from_the_address_town(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    local_server.route("/town/jane-doe", Reply(200, NONE))
    run(fetcher_factory, catalogue(tmp_path, local_server, city=True))
    assert local_server.paths() == ["/robots.txt", "/town/jane-doe?in=Exampleton"]  # one town, private first


def test_city_unknown_skips_the_site(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    result = run(fetcher_factory, catalogue(tmp_path, local_server, city=True), ALEX)
    assert result.status is SourceStatus.SKIPPED
    assert result.detail == "every site needs a town, and no address on the roster gives one (Finder)"
    assert local_server.requests == []


def test_blocked_site_fails_the_source(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    local_server.route("/search", Reply(200, "<html><head><title>Just a moment...</title></head></html>"))
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.FAILED
    assert "1 search could not be checked (1 blocked): Finder" in result.detail
    assert result.failures[0].reason == "blocked"


def test_rate_limited(local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path) -> None:
    local_server.route("/search", Reply(429, "slow down", {"retry-after": "0"}))
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.RATE_LIMITED
    assert result.failures[0].reason == "rate_limited"


def test_server_error(local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path) -> None:
    local_server.route("/search", Reply(502, "bad gateway"))
    result = run(fetcher_factory, catalogue(tmp_path, local_server))
    assert result.status is SourceStatus.FAILED
    assert "server error" in result.detail


def test_stale_listing_selector_is_unknown(
    local_server: LocalServer, fetcher_factory: FetcherFactory, tmp_path: Path
) -> None:
    local_server.route("/search", Reply(200, RESULTS))
    result = run(fetcher_factory, catalogue(tmp_path, local_server, listing="article.person"))
    assert result.status is SourceStatus.FAILED
    assert result.documents == ()
    assert "listing selector matched nothing" in result.failures[0].detail


def test_towns_from_addresses() -> None:
    sam = Person(
        id="s", name="Sam", private=PrivateValues(addresses=("Flat 4, 27 Harbour Road, Newtown NT4 9ZZ",))
    )
    assert towns(sam) == ["Newtown"]
    assert towns(JANE) == ["Exampleton"]  # the public office is in the same town
    other = Person(id="o", name="O", private=PrivateValues(addresses=("3 The Close, Otherbury,  OB1 2CD",)))
    assert towns(other) == ["Otherbury"]
    assert (
        towns(Person(id="n", name="N", private=PrivateValues(addresses=("Somewhere without a postcode",))))
        == []
    )


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Jane Doe, tel 07700 900123", ["phone"]),
        ("Jane Doe, +44 (0)7700 900 123", ["phone"]),
        ("Jane Doe, 07700900123", ["phone"]),
        ("contact JANE.HOME@mail.example", ["email"]),
        ("Jane Doe, ex2 3bb", ["postcode"]),
        ("Jane Doe, 12 Acacia Avenue, Exampleton", ["street"]),
        ("Jane A. Doe, born 1975", ["birth year with name"]),
        ("Office: 020 7946 0001", ["phone"]),
        # Namesakes and near misses: none of these is Jane's.
        ("Jane Doe, 1 High Street, Newtown NT1 1AA", []),
        ("Jane Doe, 12 Acacia Avenue, Otherbury", []),
        ("Jane Doe, age 31, born 1993", []),
        ("Janet Smith, born 1975", []),
        ("ref 077009001234", []),
        ("Jane Doe, 07700 900124", []),
    ],
)
def test_listing_evidence(text: str, kinds: list[str]) -> None:
    assert evidence(text, identifiers(JANE)) == kinds

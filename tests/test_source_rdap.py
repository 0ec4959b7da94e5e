"""The rdap source against a local look-alike of rdap.org and a registry's RDAP server (RFC 9083 shapes)."""

from __future__ import annotations

import copy
import hashlib
import json
from typing import TYPE_CHECKING, Any

import pytest
from localserver import LocalServer, Reply
from people import jane

from auditor.config import Config
from auditor.model import DocKind, Person, SourceResult, SourceStatus
from auditor.sources.interface import SourceContext
from auditor.sources.rdap import RdapSource
from auditor.sources.rdap_jcard import Malformed, Registration, parse_domain

if TYPE_CHECKING:
    from conftest import FetcherFactory, ServerFactory

JANE = jane(domains=("janedoe.example",))


def vcard(*props: list[Any]) -> list[Any]:
    return ["vcard", [["version", {}, "text", "4.0"], *props]]


# Shaped like RFC 9083 section 5.3's domain example and a registry's answer (a registrar with its abuse
# desk nested inside it); all values fictional.
RECORD: dict[str, Any] = {
    "rdapConformance": ["rdap_level_0"],
    "objectClassName": "domain",
    "handle": "JD-1",
    "ldhName": "janedoe.example",
    "entities": [
        {
            "objectClassName": "entity",
            "handle": "REG-1",
            "roles": ["registrar"],
            "vcardArray": vcard(["fn", {}, "text", "Example Registrar Ltd"]),
            "entities": [
                {
                    "objectClassName": "entity",
                    "roles": ["abuse"],
                    "vcardArray": vcard(
                        ["fn", {}, "text", "Abuse Desk"],
                        ["email", {}, "text", "abuse@registrar.example"],
                        ["tel", {"type": "voice"}, "uri", "tel:+44.1134960000"],
                    ),
                }
            ],
        },
        {
            "objectClassName": "entity",
            "handle": "C-1",
            "roles": ["registrant"],
            "vcardArray": vcard(
                ["fn", {}, "text", "Jane Doe"],
                [
                    "adr",
                    {"type": "home"},
                    "text",
                    ["", "", "12 Acacia Avenue", "Exampleton", "", "EX2 3BB", "GB"],
                ],
                ["tel", {"type": ["voice"]}, "uri", "tel:+44-7700-900123;ext=1"],
                ["tel", {"type": "fax"}, "uri", "tel:+44.2079460999"],
                ["email", {}, "text", "jane.home@mail.example"],
            ),
            "entities": [
                {
                    "objectClassName": "entity",
                    "roles": ["technical"],
                    "vcardArray": vcard(
                        ["fn", {}, "text", "Tom Doe"],
                        ["email", {}, "text", "tom@doe-family.example"],
                    ),
                }
            ],
        },
    ],
}

REDACTED_RECORD: dict[str, Any] = {
    "objectClassName": "domain",
    "ldhName": "sampatel.test",
    "entities": [
        {
            "objectClassName": "entity",
            "roles": ["registrant"],
            "vcardArray": vcard(
                ["fn", {}, "text", ""],
                ["adr", {}, "text", ["", "", "", "", "", "", "GB"]],
            ),
        }
    ],
    # RFC 9537 section 4.2 / Figure 12.
    "redacted": [
        {
            "name": {"type": "Registrant Name"},
            "postPath": "$.entities[?(@.roles[0]=='registrant')].vcardArray[1][?(@[0]=='fn')][3]",
            "pathLang": "jsonpath",
            "method": "emptyValue",
            "reason": {"description": "Server policy"},
        }
    ],
}


@pytest.fixture
def fetch_ctx(fetcher_factory: FetcherFactory) -> SourceContext:
    return SourceContext(fetcher=fetcher_factory(cache_enabled=False), config=Config())


def run(server: LocalServer, ctx: SourceContext, person: Person = JANE) -> SourceResult:
    return RdapSource({"base_url": server.base_url + "/"}, ctx).collect(person)


def test_follows_the_redirect_to_the_registry_and_reads_the_registrant(
    server_factory: ServerFactory, fetch_ctx: SourceContext
) -> None:
    bootstrap, registry = server_factory(), server_factory()
    registry.route(
        "/rdap/domain/janedoe.example", Reply.json(RECORD, headers={"content-type": "application/rdap+json"})
    )
    bootstrap.route("/domain/janedoe.example", Reply.redirect(registry.url("/rdap/domain/janedoe.example")))
    result = run(bootstrap, fetch_ctx)
    assert result.status is SourceStatus.OK, result
    assert bootstrap.requests[0].headers["accept"].startswith("application/rdap+json")
    assert bootstrap.paths() == ["/domain/janedoe.example"]  # an API: no robots.txt
    (doc,) = result.documents
    assert doc.url == registry.url("/rdap/domain/janedoe.example")
    assert (doc.source, doc.attributed, doc.content.kind) == ("rdap", True, DocKind.RECORD)
    assert doc.label == "Domain registration record for janedoe.example"
    lines = doc.content.text.splitlines()
    assert lines[:6] == [
        "domain: janedoe.example",
        "registrant name: Jane Doe",
        "registrant address: 12 Acacia Avenue, Exampleton, EX2 3BB, GB",
        "registrant phone: +44-7700-900123",
        "registrant fax: +44 2079460999",
        "registrant email: jane.home@mail.example",
    ]
    assert "registration record with contact details" in result.detail
    assert "jane.home" not in result.detail
    # The evidence a removal request cites: the registry's answer, its status and the body's hash.
    assert doc.fetched is not None
    assert (doc.fetched.url, doc.fetched.status) == (registry.url("/rdap/domain/janedoe.example"), 200)
    assert doc.fetched.sha256 == hashlib.sha256(json.dumps(RECORD).encode()).hexdigest()


def test_nested_entities_are_read_but_not_the_registrars_own(
    local_server: LocalServer, fetch_ctx: SourceContext
) -> None:
    local_server.route("/domain/janedoe.example", Reply.json(RECORD))
    text = run(local_server, fetch_ctx).documents[0].content.text
    assert "technical name: Tom Doe" in text
    assert "technical email: tom@doe-family.example" in text
    assert "Registrar" not in text
    assert "abuse@" not in text
    assert "1134960000" not in text


def test_redacted_record_is_noted_not_a_document(local_server: LocalServer, fetch_ctx: SourceContext) -> None:
    local_server.route("/domain/sampatel.test", Reply.json(REDACTED_RECORD))
    sam = Person(id="sam-patel", name="Sam Patel", domains=("sampatel.test",))
    result = run(local_server, fetch_ctx, sam)
    assert (result.status, result.documents) == (SourceStatus.OK, ())
    assert result.detail == "sampatel.test: registrant details redacted"


@pytest.mark.parametrize(
    "placeholder", ["REDACTED FOR PRIVACY", "Data Protected", "Withheld for Privacy ehf"]
)
def test_placeholder_contact_is_redaction(
    local_server: LocalServer, fetch_ctx: SourceContext, placeholder: str
) -> None:
    record = copy.deepcopy(RECORD)
    registrant = record["entities"][1]
    del registrant["entities"]
    # A privacy service's own address and phone are not the person's: none of the entity is kept.
    registrant["vcardArray"] = vcard(
        ["fn", {}, "text", placeholder],
        ["adr", {}, "text", ["", "", "Kalkofnsvegur 2", "Reykjavik", "", "101", "IS"]],
        ["tel", {}, "uri", "tel:+354.4212434"],
    )
    local_server.route("/domain/janedoe.example", Reply.json(record))
    result = run(local_server, fetch_ctx)
    assert (result.status, result.documents) == (SourceStatus.OK, ())
    assert "registrant details redacted" in result.detail


def test_partly_redacted_contact_keeps_what_is_published(
    local_server: LocalServer, fetch_ctx: SourceContext
) -> None:
    record = copy.deepcopy(RECORD)
    record["entities"][1]["vcardArray"] = vcard(
        ["fn", {}, "text", "Jane Doe"],
        ["adr", {}, "text", ["", "", "REDACTED FOR PRIVACY", "REDACTED FOR PRIVACY", "", "EX2", "GB"]],
        ["email", {}, "text", "Withheld for privacy"],
        ["tel", {}, "text", "+44.7700900123"],
    )
    local_server.route("/domain/janedoe.example", Reply.json(record))
    result = run(local_server, fetch_ctx)
    text = result.documents[0].content.text
    assert "registrant phone: +44 7700900123" in text
    assert "registrant address: EX2, GB" in text
    assert "REDACTED" not in text
    assert "Withheld" not in text
    assert "some details redacted" in result.detail


def test_not_found_is_checked(local_server: LocalServer, fetch_ctx: SourceContext) -> None:
    local_server.route(
        "/domain/janedoe.example",
        Reply.json({"errorCode": 404, "title": "Not Found", "description": ["no such domain"]}, status=404),
    )
    result = run(local_server, fetch_ctx)
    assert (result.status, result.documents, result.detail) == (
        SourceStatus.OK,
        (),
        "janedoe.example: no RDAP record",
    )


def test_rate_limited_stops_asking(local_server: LocalServer, fetch_ctx: SourceContext) -> None:
    local_server.route("/domain/janedoe.example", Reply(429, "slow down", {"retry-after": "0"}))
    person = jane(domains=("janedoe.example", "janedoe-campaign.example"))
    result = run(local_server, fetch_ctx, person)
    assert result.status is SourceStatus.RATE_LIMITED
    assert local_server.paths() == ["/domain/janedoe.example"] * 2  # one retry, then no second domain
    assert "janedoe-campaign.example not checked" in result.detail
    assert [f.reason for f in result.failures] == ["rate_limited", "rate_limited"]


@pytest.mark.parametrize(
    "body",
    [
        b"<html>Service unavailable</html>",
        b'["not", "an", "object"]',
        b'{"entities": {}}',
        b"[" * 100_000,
        b" " * 2_000_001 + b"{}",  # valid JSON, but larger than any real record
    ],
)
def test_malformed_response_fails(local_server: LocalServer, fetch_ctx: SourceContext, body: bytes) -> None:
    local_server.route("/domain/janedoe.example", Reply(200, body, {"content-type": "application/rdap+json"}))
    result = run(local_server, fetch_ctx)
    assert result.status is SourceStatus.FAILED
    assert result.detail == "janedoe.example not checked: malformed response from 127.0.0.1"
    assert result.failures[0].reason == "parse"


def test_server_error_fails(local_server: LocalServer, fetch_ctx: SourceContext) -> None:
    local_server.route("/domain/janedoe.example", Reply(500, "oops"))
    result = run(local_server, fetch_ctx)
    assert result.status is SourceStatus.FAILED
    assert "janedoe.example not checked: HTTP 500" in result.detail


def test_one_failed_domain_of_two_fails_the_source(
    local_server: LocalServer, fetch_ctx: SourceContext
) -> None:
    local_server.route("/domain/janedoe.example", Reply.json(RECORD))
    local_server.route("/domain/janedoe-campaign.example", Reply(403, "blocked"))
    person = jane(domains=("janedoe.example", "janedoe-campaign.example"))
    result = run(local_server, fetch_ctx, person)
    assert result.status is SourceStatus.FAILED
    assert len(result.documents) == 1
    assert "janedoe-campaign.example not checked: HTTP 403" in result.detail


def test_no_domains_is_skipped(fetch_ctx: SourceContext) -> None:
    result = RdapSource({}, fetch_ctx).collect(Person(id="alex-morgan", name="Alex Morgan"))
    assert (result.status, result.detail) == (SourceStatus.SKIPPED, "no domains on the roster")


def test_default_base_url_and_idn(fetch_ctx: SourceContext) -> None:
    source = RdapSource({}, fetch_ctx)
    assert source._url("Bücher.Example.") == "https://rdap.org/domain/xn--bcher-kva.example"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {
                "entities": [
                    {
                        "roles": ["registrant"],
                        "vcardArray": vcard(
                            [
                                "adr",
                                {"label": "12 Acacia Avenue\nExampleton\nEX2 3BB"},
                                "text",
                                ["", "", "", "", "", "", ""],
                            ]
                        ),
                    }
                ]
            },
            Registration(("registrant address: 12 Acacia Avenue, Exampleton, EX2 3BB",)),
        ),
        (  # structured street lines may be arrays (RFC 7095 section 3.3.1.3)
            {
                "entities": [
                    {
                        "roles": ["administrative"],
                        "vcardArray": vcard(
                            [
                                "adr",
                                {},
                                "text",
                                ["", "", ["Flat 4", "27 Harbour Road"], "Newtown", "", "NT4 9ZZ", ""],
                            ],
                            ["email", {}, "text", "mailto:sam.patel.home@post.example"],
                        ),
                    }
                ]
            },
            Registration(
                (
                    "administrative address: Flat 4, 27 Harbour Road, Newtown, NT4 9ZZ",
                    "administrative email: sam.patel.home@post.example",
                )
            ),
        ),
        (  # junk inside a valid object is ignored, not fatal
            {
                "entities": [
                    "x",
                    {"roles": "registrant"},
                    {"roles": ["registrant"], "vcardArray": ["vcard"]},
                    {"roles": ["registrant"], "vcardArray": ["vcard", [["fn"], 7, ["fn", {}, "text", 42]]]},
                ]
            },
            Registration(),
        ),
        ({"objectClassName": "domain"}, Registration()),
        (
            {"entities": [], "redacted": [{"name": {"description": "Registrant Email"}}]},
            Registration((), True),
        ),
        ([], Malformed("not a JSON object")),
    ],
)
def test_parse_domain(data: object, expected: Registration | Malformed) -> None:
    assert parse_domain(data) == expected


def test_hostile_nesting_and_sizes_are_bounded() -> None:
    entity: dict[str, Any] = {
        "roles": ["registrant"],
        "vcardArray": vcard(["fn", {}, "text", "Deep " + "x" * 5000]),
    }
    for _ in range(50):
        entity = {"roles": ["reseller"], "entities": [entity]}
    assert parse_domain({"entities": [entity]}) == Registration()  # deeper than MAX_DEPTH: not read
    wide = {
        "entities": [{"roles": ["registrant"], "vcardArray": vcard(["fn", {}, "text", "y" * 5000])}] * 1000
    }
    result = parse_domain(wide)
    assert isinstance(result, Registration)
    assert len(result.lines) == 1
    assert len(result.lines[0]) < 400

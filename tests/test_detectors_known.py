"""Known-values detector: the roster's own values in every common format, and the look-alikes it must skip."""

from __future__ import annotations

import pytest
from people import JANE

from auditor.detectors import KnownValuesDetector, Subject, default_detectors, detect
from auditor.detectors.text import SNIPPET_CHARS, snippet
from auditor.model import (
    Category,
    DocKind,
    Document,
    Extracted,
    Hit,
    Match,
    Person,
    PrivateValues,
    Severity,
)

PHONE = "+447700900123"
EMAIL = "jane.home@mail.example"
HOME = "12 acacia avenue, exampleton ex2 3bb"
DOB = "1975-03-14"


def doc(text: str, links: tuple[str, ...] = (), *, title: str = "", attributed: bool = False) -> Document:
    return Document(
        url="https://site.example/page",
        source="crawl",
        content=Extracted(kind=DocKind.HTML, text=text, title=title, contact_links=links),
        attributed=attributed,
    )


def hits(text: str, links: tuple[str, ...] = (), person: Person = JANE) -> list[Hit]:
    return list(detect(doc(text, links), Subject.of(person), [KnownValuesDetector()]))


def keys(text: str, links: tuple[str, ...] = ()) -> set[str]:
    return {hit.key for hit in hits(text, links)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # phones: every spacing of 07700 900123
        ("Call me on 07700 900123.", {PHONE}),
        ("mobile 07700900123", {PHONE}),
        ("+44 7700 900123", {PHONE}),
        ("+44 (0)7700 900123", {PHONE}),
        ("+44(0)7700-900-123", {PHONE}),
        ("0044 7700 900 123", {PHONE}),
        ("07700.900.123", {PHONE}),
        ("07700-900123", {PHONE}),
        ("(07700) 900123", {PHONE}),
        ("+44 07700 900123", {PHONE}),
        ("WhatsApp: wa.me/447700900123", {PHONE}),
        ("https://api.whatsapp.com/send?phone=447700900123&text=hi", {PHONE}),
        ("tel:+447700900123", {PHONE}),
        # ... and the neighbours that are not it
        ("07700 900124", set()),
        ("077009001234", set()),
        ("Order 1077009001230", set()),
        ("ref 5-07700900123", set()),
        ("07700 900123-4", set()),
        ("07700 900 12", set()),
        # the public landline is found too, as public
        ("Office: 020 7946 0001", {"+442079460001"}),
        ("+44 20 7946 0001", {"+442079460001"}),
        ("020 7946 0002", set()),
        # e-mails, plain and disguised, any case
        ("jane.home@mail.example", {EMAIL}),
        ("Write to JANE.HOME@MAIL.EXAMPLE today", {EMAIL}),
        ("jane.home [at] mail [dot] example", {EMAIL}),
        ("jane.home (at) mail.example", {EMAIL}),
        ("jane.home {at} mail {dot} example", {EMAIL}),
        ("jane dot home at mail dot example", {EMAIL}),
        ("jane.home at mail.example", {EMAIL}),
        ("jane.home%40mail.example", {EMAIL}),
        ("<jane.home@mail.example>", {EMAIL}),
        # look-alikes: a longer domain, a longer local part, another host
        ("jane.home@mail.example.org", set()),
        ("mary.jane.home@mail.example", set()),
        ("xjane.home@mail.example", set()),
        ("jane.home@mail.examples", set()),
        ("jane.home@gmail.example", set()),
        ("jane.homes@mail.example", set()),
        ("jane.home [at] mail [dot] example [dot] org", set()),
        ("jane.doe.mp@parliament.example", {"jane.doe.mp@parliament.example"}),
        # addresses: postcode plus house number or street, whitespace and case free
        ("12 Acacia Avenue, Exampleton EX2 3BB", {HOME}),
        ("12 acacia avenue ... exampleton ex23bb", {HOME}),
        ("12  ACACIA   AVENUE\nEXAMPLETON\nEX2   3BB", {HOME}),
        ("Acacia Ave, EX2 3BB", {HOME}),
        ("No. 12, EX2 3BB", {HOME}),
        ("EX2 3BB (12 Acacia Avenue)", {HOME}),
        ("Delivery to EX2 3BB only", set()),
        ("The Acacia Avenue residents' association", set()),
        ("12 Acacia Avenue, Otherton", set()),
        ("112 Other Road, EX2 3BB", set()),
        ("£12 parking, EX2 3BB", set()),
        ("12 Acacia Avenue, Exampleton EX2 3BD", set()),
        ("We met at 12 Acacia Avenue, Exampleton, for tea.", {HOME}),  # the postcode left out
        ("12 Acacia Ave., Exampleton", {HOME}),
        ("12 Acacia Avenue is for sale", set()),  # no town: thousands of streets share the name
        (
            "Constituency Office, 1 High Street, Exampleton EX1 1AA",
            {"constituency office, 1 high street, exampleton ex1 1aa"},
        ),
        # dates of birth: numeric and written forms of 14 March 1975
        ("DOB 14/03/1975", {DOB}),
        ("14.03.1975", {DOB}),
        ("14-03-1975", {DOB}),
        ("1975-03-14", {DOB}),
        ("14/3/1975", {DOB}),
        ("d.o.b. 14/03/75", {DOB}),  # the short year
        ("14.3.75", {DOB}),
        ("14/03/76", set()),  # another year
        ("14/03-75", set()),  # mixed separators: not a date
        ("v2.14.03.75", set()),  # a version string
        ("ref 114/03/75", set()),
        ("born 14 March 1975", {DOB}),
        ("born 14th March 1975", {DOB}),
        ("14th of March, 1975", {DOB}),
        ("March 14, 1975", {DOB}),
        ("March 14th 1975", {DOB}),
        ("14 Mar 1975", {DOB}),
        ("Mar. 14, 1975", {DOB}),
        ("14-Mar-1975", {DOB}),
        ("03/14/1975", {DOB}),  # month-first is unambiguous when the day is over 12
        # a different date, or the right digits inside something longer
        ("15/03/1975", set()),
        ("14/03/1976", set()),
        ("14/04/1975", set()),
        ("4 March 1975", set()),
        ("24 March 1975", set()),
        ("114/03/1975", set()),
        ("14/03/19750", set()),
        ("version 2.14.03.1975", set()),
        ("1975-03-140", set()),
        ("Invoice 11975-03-14", set()),
        ("14/03-1975", set()),
        ("March 1975", set()),
        ("14 March 1976", set()),
        # relatives and other values, whole-word and case/whitespace/apostrophe free
        ("with her husband Tom Doe", {"tom doe"}),
        ("tom  DOE", {"tom doe"}),
        ("Tom\nDoe", {"tom doe"}),
        ("Tom Doerr", set()),
        ("Atom Doe", set()),
        ("Tom Doe's bike", {"tom doe"}),
        ("Lily Doe-Smith", set()),  # a longer surname is someone else
        ("St Mary's Primary", {"st mary's primary"}),
        ("St Mary’s Primary School", {"st mary's primary"}),
        ("ST MARYS PRIMARY", {"st mary's primary"}),
        ("St. Mary's Primary", {"st mary's primary"}),
        ("Tom. Doe", {"tom doe"}),  # the price of accepting "St.": a full stop after a short word is allowed
        ("the Sunday Striders running club", {"sunday striders running club"}),
        # the person's own name and aliases are not findings
        ("Jane Doe MP, Jane A. Doe", set()),
    ],
)
def test_known_values(text: str, expected: set[str]) -> None:
    assert keys(text) == expected


def test_match_category_severity_and_display_value() -> None:
    text = (
        "Jane Doe, 07700 900123, jane.home@mail.example, 12 Acacia Avenue, Exampleton EX2 3BB, "
        "born 14/03/1975, son Tom Doe, St Mary's Primary. Office 020 7946 0001."
    )
    found = {hit.key: hit for hit in hits(text)}
    assert (found[PHONE].category, found[PHONE].match, found[PHONE].severity) == (
        Category.PHONE,
        Match.PRIVATE,
        Severity.CRITICAL,
    )
    assert found[PHONE].value == "07700 900123"
    assert found[HOME].severity is Severity.CRITICAL
    assert found[HOME].category is Category.ADDRESS
    assert found[EMAIL].severity is Severity.HIGH
    assert found[DOB].category is Category.DATE_OF_BIRTH
    assert found[DOB].severity is Severity.HIGH
    assert found["tom doe"].category is Category.RELATIVE
    assert found["tom doe"].value == "Tom Doe"
    assert found["st mary's primary"].category is Category.OTHER
    assert found["+442079460001"].match is Match.PUBLIC
    assert found["+442079460001"].severity is Severity.INFO
    assert all(hit.detector == "known_values" for hit in found.values())


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("tel:+447700900123", {PHONE}),
        ("tel:07700%20900123", {PHONE}),
        ("sms:07700900123?body=hi", {PHONE}),
        ("https://wa.me/447700900123", {PHONE}),
        ("https://api.whatsapp.com/send?phone=447700900123", {PHONE}),
        ("https://api.whatsapp.com/send/?phone=%2B447700900123&type=phone_number", {PHONE}),
        ("mailto:jane.home@mail.example", {EMAIL}),
        ("mailto:Jane.Home%40Mail.Example?subject=Hello", {EMAIL}),
        ("mailto:office@parliament.example,jane.home@mail.example", {EMAIL}),
        ("tel:+447700900124", set()),
        ("mailto:jane.home@mail.example.org", set()),
        ("https://t.me/janedoe", set()),
    ],
)
def test_known_values_in_contact_links(link: str, expected: set[str]) -> None:
    assert keys("nothing here", (link,)) == expected


def test_one_hit_per_value_keeps_first_evidence() -> None:
    text = "first 07700 900123 then +44 7700 900123 and tel 07700900123"
    found = hits(text, ("tel:+447700900123",))
    assert [hit.key for hit in found] == [PHONE]
    assert "first 07700 900123" in found[0].evidence


def test_runs_on_unattributed_documents_and_in_titles() -> None:
    assert not KnownValuesDetector.attributed_only
    detector = KnownValuesDetector()
    found = list(
        detector.detect(doc("no values", title="Tom Doe's blog", attributed=False), Subject.of(JANE))
    )
    assert [hit.key for hit in found] == ["tom doe"]


def test_evidence_is_short_and_collapsed() -> None:
    text = ("lorem    ipsum\n\n\t" * 200) + "call 07700 900123 now" + ("\n   dolor sit amet" * 200)
    (hit,) = hits(text)
    assert len(hit.evidence) <= SNIPPET_CHARS
    assert "07700 900123" in hit.evidence
    assert "  " not in hit.evidence
    assert "\n" not in hit.evidence


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("a  b\n\nc", 3, 4, "a b c"),
        ("x" * 10, 0, 10, "x" * 10),
        ("y" * 500, 200, 210, None),
    ],
)
def test_snippet(text: str, start: int, end: int, expected: str | None) -> None:
    out = snippet(text, start, end)
    assert len(out) <= SNIPPET_CHARS
    if expected is not None:
        assert out == expected


def test_person_without_values_and_changed_roster() -> None:
    detector = KnownValuesDetector()
    bare = Person(id="jane-doe", name="Jane Doe")
    assert list(detector.detect(doc("07700 900123 Tom Doe"), Subject.of(bare))) == []
    # same id, new values: the per-person cache must not serve the old patterns
    assert [hit.key for hit in detector.detect(doc("07700 900123"), Subject.of(JANE))] == [PHONE]


def test_address_without_postcode_needs_number_street_and_town() -> None:
    person = Person(id="p", name="P", private=PrivateValues(addresses=("12 Acacia Avenue, Exampleton",)))
    assert [h.key for h in hits("at 12 Acacia Avenue, Exampleton", person=person)] == [
        "12 acacia avenue, exampleton"
    ]
    assert hits("at 12 Acacia Avenue, Otherton", person=person) == []
    assert hits("Acacia Avenue, Exampleton", person=person) == []


def test_foreign_private_number() -> None:
    person = Person(id="p", name="P", private=PrivateValues(phones=("+1 415 555 2671",)))
    for text in ("+1 415 555 2671", "(415) 555-2671", "1-415-555-2671", "wa.me/14155552671"):
        assert [h.key for h in hits(text, person=person)] == ["+14155552671"], text
    assert hits("(415) 555-2672", person=person) == []


def test_default_detectors_have_stable_unique_names() -> None:
    names = [detector.name for detector in default_detectors()]
    assert names == [
        "known_values",
        "phone_numbers",
        "email_addresses",
        "postcodes",
        "messaging_links",
        "photo_gps",
        "accounts",
    ]
    assert [d.attributed_only for d in default_detectors()] == [False, True, True, True, True, True, True]

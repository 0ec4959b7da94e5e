"""Discovered-data detectors (phone, e-mail, postcode, messaging link, GPS): false positives beside true."""

from __future__ import annotations

import datetime as dt

import pytest
from people import NOBODY, jane

from auditor.detectors import (
    EmailDetector,
    GpsDetector,
    MessagingLinkDetector,
    PhoneDetector,
    PostcodeDetector,
    Subject,
    detect,
)
from auditor.detectors.gps import haversine_m
from auditor.model import (
    Category,
    DocKind,
    Document,
    Extracted,
    GeoPoint,
    Hit,
    Match,
    PrivateLocation,
    PrivateValues,
    PublicValues,
    Severity,
)

JANE = jane(
    public=PublicValues(
        emails=("jane.doe.mp@parliament.example",),
        phones=("020 7946 0001",),
        addresses=("Constituency Office, 1 High Street, Exampleton EX1 1AA",),
    ),
    private=PrivateValues(
        phones=("07700 900123",),
        emails=("jane.home@mail.example",),
        addresses=("12 Acacia Avenue, Exampleton EX2 3BB",),
        dates_of_birth=(dt.date(1975, 3, 14),),
        locations=(
            PrivateLocation(lat=52.61, lon=-1.11, label="home", radius_m=300),
            PrivateLocation(lat=52.62, lon=-1.13, label="school"),
        ),
    ),
)


def doc(text: str = "", links: tuple[str, ...] = (), gps: GeoPoint | None = None) -> Document:
    return Document(
        url="https://janedoe.example/about",
        source="crawl",
        content=Extracted(kind=DocKind.HTML, text=text, contact_links=links, gps=gps),
        attributed=True,
    )


def phone_keys(text: str) -> set[str]:
    return {hit.key for hit in detect(doc(text), Subject.of(NOBODY), [PhoneDetector()])}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # true: drama-range numbers in every common layout, found although the library calls some invalid
        ("Call 07700 900123 today", {"+447700900123"}),
        ("Mobile: 07700900456", {"+447700900456"}),
        ("+44 7700 900789", {"+447700900789"}),
        ("+44 (0)7700 900321", {"+447700900321"}),
        ("0044 7700 900654", {"+447700900654"}),
        ("07700-900-111", {"+447700900111"}),
        ("07700.900.222", {"+447700900222"}),
        ("Tel 020 7946 0018", {"+442079460018"}),
        ("(020) 7946 0019", {"+442079460019"}),
        ("0113 496 0999", {"+441134960999"}),
        ("Surgery: 0116 496 0123.", {"+441164960123"}),
        ("0117-496-0456", {"+441174960456"}),
        ("T: 0117 496 0111", {"+441174960111"}),
        ("0113 496 0999 ext 12", {"+441134960999"}),
        ("Invoice queries: call 0113 496 0777", {"+441134960777"}),
        ("Contact +1 415 555 2671", {"+14155552671"}),
        ("fax +33 1 42 68 53 00", {"+33142685300"}),
        ("12 Acacia Avenue EX2 3BB 07700 900 555", {"+447700900555"}),
        # false: identifiers labelled as such, even when shaped exactly like a UK number
        ("Invoice 2024-00112233", set()),
        ("Ref: 01179460123", set()),
        ("Reference 07700900123", set()),
        ("Order no. 0113 496 0777", set()),
        ("Account 01134960123", set()),
        ("Sort code 20-00-00 Account 01234567", set()),
        ("Company No. 01234567", set()),
        ("Registered in England no. 01179460999", set()),
        ("Charity no. 1123456", set()),
        ("VAT No: GB 716 6328 31", set()),
        ("Tracking number: 0113 496 0888", set()),
        ("serial 07700900999", set()),
        ("ISSN 0317-8471", set()),
        ("DOI 10.1000/182", set()),
        # false: ISBNs, dates, prices, times, versions, coordinates, IDs in URLs, other figures
        ("ISBN 978-0-14-103614-4", set()),
        ("ISBN 0-306-40615-2", set()),
        ("see 0-306-40615-2", set()),
        ("born 14/03/1975", set()),
        ("on 2024-05-01", set()),
        ("01.02.2023", set()),
        ("£1,234,567", set()),
        ("£20.17", set()),
        ("£0113 4960999", set()),
        ("at 10:30-12:45", set()),
        ("version 1.2.3.4567890", set()),
        ("v2.0.11349609", set()),
        ("52.6100, -1.1100", set()),
        ("https://news.example/article/07700900123456", set()),
        ("https://news.example/story-07700900123", set()),
        ("https://shop.example/?id=01134960555", set()),
        ("1234 567890", set()),
        ("#07700900123", set()),
        ("07700900123@example.test", set()),
        ("NLI : 000974583", set()),
        ("Tokyo office 03-5809-2727", set()),  # a foreign number written nationally: not UK-shaped
        ("(415) 555-2671", set()),  # a US number without +1 cannot be told from a UK figure
    ],
)
def test_discovered_phones(text: str, expected: set[str]) -> None:
    assert phone_keys(text) == expected


def test_phone_detail_and_severity() -> None:
    found = {
        h.key: h for h in detect(doc("07700 900456 or 0113 496 0999"), Subject.of(NOBODY), [PhoneDetector()])
    }
    mobile, landline = found["+447700900456"], found["+441134960999"]
    assert mobile.severity is Severity.HIGH
    assert mobile.detail.startswith("mobile;")
    assert "Ofcom drama range" in mobile.detail
    assert landline.severity is Severity.MEDIUM
    assert landline.detail == "landline; valid number"
    assert mobile.match is Match.DISCOVERED
    assert mobile.category is Category.PHONE


def test_phone_known_numbers_left_to_known_values_and_tel_links() -> None:
    text = "Jane: 07700 900123, office 020 7946 0001, agent 07700 900999"
    links = ("tel:+447700900123", "tel:01164960222", "mailto:x@y.example")
    found = [h.key for h in detect(doc(text, links), Subject.of(JANE), [PhoneDetector()])]
    assert found == ["+447700900999", "+441164960222"]


def email_keys(text: str, links: tuple[str, ...] = ()) -> set[str]:
    return {hit.key for hit in detect(doc(text, links), Subject.of(JANE), [EmailDetector()])}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Press: press@office.example", {"press@office.example"}),
        ("Agent: Sam.Agent@Talent.Example.", {"sam.agent@talent.example"}),
        ("sam [at] talent [dot] example", {"sam@talent.example"}),
        ("sam (at) talent.example", {"sam@talent.example"}),
        ("sam{at}talent{dot}co{dot}test", {"sam@talent.co.test"}),
        ("a.b-c+tag@sub.mail.test", {"a.b-c+tag@sub.mail.test"}),
        ("<sam@talent.example>", {"sam@talent.example"}),
        # not addresses
        ("meet sam at talent dot example", set()),  # bare words: prose, not an address
        ("git clone foo@bar:repo.git", set()),
        ("print('foo@bar')", set()),
        ("logo@2x.png", set()),
        ("npm i left-pad@1.3.0", set()),
        ("https://key123@sentry.test/42", set()),
        ("follow @janedoe on social", set()),
        ("sam..x@talent.example", set()),
        # the person's own addresses are known values, not discoveries
        ("jane.home@mail.example and JANE.DOE.MP@parliament.example", set()),
        ("jane.home@mail.example.org", {"jane.home@mail.example.org"}),
    ],
)
def test_discovered_emails(text: str, expected: set[str]) -> None:
    assert email_keys(text) == expected


def test_emails_in_mailto_links() -> None:
    links = ("mailto:Sam%40Talent.example?subject=hi", "mailto:jane.home@mail.example", "tel:123")
    (hit,) = detect(doc("", links), Subject.of(JANE), [EmailDetector()])
    assert (hit.key, hit.severity, hit.evidence) == (
        "sam@talent.example",
        Severity.MEDIUM,
        "mailto:Sam%40Talent.example?subject=hi",
    )


def postcode_hits(text: str) -> list[Hit]:
    """Postcode hits among every detector's: a full home address covers its postcode."""
    return [hit for hit in detect(doc(text), Subject.of(JANE)) if hit.detector == PostcodeDetector.name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Surgery at the library, EX4 4QJ", {"EX4 4QJ"}),
        ("SW1A 1AA", {"SW1A 1AA"}),
        ("W1A 0AX", {"W1A 0AX"}),
        ("M1 1AE and B33 8TH", {"M1 1AE", "B33 8TH"}),
        ("CR2 6XH", {"CR2 6XH"}),
        ("DN55 1PT", {"DN55 1PT"}),
        ("GIR 0AA", {"GIR 0AA"}),
        ("EC1A\u00a01BB", {"EC1A 1BB"}),
        # not postcodes
        ("US10YT=RR", set()),  # a bond ticker
        ("SW1A1AA", set()),  # unspaced: too many codes share the shape
        ("ex4 4qj", set()),  # lower case in prose
        ("QX1 1AA", set()),  # Q never starts a postcode
        ("EX4 4CI", set()),  # C and I never end one
        ("AB12 3CD-5", set()),
        ("ISO 9001 2015", set()),
        # the office postcode is public, and the home postcode inside the full home address is a known value
        ("Constituency Office, 1 High Street, Exampleton EX1 1AA", set()),
        ("12 Acacia Avenue, Exampleton EX2 3BB", set()),
    ],
)
def test_discovered_postcodes(text: str, expected: set[str]) -> None:
    assert {hit.key for hit in postcode_hits(text)} == expected


def test_home_postcode_alone_is_a_partial_leak() -> None:
    (hit,) = postcode_hits("Jane lives near EX2 3BB")
    assert hit.key == "EX2 3BB"
    assert hit.detail == "the postcode of a private address"
    assert hit.category is Category.ADDRESS
    assert hit.severity is Severity.MEDIUM


def messaging(text: str = "", links: tuple[str, ...] = ()) -> dict[str, Hit]:
    return {hit.key: hit for hit in detect(doc(text, links), Subject.of(JANE), [MessagingLinkDetector()])}


@pytest.mark.parametrize(
    ("text", "links", "expected"),
    [
        ("", ("https://wa.me/447700900999",), {"whatsapp:+447700900999"}),
        ("Message me: wa.me/447700900999", (), {"whatsapp:+447700900999"}),
        ("https://api.whatsapp.com/send?phone=447700900999&text=Hi", (), {"whatsapp:+447700900999"}),
        ("", ("https://api.whatsapp.com/send/?phone=%2B447700900999",), {"whatsapp:+447700900999"}),
        ("Telegram: https://t.me/JaneDoeMP", (), {"telegram:janedoemp"}),
        ("t.me/s/janedoemp", (), {"telegram:janedoemp"}),
        ("https://t.me/+447700900999", (), {"telegram:+447700900999"}),
        ("", ("https://signal.me/#p/+447700900999",), {"signal:+447700900999"}),
        ("https://signal.me/#eu/AbC123xyz", (), {"signal:eu/AbC123xyz"}),
        # not a route to one person, or not a messaging link at all
        ("https://t.me/joinchat/AAAAAE", (), set()),
        ("https://t.me/+AbCdEfGhIjK", (), set()),
        ("https://t.me/share/url?url=x", (), set()),
        ("chat.me/janedoe and format.me/x", (), set()),
        ("https://wa.me/", (), set()),
        ("wa.me/12", (), set()),
        ("https://chat.whatsapp.com/InviteCode123", (), set()),
        ("https://whatsapp.com/", (), set()),
    ],
)
def test_messaging_links(text: str, links: tuple[str, ...], expected: set[str]) -> None:
    assert set(messaging(text, links)) == expected


def test_messaging_link_to_private_number_is_high() -> None:
    found = messaging(
        "wa.me/447700900123 wa.me/442079460001 wa.me/447700900999", ("https://wa.me/447700900123",)
    )
    private = found["whatsapp:+447700900123"]
    assert (private.match, private.severity, private.category) == (
        Match.PRIVATE,
        Severity.HIGH,
        Category.MESSAGING_LINK,
    )
    assert private.evidence == "https://wa.me/447700900123"  # the href comes first
    assert found["whatsapp:+442079460001"].match is Match.PUBLIC
    assert found["whatsapp:+447700900999"].severity is Severity.MEDIUM


@pytest.mark.parametrize(
    ("point", "severity", "detail"),
    [
        (GeoPoint(52.61, -1.11), Severity.CRITICAL, "within 10 m of home (inside its 300 m radius)"),
        (GeoPoint(52.6110, -1.11), Severity.CRITICAL, "about 110 m from home (inside its 300 m radius)"),
        (GeoPoint(52.6040, -1.11), Severity.LOW, "about 670 m from home"),
        (
            GeoPoint(52.6215, -1.13),
            Severity.CRITICAL,
            "from school (inside its 500 m radius)",
        ),  # default radius
        (GeoPoint(51.5, -0.12), Severity.LOW, "about 140.8 km from home"),
    ],
)
def test_photo_gps(point: GeoPoint, severity: Severity, detail: str) -> None:
    (hit,) = detect(doc(gps=point), Subject.of(JANE), [GpsDetector()])
    assert hit.category is Category.LOCATION
    assert hit.severity is severity
    assert detail in hit.detail


def test_gps_absent_or_no_private_locations() -> None:
    assert list(detect(doc("07700 900123"), Subject.of(JANE), [GpsDetector()])) == []
    (hit,) = detect(doc(gps=GeoPoint(52.61, -1.11)), Subject.of(NOBODY), [GpsDetector()])
    assert (hit.severity, hit.detail, hit.key) == (Severity.LOW, "photo location", "52.61000,-1.11000")


def test_haversine() -> None:
    # one degree of latitude is about 111.2 km
    assert abs(haversine_m(GeoPoint(52.0, -1.0), GeoPoint(53.0, -1.0)) - 111_195) < 50

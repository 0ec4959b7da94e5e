"""`auditor seal`: a roster worth nothing to a thief, matched without its private values in plain text."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import stat
from typing import TYPE_CHECKING

import phonenumbers
import pytest
import yaml

from auditor.catalogue.listings import evidence, identifiers
from auditor.cli import EXIT_BAD_INPUT, EXIT_OK, main
from auditor.detectors import Subject, detect
from auditor.extract import extract
from auditor.keys import keyed_hash
from auditor.model import (
    Category,
    Document,
    Extracted,
    GeoPoint,
    Match,
    PrivateLocation,
    PrivateValues,
    Severity,
)
from auditor.profiles import load_roster
from auditor.resources import shipped
from auditor.seal import SEALED_FORM, Sealer, cell_of, cells_within, longest_word, shape
from auditor.values import emails as email_values
from auditor.values import phones as phone_values
from auditor.values.addresses import parse_address
from auditor.values.tokens import canonical, phrase_tokens

if TYPE_CHECKING:
    from pathlib import Path

EXAMPLE = shipped("profiles/example.yaml")
KEY = "seal-test-key-not-secret"


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fixed key from the environment, and private data dirs."""
    monkeypatch.setenv("AUDITOR_HASH_KEY", KEY)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def _spellings(value: str) -> set[str]:
    """Every form a grep for the value could take: as written, digits only, lower case, no spaces."""
    forms = {value, value.lower(), value.replace(" ", ""), value.lower().replace(" ", "")}
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 6:
        forms.add(digits)
        number = phonenumbers.parse(value, "GB")
        forms.add(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
        forms.add(str(number.national_number))
    return {f for f in forms if f}


def test_the_sealed_example_roster_holds_no_private_value_in_any_form(
    keyed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = keyed / "sealed.yaml"
    assert main(["seal", str(EXAMPLE), "--out", str(out)]) == EXIT_OK
    text = out.read_text(encoding="utf-8")
    lowered = text.lower()
    people = load_roster([EXAMPLE])
    checked = 0
    for person in people:
        p = person.private
        values = [*p.phones, *p.emails, *p.addresses, *p.relatives, *p.other]
        values += [d.isoformat() for d in p.dates_of_birth]
        values += [f"{d.day:02d}/{d.month:02d}/{d.year}" for d in p.dates_of_birth]
        values += [f"{loc.lat}" for loc in p.locations] + [f"{loc.lon}" for loc in p.locations]
        for value in values:
            for form in _spellings(value):
                assert form.lower() not in lowered, (person.id, value, form)
                checked += 1
        # The words of addresses, names and places too (the masks keep first letters only), but for
        # those the person publishes anyway ("Exampleton" in an MP's title and office address).
        public = " ".join((person.name, *person.aliases, person.role, *person.public.addresses)).lower()
        for value in (*p.addresses, *p.relatives, *p.other):
            for word in re.findall(r"[^\W\d_]{4,}", value):
                if word.lower() not in public:
                    assert re.search(rf"\b{re.escape(word.lower())}\b", lowered) is None, (person.id, word)
    assert checked > 50  # every private value of every person, each in several spellings
    # Public values stay readable: they are published on purpose.
    assert "020 7946 0001" in text
    assert "jane.doe.mp@parliament.example" in text
    said = capsys.readouterr().out
    assert "shred -u" in said
    assert "$AUDITOR_HASH_KEY" in said


def test_the_sealed_file_is_private_validates_and_never_replaces_its_input(
    keyed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = keyed / "sealed.yaml"
    assert main(["seal", str(EXAMPLE), "--out", str(out), "--quiet"]) == EXIT_OK
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert main(["validate", str(out)]) == EXIT_OK
    before = out.read_bytes()
    assert main(["seal", str(out), "--out", str(out)]) == EXIT_BAD_INPUT
    assert "is the roster itself" in capsys.readouterr().err
    assert out.read_bytes() == before
    sealed = load_roster([out])
    assert all(not p.private.phones and p.sealed.phones for p in sealed)
    assert sealed[0].sealed.phones[0].mask == "+44 7700 9•••23"


def test_an_audit_with_another_key_stops_before_fetching(
    keyed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = keyed / "sealed.yaml"
    assert main(["seal", str(EXAMPLE), "--out", str(out), "--quiet"]) == EXIT_OK
    monkeypatch.setenv("AUDITOR_HASH_KEY", "another-key")
    code = main(["audit", str(out), "--out", str(keyed / "reports"), "--no-history", "--quiet"])
    assert code == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "sealed with another hash key than $AUDITOR_HASH_KEY" in err
    assert "jane-doe" in err
    assert not (keyed / "reports" / "findings.json").exists()


def test_a_sealed_block_without_its_key_check_is_a_problem_naming_the_line(
    keyed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = keyed / "sealed.yaml"
    assert main(["seal", str(EXAMPLE), "--out", str(out), "--quiet"]) == EXIT_OK
    text = re.sub(r"^sealed_with: .*\n", "", out.read_text(encoding="utf-8"), flags=re.MULTILINE)
    out.write_text(text, encoding="utf-8")
    assert main(["validate", str(out)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "people[0].sealed" in err
    assert "sealed_with" in err
    assert re.search(r"sealed\.yaml:\d+", err)


def test_a_roster_sealed_in_another_form_is_refused_naming_the_line(
    keyed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = keyed / "sealed.yaml"
    assert main(["seal", str(EXAMPLE), "--out", str(out), "--quiet"]) == EXIT_OK
    text = out.read_text(encoding="utf-8")
    assert re.search(rf"^sealed_form: {SEALED_FORM}$", text, flags=re.MULTILINE)
    out.write_text(re.sub(r"^sealed_form: .*$", "sealed_form: 2", text, flags=re.MULTILINE), encoding="utf-8")
    assert main(["validate", str(out)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert re.search(r"sealed\.yaml:\d+.*sealed_form.*seal the plain roster again", err)
    # A file sealed before the form was recorded is form 1.
    out.write_text(re.sub(r"^sealed_form: .*\n", "", text, flags=re.MULTILINE), encoding="utf-8")
    assert main(["validate", str(out)]) == EXIT_OK


def test_the_forms_values_are_sealed_in_are_pinned_to_the_sealed_form() -> None:
    """Changing any of these forms changes every hash of a sealed roster: old files would silently match
    less. If this test fails, raise `seal.SEALED_FORM` and the schema's `sealed_form` const."""
    schema = json.loads(shipped("profiles/schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["sealed_form"]["const"] == SEALED_FORM == 1
    words = ["Mary's", "Avenue", "Zürich", "Moewenstrasse", "Landstr", "O’Brien", "first", "Doe", "and"]
    assert [canonical(w) for w in words] == [
        "mary", "ave", "zurich", "mowenstrasse", "landstrasse", "obrien", "1st", "do", "&",
    ]  # fmt: skip
    assert phrase_tokens("Sunday-Striders Running Club") == ("sunday-striders", "running", "club")
    assert email_values.normalise(" Jane.Home@Mail.Example ") == "jane.home@mail.example"
    assert longest_word("jane.home@mail.example") == "example"
    number = phone_values.parse("07700 900123")
    assert number is not None
    assert phone_values.e164(number) == "+447700900123"
    parts = parse_address("Flat 4, 12 Acacia Avenue, Exampleton EX2 3BB")
    assert parts is not None
    assert (parts.unit, sorted(parts.numbers), parts.street, parts.localities) == (
        "4",
        ["12"],
        ("acacia", "ave"),
        (("exampleton",),),
    )
    assert parts.postcode is not None
    assert parts.postcode.code == "EX2 3BB"
    assert (shape("acacia"), cell_of(52.61, -1.11)) == ("a6", "39043:-501")
    assert Sealer(b"k")("word", "acacia") == keyed_hash(b"k", "seal", "word", "acacia")


def test_a_newcomer_typed_in_by_hand_joins_a_sealed_roster_and_is_sealed_next_time(keyed: Path) -> None:
    sealed = keyed / "sealed.yaml"
    assert main(["seal", str(EXAMPLE), "--out", str(sealed), "--quiet"]) == EXIT_OK
    data = yaml.safe_load(sealed.read_text(encoding="utf-8"))
    data["people"].append({"id": "new-person", "name": "New Person", "private": {"phones": ["07700 900555"]}})
    mixed = keyed / "mixed.yaml"
    mixed.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    people = {p.id: p for p in load_roster([mixed])}
    assert people["jane-doe"].sealed.phones
    assert not people["jane-doe"].private.phones
    assert people["new-person"].private.phones == ("07700 900555",)
    again = keyed / "again.yaml"
    assert main(["seal", str(mixed), "--out", str(again), "--quiet"]) == EXIT_OK
    resealed = {p.id: p for p in load_roster([again])}
    assert not resealed["new-person"].private.phones
    assert len(resealed["new-person"].sealed.phones) == 1
    assert resealed["jane-doe"].sealed == people["jane-doe"].sealed  # kept as it was
    assert "900555" not in again.read_text(encoding="utf-8")


def test_an_unsealed_roster_is_warned_about_once(keyed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = keyed / "roster.yaml"
    roster.write_text(
        "version: 1\npeople:\n"
        "  - {id: a, name: A Person, private: {phones: ['07700 900111']}}\n"
        "  - {id: b, name: B Person, private: {phones: ['07700 900222']}}\n"
    )
    config = keyed / "config.yaml"
    config.write_text("sources: {}\n")  # nothing to fetch: the warning comes first
    main(["audit", str(roster), "--out", str(keyed / "out"), "--no-history", "--config", str(config)])
    err = capsys.readouterr().err
    said = [line for line in err.splitlines() if "plain text" in line]
    assert len(said) == 1
    assert said[0].endswith(
        "WARNING auditor: the roster holds private values in plain text: "
        "`auditor seal` keeps only keyed hashes"
    )
    assert "07700" not in err


# --- matching with nothing plain ---------------------------------------------------------------------

SEALER = Sealer(b"seal-test-key")


def _sealed_subject(private: PrivateValues) -> Subject:
    from auditor.model import Person

    person = Person(id="pat-example", name="Pat Example", sealed=SEALER.seal(private))
    return Subject.of(person, SEALER)


def _photo(lat: float, lon: float) -> Document:
    content = Extracted(
        kind=__import__("auditor.model", fromlist=["DocKind"]).DocKind.IMAGE, text="", gps=GeoPoint(lat, lon)
    )
    return Document("http://pat.example/garden.jpg", "crawl", content, attributed=True)


@pytest.mark.parametrize(
    ("north_m", "inside"),
    [(0, True), (250, True), (299, True), (2000, False), (10_000, False)],
)
def test_a_photo_inside_a_sealed_home_radius_is_critical(north_m: float, inside: bool) -> None:
    home = PrivateLocation(52.61, -1.11, "home", 300)
    subject = _sealed_subject(PrivateValues(locations=(home,)))
    [hit] = detect(_photo(home.lat + north_m / 111_320, home.lon), subject)
    assert hit.category is Category.LOCATION
    assert (hit.severity is Severity.CRITICAL) is inside
    assert ("inside the 300 m radius of home" in hit.detail) is inside


def test_sealed_map_cells_cover_the_whole_radius() -> None:
    cells = cells_within(51.4545, -2.5879, 500)
    for bearing in range(0, 360, 15):
        for metres in (0, 100, 250, 499):
            lat = 51.4545 + metres * math.cos(math.radians(bearing)) / 111_320
            lon = -2.5879 + metres * math.sin(math.radians(bearing)) / (
                111_320 * math.cos(math.radians(51.4545))
            )
            assert cell_of(lat, lon) in cells, (bearing, metres)


def test_a_people_search_listing_is_attributed_by_sealed_values_alone() -> None:
    from auditor.model import Person

    private = PrivateValues(phones=("07700 900123",), addresses=("12 Acacia Avenue, Exampleton EX2 3BB",))
    person = Person(id="jane-doe", name="Jane Doe", sealed=SEALER.seal(private))
    ids = identifiers(person, SEALER)
    assert evidence("Jane Doe, 12 Acacia Avenue, Exampleton EX2 3BB. Tel 07700 900123", ids) == [
        "phone",
        "postcode",
        "street",
    ]
    assert evidence("Jane Doe, 4 Mill Lane, Otherton OT1 1AA. Tel 07700 900999", ids) == []  # a namesake


def test_sealed_evidence_is_masked_where_it_is_read() -> None:
    private = PrivateValues(relatives=("Tom Doe",), addresses=("12 Acacia Avenue, Exampleton EX2 3BB",))
    subject = _sealed_subject(private)
    content = extract(
        b"<p>Pat lives at 12 Acacia Avenue, Exampleton EX2 3BB with her husband Tom Doe.</p>",
        url="http://pat.example/",
        content_type="text/html",
    )
    assert isinstance(content, Extracted)
    hits = detect(Document("http://pat.example/", "crawl", content, attributed=True), subject)
    assert {(h.category, h.match) for h in hits} >= {
        (Category.ADDRESS, Match.PRIVATE),
        (Category.RELATIVE, Match.PRIVATE),
    }
    for hit in hits:
        assert "Acacia" not in hit.evidence, hit.evidence
        assert "Tom" not in hit.evidence, hit.evidence
        assert "•" in hit.value  # the mask: nothing else is there to show


def test_a_date_of_birth_month_is_recovered_for_records_without_a_day() -> None:
    from auditor.values.sealed import SealedLookups

    sealed = SEALER.seal(PrivateValues(dates_of_birth=(dt.date(1975, 3, 14),)))
    assert SealedLookups(sealed, SEALER).birth_months() == {(3, 1975)}

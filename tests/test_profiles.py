"""Roster loading: every kind of mistake is reported with its file, line and field; good rosters load."""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap
from typing import TYPE_CHECKING, Any

import pytest
from jsonschema import Draft202012Validator

from auditor.errors import InputError, Problem
from auditor.model import Person, PrivateLocation, PrivateValues, PublicValues, SocialAccount
from auditor.profiles import load_roster, roster_schema
from auditor.resources import shipped
from auditor.yamlfile import format_path, parse_yaml, read_yaml

if TYPE_CHECKING:
    from pathlib import Path

HEAD = "version: 1\npeople:\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(paths: list[Path]) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_roster(paths)
    return caught.value.problems


def person(body: str) -> str:
    """A roster with one person, whose fields start on line 4 (`- id: jane-doe` is line 3)."""
    return HEAD + "  - id: jane-doe\n" + textwrap.indent(textwrap.dedent(body), "    ")


# Each case: a roster, then the (line, field, words in the message) of the one problem it must produce.
BAD_ROSTERS: list[tuple[str, str, int | None, str, str]] = [
    (
        "unknown key",
        person("name: Jane Doe\nprivate:\n  fone: ['07700 900123']\n"),
        6,
        "people[0].private.fone",
        "unknown key 'fone' — did you mean 'phones'?",
    ),
    ("bad id", HEAD + "  - id: Jane_Doe\n    name: Jane Doe\n", 3, "people[0].id", "lower-case letters"),
    ("id too long", HEAD + f"  - id: {'a' * 65}\n    name: Jane Doe\n", 3, "people[0].id", "too long"),
    ("missing name", person("role: MP\n"), 3, "people[0].name", "required key 'name' is missing"),
    (
        "non-http URL",
        person("name: Jane Doe\nwebsites: ['ftp://janedoe.example/']\n"),
        5,
        "people[0].websites[0]",
        "must be an http or https URL",
    ),
    (
        "URL without a host",
        person("name: Jane Doe\nwebsites:\n  - 'http://janedoe.example/'\n  - 'http://:80/'\n"),
        7,
        "people[0].websites[1]",
        "no host",
    ),
    (
        "domain given as a URL",
        person("name: Jane Doe\ndomains: [https://janedoe.example/]\n"),
        5,
        "people[0].domains[0]",
        "must be a domain name",
    ),
    (
        "username with @",
        person("name: Jane Doe\nusernames: ['@janedoe']\n"),
        5,
        "people[0].usernames[0]",
        "leading @",
    ),
    (
        "impossible date",
        person("name: Jane Doe\nprivate:\n  dates_of_birth: [1975-02-30]\n"),
        6,
        "people[0].private.dates_of_birth[0]",
        "must be a real date written YYYY-MM-DD",
    ),
    (
        "date in another format",
        person("name: Jane Doe\nprivate:\n  dates_of_birth: [14/03/1975]\n"),
        6,
        "people[0].private.dates_of_birth[0]",
        "YYYY-MM-DD",
    ),
    (
        "latitude 95",
        person("name: Jane Doe\nprivate:\n  locations:\n    - {lat: 95, lon: -1.11}\n"),
        7,
        "people[0].private.locations[0].lat",
        "latitude must be between -90 and 90",
    ),
    (
        "longitude -200",
        person("name: Jane Doe\nprivate:\n  locations:\n    - lat: 52.6\n      lon: -200\n"),
        8,
        "people[0].private.locations[0].lon",
        "longitude must be between -180 and 180",
    ),
    (
        "zero radius",
        person("name: Jane Doe\nprivate:\n  locations:\n    - {lat: 52.6, lon: -1.1, radius_m: 0}\n"),
        7,
        "people[0].private.locations[0].radius_m",
        "more than 0",
    ),
    (
        "not-a-number latitude",
        person("name: Jane Doe\nprivate:\n  locations:\n    - {lat: .nan, lon: -1.1}\n"),
        7,
        "people[0].private.locations[0].lat",
        "finite number",
    ),
    (
        "location without lat",
        person("name: Jane Doe\nprivate:\n  locations:\n    - {lon: -1.1}\n"),
        7,
        "people[0].private.locations[0].lat",
        "required key 'lat' is missing",
    ),
    (
        "unreadable phone",
        person("name: Jane Doe\nprivate:\n  phones: [call me maybe]\n"),
        6,
        "people[0].private.phones[0]",
        "is not a phone number",
    ),
    (
        "phone with a letter O for a zero",
        person("name: Jane Doe\nprivate:\n  phones: ['07700 9OO123']\n"),
        6,
        "people[0].private.phones[0]",
        "letters",
    ),
    (
        "phone too short",
        person("name: Jane Doe\npublic:\n  phones: ['12']\n"),
        6,
        "people[0].public.phones[0]",
        "too short",
    ),
    (
        "phone as a YAML number",
        person("name: Jane Doe\nprivate:\n  phones: [+447700900123]\n"),
        6,
        "people[0].private.phones[0]",
        "must be text, not a number: put the value in quotes",
    ),
    (
        "a string where a list belongs",
        person("name: Jane Doe\nprivate:\n  phones: 07700 900123\n"),
        6,
        "people[0].private.phones",
        "must be a list",
    ),
    (
        "yes read as true",
        person("name: Jane Doe\nprivate:\n  other: [yes]\n"),
        6,
        "people[0].private.other[0]",
        "not true/false",
    ),
    (
        "empty value",
        person("name: Jane Doe\naliases:\n"),
        5,
        "people[0].aliases",
        "give a value or delete the line",
    ),
    ("blank text", person("name: '  '\n"), 4, "people[0].name", "must not be blank"),
    (
        "bad email",
        person("name: Jane Doe\nprivate:\n  emails: [jane.home@]\n"),
        6,
        "people[0].private.emails[0]",
        "does not look like an email address",
    ),
    (
        "duplicate YAML key",
        person("name: Jane Doe\nrole: MP\nname: Janet Doe\n"),
        6,
        "people[0].name",
        "duplicate key 'name' (first on line 4)",
    ),
    (
        "missing version",
        "people:\n  - id: jane-doe\n    name: Jane Doe\n",
        1,
        "version",
        "'version' is missing",
    ),
    ("version 2", "version: 2\npeople:\n  - id: jane-doe\n    name: Jane Doe\n", 1, "version", "must be 1"),
    ("unknown top-level key", person("name: Jane Doe\n") + "peple: []\n", 5, "peple", "unknown key 'peple'"),
    ("nobody in it", "version: 1\npeople: []\n", 2, "people", "lists nobody"),
    ("a list, not a mapping", "- id: jane-doe\n", 1, "", "must be a mapping"),
    ("YAML syntax error", person("name: Jane Doe\nrole: [MP\ngroup: x\n"), 6, "", "not valid YAML"),
    ("YAML alias", "version: 1\nx: &a [1]\npeople: *a\n", 3, "", "aliases"),
    ("explicit tag", person("name: !!binary SmFuZQ==\n"), 4, "people[0].name", "unsupported YAML tag"),
    ("empty file", "", None, "", "is empty"),
    ("comments only", "# nothing yet\n", None, "", "is empty"),
    ("lone surrogate", person('name: "Jane \\ud800 Doe"\n'), 4, "people[0].name", "not text"),
]


@pytest.mark.parametrize(
    ("text", "line", "field", "words"), [c[1:] for c in BAD_ROSTERS], ids=[c[0] for c in BAD_ROSTERS]
)
def test_bad_roster_names_file_line_and_field(
    tmp_path: Path, text: str, line: int | None, field: str, words: str
) -> None:
    path = write(tmp_path, "roster.yaml", text)
    problems = problems_of([path])
    assert len(problems) == 1, problems
    assert problems[0] == Problem(str(path), line, field, problems[0].message)
    assert words in problems[0].message
    assert str(path) in str(problems[0])


def test_drama_range_and_international_phones_pass(tmp_path: Path) -> None:
    phones = [
        "07700 900123",
        "+44 7700 900456",
        "020 7946 0001",
        "0113 496 0999",
        "(020) 7946-0999",
        "+1 202 555 0143",
    ]
    body = "name: Jane Doe\nprivate:\n  phones:\n" + "".join(f"    - '{p}'\n" for p in phones)
    [loaded] = load_roster([write(tmp_path, "r.yaml", person(body))])
    assert loaded.private.phones == tuple(phones)


def test_every_mistake_in_a_file_is_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "roster.yaml",
        """\
        version: 1
        people:
          - id: jane-doe
            name: Jane Doe
            fone: x
            private:
              dates_of_birth: [1975-02-30]
              locations: [{lat: 95, lon: 0}]
          - id: BAD
            name: Sam
          - name: No Id
        """,
    )
    problems = problems_of([path])
    assert [(p.line, p.field) for p in problems] == [
        (5, "people[0].fone"),
        (7, "people[0].private.dates_of_birth[0]"),
        (8, "people[0].private.locations[0].lat"),
        (9, "people[1].id"),
        (11, "people[2].id"),
    ]


def test_duplicate_id_across_files_says_where_the_first_is(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", person("name: Jane Doe\n"))
    second = write(
        tmp_path, "b.yaml", HEAD + "  - id: sam-patel\n    name: Sam\n  - id: jane-doe\n    name: Jane\n"
    )
    [problem] = problems_of([first, second])
    assert (problem.file, problem.line, problem.field) == (str(second), 5, "people[1].id")
    assert f"'jane-doe' is already used (first on {first}:3)" in problem.message


def test_duplicate_id_in_one_file_gives_the_first_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", person("name: Jane Doe\n") + "  - id: jane-doe\n    name: Jane\n")
    [problem] = problems_of([path])
    assert (problem.line, problem.field) == (5, "people[1].id")
    assert "first on line 3" in problem.message


def test_problems_in_several_files_are_all_reported_in_order(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", person("name: Jane Doe\n"))
    missing = tmp_path / "missing.yaml"
    empty = write(tmp_path, "empty.yaml", "")
    bad = write(tmp_path, "bad.yaml", "version: 1\npeople:\n  - id: sam\n")
    problems = problems_of([missing, good, empty, bad])
    assert [(p.file, p.line, p.field) for p in problems] == [
        (str(missing), None, ""),
        (str(empty), None, ""),
        (str(bad), 3, "people[0].name"),
    ]
    assert "not found" in problems[0].message


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"version: 1\npeople:\n  - id: jose\n    name: Jos\xe9\n")
    [problem] = problems_of([path])
    assert (problem.line, problem.field) == (4, "")
    assert "UTF-8" in problem.message


def test_folder_instead_of_file(tmp_path: Path) -> None:
    [problem] = problems_of([tmp_path])
    assert "folder" in problem.message


def test_no_files_at_all() -> None:
    with pytest.raises(InputError):
        load_roster([])


def test_several_files_load_in_order(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", person("name: Jane Doe\n"))
    b = write(tmp_path, "b.yaml", HEAD + "  - id: sam-patel\n    name: Sam Patel\n")
    assert [p.id for p in load_roster([a, b])] == ["jane-doe", "sam-patel"]


def test_example_roster_loads_to_expected_values() -> None:
    people = load_roster([shipped("profiles/example.yaml")])
    assert [p.id for p in people] == ["jane-doe", "sam-patel", "alex-morgan"]
    assert people[0] == Person(
        id="jane-doe",
        name="Jane Doe",
        aliases=("Jane A. Doe", "Janey Doe"),
        role="Member of Parliament for Exampleton",
        group="MPs",
        websites=("http://janedoe.example/",),
        domains=("janedoe.example",),
        usernames=("janedoe_mp",),
        accounts=(
            SocialAccount("bluesky", "janedoe.bsky.test"),
            SocialAccount("mastodon", "@janedoe@mastodon.test"),
        ),
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
            relatives=("Tom Doe", "Lily Doe"),
            locations=(PrivateLocation(52.61, -1.11, "home", 300.0),),
            other=("St Mary's Primary", "Sunday Striders running club"),
        ),
    )
    sam = people[1]
    assert sam.private.locations == (PrivateLocation(51.4545, -2.5879, "home", 500.0),)
    assert sam.private.dates_of_birth == (dt.date(1988, 11, 2),)
    assert people[2].private == PrivateValues(
        phones=("07700 900789",), emails=("alex.m.private@mail.example",)
    )
    assert people[2].aliases == ()
    assert people[2].public == PublicValues()


def test_minimal_person_gets_defaults(tmp_path: Path) -> None:
    [loaded] = load_roster(
        [write(tmp_path, "r.yaml", person("name: Jane Doe\nprivate:\n  locations: [{lat: 1, lon: 2}]\n"))]
    )
    assert loaded == Person(
        id="jane-doe", name="Jane Doe", private=PrivateValues(locations=(PrivateLocation(1.0, 2.0),))
    )
    assert loaded.private.locations[0].radius_m == 500.0
    assert isinstance(loaded.private.locations[0].lat, float)


# --- the schema and the dataclasses cannot drift ----------------------------------------------------


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _properties(schema: dict[str, Any], *path: str) -> set[str]:
    node = _resolve(schema, schema)
    for key in path:
        node = _resolve(schema, node["properties"][key])
        if "items" in node:
            node = _resolve(schema, node["items"])
    return set(node["properties"])


@pytest.mark.parametrize(
    ("cls", "path"),
    [
        (Person, ("people",)),
        (PublicValues, ("people", "public")),
        (PrivateValues, ("people", "private")),
        (PrivateLocation, ("people", "private", "locations")),
    ],
)
def test_schema_and_dataclasses_have_the_same_fields(cls: type[Any], path: tuple[str, ...]) -> None:
    assert {f.name for f in dataclasses.fields(cls)} == _properties(roster_schema(), *path)


def test_schema_is_valid_and_documents_every_property() -> None:
    schema = roster_schema()
    Draft202012Validator.check_schema(schema)
    undocumented = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if not (prop.get("title") and prop.get("description")):
                    undocumented.append(f"{where}.{name}")
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    walk(schema, "")
    assert undocumented == []


def test_schema_defaults_match_the_dataclasses() -> None:
    schema = roster_schema()
    location = schema["$defs"]["location"]["properties"]
    assert location["radius_m"]["default"] == PrivateLocation(0, 0).radius_m
    assert location["label"]["default"] == PrivateLocation(0, 0).label


# --- yamlfile ---------------------------------------------------------------------------------------


def test_lines_map_keys_and_items() -> None:
    loaded = parse_yaml("a: 1\nb:\n  - x\n  -\n    c: 2\n", "t.yaml")
    assert loaded.data == {"a": 1, "b": ["x", {"c": 2}]}
    assert loaded.lines[("a",)] == 1
    assert loaded.lines[("b", 0)] == 3
    assert loaded.lines[("b", 1, "c")] == 5
    assert loaded.line_of(("b", 1, "nope")) == 5  # falls back to the nearest ancestor, the item


def test_dates_and_times_stay_text() -> None:
    assert parse_yaml("d: 1975-03-14\nt: 2001-12-14t21:59:43.10-05:00\n", "t").data == {
        "d": "1975-03-14",
        "t": "2001-12-14t21:59:43.10-05:00",
    }


def test_keys_keep_their_source_text() -> None:
    assert parse_yaml("yes: 1\n2: b\n", "t").data == {"yes": 1, "2": "b"}


def test_billion_laughs_is_refused_quickly() -> None:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for n in range(1, 10):
        text += f"{chr(97 + n)}: &{chr(97 + n)} [" + ",".join([f"*{chr(96 + n)}"] * 9) + "]\n"
    loaded = parse_yaml(text, "lol.yaml")
    assert not loaded.parsed
    assert "aliases" in loaded.problems[0].message
    assert loaded.problems[0].line == 2


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    for text in ("[" * 100_000, "a:\n" + "".join(" " * n + "a:\n" for n in range(1, 200))):
        loaded = parse_yaml(text, "deep.yaml")
        assert not loaded.parsed or loaded.problems


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 100, encoding="utf-8")
    loaded = read_yaml(path, max_bytes=50)
    assert not loaded.parsed
    assert "larger than" in loaded.problems[0].message


def test_several_documents_are_a_problem() -> None:
    loaded = parse_yaml("a: 1\n---\nb: 2\n", "t.yaml")
    assert not loaded.parsed
    assert loaded.problems[0].line == 2


def test_unclosed_bracket_says_where_it_opened() -> None:
    loaded = parse_yaml("a: [1, 2\nb: 3\n", "t.yaml")
    assert "starts on line 1" in loaded.problems[0].message


def test_format_path() -> None:
    assert format_path(("people", 1, "private", "phones", 0)) == "people[1].private.phones[0]"
    assert format_path(("people", 0, "my key")) == 'people[0]["my key"]'
    assert format_path(()) == ""

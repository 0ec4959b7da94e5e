"""`auditor roster import parliament` against a local look-alike of Parliament's Members API (shapes from
../shared/reference/parliament-members-api.md; every member fictional)."""

from __future__ import annotations

import re
import stat
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from localserver import LocalServer, Reply, Request

from auditor.cli import EXIT_BAD_INPUT, EXIT_OK, main
from auditor.profiles import load_roster

if TYPE_CHECKING:
    from pathlib import Path


def member(n: int, first: str, last: str, seat: str, party: str = "Example Party") -> dict[str, Any]:
    return {
        "id": 9900 + n,
        "nameListAs": f"{last}, Ms {first}",
        "nameDisplayAs": f"Ms {first} {last}",
        "nameFullTitle": f"{first} {last} MP",
        "nameAddressAs": f"Ms {last}",
        "latestParty": {"id": 9, "name": party, "abbreviation": "EP", "backgroundColour": "336699",
                        "foregroundColour": "FFFFFF", "isLordsMainParty": False,
                        "isLordsSpiritualParty": False, "governmentType": None, "isIndependentParty": False},
        "gender": "F",
        "latestHouseMembership": {"membershipFrom": seat, "membershipFromId": 9000 + n, "house": 1,
                                  "membershipStartDate": "2024-07-04T00:00:00", "membershipEndDate": None,
                                  "membershipStatus": {"statusIsActive": True, "statusId": 0}},
        "thumbnailUrl": f"https://members-api.parliament.uk/api/Members/{9900 + n}/Thumbnail",
    }  # fmt: skip


def contacts(n: int) -> list[dict[str, Any]]:
    office = {"type": "Parliamentary office", "typeId": 1, "isPreferred": True, "isWebAddress": False,
              "line1": "House of Commons", "line2": "London", "postcode": "SW1A 0AA",
              "phone": f"020 7946 {n:04d}", "email": f"member{n}@parliament.example"}  # fmt: skip
    if n != 1:
        return [office]
    return [
        office,
        {"type": "Constituency office", "typeId": 4, "isWebAddress": False, "line1": "1 High Street",
         "line2": "Exampleton", "postcode": "EX1 1AA", "phone": "0113 496 0001", "email": None},
        {"type": "Website", "typeId": 6, "isWebAddress": True, "line1": "https://janeexample.example/"},
        {"type": "Bluesky", "typeId": 9, "isWebAddress": True, "line1": "https://bsky.app/profile/janeexample.bsky.social"},
        {"type": "Mastodon", "typeId": 10, "isWebAddress": True, "notes": "https://mastodon.example/@janeexample"},
        {"type": "X (formerly Twitter)", "typeId": 7, "isWebAddress": True, "line1": "https://x.com/JaneExampleMP"},
    ]  # fmt: skip


class MembersApi:
    """The look-alike: Search pages (take at most 20) and each member's Contact list."""

    def __init__(self, server: LocalServer, members: list[dict[str, Any]]) -> None:
        self.members = members
        server.route("/api/Members/Search", self.search)
        for m in members:
            server.route(
                f"/api/Members/{m['id']}/Contact",
                Reply.json({"value": contacts(m["id"] - 9900), "links": []}),
            )

    def search(self, request: Request) -> Reply:
        skip, take = int(request.query["skip"][0]), int(request.query["take"][0])
        if take > 20 or request.query.get("House") != ["1"]:
            return Reply(400)
        page = self.members[skip : skip + take]
        items = [
            {"value": m, "links": [{"rel": "self", "href": f"/Members/{m['id']}", "method": "GET"}]}
            for m in page
        ]
        return Reply.json({"items": items, "totalResults": len(self.members), "resultContext": None,
                           "skip": skip, "take": take, "links": []})  # fmt: skip


MEMBERS = [member(1, "Jane", "Example", "Exampleton North")] + [
    member(n, f"Pat{n}", "Sample", f"Seat {n}") for n in range(2, 26)
]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text("network: {allow_private: true, per_host_interval: 0, retries: 0, cache: false}\n")
    return path


def run(server: LocalServer, out: Path, config: Path, *more: str) -> int:
    api = server.url("/").rstrip("/")
    command = ["roster", "import", "parliament", "--out", str(out), "--base-url", api]
    return main([*command, "--config", str(config), *more])


def test_an_import_builds_a_roster_validate_accepts_with_public_data_only(
    local_server: LocalServer, tmp_path: Path, config: Path
) -> None:
    MembersApi(local_server, MEMBERS)
    out = tmp_path / "roster.yaml"
    assert run(local_server, out, config) == EXIT_OK
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert main(["validate", str(out)]) == EXIT_OK
    people = load_roster([out])
    assert len(people) == 25
    jane = people[0]
    assert (jane.id, jane.name, jane.external_id) == ("jane-example", "Jane Example", "commons:9901")
    assert jane.role == "Member of Parliament for Exampleton North"
    assert jane.group == "Example Party"
    assert jane.public.phones == ("020 7946 0001", "0113 496 0001")
    assert jane.public.addresses == (
        "House of Commons, London, SW1A 0AA",
        "1 High Street, Exampleton, EX1 1AA",
    )
    assert jane.websites == ("https://janeexample.example/",)
    assert [(a.platform, a.handle) for a in jane.accounts] == [
        ("bluesky", "janeexample.bsky.social"),
        ("mastodon", "@janeexample@mastodon.example"),
    ]
    assert jane.usernames == ("JaneExampleMP",)
    assert not any(p.private.phones or p.private.emails for p in people)
    text = out.read_text()
    assert text.count("# private:") == 25  # a placeholder for the security team under everyone
    searches = [r for r in local_server.requests if r.route_path == "/api/Members/Search"]
    assert [r.query["skip"][0] for r in searches] == ["0", "20"]  # paged at the API's maximum of 20


def test_a_second_import_reports_who_left_and_joined_and_keeps_every_private_value(
    local_server: LocalServer, tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    api = MembersApi(local_server, MEMBERS)
    out = tmp_path / "roster.yaml"
    assert run(local_server, out, config, "--quiet") == EXIT_OK
    # The security team fills in private values, and adds a member of staff by hand.
    data = yaml.safe_load(out.read_text())
    data["people"][0]["private"] = {"phones": ["07700 900123"], "relatives": ["Tom Example"]}
    data["people"][1]["private"] = {"emails": ["pat2.home@mail.example"]}
    data["people"].append({"id": "sam-staff", "name": "Sam Staff", "private": {"phones": ["07700 900456"]}})
    out.write_text(yaml.safe_dump(data, sort_keys=False))
    # Pat2 Sample has left; Robin Newcomer has joined; Jane's office number changed.
    api.members = [m for m in MEMBERS if m["id"] != 9902] + [member(30, "Robin", "Newcomer", "Seat 30")]
    api.members[0] = {**api.members[0], "latestParty": {**api.members[0]["latestParty"], "name": "New Party"}}
    for m in api.members:
        local_server.route(f"/api/Members/{m['id']}/Contact", Reply.json({"value": contacts(m["id"] - 9900)}))
    assert run(local_server, out, config) == EXIT_OK
    said = capsys.readouterr().out
    assert "1 joined, 1 left" in said
    assert "joined: Robin Newcomer" in said
    assert "left:   Pat2 Sample" in said
    assert main(["validate", str(out)]) == EXIT_OK
    people = {p.id: p for p in load_roster([out])}
    assert people["jane-example"].private.phones == ("07700 900123",)
    assert people["jane-example"].private.relatives == ("Tom Example",)
    assert people["jane-example"].group == "New Party"  # public data refreshed
    assert people["pat2-sample"].private.emails == ("pat2.home@mail.example",)  # kept: theirs to remove
    assert people["sam-staff"].private.phones == ("07700 900456",)  # not Parliament's: never "left"
    assert "robin-newcomer" in people
    assert re.search(r"# not among the Commons's current members[^\n]*\n  - id: pat2-sample", out.read_text())


@pytest.mark.parametrize(
    "search",
    [
        Reply(500, "down"),
        Reply(429, "slow down"),
        Reply.json({"value": "not a search result"}),
        Reply(200, "<html>", {"content-type": "text/html"}),
    ],
)
def test_an_api_that_cannot_be_read_writes_no_roster(
    local_server: LocalServer, tmp_path: Path, config: Path, search: Reply, capsys: pytest.CaptureFixture[str]
) -> None:
    local_server.route("/api/Members/Search", search)
    out = tmp_path / "roster.yaml"
    assert run(local_server, out, config) != EXIT_OK
    assert not out.exists()
    assert "Members" in capsys.readouterr().err


def test_a_roster_with_problems_is_not_rewritten_and_nothing_is_fetched(
    local_server: LocalServer, tmp_path: Path, config: Path
) -> None:
    MembersApi(local_server, MEMBERS)
    out = tmp_path / "roster.yaml"
    out.write_text("version: 1\npeople:\n  - id: Bad Id\n    name: x\n")
    before = out.read_text()
    assert run(local_server, out, config) == EXIT_BAD_INPUT
    assert out.read_text() == before
    assert local_server.requests == []


# --- auditor roster import csv -------------------------------------------------------------------------

HR_HEADER = "Name,Role,Group,Mobile,Home address,Public email,Relatives,DOB\n"
JANE_ROW = (
    'Jane Doe,MP for Exampleton,MPs,07700 900123,"12 Acacia Avenue, Exampleton EX2 3BB",'
    "jane.doe.mp@parliament.example,Tom Doe;Lily Doe,1975-03-14\n"
)


def test_an_hr_export_becomes_a_roster_validate_accepts(tmp_path: Path) -> None:
    export = tmp_path / "hr.csv"
    export.write_text(
        "\ufeff" + HR_HEADER + JANE_ROW + ",,,,,,,\n", encoding="utf-8"
    )  # Excel's BOM, a blank row
    out = tmp_path / "roster.yaml"
    assert main(["roster", "import", "csv", str(export), "--out", str(out), "--quiet"]) == EXIT_OK
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert main(["validate", str(out)]) == EXIT_OK
    (jane,) = load_roster([out])
    assert (jane.id, jane.name, jane.role, jane.group) == ("jane-doe", "Jane Doe", "MP for Exampleton", "MPs")
    assert jane.private.phones == ("07700 900123",)
    assert jane.private.addresses == ("12 Acacia Avenue, Exampleton EX2 3BB",)
    assert jane.private.relatives == ("Tom Doe", "Lily Doe")
    assert jane.public.emails == ("jane.doe.mp@parliament.example",)
    assert main(["roster", "import", "csv", str(export), "--out", str(out), "--quiet"]) == EXIT_BAD_INPUT


def test_every_bad_row_is_named_by_line_and_column_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "hr.csv"
    rows = [
        JANE_ROW,
        "Sam Patel,Correspondent,Journalists,not a phone,,sam@,Priya Patel,1988-13-02\n",  # line 3
        ",Adviser,Staff,,,,,\n",  # line 4: no name
        "Jane Doe,Intern,Staff,,,,,\n",  # line 5: the same id as line 2
    ]
    export.write_text(HR_HEADER + "".join(rows), encoding="utf-8")
    out = tmp_path / "roster.yaml"
    assert main(["roster", "import", "csv", str(export), "--out", str(out)]) == EXIT_BAD_INPUT
    assert not out.exists()
    err = capsys.readouterr().err
    assert "hr.csv:3: column 'Mobile', value 1: is not a phone number" in err
    assert "hr.csv:3: column 'Public email', value 1: does not look like an email address" in err
    assert "hr.csv:3: column 'DOB', value 1: must be a real date" in err
    assert re.search(r"hr\.csv:4: .*'name' is missing", err)
    assert "hr.csv:5: id: id 'jane-doe' is already used on line 2" in err


def test_a_column_that_maps_to_no_field_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "hr.csv"
    export.write_text("Name,Shoe size,Partner's mobile\nJane Doe,5,07700 900999\n", encoding="utf-8")
    assert main(["roster", "import", "csv", str(export), "--out", str(tmp_path / "r.yaml")]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "hr.csv:1: Shoe size: is not a roster field" in err
    assert "hr.csv:1: Partner's mobile: is not a roster field" in err  # never silently dropped


def test_a_looping_api_stops_and_never_replaces_a_good_roster(
    local_server: LocalServer, tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    MembersApi(local_server, MEMBERS[:2])
    out = tmp_path / "roster.yaml"
    assert run(local_server, out, config, "--quiet") == EXIT_OK
    before = out.read_text()
    # The same page, whatever the skip, with a total that never ends.
    page = {"items": [{"value": member(4, "New", "Person", "Seat 4")}], "totalResults": 10**6}
    local_server.route("/api/Members/Search", Reply.json(page))
    local_server.route("/api/Members/9904/Contact", Reply.json({"value": []}))
    assert run(local_server, out, config) != EXIT_OK
    assert out.read_text() == before
    assert "more than 1200 members" in capsys.readouterr().err


def test_lords_and_hand_added_namesakes_are_left_alone(
    local_server: LocalServer, tmp_path: Path, config: Path
) -> None:
    MembersApi(local_server, MEMBERS[:2])
    out = tmp_path / "roster.yaml"
    # A member of staff typed in by hand, who shares an MP's name (and so her id).
    out.write_text(
        "version: 1\npeople:\n  - id: jane-example\n    name: Jane Example\n    role: Caseworker\n"
        "    websites: ['https://caseworker.example/']\n    private: {phones: ['07700 900555']}\n"
    )
    assert run(local_server, out, config, "--quiet") == EXIT_OK
    people = {p.id: p for p in load_roster([out])}
    staff = people["jane-example"]
    assert (staff.role, staff.external_id, staff.private.phones) == ("Caseworker", "", ("07700 900555",))
    assert people["jane-example-9901"].external_id == "commons:9901"  # the MP, under her own id
    # Importing the Lords into this roster reports no MP as "left".
    local_server.route("/api/Members/Search", Reply.json({"items": [], "totalResults": 0}))
    api = local_server.url("/").rstrip("/")
    assert main(["roster", "import", "parliament", "--house", "lords", "--out", str(out), "--base-url", api,
                 "--config", str(config), "--quiet"]) == EXIT_OK  # fmt: skip
    assert "not among" not in out.read_text()
    assert {p.id for p in load_roster([out])} == set(people)

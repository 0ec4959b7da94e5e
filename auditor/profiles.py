"""Roster loading and validation: YAML files in, frozen Person values out, or every problem at once."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

import phonenumbers
from jsonschema import Draft202012Validator, FormatChecker

from .errors import InputError, Problem
from .model import (
    Person,
    PrivateLocation,
    PrivateValues,
    PublicValues,
    SealedAddress,
    SealedDate,
    SealedEmail,
    SealedLocation,
    SealedPhone,
    SealedPhrase,
    SealedValues,
    SocialAccount,
)
from .resources import shipped
from .schema_messages import schema_problems, url_check
from .yamlfile import Loaded, read_yaml

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

_EXTENSION = re.compile(r"(?i)\s*(?:ext\.?|extension|x)\s*\d+\s*$")
_LETTERS = re.compile(r"[A-Za-z]")
_POSSIBLE = frozenset(
    {
        phonenumbers.ValidationResult.IS_POSSIBLE,
        phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
    }
)


def roster_schema() -> dict[str, Any]:
    """The roster's JSON Schema (profiles/schema.json), the same file editors use."""
    with shipped("profiles/schema.json").open(encoding="utf-8") as stream:
        schema: dict[str, Any] = json.load(stream)
    return schema


def roster_validator() -> Draft202012Validator:
    """A validator for the roster schema, with the format checks auditor relies on."""
    checker = FormatChecker()
    # A fresh checker per validator: registering formats here never touches jsonschema's shared table.
    checker.checks("phone", raises=ValueError)(_check_phone)
    checker.checks("uri", raises=ValueError)(_check_http_url)
    return Draft202012Validator(roster_schema(), format_checker=checker)


def load_roster(paths: Sequence[Path]) -> list[Person]:
    """Load and validate roster files; raise InputError listing every problem in every file."""
    if not paths:
        raise InputError([Problem("roster", None, "", "no roster file was given")])
    validator = roster_validator()
    problems: list[Problem] = []
    people: list[Person] = []
    first_ids: dict[str, tuple[str, int | None]] = {}  # id -> (file, line) where first defined
    for path in paths:
        loaded = read_yaml(path)
        problems.extend(loaded.problems)
        if not loaded.parsed:
            continue
        if loaded.data is None:
            problems.append(
                Problem(
                    loaded.file, None, "", "is empty: a roster starts with `version: 1` and a `people:` list"
                )
            )
            continue
        file_problems = schema_problems(loaded, validator)
        file_problems.extend(_duplicate_ids(loaded, first_ids))
        file_problems.extend(_unsigned_seals(loaded))
        problems.extend(file_problems)
        if not file_problems and not loaded.problems:
            sealed_with = loaded.data.get("sealed_with", "")
            people.extend(_person(raw, sealed_with) for raw in loaded.data["people"])
    if problems:
        raise InputError(_sorted(problems))
    return people


def _duplicate_ids(loaded: Loaded, first_ids: dict[str, tuple[str, int | None]]) -> list[Problem]:
    """Ids must be unique across every file: they name report files and history rows."""
    data = loaded.data
    entries = data.get("people") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    problems = []
    for index, entry in enumerate(entries):
        person_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(person_id, str):
            continue
        path = ("people", index, "id")
        if person_id not in first_ids:
            first_ids[person_id] = (loaded.file, loaded.line_of(path))
            continue
        file, line = first_ids[person_id]
        where = f"line {line}" if file == loaded.file else f"{file}:{line}"
        problems.append(loaded.problem(path, f"id {person_id!r} is already used (first on {where})"))
    return problems


def _unsigned_seals(loaded: Loaded) -> list[Problem]:
    """Sealed values need the file's `sealed_with`: without it, another key would match nothing, silently."""
    data = loaded.data
    if not isinstance(data, dict) or "sealed_with" in data or not isinstance(data.get("people"), list):
        return []
    message = "sealed values, but no `sealed_with` at the top of the file: seal the roster again"
    return [
        loaded.problem(("people", index, "sealed"), message)
        for index, entry in enumerate(data["people"])
        if isinstance(entry, dict) and "sealed" in entry
    ]


def _sorted(problems: list[Problem]) -> list[Problem]:
    # Stable order by file (in the order given), then line: how a person fixes a file, top to bottom.
    order = {file: n for n, file in enumerate(dict.fromkeys(p.file for p in problems))}
    return sorted(problems, key=lambda p: (order[p.file], p.line or 0))


# --- format checks (run by the schema's `format` keyword, so editors and auditor agree on where) -------


def _check_phone(value: object) -> bool:
    """A phone number phonenumbers can read (UK by default). Validity is not required: drama numbers pass."""
    if not isinstance(value, str):
        return True
    if _LETTERS.search(_EXTENSION.sub("", value)):
        raise ValueError("it contains letters: write the digits")
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException as e:
        raise ValueError("auditor cannot read it as one") from e
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == phonenumbers.ValidationResult.TOO_SHORT:
        raise ValueError("it is too short")
    if reason == phonenumbers.ValidationResult.TOO_LONG:
        raise ValueError("it is too long")
    if reason not in _POSSIBLE:
        raise ValueError("no number has that length or country code")
    return True


_check_http_url = url_check(frozenset({"http", "https"}), "it does not start with http:// or https://")


# --- building values (only from a roster that passed validation) ------------------------------------


def _strings(raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(v) for v in raw.get(key, ()))


def _person(raw: Mapping[str, Any], sealed_with: str = "") -> Person:
    public: Mapping[str, Any] = raw.get("public", {})
    private: Mapping[str, Any] = raw.get("private", {})
    sealed: Mapping[str, Any] = raw.get("sealed", {})
    return Person(
        id=raw["id"],
        name=raw["name"],
        aliases=_strings(raw, "aliases"),
        role=raw.get("role", ""),
        group=raw.get("group", ""),
        websites=_strings(raw, "websites"),
        domains=_strings(raw, "domains"),
        usernames=_strings(raw, "usernames"),
        external_id=raw.get("external_id", ""),
        accounts=tuple(SocialAccount(a["platform"], a["handle"].strip()) for a in raw.get("accounts", ())),
        public=PublicValues(
            emails=_strings(public, "emails"),
            phones=_strings(public, "phones"),
            addresses=_strings(public, "addresses"),
        ),
        private=PrivateValues(
            phones=_strings(private, "phones"),
            emails=_strings(private, "emails"),
            addresses=_strings(private, "addresses"),
            dates_of_birth=tuple(dt.date.fromisoformat(d) for d in private.get("dates_of_birth", ())),
            relatives=_strings(private, "relatives"),
            locations=tuple(_location(loc) for loc in private.get("locations", ())),
            other=_strings(private, "other"),
        ),
        sealed=_sealed(sealed, sealed_with) if sealed else SealedValues(),
    )


def _sealed(raw: Mapping[str, Any], sealed_with: str) -> SealedValues:
    """The `sealed:` block as `auditor seal` wrote it (the schema has checked every field)."""

    def phrases(key: str) -> tuple[SealedPhrase, ...]:
        return tuple(
            SealedPhrase(p["mask"], p["key"], tuple(p["words"]), tuple(p.get("hints", ())))
            for p in raw.get(key, ())
        )

    return SealedValues(
        phones=tuple(
            SealedPhone(p["mask"], p["e164"], p["nsn"], int(p["nsn_digits"]), p["region"])
            for p in raw.get("phones", ())
        ),
        emails=tuple(SealedEmail(e["mask"], e["address"], e["mailbox_word"]) for e in raw.get("emails", ())),
        addresses=tuple(
            SealedAddress(
                mask=a["mask"],
                key=a["key"],
                street=tuple(a["street"]),
                numbers=tuple(a["numbers"]),
                unit=a["unit"],
                localities=tuple(tuple(place) for place in a["localities"]),
                postcode=a["postcode"],
                postcode_country=a["postcode_country"],
                outward=a["outward"],
                street_hint=int(a.get("street_hint", -1)),
            )
            for a in raw.get("addresses", ())
        ),
        dates_of_birth=tuple(
            SealedDate(d["mask"], d["date"], int(d["year"])) for d in raw.get("dates_of_birth", ())
        ),
        relatives=phrases("relatives"),
        other=phrases("other"),
        locations=tuple(
            SealedLocation(loc["label"], float(loc["radius_m"]), tuple(loc["cells"]))
            for loc in raw.get("locations", ())
        ),
        sealed_with=sealed_with,
        shapes=tuple(raw.get("shapes", ())),
    )


def _location(raw: Mapping[str, Any]) -> PrivateLocation:
    defaults = PrivateLocation(0.0, 0.0)
    return PrivateLocation(
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        label=raw.get("label", defaults.label),
        radius_m=float(raw.get("radius_m", defaults.radius_m)),
    )

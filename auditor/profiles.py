"""Roster loading and validation: YAML files in, frozen Person values out, or every problem at once."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

import phonenumbers
from jsonschema import Draft202012Validator, FormatChecker

from .errors import InputError, Problem
from .model import Person, PrivateLocation, PrivateValues, PublicValues
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
        problems.extend(file_problems)
        if not file_problems and not loaded.problems:
            people.extend(_person(raw) for raw in loaded.data["people"])
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


def _person(raw: Mapping[str, Any]) -> Person:
    public: Mapping[str, Any] = raw.get("public", {})
    private: Mapping[str, Any] = raw.get("private", {})
    return Person(
        id=raw["id"],
        name=raw["name"],
        aliases=_strings(raw, "aliases"),
        role=raw.get("role", ""),
        group=raw.get("group", ""),
        websites=_strings(raw, "websites"),
        domains=_strings(raw, "domains"),
        usernames=_strings(raw, "usernames"),
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
    )


def _location(raw: Mapping[str, Any]) -> PrivateLocation:
    defaults = PrivateLocation(0.0, 0.0)
    return PrivateLocation(
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        label=raw.get("label", defaults.label),
        radius_m=float(raw.get("radius_m", defaults.radius_m)),
    )

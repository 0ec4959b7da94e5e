"""An HR export (CSV with a header row) as a roster: each column mapped to a roster field by its header,
each row a person, every bad row named by its line and column.

Headers are matched without regard to case, spaces, dots or underscores ("Public email", "public.emails",
"PUBLIC_EMAILS" are one column); a cell with several values separates them with ";". A header that maps
to no field is refused, naming the fields there are: a column silently dropped would be a private value
silently not checked.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError, Problem
from ..profiles import roster_validator
from ..schema_messages import schema_problems
from ..yamlfile import Loaded, format_path
from .parliament import slug

if TYPE_CHECKING:
    from pathlib import Path

MAX_BYTES = 20_000_000
# Column -> where it goes in an entry: (key,) for a top-level field, (block, key) inside public/private.
_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "name": ("name",),
    "aliases": ("aliases",),
    "role": ("role",),
    "group": ("group",),
    "websites": ("websites",),
    "domains": ("domains",),
    "usernames": ("usernames",),
    "publicemails": ("public", "emails"),
    "publicphones": ("public", "phones"),
    "publicaddresses": ("public", "addresses"),
    "privatephones": ("private", "phones"),
    "privateemails": ("private", "emails"),
    "privateaddresses": ("private", "addresses"),
    "datesofbirth": ("private", "dates_of_birth"),
    "relatives": ("private", "relatives"),
    "other": ("private", "other"),
}
_NAMES = [
    "id", "name", "aliases", "role", "group", "websites", "domains", "usernames", "public_emails",
    "public_phones", "public_addresses", "private_phones", "private_emails", "private_addresses",
    "dates_of_birth", "relatives", "other",
]  # fmt: skip
_LISTS = {key for key, where in _FIELDS.items() if where[-1] not in ("id", "name", "role", "group")}
# Singular headers HR systems use, and their field.
_SAME = {
    "alias": "aliases", "website": "websites", "domain": "domains", "username": "usernames",
    "publicemail": "publicemails", "publicphone": "publicphones", "publicaddress": "publicaddresses",
    "privatephone": "privatephones", "privateemail": "privateemails", "privateaddress": "privateaddresses",
    "mobile": "privatephones", "homeaddress": "privateaddresses", "homeemail": "privateemails",
    "dateofbirth": "datesofbirth", "dob": "datesofbirth", "relative": "relatives", "fullname": "name",
}  # fmt: skip


@dataclass(frozen=True)
class Column:
    header: str
    where: tuple[str, ...]
    many: bool


def read_csv(path: Path) -> list[dict[str, Any]]:
    """The CSV's rows as roster entries. Raises InputError naming every bad header, row and cell."""
    file = str(path)
    try:
        raw = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as e:
        raise InputError([Problem(file, None, "", f"cannot be read: {e.strerror or e}")]) from e
    if len(raw) > MAX_BYTES:
        raise InputError([Problem(file, None, "", f"is larger than {MAX_BYTES // 1_000_000} MB")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError([Problem(file, None, "", "is not UTF-8 text: export it as CSV UTF-8")]) from e
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as e:
        raise InputError([Problem(file, 1, "", "has no header row")]) from e
    columns = _columns(file, header)
    entries: list[dict[str, Any]] = []
    lines: dict[tuple[str | int, ...], int] = {}
    cells: dict[tuple[int, tuple[str, ...]], str] = {}
    problems: list[Problem] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                problems.append(
                    Problem(file, line, "", f"has {len(row)} cells; the header names {len(columns)}")
                )
                continue
            entry = _entry(row, columns)
            index = len(entries)
            entries.append(entry)
            lines[("people", index)] = line
            for column in columns:
                cells[(index, column.where)] = column.header
    except csv.Error as e:
        problems.append(Problem(file, reader.line_num, "", f"is not valid CSV ({e})"))
    first: dict[str, int] = {}
    for index, entry in enumerate(entries):
        person_id = str(entry.get("id", ""))
        line = lines[("people", index)]
        if person_id in first:
            why = f"id {person_id!r} is already used on line {first[person_id]}: give each an id column"
            problems.append(Problem(file, line, "column 'id'" if "id" in header_keys(columns) else "id", why))
        first.setdefault(person_id, line)
    if not entries and not problems:
        problems.append(Problem(file, None, "", "has a header but no people"))
    loaded = Loaded(file, {"version": 1, "people": entries}, lines)
    problems += [_by_column(p, cells) for p in schema_problems(loaded, roster_validator())]
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.line or 0))
    return entries


def header_keys(columns: list[Column]) -> set[str]:
    return {c.where[-1] for c in columns}


def _columns(file: str, header: list[str]) -> list[Column]:
    columns = []
    problems = []
    seen: set[str] = set()
    for cell in header:
        key = re.sub(r"[\s._-]+", "", cell.strip().lower())
        key = _SAME.get(key, key)
        if key not in _FIELDS:
            problems.append(Problem(file, 1, cell, f"is not a roster field (columns: {', '.join(_NAMES)})"))
            continue
        if key in seen:
            problems.append(Problem(file, 1, cell, "names a field another column already gives"))
        seen.add(key)
        columns.append(Column(cell.strip(), _FIELDS[key], key in _LISTS))
    if "name" not in seen:
        problems.append(Problem(file, 1, "", "has no name column: every person needs one"))
    if problems:
        raise InputError(problems)
    return columns


def _entry(row: list[str], columns: list[Column]) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    for column, cell in zip(columns, row, strict=False):
        value = cell.strip()
        if not value:
            continue
        parsed: Any = [v.strip() for v in re.split(r"[;\n]", value) if v.strip()] if column.many else value
        target = entry
        for key in column.where[:-1]:
            target = target.setdefault(key, {})
        target[column.where[-1]] = parsed
    if "name" in entry and "id" not in entry:
        entry["id"] = slug(str(entry["name"])) or "person"
    order = ("id", "name")
    return {
        **{k: entry[k] for k in order if k in entry},
        **{k: v for k, v in entry.items() if k not in order},
    }


def _by_column(problem: Problem, cells: dict[tuple[int, tuple[str, ...]], str]) -> Problem:
    """A schema problem said by column ("private phones, value 2") rather than by roster path."""
    found = re.match(r"people\[(\d+)\]\.?([a-z_.]*)(?:\[(\d+)\])?", problem.field)
    if not found:
        return problem
    index, path, item = int(found.group(1)), tuple(p for p in found.group(2).split(".") if p), found.group(3)
    header = cells.get((index, path)) or cells.get((index, path[:1]))
    if header is None:
        return Problem(problem.file, problem.line, format_path(("row",)), problem.message)
    where = f"column {header!r}" + (f", value {int(item) + 1}" if item is not None else "")
    return Problem(problem.file, problem.line, where, problem.message)

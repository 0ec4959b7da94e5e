"""`auditor seal`: a roster rewritten with every private value sealed, written 0600 beside nothing plain.

Public fields are copied as the roster wrote them. A person already sealed keeps their sealed values;
private values added since (a newcomer typed in by hand) are sealed and joined to them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from .errors import AuditorError, InputError, Problem
from .paths import write_private
from .profiles import load_roster
from .seal import SEALED_FORM, Sealer
from .yamlfile import read_yaml

if TYPE_CHECKING:
    from pathlib import Path

    from .model import Person, SealedValues


@dataclass(frozen=True)
class Sealed:
    """What `seal_roster` did."""

    people: int
    values: int
    """Private values sealed in this run (already sealed ones are not counted)."""


def seal_roster(roster: Path, out: Path, key: bytes) -> Sealed:
    """Write `roster` to `out` with its private values sealed under `key`. Refuses to write over the
    roster itself, and a roster sealed with another key."""
    if out.exists() and out.resolve() == roster.resolve():
        raise AuditorError(f"{out} is the roster itself: write the sealed roster to another file")
    people = load_roster([roster])  # every problem reported, as `validate` would
    data = read_yaml(roster).data
    sealer = Sealer(key)
    check = sealer.check()
    if data.get("sealed_with", check) != check:
        raise InputError(
            [Problem(str(roster), None, "sealed_with", "was sealed with another hash key than this one")]
        )
    entries = []
    sealed_now = 0
    for raw, person in zip(data["people"], people, strict=True):
        fresh = sealer.seal(person.private)
        sealed_now += len(fresh)
        entry = {k: v for k, v in raw.items() if k not in ("private", "sealed")}
        merged = person.sealed.joined(fresh)
        if merged:
            entry["sealed"] = _plain(merged)
        entries.append(entry)
    document = {"version": 1, "sealed_with": check, "sealed_form": SEALED_FORM, "people": entries}
    header = (
        f"# Sealed by `auditor seal` on {dt.date.today().isoformat()}: private values are keyed hashes\n"
        "# and the masks reports show. Audits need the same hash key; without it this file tells nothing.\n"
    )
    write_private(out, header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100))
    return Sealed(len(people), sealed_now)


def _plain(values: SealedValues) -> dict[str, Any]:
    """The `sealed:` block: each non-empty list, as plain YAML data."""
    block = dataclasses.asdict(values)
    block.pop("sealed_with")
    return {name: _lists(items) for name, items in block.items() if items}


def _lists(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


def is_unsealed(people: list[Person]) -> bool:
    """Whether any person on the roster holds private values in plain text."""
    return any(
        p.private.phones or p.private.emails or p.private.addresses or p.private.dates_of_birth
        or p.private.relatives or p.private.other or p.private.locations
        for p in people
    )  # fmt: skip


def check_key(people: list[Person], key: bytes, key_source: str = "this audit's key") -> None:
    """Stop before anything is fetched when a sealed person was sealed with another key: every look-up
    would miss, and the audit would report nothing found. `key_source` says where the audit's key came
    from, for the message."""
    check = Sealer(key).check()
    wrong = [p.id for p in people if p.sealed and p.sealed.sealed_with != check]
    if wrong:
        raise AuditorError(
            f"{', '.join(wrong[:5])}{' and others' if len(wrong) > 5 else ''}: sealed with another hash "
            f"key than {key_source}. Audit with the key the roster was sealed with ($AUDITOR_HASH_KEY, or "
            "the key file beside the --state that `auditor seal` used), or seal the plain roster again."
        )

"""An imported list of people merged into a roster file, and the roster written back.

People are matched on `external_id` (where the import found them, e.g. "commons:4514") only: a person
typed in by hand is never merged into an imported namesake. An import owns the name, role, group and
public values it brings and refreshes them; websites, accounts, aliases and usernames are joined (a
hand-added one stays); everything else a person holds is kept exactly: private and sealed values.
Someone no longer in the import is kept (their private values are the security team's to remove),
marked in a comment, and reported as left.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

_OWNED = ("name", "role", "group", "websites", "accounts", "public", "external_id")
"""Fields an import writes; the rest of an entry is the roster's own."""
_PRIVATE_HINT = """\
    # private:                   # for the security team: values that must not be public
    #   phones: []               # personal mobile and home numbers
    #   emails: []               # personal addresses
    #   addresses: []            # home address(es)
    #   dates_of_birth: []       # YYYY-MM-DD
    #   relatives: []            # partner's and children's names
    #   other: []                # children's schools, clubs, routines
"""


@dataclass
class Merged:
    """The roster's people after an import, and what changed."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    joined: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    left_ids: set[str] = field(default_factory=set)
    updated: int = 0


def merge(existing: Sequence[Mapping[str, Any]], imported: Sequence[dict[str, Any]], prefix: str) -> Merged:
    """`imported` (entries with `external_id`s starting with `prefix`) merged into `existing`."""
    out = Merged()
    fresh = {e["external_id"]: e for e in imported}
    taken_ids = {str(e.get("id")) for e in existing}
    seen: set[str] = set()
    for entry in existing:
        key = str(entry.get("external_id", ""))
        match = fresh.get(key) if key else None
        if match is not None:
            seen.add(match["external_id"])
            kept = {k: v for k, v in entry.items() if k not in _OWNED}
            merged = {"id": entry["id"], **{k: v for k, v in match.items() if k != "id"}, **kept}
            # Lists anyone may add to are joined, not replaced: a hand-added website or account stays.
            for name in ("aliases", "usernames", "websites"):
                if name in entry and name in match:
                    merged[name] = list(dict.fromkeys([*entry[name], *match[name]]))
            if "accounts" in entry and "accounts" in match:
                both = [*entry["accounts"], *match["accounts"]]
                merged["accounts"] = [dict(t) for t in dict.fromkeys(tuple(sorted(a.items())) for a in both)]
            out.entries.append(merged)
            out.updated += 1
        else:
            out.entries.append(dict(entry))
            if key.startswith(prefix):
                out.left.append(str(entry.get("name", entry.get("id"))))
                out.left_ids.add(str(entry.get("id")))
    for entry in imported:
        if entry["external_id"] in seen:
            continue
        entry = dict(entry)
        if entry["id"] in taken_ids:  # a namesake already on the roster: never merged into them
            entry["id"] = f"{entry['id']}-{entry['external_id'].split(':', 1)[1]}"
        taken_ids.add(entry["id"])
        out.entries.append(entry)
        out.joined.append(entry["name"])
    return out


def roster_text(
    top: Mapping[str, Any],
    merged: Merged,
    *,
    source: str,
    left_note: str,
    again: str = "Public data is refreshed by importing again; private values are never touched.",
) -> str:
    """The roster as YAML: top-level keys as given, each person in turn, with commented placeholders
    where a person has no private values yet, and a note above each who left."""
    header = (
        f"# Imported from {source} on {dt.date.today().isoformat()} by `auditor roster import`.\n"
        f"# {again}\n"
        "# The filled-in roster is sensitive: keep it private, or seal it (`auditor seal`).\n"
    )
    head = {k: v for k, v in top.items() if k != "people"}
    parts = [header, _dump({"version": 1, **head}), "people:\n"]
    for entry in merged.entries:
        if str(entry.get("id")) in merged.left_ids:
            parts.append(f"  # {left_note}\n")
        parts.append(_dump([entry], indent=2))
        if "private" not in entry and "sealed" not in entry:
            parts.append(_PRIVATE_HINT)
    return "".join(parts)


def _dump(data: Any, indent: int = 0) -> str:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
    if not indent:
        return text
    return "".join(" " * indent + line if line.strip() else line for line in text.splitlines(keepends=True))

"""`auditor roster import`: read a roster file if there is one, merge an import into it, write it back
whole (0600), and say who joined and who left."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError, Problem
from ..paths import write_private
from ..profiles import load_roster
from ..yamlfile import read_yaml
from .csv_import import read_csv
from .merge import Merged, merge, roster_text
from .parliament import list_members

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from ..fetch import Fetcher


@dataclass(frozen=True)
class Imported:
    """What an import did to the roster."""

    people: int
    joined: list[str]
    left: list[str]
    updated: int


def import_parliament(
    fetcher: Fetcher,
    out: Path,
    house: str,
    *,
    base_url: str,
    progress: Callable[[str], None] | None = None,
) -> Imported:
    """Current members of `house` merged into the roster at `out` (created when absent). The existing
    roster is checked first: a roster with problems is not rewritten, and nothing is fetched."""
    top, existing = _existing(out)
    members = list_members(fetcher, house, base_url=base_url, progress=progress)
    chamber = "Commons" if house == "commons" else "Lords"
    merged = merge(existing, [m.entry for m in members], f"{house}:")
    left_note = f"not among the {chamber}'s current members when imported: remove when no longer at risk"
    _write_checked(out, roster_text(top, merged, source="Parliament's Members API", left_note=left_note))
    return Imported(len(merged.entries), merged.joined, merged.left, merged.updated)


def import_csv(source: Path, out: Path) -> Imported:
    """The people of an HR export (CSV) as a new roster at `out`; refuses to write over a file."""
    if out.exists():
        raise InputError([Problem(str(out), None, "", "already exists: import a CSV into a new file")])
    entries = read_csv(source)
    merged = Merged(entries=entries, joined=[str(e["name"]) for e in entries])
    again = "It holds private values: seal it (`auditor seal`) and delete the export."
    text = roster_text({"version": 1}, merged, source=f"{source.name} (CSV)", left_note="", again=again)
    _write_checked(out, text)
    return Imported(len(entries), merged.joined, [], 0)


def _write_checked(out: Path, text: str) -> None:
    """Write the roster only once it is one `auditor validate` accepts: a bad import never replaces a
    good roster."""
    trial = out.with_name(f".{out.name}.import")
    write_private(trial, text)
    try:
        load_roster([trial])
    except InputError:
        trial.unlink(missing_ok=True)
        raise
    trial.replace(out)


def _existing(out: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    if not out.exists():
        return {"version": 1}, []
    load_roster([out])  # every problem reported, as `validate` would
    data = read_yaml(out).data
    if not isinstance(data, dict):
        raise InputError([Problem(str(out), None, "", "is not a roster")])
    return dict(data), [dict(p) for p in data.get("people", [])]

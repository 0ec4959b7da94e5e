"""Finds the files that ship with auditor: report_templates/, profiles/ and the demo web.

In a checkout (or an editable install) they sit beside the package at the repository's top level;
a built wheel carries them inside the package under `_shipped/` (see pyproject.toml's force-include).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped(relpath: str) -> Path:
    """The path of a shipped file or folder, e.g. `shipped("profiles/schema.json")`."""
    for base in (_PACKAGE / "_shipped", _PACKAGE.parent):
        candidate = base / relpath
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"auditor's shipped file {relpath!r} is missing: reinstall auditor")


def package_data(relpath: str) -> Path:
    """The path of a data file inside the package itself (auditor/data/...)."""
    return _PACKAGE / "data" / relpath

"""Atomic output: every file is written beside its target and renamed, so a killed run leaves the old one."""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

MANIFEST = ".auditor-manifest.json"
"""Beside the outputs: the files the last run wrote, so the next one can remove those it no longer writes."""
_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
"""What `write_atomic` and `Staged` name their temporary files (eight random characters)."""


class Staged:
    """Files written beside their targets, put in place together with the run's history.

    `add` writes each file beside its place; `publish` puts them all in place and keeps the old copies
    aside; `finish` drops those copies (after the history is committed); `rollback` puts the old
    copies back. Only renames happen from `publish` on, and a rename needs no space: a full disk while
    the history commits leaves the reports as they were, agreeing with it."""

    def __init__(self) -> None:
        self._files: list[tuple[Path, Path]] = []
        self._placed: list[tuple[Path, Path | None]] = []
        self._then: list[Callable[[], object]] = []

    def add(self, path: Path, text: str, *, private: bool = False) -> None:
        self._files.append((_write_temp(path, text, private), path))

    def then(self, step: Callable[[], object]) -> None:
        """Run `step` once the files are in place for good (the manifest's clean-up)."""
        self._then.append(step)

    def publish(self) -> None:
        try:
            for tmp, path in self._files:
                old = None
                if path.is_file() and not path.is_symlink():
                    old = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")  # cleaned if left
                    path.replace(old)
                try:
                    tmp.replace(path)
                except BaseException:
                    if old is not None:
                        old.replace(path)
                    raise
                self._placed.append((path, old))
        except BaseException:
            self.rollback()
            raise

    def finish(self) -> None:
        for _, old in self._placed:
            if old is not None:
                old.unlink(missing_ok=True)
        self._placed, self._files = [], []
        for step in self._then:
            step()

    def rollback(self) -> None:
        """Put back what `publish` replaced and remove what was never placed."""
        for path, old in reversed(self._placed):
            if old is not None:
                old.replace(path)
            else:
                path.unlink(missing_ok=True)
        for tmp, _ in self._files:
            tmp.unlink(missing_ok=True)
        self._placed, self._files = [], []


def _write_temp(path: Path, text: str, private: bool) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes 0600; give the file the mode any new file would get under the user's umask
        # (an operator who sets umask 077 for reports that may hold --reveal values gets 0600).
        tmp.chmod(0o600 if private else 0o666 & ~_umask())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: Path, text: str, *, private: bool = False) -> None:
    """Write `text` to `path` so readers see either the old file or the whole new one, never half.

    `private` (outputs that hold unmasked values) makes it 0600 whatever the umask."""
    tmp = _write_temp(path, text, private)
    try:
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    # The only way to read the umask is to set it; outputs are written from one thread, after the audit.
    current = os.umask(0o022)
    os.umask(current)
    return current


def replace_manifest(out: Path, written: Iterable[Path], *, private: bool = False) -> list[Path]:
    """Record what this run wrote, and remove what the last run wrote and this one did not (a --reveal
    report of a person no longer audited must not linger unlinked), with any temporary file a killed
    run left. Only files a manifest names, or named as our temporary files, are ever removed."""
    now = sorted({str(p.relative_to(out)) for p in written})
    before = _read_manifest(out / MANIFEST)
    removed = []
    for name in sorted(set(before) - set(now)):
        stale = out / name
        if _inside(out, stale) and stale.is_file() and not stale.is_symlink():
            stale.unlink()
            removed.append(stale)
    for folder in (out, out / "people", out / "groups"):
        for leftover in folder.glob(".*.tmp") if folder.is_dir() else ():
            if _TEMP.match(leftover.name) and leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()
                removed.append(leftover)
    write_atomic(out / MANIFEST, json.dumps({"files": now}, indent=1) + "\n", private=private)
    return removed


def _read_manifest(path: Path) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    files = data.get("files") if isinstance(data, dict) else None
    return [f for f in files if isinstance(f, str)] if isinstance(files, list) else []


def _inside(out: Path, path: Path) -> bool:
    """A manifest is a file anyone could edit: never follow one out of the output folder."""
    try:
        return path.resolve().is_relative_to(out.resolve()) and ".." not in Path(path).parts
    except OSError:
        return False

"""Where auditor keeps its files unless told otherwise: history, its key, the run lock, the HTTP cache.

Small on purpose: the command line reads these to print its help, before any of the pipeline loads.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "auditor"
CACHE_FILE = "http-cache.sqlite"


def default_state() -> Path:
    """Where history lives unless --state says otherwise."""
    return Path(platformdirs.user_data_dir(APP)) / "state.sqlite"


def default_key_file() -> Path:
    """The keyed-hash secret when no state file is used (and $AUDITOR_HASH_KEY is not set)."""
    return Path(platformdirs.user_data_dir(APP)) / "hash.key"


def key_file_for(state: Path) -> Path:
    """The keyed-hash secret's file, beside the state file it keys (unless $AUDITOR_HASH_KEY is set)."""
    return state.with_name(state.name + ".key")


def lock_file_for(state: Path | None, out: Path) -> Path:
    """The lock that keeps two runs off one state file (or, without history, off one output folder)."""
    return state.with_name(state.name + ".lock") if state else out / ".auditor.lock"


def default_cache() -> Path:
    """The HTTP cache file unless `network.cache` names one."""
    return Path(platformdirs.user_cache_dir(APP)) / CACHE_FILE


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` readable by its owner only (0600 from the first byte), replacing the file
    only once it is whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise

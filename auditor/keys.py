"""The keyed-hash secret: fingerprints and stored values are HMACs, so a leaked file reveals no number."""

from __future__ import annotations

import hmac
import os
import secrets
import stat
from typing import TYPE_CHECKING

from .errors import AuditorError
from .paths import default_key_file

if TYPE_CHECKING:
    from pathlib import Path

KEY_ENV = "AUDITOR_HASH_KEY"
"""Environment variable holding the key (hex or any string); wins over the key file."""


def load_key(key_file: Path | None = None, *, create: bool = True) -> bytes:
    """The key from $AUDITOR_HASH_KEY, else from `key_file`, created (mode 0600) on first use.

    A phone number has only ~10^10 possible values: an unkeyed hash of one is reversed in seconds, so
    every hash that leaves memory is keyed. Keep the key with the state file; losing it only means
    fingerprints start afresh.
    """
    from_env = os.environ.get(KEY_ENV, "").strip()
    if from_env:
        return from_env.encode()
    path = key_file or default_key_file()
    try:
        return _read_private(path)
    except FileNotFoundError:
        if not create:
            # A new key here could never open the existing history: say what is missing instead.
            raise AuditorError(
                f"no hash key: set ${KEY_ENV}, or restore {path}, the key the history was written with"
            ) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode()
    # O_EXCL: if another run created it meanwhile, use theirs rather than overwrite it.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_private(path)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


def _read_private(path: Path) -> bytes:
    """The key file's contents, only if it is a regular file of ours that nobody else can read: a key
    others can read lets them test guesses at every hashed value; a link or another's file could be
    swapped for a key they chose."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as e:
        if isinstance(e, FileNotFoundError):
            raise
        why = "it is a symbolic link" if path.is_symlink() else e.strerror
        raise AuditorError(f"cannot use the key file {path}: {why}") from e
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise AuditorError(f"the key file {path} is not a regular file")
        if info.st_uid != os.getuid():
            raise AuditorError(f"the key file {path} belongs to another user: refusing to trust it")
        if info.st_mode & 0o077:
            raise AuditorError(
                f"the key file {path} can be read by others (mode {stat.S_IMODE(info.st_mode):04o}): "
                f"run `chmod 600 {path}` and check who may have copied it"
            )
        return f.read().strip()


PARTS = "\x1f"
"""Joins the parts of a keyed hash's message (a control character no part holds)."""


def keyed_hash(key: bytes, *parts: str) -> str:
    """HMAC-SHA256 of the parts (joined unambiguously), as hex."""
    message = PARTS.join(parts).encode("utf-8")
    return hmac.digest(key, message, "sha256").hex()  # the one-shot C path: audits hash every page word

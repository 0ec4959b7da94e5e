"""One audit at a time per state file (or output folder): an exclusive, non-blocking flock on a lock file."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .errors import AuditorError, LockedError
from .plain import utc_iso

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@contextmanager
def run_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if missing) for the duration of the block.

    Raises LockedError at once if another process holds it. The kernel releases a flock when the
    holder's file descriptor closes, including when the process is killed (even with SIGKILL), so a
    crashed run never leaves a stale lock behind: the file may remain, but it no longer locks anything.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_NOFOLLOW: a symbolic link planted at the lock's place must not make us truncate its target.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    except OSError as e:
        why = "it is a symbolic link" if path.is_symlink() else e.strerror
        raise AuditorError(f"cannot create the lock file {path}: {why}") from e
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(_held_message(fd, path)) from None
        # Who holds it, for the next process's message. The file is never deleted: unlinking a lock
        # file lets a third process lock a new file while a second still holds the old one.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {_now()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock


def _held_message(fd: int, path: Path) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    pid, _, started = text.partition(" ")
    holder = f"pid {pid}, started at {started}" if pid.isdigit() and started else "pid unknown"
    return (
        f"another audit is running ({holder}); wait for it to finish and try again. The lock on {path} "
        "belongs to that process and ends with it, even if it is killed: never delete the file"
    )


def _now() -> str:
    return utc_iso(dt.datetime.now(dt.UTC))

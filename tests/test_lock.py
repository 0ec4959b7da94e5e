"""The run lock: a second process is refused with who holds it; a killed holder releases it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from auditor.errors import AuditorError, LockedError
from auditor.lock import run_lock

if TYPE_CHECKING:
    from pathlib import Path

# A second process: try the lock, report the outcome on stdout, exit 0 (got it) or 1 (refused).
TRY_LOCK = """
import sys
from pathlib import Path
from auditor.errors import LockedError
from auditor.lock import run_lock
try:
    with run_lock(Path(sys.argv[1])):
        print("acquired")
except LockedError as e:
    print(e)
    sys.exit(1)
"""

# A holder that takes the lock, says so, then waits to be killed.
HOLD_LOCK = """
import sys, time
from pathlib import Path
from auditor.lock import run_lock
with run_lock(Path(sys.argv[1])):
    print("holding", flush=True)
    time.sleep(60)
"""


def other_process(script: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=30, check=False
    )


def test_a_second_process_is_refused_while_the_lock_is_held(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite.lock"
    with run_lock(path):
        refused = other_process(TRY_LOCK, path)
        assert refused.returncode == 1, refused.stderr
        assert f"another audit is running (pid {os.getpid()}, started at 20" in refused.stdout
        assert f"The lock on {path} belongs to that process" in refused.stdout
    # Released on leaving the block: the next run gets it.
    acquired = other_process(TRY_LOCK, path)
    assert (acquired.returncode, acquired.stdout.strip()) == (0, "acquired")


def test_the_same_process_cannot_take_it_twice(tmp_path: Path) -> None:
    path = tmp_path / ".auditor.lock"
    with run_lock(path), pytest.raises(LockedError), run_lock(path):
        pass
    with run_lock(path):
        pass


def test_a_killed_holder_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "out" / ".auditor.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(LockedError, match=rf"pid {holder.pid}\b"), run_lock(path):
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
    # No clean-up ran in the killed process, yet the kernel dropped its flock; the file is still there.
    assert path.exists()
    deadline = time.monotonic() + 5
    while True:
        try:
            with run_lock(path):
                break
        except LockedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_the_lock_file_records_the_holder_only_while_held(tmp_path: Path) -> None:
    path = tmp_path / "state.lock"
    with run_lock(path):
        pid, started = path.read_text().split()
        assert int(pid) == os.getpid()
        assert started.endswith("Z")
    assert path.read_text() == ""


def test_an_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(AuditorError, match="cannot create the lock file"), run_lock(blocker / "x.lock"):
        pass


def test_a_symbolic_link_at_the_lock_s_place_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("do not truncate me")
    link = tmp_path / "state.sqlite.lock"
    link.symlink_to(target)
    with pytest.raises(AuditorError, match="symbolic link"), run_lock(link):
        pass
    assert target.read_text() == "do not truncate me"

"""The real `auditor` command as a user's shell runs it, in an environment that leaves $HOME alone."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def clean_env(home: Path) -> dict[str, str]:
    """A clean environment: a fixed hash key and private cache/data dirs, so nothing touches $HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AUDITOR_", "XDG_"))}
    env.update(
        AUDITOR_HASH_KEY="test-key-not-secret",
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return env


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m auditor.cli ...` exactly as a user's shell would run `auditor ...`."""
    return subprocess.run(
        [sys.executable, "-m", "auditor.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )

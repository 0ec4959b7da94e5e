"""The hash key's file, and output files' permissions."""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

import pytest

from auditor.errors import AuditorError
from auditor.keys import KEY_ENV, load_key
from auditor.report.files import write_atomic

if TYPE_CHECKING:
    from pathlib import Path


def test_key_file_is_created_once_with_mode_0600(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    path = tmp_path / "state.sqlite.key"
    first = load_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_key(path) == first
    assert len(first) >= 32


def test_the_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, "from-env")
    assert load_key(tmp_path / "k") == b"from-env"
    assert not (tmp_path / "k").exists()


def test_commands_that_read_history_never_make_a_new_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    path = tmp_path / "state.sqlite.key"
    with pytest.raises(AuditorError, match="restore"):
        load_key(path, create=False)
    assert not path.exists()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_outputs_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    previous = os.umask(umask)
    try:
        write_atomic(tmp_path / "findings.json", "{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "findings.json").stat().st_mode) == mode
    assert list(tmp_path.iterdir()) == [tmp_path / "findings.json"]  # no temporary file left behind


def test_a_key_file_others_can_read_or_a_link_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AUDITOR_HASH_KEY", raising=False)
    key = tmp_path / "state.sqlite.key"
    key.write_text("k" * 64)
    key.chmod(0o644)
    with pytest.raises(AuditorError, match="chmod 600"):
        load_key(key)
    key.chmod(0o600)
    assert load_key(key) == b"k" * 64
    link = tmp_path / "linked.key"
    link.symlink_to(key)
    with pytest.raises(AuditorError, match="symbolic link"):
        load_key(link)

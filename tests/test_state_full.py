"""The state cannot be written while recording a run (a full disk): exit 74, the run not recorded,
the previous reports untouched, so reports and history still agree."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from localserver import LocalServer, Reply

import auditor.history.store as store_module
from auditor.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_state_file_that_cannot_grow_leaves_reports_and_history_agreeing(
    tmp_path: Path, local_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    local_server.route("/robots.txt", Reply.text("User-agent: *\n"))
    local_server.route("/", Reply(200, "<p>Call 07700 900123</p>", {"content-type": "text/html"}))
    roster = tmp_path / "roster.yaml"
    roster.write_text(
        "version: 1\npeople:\n  - id: pat-example\n    name: Pat Example\n"
        f"    websites: ['{local_server.url('/')}']\n    private:\n      phones: ['07700 900123']\n"
    )
    config = tmp_path / "auditor.yaml"
    config.write_text(
        "network: {allow_private: true, per_host_interval: 0, cache: false}\nsources: {crawl: {}}\n"
    )
    out, state = tmp_path / "reports", tmp_path / "state" / "history.sqlite"
    args = [
        "audit",
        str(roster),
        "--config",
        str(config),
        "--out",
        str(out),
        "--state",
        str(state),
        "--quiet",
    ]
    assert main(args) == 0
    before = _snapshot(out)

    # From now on recording a run fails inside SQLite, as a full disk makes it fail: an sqlite3 error in
    # the middle of the run's transaction (here SQLite's authorizer refuses the new row).
    real_connect = sqlite3.connect

    def full(*a: Any, **k: Any) -> sqlite3.Connection:
        db = real_connect(*a, **k)

        def refuse_new_runs(action: int, table: str | None, *_: Any) -> int:
            return (
                sqlite3.SQLITE_DENY
                if action == sqlite3.SQLITE_INSERT and table == "runs"
                else sqlite3.SQLITE_OK
            )

        db.set_authorizer(refuse_new_runs)
        return db

    monkeypatch.setattr(store_module.sqlite3, "connect", full)
    local_server.route(
        "/", Reply(200, "<p>Call 07700 900123 or 07700 900456</p>", {"content-type": "text/html"})
    )
    assert main(args) == 74
    assert _snapshot(out) == before  # the new reports were never put in place
    monkeypatch.setattr(store_module.sqlite3, "connect", real_connect)
    with real_connect(state) as db:
        assert db.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 1  # nor was the run recorded
    assert not list(out.rglob("*.tmp"))

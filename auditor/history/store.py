"""The SQLite state file: schema, versioned migrations, and opening it safely (WAL, foreign keys, key)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import StateError as StateError
from ..errors import StateWriteError as StateWriteError
from ..keys import keyed_hash
from ..model import FetchRecord
from ..plain import utc_iso

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path
    from types import TracebackType


class StateKeyError(StateError):
    """The state file was written with a different hash key: every fingerprint would look new."""


# Each entry migrates version i to i + 1. Never edit a shipped step: add a new one. One statement per
# string, because sqlite3's executescript() would commit the surrounding transaction half-way.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # v1: runs, what each source did for each person, and every finding by fingerprint.
    (
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started TEXT NOT NULL,
            finished TEXT NOT NULL,
            auditor_version TEXT NOT NULL,
            roster_digest TEXT NOT NULL DEFAULT '',
            config_digest TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX runs_by_started ON runs (started)",
        """CREATE TABLE person_runs (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            person_id TEXT NOT NULL,
            name TEXT NOT NULL,
            grp TEXT NOT NULL DEFAULT '',
            score INTEGER NOT NULL,
            PRIMARY KEY (run_id, person_id)
        )""",
        "CREATE INDEX person_runs_by_person ON person_runs (person_id)",
        """CREATE TABLE source_runs (
            run_id INTEGER NOT NULL,
            person_id TEXT NOT NULL,
            source TEXT NOT NULL,
            status TEXT NOT NULL,
            detail TEXT NOT NULL,
            documents INTEGER NOT NULL,
            PRIMARY KEY (run_id, person_id, source),
            FOREIGN KEY (run_id, person_id) REFERENCES person_runs (run_id, person_id) ON DELETE CASCADE
        )""",
        """CREATE TABLE findings (
            id TEXT PRIMARY KEY,
            person_id TEXT NOT NULL,
            category TEXT NOT NULL,
            severity TEXT NOT NULL,
            match TEXT NOT NULL,
            source TEXT NOT NULL,
            url TEXT NOT NULL,
            value_hash TEXT NOT NULL,
            masked TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            resolved_run INTEGER REFERENCES runs (id)
        )""",
        "CREATE INDEX findings_by_person ON findings (person_id)",
        """CREATE TABLE finding_runs (
            finding_id TEXT NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            severity TEXT NOT NULL,
            status TEXT NOT NULL,
            PRIMARY KEY (finding_id, run_id)
        )""",
        "CREATE INDEX finding_runs_by_run ON finding_runs (run_id)",
        """CREATE TABLE finding_resolutions (
            finding_id TEXT NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            PRIMARY KEY (finding_id, run_id)
        )""",
        "CREATE INDEX finding_resolutions_by_run ON finding_resolutions (run_id)",
    ),
    # v2: human triage decisions, and a check that the file is opened with the key that wrote it.
    (
        """CREATE TABLE decisions (
            finding_id TEXT PRIMARY KEY REFERENCES findings (id) ON DELETE CASCADE,
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'not-me', 'fixed')),
            reason TEXT NOT NULL,
            until TEXT,
            decided_at TEXT NOT NULL,
            came_back_at TEXT
        )""",
        "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
    # v3: events are ordered by a counter that cannot tie, not by their time to the second (a triage and
    # an audit in the same second were misordered). Times stay, for display only. Older rows are ordered
    # as well as their times allow: runs by id, a decision after the runs that started before it.
    (
        "ALTER TABLE runs ADD COLUMN seq INTEGER NOT NULL DEFAULT 0",
        "UPDATE runs SET seq = 2 * id",
        "CREATE INDEX runs_by_seq ON runs (seq)",
        "ALTER TABLE decisions ADD COLUMN seq INTEGER NOT NULL DEFAULT 0",
        """UPDATE decisions SET seq = 1 + 2 * COALESCE(
            (SELECT MAX(id) FROM runs WHERE runs.started < decisions.decided_at), 0)""",
        "ALTER TABLE decisions ADD COLUMN came_back_seq INTEGER",
        """UPDATE decisions SET came_back_seq = COALESCE(
            (SELECT MIN(seq) FROM runs WHERE runs.started >= decisions.came_back_at), 0)
           WHERE came_back_at IS NOT NULL""",
        """INSERT INTO meta (name, value) SELECT 'sequence', CAST(MAX(n) AS TEXT) FROM (
            SELECT COALESCE(MAX(seq), 0) AS n FROM runs
            UNION ALL SELECT COALESCE(MAX(seq), 0) FROM decisions)""",
    ),
    # v4: what a finding's last sighting showed (masked evidence, advice, where), so a finding whose
    # source fails is carried forward as unverified with them, rather than dropped without a word.
    (
        "ALTER TABLE findings ADD COLUMN evidence TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE findings ADD COLUMN advice TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE findings ADD COLUMN label TEXT NOT NULL DEFAULT ''",
    ),
    # v5: the fetch the last sighting was read from (where, when, HTTP status, SHA-256 of the body): the
    # evidence a removal request or a complaint to the ICO cites (`auditor evidence`).
    (
        "ALTER TABLE findings ADD COLUMN fetched_url TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE findings ADD COLUMN fetched_at TEXT",
        "ALTER TABLE findings ADD COLUMN http_status INTEGER",
        "ALTER TABLE findings ADD COLUMN body_sha256 TEXT NOT NULL DEFAULT ''",
    ),
    # v6: each person's exposure ordering at each run (Score.rank): the month summary ranks people by it,
    # not by the 0-100 reading, which rounds two different people to one number. Older runs keep 0 and
    # are ordered by their reading after every run that has a rank.
    ("ALTER TABLE person_runs ADD COLUMN rank REAL NOT NULL DEFAULT 0",),
)
SCHEMA_VERSION = len(MIGRATIONS)
"""The schema version this auditor writes (PRAGMA user_version)."""


@dataclass(frozen=True)
class RunInfo:
    """One recorded run."""

    id: int
    started: dt.datetime
    finished: dt.datetime
    auditor_version: str
    roster_digest: str
    config_digest: str


class HistoryStore:
    """An open state file. Use `HistoryStore.open(path, key)` as a context manager."""

    def __init__(self, path: Path, db: sqlite3.Connection, key: bytes) -> None:
        self.path = path
        self.db = db
        """The connection, for the history package's modules; autocommit, so use `transaction()`."""
        self.key = key

    @classmethod
    def open(cls, path: Path, key: bytes) -> HistoryStore:
        """Open (creating if needed) and migrate the state file at `path`."""
        if not key:
            raise StateError("the hash key is empty: set AUDITOR_HASH_KEY or restore the key file")
        _create_private(path)
        try:
            db = sqlite3.connect(path, isolation_level=None, timeout=30)
        except sqlite3.Error as e:
            raise StateError(f"cannot open the state file {path}: {e}") from e
        store = cls(path, db, key)
        try:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA foreign_keys = ON")
            # Deleted rows are overwritten, so pruned history does not linger in free pages.
            db.execute("PRAGMA secure_delete = ON")
            db.execute("PRAGMA journal_mode = WAL")
            store._migrate()
            store._check_key()
        except sqlite3.DatabaseError as e:
            db.close()
            raise StateError(
                f"{path} is not a usable auditor state file ({e}); move it aside to start anew"
            ) from e
        except BaseException:
            db.close()
            raise
        return store

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error; sqlite errors become StateError.

        Inside another transaction it joins that one: nothing is committed until the outermost block
        ends, and an error anywhere rolls back all of it (the audit records a run this way, committing
        only once its reports are written).
        """
        if self.db.in_transaction:
            try:
                yield self.db
            except sqlite3.Error as e:
                raise StateWriteError(f"cannot update the state file {self.path}: {e}") from e
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StateWriteError(f"cannot write the state file {self.path}: {e}") from e
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException as e:
            # SQLite rolls back by itself after some errors (a full disk); a second ROLLBACK would fail.
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise StateWriteError(f"cannot update the state file {self.path}: {e}") from e
            raise

    def begin_run(self) -> int:
        """Take the run's place in the state's event order now, as it starts: a triage decision made
        after this (while the run fetches) is judged by the next run, not this one. Pass the number to
        `record_run`."""
        with self.transaction() as db:
            return next_sequence(db)

    def runs(self) -> tuple[RunInfo, ...]:
        """Every recorded run, oldest first."""
        rows = self.db.execute("SELECT * FROM runs ORDER BY seq").fetchall()
        return tuple(
            RunInfo(
                id=int(r["id"]),
                started=parse_time(r["started"]),
                finished=parse_time(r["finished"]),
                auditor_version=str(r["auditor_version"]),
                roster_digest=str(r["roster_digest"]),
                config_digest=str(r["config_digest"]),
            )
            for r in rows
        )

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StateError(
                f"{self.path} was written by a newer auditor (state schema {version}; this one knows "
                f"up to {SCHEMA_VERSION}): upgrade auditor"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction() as db:
                for statement in MIGRATIONS[target - 1]:
                    db.execute(statement)
                # user_version lives in the file header and is part of the transaction.
                db.execute(f"PRAGMA user_version = {target:d}")

    def _check_key(self) -> None:
        check = keyed_hash(self.key, "key-check/v1")[:16]
        row = self.db.execute("SELECT value FROM meta WHERE name = 'key_check'").fetchone()
        if row is None:
            with self.transaction() as db:
                db.execute("INSERT INTO meta (name, value) VALUES ('key_check', ?)", (check,))
        elif not hmac.compare_digest(str(row["value"]), check):
            raise StateKeyError(
                f"{self.path} was written with a different hash key, so every finding would look new: "
                f"use the key file it was created with ({self.path.name}.key beside it, or "
                "$AUDITOR_HASH_KEY), or start a new state file"
            )


def next_sequence(db: sqlite3.Connection) -> int:
    """The next number of the state's event counter (runs and triage decisions), inside the caller's
    transaction. It only ever grows, even when prune removes the events that held the highest numbers,
    so "which came first" never depends on the clock."""
    db.execute(
        "INSERT INTO meta (name, value) VALUES ('sequence', '1') "
        "ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
    )
    return int(db.execute("SELECT value FROM meta WHERE name = 'sequence'").fetchone()[0])


def _create_private(path: Path) -> None:
    """Create the file 0600 before SQLite does: its -wal and -shm files copy its permissions."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as e:
        raise StateError(f"cannot create the state file {path}: {e.strerror}") from e
    os.close(fd)


def format_time(moment: dt.datetime) -> str:
    """A stored time, for display and month windows. Never order events by it: two events in one
    second tie (use the `seq` columns)."""
    return utc_iso(moment)


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def stored_fetch(row: sqlite3.Row) -> FetchRecord | None:
    """A findings row's fetch record (migration 5's columns); None for a sighting stored before them."""
    if not row["fetched_at"] or row["http_status"] is None:
        return None
    return FetchRecord(
        str(row["fetched_url"]),
        parse_time(str(row["fetched_at"])),
        int(row["http_status"]),
        str(row["body_sha256"]),
    )


def digest_files(key: bytes, paths: Sequence[Path]) -> str:
    """A keyed digest of input files (roster, config) for the runs table: tells whether the inputs
    changed between runs without letting anyone confirm a guess at their contents."""
    mac = hmac.new(key, b"inputs/v1", hashlib.sha256)
    for path in paths:
        data = path.read_bytes()
        mac.update(len(data).to_bytes(8, "big"))
        mac.update(data)
    return mac.hexdigest()[:32]

"""History: new / persisting / reappeared / resolved across runs, values at rest, migrations, pruning."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from typing import TYPE_CHECKING

import pytest
from people import jane

from auditor.findings import exposure_score, fingerprint
from auditor.history import (
    SCHEMA_VERSION,
    HistoryStore,
    StateError,
    StateKeyError,
    active_decisions,
    decide,
    decisions,
    digest_files,
    month_summary,
    prune,
    record_run,
)
from auditor.history.store import MIGRATIONS
from auditor.mask import mask_value
from auditor.model import (
    AuditRun,
    Category,
    Finding,
    Match,
    Person,
    PersonAudit,
    PrivateValues,
    Severity,
    SourceReport,
    SourceStatus,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

# Fictional people only: Ofcom drama-range numbers, .example domains.
KEY = b"test-hash-key-0123456789abcdef"
JANE = jane(
    group="MPs",
    private=PrivateValues(
        phones=("07700 900123",),
        emails=("jane.home@mail.example",),
        addresses=("12 Acacia Avenue, Exampleton EX2 3BB",),
        dates_of_birth=(dt.date(1975, 3, 14),),
        relatives=("Tom Doe",),
        other=("St Mary's Primary",),
    ),
)
SAM = Person(
    id="sam-patel", name="Sam Patel", group="Journalists", private=PrivateValues(phones=("07700 900456",))
)
SOURCES = ("crawl", "people_search", "keyserver")


def sighting(
    person: Person,
    category: Category,
    key: str,
    value: str,
    url: str,
    *,
    source: str = "crawl",
    severity: Severity = Severity.HIGH,
    match: Match = Match.PRIVATE,
) -> Finding:
    """A finding as build_findings makes it: the real fingerprint, unmasked value and evidence."""
    return Finding(
        id=fingerprint(KEY, person.id, category, key, url),
        person_id=person.id,
        category=category,
        match=match,
        severity=severity,
        key=key,
        value=value,
        source=source,
        url=url,
        evidence=f"… write to {value} or call 07700 900123 …",
    )


PHONE = sighting(
    JANE,
    Category.PHONE,
    "+447700900123",
    "07700 900123",
    "https://people-finder.example/uk/jane-doe",
    source="people_search",
    severity=Severity.CRITICAL,
)
EMAIL = sighting(
    JANE,
    Category.EMAIL,
    "jane.home@mail.example",
    "jane.home@mail.example",
    "https://janedoe.example/contact",
)
ADDRESS = sighting(
    JANE,
    Category.ADDRESS,
    "12 acacia avenue exampleton ex2 3bb",
    "12 Acacia Avenue, Exampleton EX2 3BB",
    "https://janedoe.example/news/summer-fete",
    severity=Severity.CRITICAL,
)
DOB = sighting(
    JANE,
    Category.DATE_OF_BIRTH,
    "1975-03-14",
    "14 March 1975",
    "https://keys.example/vks/v1/by-email/jane.home%40mail.example",
    source="keyserver",
)
RELATIVE = sighting(JANE, Category.RELATIVE, "tom doe", "Tom Doe", "https://janedoe.example/family/tom-doe")
SCHOOL = sighting(
    JANE, Category.OTHER, "st mary's primary", "St Mary's Primary", "https://janedoe.example/news/fete"
)
SAM_PHONE = sighting(
    SAM,
    Category.PHONE,
    "+447700900456",
    "07700 900456",
    "https://sampatel.test/contact",
    severity=Severity.CRITICAL,
)


def audit(
    person: Person,
    findings: Iterable[Finding],
    failed: Iterable[str] = (),
    *,
    detail: str = "",
) -> PersonAudit:
    """Every source ran ok except those named in `failed`."""
    found = tuple(findings)
    bad = set(failed)
    sources = tuple(
        SourceReport(
            name,
            name,
            SourceStatus.FAILED if name in bad else SourceStatus.OK,
            detail if name in bad else "checked",
            0 if name in bad else 3,
        )
        for name in SOURCES
    )
    return PersonAudit(person, sources, found, exposure_score(found))


def run_on(day: str, *audits: PersonAudit) -> AuditRun:
    """A run that started at 09:00 UTC on `day` (YYYY-MM-DD) and took ten minutes."""
    start = dt.datetime.fromisoformat(f"{day}T09:00:00+00:00")
    return AuditRun(start, start + dt.timedelta(minutes=10), "0.1.0", tuple(audits), ())


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state" / "history.sqlite"


@pytest.fixture
def store(state: Path) -> Iterator[HistoryStore]:
    with HistoryStore.open(state, KEY) as opened:
        yield opened


def test_a_value_appears_persists_disappears_and_reappears(store: HistoryStore) -> None:
    jan = record_run(store, run_on("2024-01-15", audit(JANE, [PHONE, EMAIL])))
    assert {i: c.status for i, c in jan.changes.items()} == {PHONE.id: "new", EMAIL.id: "new"}
    assert jan.changes[PHONE.id].first_seen == dt.datetime(2024, 1, 15, 9, tzinfo=dt.UTC)
    assert jan.resolved == {"jane-doe": ()}

    feb = record_run(store, run_on("2024-02-15", audit(JANE, [EMAIL, ADDRESS])))
    assert {i: c.status for i, c in feb.changes.items()} == {EMAIL.id: "persisting", ADDRESS.id: "new"}
    assert feb.changes[EMAIL.id].first_seen == dt.datetime(2024, 1, 15, 9, tzinfo=dt.UTC)
    [gone] = feb.resolved["jane-doe"]
    assert gone.id == PHONE.id
    assert gone.category == "phone"
    assert gone.url == PHONE.url
    assert gone.last_seen == "2024-01-15T09:00:00Z"
    assert "•" in gone.value
    assert "900123" not in gone.value

    # The broker re-lists the number: it is back, not new, and keeps its first sighting.
    mar = record_run(store, run_on("2024-03-15", audit(JANE, [PHONE, EMAIL, ADDRESS])))
    assert mar.changes[PHONE.id].status == "reappeared"
    assert mar.changes[PHONE.id].first_seen == dt.datetime(2024, 1, 15, 9, tzinfo=dt.UTC)
    assert mar.changes[EMAIL.id].status == "persisting"

    apr = record_run(store, run_on("2024-04-15", audit(JANE, [PHONE, EMAIL, ADDRESS])))
    assert {c.status for c in apr.changes.values()} == {"persisting"}


def test_a_failed_source_resolves_nothing(store: HistoryStore) -> None:
    record_run(store, run_on("2024-01-15", audit(JANE, [PHONE, EMAIL, ADDRESS])))
    # crawl fails in February: its findings are unseen but unknown, so carried; the broker ran ok.
    feb = record_run(
        store, run_on("2024-02-15", audit(JANE, [PHONE], failed=["crawl"], detail="connection refused"))
    )
    assert feb.resolved["jane-doe"] == ()
    assert {v.id for v in feb.unchecked["jane-doe"]} == {EMAIL.id, ADDRESS.id}
    # March: crawl works again. The email is still there (never resolved, so persisting, not
    # reappeared); the address has really gone now.
    mar = record_run(store, run_on("2024-03-15", audit(JANE, [PHONE, EMAIL])))
    assert mar.changes[EMAIL.id].status == "persisting"
    assert [v.id for v in mar.resolved["jane-doe"]] == [ADDRESS.id]
    assert mar.resolved["jane-doe"][0].last_seen == "2024-01-15T09:00:00Z"
    assert mar.unchecked["jane-doe"] == ()


def test_a_crawl_cut_short_resolves_only_where_it_looked(store: HistoryStore) -> None:
    import dataclasses

    record_run(store, run_on("2024-01-15", audit(JANE, [EMAIL, ADDRESS])))
    # February's crawl stopped at its page limit: it read the contact page (the email is gone from it)
    # but never reached the news page, so the address there is unknown, not resolved.
    feb_audit = audit(JANE, [])
    capped = tuple(
        dataclasses.replace(s, checked=frozenset({EMAIL.url})) if s.name == "crawl" else s
        for s in feb_audit.sources
    )
    feb = record_run(store, run_on("2024-02-15", dataclasses.replace(feb_audit, sources=capped)))
    assert [v.id for v in feb.resolved["jane-doe"]] == [EMAIL.id]
    assert [v.id for v in feb.unchecked["jane-doe"]] == [ADDRESS.id]


def test_skipped_and_rate_limited_sources_resolve_nothing(store: HistoryStore) -> None:
    record_run(store, run_on("2024-01-15", audit(JANE, [PHONE, DOB])))
    half = audit(JANE, [])
    sources = tuple(
        SourceReport(s.name, s.description, status, "", 0)
        for s, status in zip(
            half.sources, (SourceStatus.OK, SourceStatus.RATE_LIMITED, SourceStatus.SKIPPED), strict=True
        )
    )
    feb = record_run(store, run_on("2024-02-15", PersonAudit(JANE, sources, (), half.score)))
    assert feb.resolved["jane-doe"] == ()
    assert {v.id for v in feb.unchecked["jane-doe"]} == {PHONE.id, DOB.id}


def test_people_not_in_a_run_are_left_alone(store: HistoryStore) -> None:
    record_run(store, run_on("2024-01-15", audit(JANE, [PHONE]), audit(SAM, [SAM_PHONE])))
    only_sam = record_run(
        store, run_on("2024-02-15", audit(SAM, [SAM_PHONE]))
    )  # auditor audit --only sam-patel
    assert "jane-doe" not in only_sam.resolved
    again = record_run(store, run_on("2024-03-15", audit(JANE, [PHONE])))
    assert again.changes[PHONE.id].status == "persisting"


def test_what_is_recorded_per_run(store: HistoryStore) -> None:
    record_run(
        store,
        run_on("2024-01-15", audit(JANE, [PHONE], failed=["keyserver"], detail="HTTP 503")),
        roster_digest="r1",
        config_digest="c1",
    )
    [run] = store.runs()
    assert (run.auditor_version, run.roster_digest, run.config_digest) == ("0.1.0", "r1", "c1")
    assert run.finished - run.started == dt.timedelta(minutes=10)
    rows = store.db.execute("SELECT source, status, detail FROM source_runs ORDER BY source").fetchall()
    assert [tuple(r) for r in rows] == [
        ("crawl", "ok", "checked"),
        ("keyserver", "failed", "HTTP 503"),
        ("people_search", "ok", "checked"),
    ]
    (score,) = store.db.execute("SELECT score FROM person_runs").fetchone()
    assert score == 28  # one critical value on one live page
    runs_of = store.db.execute("SELECT run_id FROM finding_runs WHERE finding_id = ?", (PHONE.id,)).fetchall()
    assert [r[0] for r in runs_of] == [run.id]


def private_spellings() -> list[str]:
    """Every private value of the test roster, spelt the ways a page or a URL might spell it."""
    return [
        "07700 900123", "07700900123", "+447700900123", "447700900123", "+44 7700 900123", "7700900123",
        "7700 900123", "07700-900-123",
        "jane.home@mail.example", "JANE.HOME@MAIL.EXAMPLE", "jane.home%40mail.example", "jane.home",
        "12 Acacia Avenue", "Acacia Avenue", "acacia-avenue", "EX2 3BB", "EX23BB",
        "1975-03-14", "14/03/1975", "19750314", "14 March 1975", "14031975",
        "Tom Doe", "tom-doe",
        "St Mary's Primary", "Mary's Primary", "marys-primary",
        "07700 900456", "07700900456", "+447700900456", "7700900456",
    ]  # fmt: skip


def test_the_state_file_holds_no_private_value(state: Path) -> None:
    jane = [PHONE, EMAIL, ADDRESS, DOB, RELATIVE, SCHOOL]
    leaky_detail = "keys.example said 503 for /vks/v1/by-email/jane.home@mail.example (call 07700 900123)"
    with HistoryStore.open(state, KEY) as store:
        record_run(store, run_on("2024-01-15", audit(JANE, jane), audit(SAM, [SAM_PHONE])))
        record_run(
            store,
            run_on("2024-02-15", audit(JANE, jane[:2], failed=["keyserver"], detail=leaky_detail)),
        )
        decide(
            store,
            EMAIL.id,
            "accepted",
            "the constituency office forwards 07700 900123 and jane.home@mail.example",
            now=dt.datetime(2024, 2, 16, tzinfo=dt.UTC),
        )
        store.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        files = [p for p in state.parent.iterdir() if p.name.startswith(state.name)]
        raw = b"".join(p.read_bytes() for p in files).lower()
    raw += state.read_bytes().lower()
    leaked = [s for s in private_spellings() if s.lower().encode() in raw]
    assert leaked == []
    assert KEY.lower() not in raw
    # The masked display forms and the person ids are what is kept instead.
    assert b"jane-doe" in raw
    assert mask_value(Category.PHONE, "07700 900123").encode() in raw


def test_a_url_that_spells_a_private_value_is_masked_but_others_are_kept(store: HistoryStore) -> None:
    feb = record_run(store, run_on("2024-01-15", audit(JANE, [DOB, EMAIL])))
    assert feb.changes
    urls = dict(store.db.execute("SELECT id, url FROM findings").fetchall())
    assert urls[EMAIL.id] == "https://janedoe.example/contact"
    assert urls[DOB.id].startswith("https://keys.example/vks/v1/by-email/j")
    assert "jane.home" not in urls[DOB.id]


def test_the_state_file_is_readable_only_by_its_owner(state: Path) -> None:
    with HistoryStore.open(state, KEY) as store:
        record_run(store, run_on("2024-01-15", audit(JANE, [PHONE])))
    assert stat.S_IMODE(state.stat().st_mode) == 0o600


def test_the_file_is_wal_with_foreign_keys(store: HistoryStore) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.schema_version == SCHEMA_VERSION


def test_a_failed_recording_leaves_nothing_behind(store: HistoryStore) -> None:
    record_run(store, run_on("2024-01-15", audit(JANE, [PHONE])))
    with pytest.raises(StateError):
        # The same person twice in one run breaks a key half-way through the recording.
        record_run(store, run_on("2024-02-15", audit(JANE, [EMAIL]), audit(JANE, [EMAIL])))
    assert len(store.runs()) == 1
    assert store.db.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 1


def test_runs_must_be_recorded_in_order(store: HistoryStore) -> None:
    record_run(store, run_on("2024-02-15", audit(JANE, [PHONE])))
    with pytest.raises(StateError, match="in the order they ran"):
        record_run(store, run_on("2024-01-15", audit(JANE, [PHONE])))


def test_a_different_key_is_refused(state: Path) -> None:
    with HistoryStore.open(state, KEY) as store:
        record_run(store, run_on("2024-01-15", audit(JANE, [PHONE])))
    with pytest.raises(StateKeyError, match="different hash key"):
        HistoryStore.open(state, b"another-key")


def test_a_file_from_a_newer_auditor_is_refused(state: Path) -> None:
    HistoryStore.open(state, KEY).close()
    db = sqlite3.connect(state)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StateError, match="newer auditor"):
        HistoryStore.open(state, KEY)


def test_a_file_that_is_not_a_database_is_refused(state: Path) -> None:
    state.parent.mkdir(parents=True)
    state.write_bytes(b"this is not a database, it is a shopping list " * 100)
    with pytest.raises(StateError, match="not a usable auditor state file"):
        HistoryStore.open(state, KEY)


def test_a_version_1_file_is_migrated_with_its_history(state: Path) -> None:
    """A file as the first release wrote it: schema v1, no triage, no key check."""
    state.parent.mkdir(parents=True)
    db = sqlite3.connect(state)
    for statement in MIGRATIONS[0]:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO runs (id, started, finished, auditor_version) "
        "VALUES (1, '2023-12-15T09:00:00Z', '2023-12-15T09:10:00Z', '0.0.9')"
    )
    db.execute(
        "INSERT INTO person_runs (run_id, person_id, name, grp, score) "
        "VALUES (1, 'jane-doe', 'Jane Doe', '', 40)"
    )
    db.execute(
        "INSERT INTO findings (id, person_id, category, severity, match, source, url, value_hash, masked, "
        "first_seen, last_seen) VALUES (?, 'jane-doe', 'phone', 'critical', 'private', 'people_search', ?, "
        "'h', '+44 7700 9•••23', '2023-12-15T09:00:00Z', '2023-12-15T09:00:00Z')",
        (PHONE.id, PHONE.url),
    )
    db.execute("INSERT INTO finding_runs VALUES (?, 1, 'critical', 'new')", (PHONE.id,))
    db.commit()
    db.close()

    with HistoryStore.open(state, KEY) as store:
        assert store.schema_version == SCHEMA_VERSION
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"decisions", "meta"} <= tables
        jan = record_run(store, run_on("2024-01-15", audit(JANE, [PHONE, EMAIL])))
        assert jan.changes[PHONE.id].status == "persisting"
        assert jan.changes[PHONE.id].first_seen == dt.datetime(2023, 12, 15, 9, tzinfo=dt.UTC)
        decide(store, PHONE.id, "not-me", "a colleague's number", now=dt.datetime(2024, 1, 16, tzinfo=dt.UTC))
    # Migrated once: opening again changes nothing and the key is now pinned.
    with HistoryStore.open(state, KEY) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert len(store.runs()) == 2
    with pytest.raises(StateKeyError):
        HistoryStore.open(state, b"another-key")


def test_a_version_2_file_keeps_the_order_of_its_runs_and_decisions(state: Path) -> None:
    """Schema v2 ordered events by their time; v3 by a counter. Old rows keep the order their times gave."""
    state.parent.mkdir(parents=True)
    db = sqlite3.connect(state)
    for statement in (*MIGRATIONS[0], *MIGRATIONS[1]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    for run_id, day in ((1, "2024-01-15"), (2, "2024-02-15")):
        db.execute(
            "INSERT INTO runs (id, started, finished, auditor_version) VALUES (?, ?, ?, '0.1.0')",
            (run_id, f"{day}T09:00:00Z", f"{day}T09:10:00Z"),
        )
        db.execute("INSERT INTO person_runs VALUES (?, 'jane-doe', 'Jane Doe', '', 40)", (run_id,))
    for finding in (PHONE, EMAIL):
        db.execute(
            "INSERT INTO findings (id, person_id, category, severity, match, source, url, value_hash, "
            "masked, first_seen, last_seen) VALUES (?, 'jane-doe', ?, 'critical', 'private', 'crawl', ?, "
            "'h', 'm', '2024-01-15T09:00:00Z', '2024-02-15T09:00:00Z')",
            (finding.id, finding.category.value, finding.url),
        )
        for run_id in (1, 2):
            db.execute("INSERT INTO finding_runs VALUES (?, ?, 'critical', 'new')", (finding.id, run_id))
    # The phone was marked fixed after January's run and came back in February's; the email was
    # marked not-me after February's.
    db.execute(
        "INSERT INTO decisions VALUES (?, 'fixed', 'opt-out', NULL, '2024-01-20T10:00:00Z', "
        "'2024-02-15T09:00:00Z')",
        (PHONE.id,),
    )
    db.execute(
        "INSERT INTO decisions VALUES (?, 'not-me', 'a colleague', NULL, '2024-02-20T10:00:00Z', NULL)",
        (EMAIL.id,),
    )
    db.commit()
    db.close()

    with HistoryStore.open(state, KEY) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [r.id for r in store.runs()] == [1, 2]
        assert set(active_decisions(store, dt.date(2024, 3, 1))) == {EMAIL.id}
        mar = record_run(store, run_on("2024-03-15", audit(JANE, [PHONE, EMAIL])))
        # Closed in February, so not reported as coming back again; the email's decision still holds.
        assert mar.came_back == frozenset()
        assert set(active_decisions(store, dt.date(2024, 3, 15))) == {EMAIL.id}
        feb = month_summary(store, "2024-02")
        assert feb.by_severity["critical"] == 2  # the email was decided after February's run
        later = month_summary(store, "2024-03")
        assert later.by_severity["critical"] == 1  # only the phone counts once the email was decided


def test_a_failed_migration_leaves_the_old_version(state: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.history.store as store_module

    HistoryStore.open(state, KEY).close()
    broken = (*MIGRATIONS, ("CREATE TABLE extra (x)", "THIS IS NOT SQL"))
    monkeypatch.setattr(store_module, "MIGRATIONS", broken)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(broken))
    with pytest.raises(StateError):
        HistoryStore.open(state, KEY)
    db = sqlite3.connect(state)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0
    db.close()


def test_prune_removes_old_runs_and_the_findings_only_they_held(state: Path) -> None:
    with HistoryStore.open(state, KEY) as store:
        record_run(store, run_on("2024-01-15", audit(JANE, [PHONE, EMAIL, RELATIVE])))
        record_run(store, run_on("2024-02-15", audit(JANE, [EMAIL, RELATIVE])))
        record_run(store, run_on("2024-03-15", audit(JANE, [EMAIL, ADDRESS])))
        now = dt.datetime(2024, 3, 16, tzinfo=dt.UTC)
        decide(store, PHONE.id, "fixed", "broker opt-out sent", now=now)
        decide(store, EMAIL.id, "accepted", "on the party website on purpose", now=now)
        decide(store, RELATIVE.id, "not-me", "a different Tom", now=now)

        result = prune(store, dt.date(2024, 3, 1))

        assert (result.runs, result.findings, result.decisions, result.runs_kept) == (2, 2, 2, 1)
        [kept_run] = store.runs()
        assert kept_run.started.date() == dt.date(2024, 3, 15)
        first_seen = dict(store.db.execute("SELECT id, first_seen FROM findings").fetchall())
        # Also seen after the cut-off: kept, with its real first sighting.
        assert first_seen == {EMAIL.id: "2024-01-15T09:00:00Z", ADDRESS.id: "2024-03-15T09:00:00Z"}
        assert [d.finding_id for d in decisions(store)] == [EMAIL.id]
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        # The pruned finding is new again if it comes back: the history forgot it on purpose.
        apr = record_run(store, run_on("2024-04-15", audit(JANE, [PHONE, EMAIL])))
        assert apr.changes[PHONE.id].status == "new"
        assert apr.changes[EMAIL.id].status == "persisting"
    # Vacuumed: the removed rows are gone from the bytes, not only from the tables.
    raw = b"".join(p.read_bytes() for p in state.parent.iterdir())
    assert b"a different Tom" not in raw
    assert b"/family/" not in raw


def test_prune_with_nothing_old_keeps_everything(store: HistoryStore) -> None:
    record_run(store, run_on("2024-01-15", audit(JANE, [PHONE])))
    result = prune(store, dt.date(2024, 1, 1))
    assert (result.runs, result.findings, result.decisions, result.runs_kept) == (0, 0, 0, 1)


def test_input_digests_are_keyed_and_change_with_the_files(tmp_path: Path) -> None:
    roster = tmp_path / "roster.yaml"
    roster.write_text("version: 1\npeople: []\n")
    first = digest_files(KEY, [roster])
    assert first == digest_files(KEY, [roster])
    assert first != digest_files(b"another-key", [roster])
    roster.write_text("version: 1\npeople: [] \n")
    assert digest_files(KEY, [roster]) != first

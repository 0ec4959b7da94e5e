"""findings.json: schema_version 2 by default (triage, last_seen, the score's parts), and version 1 kept
for anyone who parses it; each checked against the JSON Schema shipped in the package."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from test_history import ADDRESS, EMAIL, JANE, PHONE, audit, run_on

from auditor.model import Decision, Triage
from auditor.report.json_report import to_json
from auditor.report.view import build_view
from auditor.resources import package_data

if TYPE_CHECKING:
    from pathlib import Path

RUN = run_on("2024-02-20", audit(JANE, [PHONE, EMAIL, ADDRESS]))
ACCEPTED = Decision(
    finding_id=EMAIL.id, person_id=JANE.id, category="email", value="j•••@m•••.example", url=EMAIL.url,
    decision="accepted", reason="the old club list; call 07700 900123 to check", until=dt.date(2024, 6, 30),
    decided_at=dt.datetime(2024, 2, 1, tzinfo=dt.UTC), came_back_at=None,
)  # fmt: skip


def validate(data: dict[str, Any], schema_file: str) -> None:
    schema = package_data(schema_file).read_text(encoding="utf-8")
    checker = jsonschema.FormatChecker()
    jsonschema.Draft202012Validator(json.loads(schema), format_checker=checker).validate(data)


def test_version_2_says_what_was_triaged_when_it_was_last_seen_and_why_the_score_is_what_it_is() -> None:
    view = build_view(RUN, triage=Triage({EMAIL.id: ACCEPTED}))
    data = to_json(view)
    validate(data, "findings.v2.schema.json")
    (jane,) = data["people"]
    assert data["schema_version"] == 2
    assert jane["score_reason"] == "Reachable directly and locatable; 3 live places."
    assert jane["score_gains"] == ["reach", "locate"]
    assert jane["live_places"] == 3
    assert jane["score_rank"] > 0
    triaged = {f["id"]: f["triage"] for f in jane["findings"]}
    assert triaged[PHONE.id] is None
    # The reason is masked like everything else a report shows (a number typed into it included).
    reason = "the old club list; call 0770• ••••23 to check"
    assert triaged[EMAIL.id] == {"decision": "accepted", "reason": reason, "until": "2024-06-30"}
    assert all(f["last_seen"] == "2024-02-20T09:00:00Z" for f in jane["findings"])


def test_version_1_keeps_the_old_shape_for_those_who_parse_it() -> None:
    data = to_json(build_view(RUN, triage=Triage({EMAIL.id: ACCEPTED})), 1)
    validate(data, "findings.schema.json")
    assert data["schema_version"] == 1
    assert "score_reason" not in data["people"][0]
    assert "triage" not in data["people"][0]["findings"][0]


def test_the_v2_schema_refuses_a_document_that_is_not_one() -> None:
    data = to_json(build_view(RUN))
    data["people"][0]["findings"][0]["status"] = "gone"
    with pytest.raises(jsonschema.ValidationError):
        validate(data, "findings.v2.schema.json")


def test_a_finding_whose_source_fails_is_carried_forward_unverified_then_resolved_once_checked(
    tmp_path: Path,
) -> None:
    from test_history import KEY

    from auditor.history import HistoryStore, record_run

    with HistoryStore.open(tmp_path / "state.sqlite", KEY) as store:
        first = record_run(store, run_on("2024-01-15", audit(JANE, [PHONE])))
        assert not first.unchecked.get(JANE.id)
        # The source behind the phone fails: the finding is not dropped, it is carried forward.
        failed = run_on("2024-02-15", audit(JANE, [], failed=[PHONE.source]))
        second = record_run(store, failed)
        (carried,) = second.unchecked[JANE.id]
        assert (carried.id, carried.source, carried.severity) == (PHONE.id, PHONE.source, "critical")
        assert carried.evidence  # what its last sighting showed, masked
        assert "900123" not in carried.evidence
        view = build_view(
            failed, changes=second.changes, resolved=second.resolved, unverified=second.unchecked
        )
        data = to_json(view)
        validate(data, "findings.v2.schema.json")
        (record,) = data["people"][0]["findings"]
        assert record["status"] == "unverified"
        assert (
            record["detail"] == f"not re-checked this run because {PHONE.source} failed; last seen 2024-01-15"
        )
        assert record["last_seen"].startswith("2024-01-15")
        assert record["advice"] == list(PHONE.advice)
        assert "unverified" not in json.dumps(to_json(view, 1))  # version 1 has no such status
        # Its source works again and it is still there: persisting, open all along.
        third = record_run(store, run_on("2024-03-15", audit(JANE, [PHONE])))
        assert third.changes[PHONE.id].status.value == "persisting"
        # Its source works and it is gone: resolved.
        fourth = record_run(store, run_on("2024-04-15", audit(JANE, [])))
        assert [r.id for r in fourth.resolved[JANE.id]] == [PHONE.id]
        assert not fourth.unchecked.get(JANE.id)

"""The account detector: a document a source marked as an account becomes one low finding."""

from __future__ import annotations

import pytest
from people import jane

from auditor.detectors import Subject, detect
from auditor.detectors.account import AccountDetector
from auditor.model import Category, DocKind, Document, Extracted, Severity

PERSON = jane(usernames=("janedoe_mp",))


def doc(meta: dict[str, str]) -> Document:
    content = Extracted(kind=DocKind.RECORD, text="bio: runs on Sundays", meta=meta)
    return Document(
        url="http://social.example/@janedoe_mp", source="usernames", content=content, attributed=True
    )


@pytest.mark.parametrize(
    ("meta", "expected_key"),
    [
        ({"account_site": "Example Social", "account_username": "janedoe_mp"}, "example social:janedoe_mp"),
        ({"account_site": "GitHub", "account_username": "JaneDoe_MP"}, "github:janedoe_mp"),  # case-blind
        ({"account_site": "GitHub"}, None),  # no handle: not an account record
        ({"author": "Jane Doe"}, None),  # ordinary document metadata
        ({}, None),
    ],
)
def test_account_documents(meta: dict[str, str], expected_key: str | None) -> None:
    hits = list(detect(doc(meta), Subject.of(PERSON), [AccountDetector()]))
    if expected_key is None:
        assert hits == []
        return
    [hit] = hits
    assert (hit.category, hit.severity, hit.key) == (Category.ACCOUNT, Severity.LOW, expected_key)
    assert AccountDetector.attributed_only

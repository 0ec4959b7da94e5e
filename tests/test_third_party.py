"""Whether a page found by search is about the person: the person's whole name, then a second anchor.
The false positives (namesakes, longer names) beside the true ones."""

from __future__ import annotations

import dataclasses

import pytest
from people import JANE

from auditor.model import PublicValues
from auditor.sources.third_party import Anchors, place_of

PERSON = dataclasses.replace(
    JANE,
    role="Member of Parliament for Exampleton",
    aliases=("Janey Doe", "Ms Jane Doe", "Jane Doe MP"),
    public=PublicValues(phones=("020 7946 0001",), emails=("jane.doe.mp@parliament.example",),
                        addresses=("Constituency Office, 1 High Street, Wexcombe WX1 1AA",
                                   "House of Commons, London, SW1A 0AA")),
)  # fmt: skip
ANCHORS = Anchors(PERSON)


@pytest.mark.parametrize(
    ("text", "named", "anchors"),
    [
        # Her, tied to her.
        ("Jane Doe, MP for Exampleton, opened the fete.", True, ("the place Exampleton",)),
        ("Jane Doe MP visited Wexcombe.", True, ("the place Wexcombe",)),
        ("Contact Jane Doe on 020 7946 0001.", True, ("one of their contact details",)),
        ("Write to Jane Doe at jane.doe.mp@parliament.example", True, ("one of their contact details",)),
        ("Janey Doe (Jane Doe to the papers)", True, ("another of their names",)),
        ("Cllr Jane A. Doe of Exampleton", True, ("the place Exampleton",)),  # a middle initial
        ("JANE DOE MP, EXAMPLETON", True, ("the place Exampleton",)),
        ("Exampleton MP Jane Doe said the road will close.", True, ("the place Exampleton",)),
        ("Labour MP Jane Doe visited Exampleton.", True, ("the place Exampleton",)),
        ("Minister Jane Doe of Exampleton", True, ("the place Exampleton",)),
        ("Jane Doe's office in Exampleton", True, ("the place Exampleton",)),
        ("JANE DOE OBE, EXAMPLETON", True, ("the place Exampleton",)),
        # Naming her, nothing else: maybe a namesake.
        ("Ms Jane Doe, dentist. Jane Doe MP? No.", True, ()),  # her titles are not other names
        ("Jane Doe teaches yoga in London.", True, ()),  # Parliament's own address ties no page
        ("Jane Doe went for a bath in Wexcombe's river wexcombe", True, ("the place Wexcombe",)),
        ("Jane Doe ref 1020794600012", True, ()),  # her number's digits inside a longer number
        ("Jane Doe, dentist in Otherton.", True, ()),
        ("Dear Jane Doe, your order has shipped.", True, ()),
        # Someone else.
        ("Mary Jane Doe of Exampleton won the baking prize.", False, ()),
        ("Jane Doe-Smith, Exampleton estate agent.", False, ()),
        ("Jane Doe Smith of Exampleton.", False, ()),
        ("Jane Dobson of Exampleton.", False, ()),
        ("J. Doe of Exampleton.", False, ()),
        ("JANE DOE SMITH, EXAMPLETON", False, ()),
        # A line break ends a name: a heading above her name must not make her a namesake.
        ("Exampleton Gazette\nJane Doe of Exampleton", True, ("the place Exampleton",)),
        ("Exampleton council minutes, no names.", False, ()),
    ],
)
def test_a_page_is_kept_when_it_names_her_and_tied_to_her_by_a_second_anchor(
    text: str, named: bool, anchors: tuple[str, ...]
) -> None:
    found = ANCHORS.of(text)
    assert (found is not None) is named
    if found is not None:
        assert found.anchors == anchors
        assert found.attributed is bool(anchors)


@pytest.mark.parametrize(
    ("role", "place"),
    [
        ("Member of Parliament for Exampleton", "Exampleton"),
        ("MP for Exampleton North (Labour)", "Exampleton North"),
        ("Councillor for the Wexcombe ward, Otherton", "Wexcombe ward"),
        ("Journalist", ""),
        ("", ""),
    ],
)
def test_the_place_a_role_is_for(role: str, place: str) -> None:
    assert place_of(role) == place

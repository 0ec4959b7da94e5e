"""The fictional people the tests audit, in one place. Every value follows the test-data policy: Ofcom's
drama numbers (07700 900xxx, 020 7946 0xxx, 0113 496 0xxx), .example and .test domains, and made-up
names and streets. Build a variant with `jane(...)` (only what the test needs) or `dataclasses.replace`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditor.model import Person, PrivateValues, PublicValues

MOBILE = "07700 900123"
HOME_EMAIL = "jane.home@mail.example"
HOME_ADDRESS = "12 Acacia Avenue, Exampleton EX2 3BB"
BIRTHDAY = dt.date(1975, 3, 14)
OFFICE_EMAIL = "jane.doe.mp@parliament.example"
OFFICE_PHONE = "020 7946 0001"
OFFICE_ADDRESS = "Constituency Office, 1 High Street, Exampleton EX1 1AA"
USERNAME = "janedoe_mp"
SITE = "http://janedoe.example/"


def jane(**fields: Any) -> Person:
    """Jane Doe, MP for Exampleton, with exactly the roster fields given."""
    return Person(id="jane-doe", name="Jane Doe", **fields)


JANE = jane(
    aliases=("Jane A. Doe",),
    public=PublicValues(emails=(OFFICE_EMAIL,), phones=(OFFICE_PHONE,), addresses=(OFFICE_ADDRESS,)),
    private=PrivateValues(
        phones=(MOBILE,),
        emails=(HOME_EMAIL,),
        addresses=(HOME_ADDRESS,),
        dates_of_birth=(BIRTHDAY,),
        relatives=("Tom Doe", "Lily Doe"),
        other=("St Mary's Primary", "Sunday Striders running club"),
    ),
)
"""Jane with every kind of value: public office details, private phone, email, home, birthday, family."""

NOBODY = Person(id="nobody", name="Nobody")
"""Someone with no values at all: every number on a page is discovered, none is known."""

"""Masking keeps enough to recognise a value and not enough to use it."""

from __future__ import annotations

import pytest

from auditor.mask import mask_email, mask_phone, mask_text, mask_url, mask_value, secret_words, url_secrets
from auditor.model import Category, Person, PrivateValues


@pytest.mark.parametrize(
    ("category", "value", "masked"),
    [
        (Category.PHONE, "07700 900123", "+44 7700 9•••23"),
        (Category.PHONE, "+44 7700 900456", "+44 7700 9•••56"),
        (Category.EMAIL, "jane.home@mail.example", "j••••••••@m•••.example"),
        (Category.ADDRESS, "12 Acacia Avenue, Exampleton EX2 3BB", "•• A••••• A•••••, E••••••••• EX2 •••"),
        (Category.DATE_OF_BIRTH, "1975-03-14", "1975-••-••"),
        (Category.RELATIVE, "Tom Doe", "T•• D••"),
        (Category.MESSAGING_LINK, "whatsapp:+447700900123", "whatsapp:+44 7700 9•••23"),
        (Category.MESSAGING_LINK, "telegram:sampatel", "telegram:s•••••••"),
        (Category.MESSAGING_LINK, "+447700900123", "+44 7700 9•••23"),
        (Category.MESSAGING_LINK, "sampatel_writes", "s••••••••••••••"),
        (Category.LOCATION, "52.61123, -1.10876", "52.6•, -1.1•"),
        (Category.ACCOUNT, "janedoe_mp on GitHub", "janedoe_mp on GitHub"),
    ],
)
def test_mask_value(category: Category, value: str, masked: str) -> None:
    assert mask_value(category, value) == masked


def test_masked_phone_hides_the_middle_digits() -> None:
    masked = mask_phone("07700 900123")
    assert "900123" not in masked.replace(" ", "")
    assert masked.endswith("23")


def test_masked_email_hides_the_mailbox() -> None:
    assert "home" not in mask_email("jane.home@mail.example")


def test_mask_text_hides_every_contact_detail_and_secret() -> None:
    person = Person(
        id="jane-doe",
        name="Jane Doe",
        private=PrivateValues(
            addresses=("12 Acacia Avenue, Exampleton EX2 3BB",),
            relatives=("Tom Doe",),
            emails=("jd.private@mail.example",),
        ),
    )
    text = (
        "Write to jd.private [at] other [dot] example or tips (at) courier.example. "
        "Call Jane Doe on +44 (0)7700 900123 or jane.home@mail.example. Born 14th March 1975, "
        "at 12 Acacia Avenue EX2 3BB with Tom."
    )
    masked = mask_text(text, secret_words(person))
    for secret in ("900123", "900 123", "jane.home", "14th", "Acacia", "3BB", "Tom"):
        assert secret not in masked, secret
    for secret in ("jd.private", "tips", "courier"):
        assert secret not in masked, secret
    assert "Jane Doe" in masked  # the person's own (public) name stays readable


def test_mask_text_hides_precise_coordinates() -> None:
    masked = mask_text("photo GPS position 52.61120, -1.10850 taken 2024")
    assert masked == "photo GPS position 52.6•, -1.1• taken 2024"
    assert mask_text("version 2.1 costs £20.17") == "version 2.1 costs £20.17"  # not coordinates


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("ring 07700\u2013900123 today", "900123"),  # an en dash between the groups
        ("born 14/03/1975 in Exampleton", "14/03"),
        ("born 14.3.75", "14.3"),
        ("dob 1975-03-14", "03-14"),
        ("write to jd dot private at mail dot example", "private"),
    ],
)
def test_mask_text_hides_other_spellings(text: str, hidden: str) -> None:
    assert hidden not in mask_text(text)


def test_mask_url_hides_private_values_in_links() -> None:
    person = Person(
        id="jane-doe",
        name="Jane Doe",
        private=PrivateValues(emails=("jd.private@mail.example",), phones=("07700 900123",)),
    )
    secrets = url_secrets(person)
    for url in (
        "https://wa.me/447700900123",
        "http://keys.example/search?q=jd.private%40mail.example",
        "http://x.example/contact?tel=07700900123",
    ):
        masked = mask_url(url, secrets)
        assert "900123" not in masked, masked
        assert "jd.private" not in masked, masked
    assert mask_url("http://x.example/posts/123456", secrets) == "http://x.example/posts/123456"


def test_a_birthday_without_the_year_is_masked_in_snippets() -> None:
    import datetime as dt

    person = Person(id="sam", name="Sam Patel", private=PrivateValues(dates_of_birth=(dt.date(1988, 11, 2),)))
    for text in ("turned 35 on 2nd November last year", "birthday: November 2", "cake on 02/11 please"):
        masked = mask_text(text, secret_words(person))
        for shown in ("2nd November", "November 2", "02/11"):
            assert shown not in masked, masked
    assert mask_text("on 12 November", secret_words(person)) == "on 12 November"  # another day stays


HOME = "Flat 4, 27 Harbour Road, Exampleton EX2 4DB"


@pytest.mark.parametrize(
    ("snippet", "hidden"),
    [
        ("Home: 27 Harbour Road, Exampleton EX2 4DB", ["27", "Harbour", "4DB"]),
        ("Flat 4, 27 H. Road", ["27", " 4,"]),
        ("born 14 March 1975", ["14", "March"]),
        ("DOB: 14/03/75", ["14", "03"]),
        ("b. Mar 14th, 1975", ["Mar", "14"]),
        ("1975-03-14", ["03-14"]),
    ],
)
def test_a_snippet_hides_what_the_masked_value_hides(snippet: str, hidden: list[str]) -> None:
    """The masked address hides the house and flat numbers, the masked birth date its day and month:
    a snippet beside them must not give those back."""
    import datetime as dt

    person = Person(
        id="p", name="Pat", private=PrivateValues(addresses=(HOME,), dates_of_birth=(dt.date(1975, 3, 14),))
    )
    assert "27" not in mask_value(Category.ADDRESS, HOME)
    assert "03" not in mask_value(Category.DATE_OF_BIRTH, "1975-03-14")
    shown = mask_text(snippet, secret_words(person))
    for part in hidden:
        assert part not in shown, (part, shown)

"""Property-based fuzzing: loaders refuse or accept but never crash, extractors never raise, masks hide.

Hypothesis generates the inputs; each property is what a broken implementation would get wrong on
some input nobody thought to write down. The default run stays well under 30 s.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import TYPE_CHECKING

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.config import load_config
from auditor.errors import InputError, Problem
from auditor.extract import ExtractError, extract
from auditor.mask import mask_text, secret_words
from auditor.model import Extracted, Person, PrivateValues
from auditor.profiles import load_roster
from auditor.sources import option_schemas

if TYPE_CHECKING:
    from pathlib import Path

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
# Rosters that are nearly right: the real shape with any value anywhere.
_PERSON = st.fixed_dictionaries(
    {"id": st.one_of(st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True), _SCALARS), "name": _DATA},
    optional={"private": st.dictionaries(st.sampled_from(["phones", "emails", "addresses", "x"]), _DATA)},
)
_ROSTER = st.one_of(_DATA, st.fixed_dictionaries({"version": _DATA, "people": st.lists(_PERSON, max_size=3)}))


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


@FAST
@given(text=st.text(max_size=300))
def test_any_text_as_a_roster_is_refused_or_loaded(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, "roster.yaml", text)
    problems: list[Problem] = []
    try:
        load_roster([path])
    except InputError as e:
        problems = list(e.problems)
    assert all(p.file == str(path) for p in problems)


@FAST
@given(data=_ROSTER)
def test_any_yaml_shape_as_a_roster_is_refused_or_loaded(tmp_path: Path, data: object) -> None:
    path = _write(tmp_path, "roster.yaml", yaml.safe_dump(data, allow_unicode=True))
    try:
        people = load_roster([path])
    except InputError:
        return
    assert all(isinstance(p, Person) for p in people)


@FAST
@given(data=st.one_of(_DATA, st.fixed_dictionaries({"network": _DATA, "crawl": _DATA, "sources": _DATA})))
def test_any_yaml_shape_as_a_config_is_refused_or_loaded(tmp_path: Path, data: object) -> None:
    path = _write(tmp_path, "auditor.yaml", yaml.safe_dump(data, allow_unicode=True))
    with contextlib.suppress(InputError):
        load_config(path, option_schemas())


_MARKUP = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<a href='",
                "'>",
                "</a>",
                "<table><tr><th>",
                "<td>",
                "<script>",
                "</script>",
                '<script type="application/ld+json">{"a":',
                "}",
                "<meta charset='",
                "<html lang='",
                "<!--",
                "-->",
                "<br>",
                "&amp;",
                "&#0;",
                "\x00",
                "<img alt='",
                "<base href='",
                "tel:",
                "mailto:",
                "@",
                "07700 900",
            ]
        ),
        st.text(max_size=20),
    ),
    max_size=40,
).map("".join)


@FAST
@given(body=st.one_of(st.binary(max_size=2000), _MARKUP.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_extractors_never_raise(body: bytes) -> None:
    for content_type in ("text/html", "application/pdf", "image/jpeg", "application/json", ""):
        result = extract(body, url="https://janedoe.example/page", content_type=content_type)
        assert isinstance(result, Extracted | ExtractError)


_DRAMA_MOBILE = st.integers(0, 999).map(lambda n: f"07700 900{n:03d}")
_SPACING = st.sampled_from(["{}", "+44 {}", "{} ", "({})"])


@FAST
@given(
    mobile=_DRAMA_MOBILE,
    house=st.integers(1, 999),
    street=st.sampled_from(["Harbour Road", "Acacia Avenue", "Mill Lane", "St Anne's Close"]),
    flat=st.integers(1, 99),
    day=st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2010, 12, 31)),
    before=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30),
    after=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30),
)
def test_a_snippet_never_shows_what_the_masked_value_hides(
    mobile: str, house: int, street: str, flat: int, day: dt.date, before: str, after: str
) -> None:
    address = f"Flat {flat}, {house} {street}, Exampleton EX2 4DB"
    person = Person(
        id="p",
        name="Pat Example",
        private=PrivateValues(phones=(mobile,), addresses=(address,), dates_of_birth=(day,)),
    )
    secrets = secret_words(person)
    middle = re.sub(r"\D", "", mobile)[5:9]  # "+44 7700 9•••23" hides these
    month = day.strftime("%B")
    for written in (
        f"call {mobile}",
        f"Home: {address}",
        f"Flat {flat}, {house} {street}",
        f"born {day.day} {month} {day.year}",
        f"DOB {day.day:02d}/{day.month:02d}/{day.year}",
    ):
        shown = mask_text(f"{before} {written} {after}", secrets)
        core = mask_text(written, secrets)
        assert middle not in re.sub(r"\D", "", core), (written, core)
        assert not re.search(rf"(?<![\w]){house}(?!\d)", core), (written, core)  # "EX2" is the district
        assert not re.search(rf"(?<![\w]){flat}(?!\d)", core), (written, core)
        assert month not in core, (written, core)
        assert max(street.split(), key=len) not in shown, (written, shown)

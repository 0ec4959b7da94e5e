"""Names of relatives and other private phrases (a school, a club): found in every common spelling and
word order, and not when a longer name or a different institution merely starts the same way."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from .tokens import Token, TokenText, breaks, find_phrase, phrase_tokens, same_word

# Words that name a family relationship, so that "my husband Gareth" or "Elin, our daughter" is the
# relative even without the surname.
RELATIONSHIPS = frozenset(
    [
        "husband",
        "wife",
        "partner",
        "spouse",
        "fiance",
        "fiancee",
        "boyfriend",
        "girlfriend",
        "son",
        "sons",
        "daughter",
        "daughters",
        "child",
        "children",
        "kid",
        "kids",
        "boy",
        "boys",
        "girl",
        "girls",
        "baby",
        "brother",
        "brothers",
        "sister",
        "sisters",
        "sibling",
        "siblings",
        "twin",
        "twins",
        "mother",
        "mum",
        "mom",
        "mam",
        "mummy",
        "mommy",
        "father",
        "dad",
        "daddy",
        "parent",
        "parents",
        "stepson",
        "stepdaughter",
        "stepmother",
        "stepfather",
        "grandson",
        "granddaughter",
        "grandchild",
        "grandchildren",
        "grandmother",
        "grandfather",
        "grandma",
        "grandpa",
        "granny",
        "grandad",
        "granddad",
        "gran",
        "nan",
        "nana",
        "uncle",
        "aunt",
        "auntie",
        "niece",
        "nephew",
        "cousin",
        "in-law",
    ]
)
_POSSESSIVES = frozenset(["my", "our", "her", "his", "their", "your", "the", "late", "beloved"])
_QUALIFIERS = frozenset(
    [
        "eldest",
        "oldest",
        "youngest",
        "younger",
        "older",
        "elder",
        "little",
        "baby",
        "new",
        "twin",
        "first",
        "second",
        "third",
        "two",
        "three",
        "four",
        "teenage",
        "adult",
        "grown-up",
        "step",
    ]
)
_LIST_JOINS = frozenset({",", "&"})
# Head nouns of institutions: "St Cuthbert's Primary School" is still "St Cuthbert's Primary", but
# "St Cuthbert's Primary Care Centre" is a surgery. A phrase that ends in a qualifier ("Primary") may be
# followed only by one of these.
INSTITUTIONS = frozenset(
    [
        "school",
        "academy",
        "college",
        "nursery",
        "infants",
        "infant",
        "juniors",
        "junior",
        "primary",
        "secondary",
        "kindergarten",
        "preschool",
        "pre-school",
        "playgroup",
        "creche",
        "university",
        "club",
        "society",
        "association",
        "team",
        "church",
        "chapel",
        "parish",
        "cathedral",
        "mosque",
        "synagogue",
        "temple",
        "gurdwara",
        "centre",
        "center",
        "hall",
        "gym",
        "surgery",
        "practice",
        "hospital",
        "choir",
        "band",
        "orchestra",
        "group",
        "league",
        "fc",
        "rfc",
        "afc",
        "cc",
        "ltd",
        "limited",
    ]
)


class NameMatch(enum.StrEnum):
    FULL = "full"
    """The whole name, in any order or in a list sharing the surname."""
    FIRST_NAME = "first_name"
    """The first name beside a relationship word ("my husband Gareth")."""


@dataclass(frozen=True)
class NameSighting:
    start: int
    end: int
    kind: NameMatch


def find_relative(page: TokenText, name: str) -> NameSighting | None:
    """A sighting of a relative's name: in full ("Gareth Blake", "Blake, Gareth"), in a list sharing the
    surname ("Morwenna, Gareth and Elin Blake"), or as a first name beside a relationship word. A longer
    surname ("Blake-Jones") or another surname right after the first name is someone else."""
    words = phrase_tokens(name)
    if not words:
        return None
    tokens = page.tokens
    if len(words) > 1:
        for first, last in find_phrase(page, words):
            if not _surname_goes_on(page, last):
                return NameSighting(tokens[first].start, tokens[last].end, NameMatch.FULL)
        surname, given = words[-1], words[:-1]
        for position in page.positions(surname):
            if tokens[position].norm != surname or _surname_goes_on(page, position):
                continue
            found = _reversed(page, position, given) or _listed(page, position, given)
            if found:
                return found
    for position in page.positions(words[0]):
        token = tokens[position]
        if token.norm != words[0] or not token.capitalised:
            continue
        if len(words) > 1 and _another_surname(page, position, words[-1]):
            continue
        if _related(page, position):
            return NameSighting(token.start, token.end, NameMatch.FIRST_NAME)
    return None


def _surname_goes_on(page: TokenText, position: int) -> bool:
    """ "Blake" followed by "-Jones" is tokenised as one word already; this catches "Blake Jones"."""
    nxt = position + 1
    if nxt >= len(page.tokens) or not page.joined(position, nxt):
        return False
    following = page.tokens[nxt]
    return (
        following.capitalised
        and following.raw.isalpha()
        and following.norm not in RELATIONSHIPS
        and len(following.raw) > 2
        and following.raw.lower() not in {"and", "mp", "the"}
    )


def _reversed(page: TokenText, position: int, given: tuple[str, ...]) -> NameSighting | None:
    """ "Blake, Gareth": surname, a comma, then the given names."""
    tokens = page.tokens
    end = position + len(given)
    if end >= len(tokens) or page.between(position, position + 1).strip() != ",":
        return None
    if all(same_word(tokens[position + 1 + i].norm, word) for i, word in enumerate(given)):
        return NameSighting(tokens[position].start, tokens[end].end, NameMatch.FULL)
    return None


def _listed(page: TokenText, position: int, given: tuple[str, ...]) -> NameSighting | None:
    """ "Morwenna, Gareth and Elin Blake": first names joined by commas and "and" before the surname."""
    tokens = page.tokens
    at = position - 1
    names_seen = 0
    while at >= 0 and names_seen < 6:
        token = tokens[at]
        if not token.capitalised or token.numeric or breaks(page, at, at + 1):
            break
        if token.norm == given[0] and names_seen > 0 and len(given) == 1:
            return NameSighting(token.start, tokens[position].end, NameMatch.FULL)
        names_seen += 1
        join = at - 1
        if join < 0:
            break
        gap = page.between(join, at).strip()
        if tokens[join].norm == "&" and gap == "":
            at = join - 1
            continue
        if gap == ",":
            at = join
            continue
        break
    return None


def _another_surname(page: TokenText, position: int, surname: str) -> bool:
    """ "my husband Gareth Jones" when the roster's Gareth is a Blake."""
    nxt = position + 1
    if nxt >= len(page.tokens) or not page.joined(position, nxt):
        return False
    following = page.tokens[nxt]
    return (
        following.capitalised
        and following.raw.isalpha()
        and not same_word(following.norm, surname)
        and following.norm not in _LIST_JOINS
        and following.raw.lower() not in {"and"}
    )


def _is_relationship(token: Token) -> bool:
    return token.norm in RELATIONSHIPS or token.norm.rstrip("s") in RELATIONSHIPS


def _related(page: TokenText, position: int) -> bool:
    """A relationship word right before the name ("my husband Gareth", "our daughters Elin and Cari") or
    right after it ("Ngozi, my wife", "Gareth (her husband)")."""
    tokens = page.tokens
    # Before: skip back over a list of other names ("sons Tom and Ben"), then the relationship word.
    at = position - 1
    steps = 0
    while at >= 0 and steps < 6 and not breaks(page, at, at + 1):
        token = tokens[at]
        if _is_relationship(token):
            return True
        if not (token.capitalised or token.norm == "&" or page.between(at, at + 1).strip() == ","):
            break
        at -= 1
        steps += 1
    # After: ", my wife", " (our daughter)", " - my husband".
    at = position + 1
    if at < len(tokens) and page.between(position, at).strip() in {",", "(", "-", "–", "—", ""}:
        for look in range(at, min(at + 3, len(tokens))):
            token = tokens[look]
            if _is_relationship(token):
                return True
            if token.norm not in _POSSESSIVES and token.norm not in _QUALIFIERS:
                break
    return False


def find_phrase_value(page: TokenText, value: str) -> tuple[int, int] | None:
    """(start, end) of a private phrase ("St Cuthbert's Primary", "Sunday Striders running club"), with
    up to two inserted words ("St Cuthbert's Catholic Primary School"), and not when it starts a longer
    name of something else ("St Cuthbert's Primary Care Centre")."""
    words = phrase_tokens(value)
    if not words:
        return None
    inserted = 2 if len(words) >= 3 else 1 if len(words) == 2 else 0
    for first, last in find_phrase(page, words, max_inserted=inserted):
        if _runs_on(page, last, words):
            continue
        return page.tokens[first].start, page.tokens[last].end
    return None


def _runs_on(page: TokenText, last: int, words: tuple[str, ...]) -> bool:
    """The phrase ends in a qualifier and the page goes on with another capitalised word that is not an
    institution's name: the phrase is only the start of a different name."""
    if words[-1] in INSTITUTIONS and words[-1] not in {
        "primary",
        "junior",
        "juniors",
        "infant",
        "infants",
        "secondary",
    }:
        return False
    nxt = last + 1
    if nxt >= len(page.tokens) or not page.joined(last, nxt):
        return False
    following = page.tokens[nxt]
    return following.capitalised and following.norm not in INSTITUTIONS


def iter_tokens(page: TokenText) -> Iterator[Token]:
    yield from page.tokens

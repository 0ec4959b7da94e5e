"""Names of relatives and other private phrases (a school, a club): found in every common spelling and
word order, and not when a longer name or a different institution merely starts the same way.

Context: a relative's first name alone counts only beside a relationship word that is the person's own
("my husband", "Pat's partner"; not "his wife" after another man's name, not "our neighbour's son"). A
phrase followed by "Care Centre", "of Music" or preceded by "North" names something else."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from .tokens import Token, TokenText, breaks, canonical, find_phrase, phrase_tokens, same_word

# Words that name a family relationship, so that "my husband Gareth" or "Elin, our daughter" is the
# relative even without the surname.
RELATIONSHIPS = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "husband wife partner spouse fiance fiancee boyfriend girlfriend son sons daughter daughters "
        "child children kid kids boy boys girl girls baby brother brothers sister sisters sibling "
        "siblings twin twins mother mum mom mam mummy mommy father dad daddy parent parents stepson "
        "stepdaughter stepmother stepfather grandson granddaughter grandchild grandchildren grandmother "
        "grandfather grandma grandpa granny grandad granddad gran nan nana uncle aunt auntie niece nephew "
        "cousin in-law hubby wifey missus missis bride groom widow widower brother-in-law sister-in-law "
        "son-in-law daughter-in-law mother-in-law father-in-law"
    ).split()
)
_POSSESSIVES = frozenset(["my", "our", "her", "his", "their", "your", "the", "late", "beloved"])
_QUALIFIERS = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "eldest oldest youngest younger older elder little baby new twin first second third two three "
        "four teenage adult grown-up step"
    ).split()
)
_LIST_JOINS = frozenset({",", "&"})
# Head nouns of institutions: "St Cuthbert's Primary School" is still "St Cuthbert's Primary", but
# "St Cuthbert's Primary Care Centre" is a surgery. A phrase that ends in a qualifier ("Primary") may be
# followed only by one of these.
INSTITUTIONS = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "school academy college nursery infants infant juniors junior primary secondary kindergarten "
        "preschool pre-school playgroup creche university club society association team church chapel "
        "parish cathedral mosque synagogue temple gurdwara centre center hall gym surgery practice "
        "hospital choir band orchestra group league fc rfc afc cc ltd limited"
    ).split()
)


# The same in the languages of the pages we read most (words that also mean "man", "woman" or "Mrs" are
# left out: "Frau Elin" is not a wife).
RELATIONSHIPS |= frozenset(
    [
        *(
            "mari",
            "epouse",
            "epoux",
            "fils",
            "fille",
            "frere",
            "soeur",
            "mere",
            "pere",
            "conjoint",
            "conjointe",
        ),
        *("esposo", "esposa", "marido", "hijo", "hija", "hermano", "hermana", "madre", "padre", "pareja"),
        *(
            "ehemann",
            "ehefrau",
            "sohn",
            "tochter",
            "bruder",
            "schwester",
            "mutter",
            "vater",
            "lebensgefahrte",
        ),
        *("marito", "moglie", "figlio", "figlia", "fratello", "sorella"),
        *("filho", "filha", "irmao", "irma", "mae", "pai", "zoon", "dochter", "broer", "zus", "echtgenoot"),
    ]
)
_POSSESSIVES |= frozenset(
    ["ma", "mon", "mes", "mi", "mis", "mein", "meine", "meinem", "meiner", "mio", "mia"]
)
_POSSESSIVES |= frozenset(
    ["minha", "meu", "mijn", "onze", "ons", "notre", "nos", "nuestra", "nuestro", "unser"]
)
_POSSESSIVES |= frozenset(["unsere", "il", "la", "le", "el", "der", "die", "das", "o", "a"])

# Compared with canonical tokens, so spelt the same way ("league" and "fiancée" fold like page words do).
RELATIONSHIPS = frozenset(map(canonical, RELATIONSHIPS))
INSTITUTIONS = frozenset(map(canonical, INSTITUTIONS))
_POSSESSIVES = frozenset(map(canonical, _POSSESSIVES))
_QUALIFIERS = frozenset(map(canonical, _QUALIFIERS))
_QUALIFYING_ENDS = frozenset(
    map(canonical, ["primary", "junior", "juniors", "infant", "infants", "secondary"])
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


def find_relative(
    page: TokenText, name: str | tuple[str, ...], subject: frozenset[str] = frozenset()
) -> NameSighting | None:
    """A sighting of a relative's name: in full ("Gareth Blake", "Blake, Gareth"), in a list sharing the
    surname ("Morwenna, Gareth and Elin Blake"), or as a first name beside a relationship word. A longer
    surname ("Blake-Jones") or another surname right after the first name is someone else. `subject`:
    the canonical words of the audited person's own names, to tell whose "her husband" it is. `name` may
    be given as its canonical words already."""
    words = phrase_tokens(name) if isinstance(name, str) else name
    if not words:
        return None
    tokens = page.tokens
    if len(words) > 1:
        # One inserted word is allowed only if it is a middle name or initial: "Gareth J. Blake".
        for first, last in find_phrase(page, words, max_inserted=1):
            inserted = [t for t in tokens[first : last + 1] if not any(same_word(t.norm, w) for w in words)]
            if all(t.capitalised and t.raw.isalpha() for t in inserted) and not _surname_goes_on(page, last):
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
        if _related(page, position, subject):
            return NameSighting(token.start, token.end, NameMatch.FIRST_NAME)
    return None


def _next_name(page: TokenText, position: int) -> Token | None:
    """The capitalised name-like word right after `position`, on the same line of words, if any."""
    nxt = position + 1
    if nxt >= len(page.tokens) or not page.joined(position, nxt):
        return None
    following = page.tokens[nxt]
    if not following.capitalised or not following.raw.replace("-", "").isalpha():  # "Price-Evans" too
        return None
    return None if following.raw.lower() in {"and", "the"} else following


def _surname_goes_on(page: TokenText, position: int) -> bool:
    """ "Blake" followed by "-Jones" is tokenised as one word already; this catches "Blake Jones"."""
    following = _next_name(page, position)
    return (
        following is not None
        and following.norm not in RELATIONSHIPS
        and len(following.raw) > 2
        and following.raw.lower() != "mp"
    )


def _reversed(page: TokenText, position: int, given: tuple[str, ...]) -> NameSighting | None:
    """ "Blake, Gareth": surname, a comma, then the given names."""
    tokens = page.tokens
    end = position + len(given)
    if end >= len(tokens) or page.between(position, position + 1).strip() != ",":
        return None
    if not all(same_word(tokens[position + 1 + i].norm, word) for i, word in enumerate(given)):
        return None
    # "William Blake, Gareth Edwards": the given name has a surname of its own, so this is a list.
    if _another_surname(page, end, ""):
        return None
    return NameSighting(tokens[position].start, tokens[end].end, NameMatch.FULL)


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
    following = _next_name(page, position)
    return (
        following is not None and not same_word(following.norm, surname) and following.norm not in _LIST_JOINS
    )


def _is_relationship(page: TokenText, position: int) -> bool:
    token = page.tokens[position]
    if token.norm in RELATIONSHIPS or token.norm.rstrip("s") in RELATIONSHIPS:
        return True
    # "my other half", "her better half"
    return token.norm == "half" and position > 0 and page.tokens[position - 1].norm in {"other", "better"}


# Words that may stand between a relationship word and the name it introduces: "husband of 30 years,
# Gareth", "beloved wife of Gareth", "the hubby (Gareth)", "our sons Tom and Gareth".
_BETWEEN = frozenset(
    map(
        canonical,
        [
            "of",
            "years",
            "year",
            "the",
            "late",
            "my",
            "our",
            "his",
            "her",
            "their",
            "dear",
            "dearly",
            "beloved",
            "loving",
            "devoted",
            "wonderful",
            "with",
            "to",
            "and",
            "&",
            "new",
            "two",
            "three",
            "four",
        ],
    )
)


def _related(page: TokenText, position: int, subject: frozenset[str]) -> bool:
    """A relationship word before the name, with at most a few linking words or other names between
    ("my husband Gareth", "survived by her husband of 30 years, Gareth", "sons Tom and Gareth"), or
    right after it ("Ngozi, my wife", "Gareth (her husband)", "Gareth, my other half").

    Lowered to nothing: someone else's relative ("our neighbour's son Dafydd", "Rhys Morgan and his
    wife Ngozi") and a relationship word that is itself possessive ("Ngozi, my wife's colleague")."""
    tokens = page.tokens
    at = position - 1
    steps = 0
    while at >= 0 and steps < 8 and not breaks(page, at, at + 1, brackets=False):
        token = tokens[at]
        if _is_relationship(page, at):
            return not _possessive(token) and _theirs(page, at, subject, position)
        if not (token.capitalised or token.numeric or token.norm in _BETWEEN or token.norm in _QUALIFIERS):
            break
        at -= 1
        steps += 1
    at = position + 1
    if at < len(tokens) and page.between(position, at).strip() in {",", "(", "-", "–", "—", ""}:
        for look in range(at, min(at + 4, len(tokens))):
            if _is_relationship(page, look):
                return not _possessive(tokens[look]) and _theirs(page, look, subject, position)
            if tokens[look].norm not in _POSSESSIVES and tokens[look].norm not in _QUALIFIERS | {
                "other",
                "better",
            }:
                break
    return False


_POSSESSIVE_RAW = re.compile(r"[a-z][’'‘ʼ`]s?$", re.IGNORECASE)
_THIRD_PERSON = frozenset(
    {"his", "her", "their", "sein", "seine", "ihr", "ihre", "son", "sa", "ses", "su", "sus"}
)
_SENTENCE_WORDS = frozenset(
    {"the", "a", "an", "and", "with", "at", "by", "of", "to", "in", "on", "for", "mr", "mrs", "ms", "dr",
     "councillor", "cllr", "sir", "dame", "lady", "lord"}
)  # fmt: skip


def _possessive(token: Token) -> bool:
    """ "wife's", "neighbour’s": the word belongs to the noun after it."""
    return _POSSESSIVE_RAW.search(token.raw) is not None


def _theirs(page: TokenText, relationship: int, subject: frozenset[str], relative: int) -> bool:
    """Whether the relationship is the audited person's: not after another person's possessive noun
    ("our neighbour's son"), and a "his"/"her" that does not point back at someone else named just
    before it ("Councillor Rhys Morgan and his wife"). First-person words ("my", "our") are the
    author's, and on pages about the person the author is taken to be them."""
    tokens = page.tokens
    before = relationship - 1
    while before >= 0 and tokens[before].norm in _QUALIFIERS:
        before -= 1
    if before < 0:
        return True
    if _possessive(tokens[before]) and tokens[before].norm not in _POSSESSIVES:
        return tokens[before].norm in subject  # "Pat Example's daughter", not "our neighbour's son"
    if tokens[before].raw.lower() not in _THIRD_PERSON:
        return True
    # The closest name before "his"/"her" in the same sentence: the person's own, or nobody's. The
    # relative's own name ("Gareth (her husband)") and a sentence's first word are not that name.
    stop = relative if relative < relationship else -1
    for at in range(before - 1, max(-1, before - 10, stop), -1):
        if breaks(page, at, at + 1, brackets=False):
            break
        token = tokens[at]
        sentence_start = at == 0 or breaks(page, at - 1, at) or "\n" in page.between(at - 1, at)
        if sentence_start:
            break
        if token.capitalised and token.raw.isalpha() and token.norm not in _SENTENCE_WORDS:
            return token.norm in subject
    return True


def find_phrase_value(page: TokenText, value: str | tuple[str, ...]) -> tuple[int, int] | None:
    """(start, end) of a private phrase ("St Cuthbert's Primary", "Sunday Striders running club"), with
    up to two inserted words ("St Cuthbert's Catholic Primary School"), and not when it starts a longer
    name of something else ("St Cuthbert's Primary Care Centre")."""
    words = phrase_tokens(value) if isinstance(value, str) else value
    if not words:
        return None
    inserted = 2 if len(words) >= 3 else 1 if len(words) == 2 else 0
    page = page.split_hyphens()  # "Sunday-Striders running club"
    for first, last in find_phrase(page, words, max_inserted=inserted):
        if _runs_on(page, last, words) or _extends_before(page, first):
            continue
        return page.tokens[first].start, page.tokens[last].end
    return None


def find_name(page: TokenText, name: str) -> tuple[int, int] | None:
    """(start, end) of a person's name written as their whole name. A middle name or initial may sit
    inside it ("Jane A. Doe"), a title or a post may lead into it ("Labour MP Jane Doe", "Cllr Jane
    Doe") and post-nominals may follow ("Jane Doe MP"); a longer name is someone else: "Mary Jane Doe",
    "Jane Doe-Smith", "Jane Doe Smith", also in capitals ("JANE DOE SMITH")."""
    words = phrase_tokens(name)
    if not words:
        return None
    # Not split at hyphens, as phrases are: "Doe-Smith" is one surname, and not "Doe".
    for first, last in find_phrase(page, words, max_inserted=1 if len(words) >= 2 else 0):
        capitals = all(t.raw.isupper() for t in page.tokens[first : last + 1] if t.raw.isalpha())
        if _name_starts_before(page, first, capitals) or _name_goes_on(page, last, capitals):
            continue
        return page.tokens[first].start, page.tokens[last].end
    return None


# Capitalised words that lead into a name without being part of it.
_BEFORE_NAMES = _SENTENCE_WORDS | frozenset(
    {"contact", "call", "phone", "email", "ask", "dear", "meet", "thanks", "thank", "from", "pictured",
     "photo", "says", "said", "minister", "mp", "rt", "hon", "prof", "professor", "rev", "reverend",
     "miss", "mx", "former", "local", "candidate", "member", "chair", "clerk", "secretary", "treasurer",
     "captain", "president", "today", "yesterday", "but", "so", "as", "when", "if", "while", "after",
     "baroness", "baron", "viscount", "countess", "earl", "duchess", "duke", "mayor", "deputy", "shadow",
     "leader", "mep", "msp", "ms", "cllr", "alderman", "councillor", "sheriff", "judge", "justice"}
)  # fmt: skip
# After a name in capitals, only these say nothing about the name ("JANE DOE MP"); another word in
# capitals may be more of the name ("JANE DOE SMITH").
_POST_NOMINALS = frozenset(
    {"mp", "msp", "ms", "mla", "am", "mep", "obe", "mbe", "cbe", "dbe", "kbe", "kc", "qc", "pc", "jp", "frs",
     "phd", "dl", "lvo", "cvo", "rn", "bem"}
)  # fmt: skip


def _joined_as_one_name(page: TokenText, left: int, right: int) -> bool:
    """Only spaces between two words. A line break ends a name: extracted text breaks lines both between
    blocks (a heading, then "Jane Doe said...") and at a <br>, and a heading must not make her a
    namesake; "Mary<br>Jane Doe" is the price."""
    return all(c in " \t\u00a0" for c in page.between(left, right))


def _name_starts_before(page: TokenText, first: int, capitals: bool) -> bool:
    """A capitalised word right before a name is more of the name ("Mary Jane Doe won"), unless it leads
    into names ("Contact Jane Doe", "Cllr Jane Doe") or, before a name not in capitals, is an
    abbreviation ("Labour MP Jane Doe")."""
    if first == 0 or not _joined_as_one_name(page, first - 1, first):
        return False
    before = page.tokens[first - 1]
    if not before.capitalised or not before.raw.isalpha() or before.norm in _BEFORE_NAMES:
        return False
    return capitals or not (before.raw.isupper() and len(before.raw) <= 5)


def _name_goes_on(page: TokenText, last: int, capitals: bool) -> bool:
    """A capitalised word right after a name is more of a name ("Jane Doe Smith"); post-nominals are not
    ("Jane Doe MP", "JANE DOE OBE"), and a break ends the name."""
    nxt = last + 1
    if nxt >= len(page.tokens) or not _joined_as_one_name(page, last, nxt):
        return False
    following = page.tokens[nxt]
    if not following.capitalised or not following.raw.isalpha():
        return False
    if following.raw.isupper():
        return following.norm not in _POST_NOMINALS if capitals else False
    return True


# Words that make a place or a club a different one: "North Exampleton Harriers", "Upper Wexcombe".
_PLACE_PREFIXES = frozenset(
    map(
        canonical, ["north", "south", "east", "west", "upper", "lower", "great", "little", "greater", "royal"]
    )
)


def _extends_before(page: TokenText, first: int) -> bool:
    """A capitalised word right before the phrase makes it a longer name: "North Exampleton Harriers" is
    not "Exampleton Harriers". Not a sentence's first word, a title or an article ("The", "At")."""
    if first == 0 or not page.joined(first - 1, first):
        return False
    before = page.tokens[first - 1]
    if before.norm in _PLACE_PREFIXES:
        return True
    if not before.capitalised or not before.raw.isalpha() or before.norm in _SENTENCE_WORDS:
        return False
    if before.raw.isupper() and page.tokens[first].raw.isupper():
        return False  # in capitals, a capital says nothing: "PAT EXAMPLE EXAMPLETON HARRIERS"
    sentence_start = (
        first - 1 == 0 or breaks(page, first - 2, first - 1) or "\n" in page.between(first - 2, first - 1)
    )
    return not sentence_start


def _runs_on(page: TokenText, last: int, words: tuple[str, ...]) -> bool:
    """The phrase is only the start of a longer name of something else: it ends in a qualifier and goes
    on with a capitalised word that is not an institution ("St Cuthbert's Primary Care Centre"), or it
    goes on with "&" and such a word ("Little Acorns Nursery & Garden Centre"; but "St Mary's Primary &
    Nursery" is still the school), or with "of" and a name ("St Aidan's College of Music")."""
    tokens = page.tokens
    nxt = last + 1
    if nxt >= len(tokens) or not page.joined(last, nxt):
        return False
    following = tokens[nxt]
    if following.norm == "&" and nxt + 1 < len(tokens) and page.joined(nxt, nxt + 1):
        joined = tokens[nxt + 1]
        return joined.capitalised and joined.norm not in INSTITUTIONS
    if following.norm in {"of", "for"} and nxt + 1 < len(tokens) and page.joined(nxt, nxt + 1):
        return tokens[nxt + 1].capitalised  # "St Aidan's College of Music"
    if words[-1] in INSTITUTIONS and words[-1] not in _QUALIFYING_ENDS:
        return False
    return following.capitalised and following.norm not in INSTITUTIONS

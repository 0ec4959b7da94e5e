"""Words as canonical tokens: case, accents, apostrophes, "St"/"Saint", "&"/"and" and street-type
abbreviations folded, so two spellings of one name compare equal while a longer name does not."""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

APOSTROPHES = "'\u2019\u2018\u02bc`"
"""Straight, curly and modifier apostrophes all appear in "St Mary's" on real pages."""
HYPHENS = "-\u2010\u2011\u2012\u2013"

# A word: letters and digits, with apostrophes and hyphens inside it ("Mary's", "Blake-Jones", "126-128")
# kept as one token, so "Blake-Jones" never reads as "Blake". "&" and "#" are tokens of their own.
_JOINERS = re.escape(APOSTROPHES + HYPHENS)
_TOKEN = re.compile(rf"[^\W_]+(?:[{_JOINERS}][^\W_]+)*|&|#")
_TOKEN_PART = re.compile(rf"[^\W_]+(?:[{re.escape(APOSTROPHES)}][^\W_]+)*|&|#")
_POSSESSIVE = re.compile(rf"[{re.escape(APOSTROPHES)}]s$")
_APOSTROPHE = re.compile(f"[{re.escape(APOSTROPHES)}]")
_HYPHEN = re.compile(f"[{re.escape(HYPHENS)}]")

# Spellings of one word, folded to one canonical form. "st" stands for both Street and Saint: which one
# is meant never changes whether two phrases are the same.
_CANON = {
    "saint": "st",
    "street": "st",
    "str": "st",
    "and": "&",
    "road": "rd",
    "avenue": "ave",
    "av": "ave",
    "lane": "ln",
    "drive": "dr",
    "close": "cl",
    "crescent": "cres",
    "cresc": "cres",
    "place": "pl",
    "court": "ct",
    "gardens": "gdns",
    "terrace": "terr",
    "ter": "terr",
    "square": "sq",
    "grove": "gro",
    "gr": "gro",
    "park": "pk",
    "boulevard": "blvd",
    "rua": "r",  # Portuguese: "R. dos Ipês" is "Rua dos Ipês"
    "avenida": "ave",
    "bd": "blvd",
    "highway": "hwy",
    "parkway": "pkwy",
    "mount": "mt",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "northeast": "ne",
    "northwest": "nw",
    "southeast": "se",
    "southwest": "sw",
    "apartment": "apt",
    "number": "no",
    "first": "1st",
    "second": "2nd",
    "third": "3rd",
    "fourth": "4th",
    "fifth": "5th",
    "sixth": "6th",
    "seventh": "7th",
    "eighth": "8th",
    "ninth": "9th",
    "tenth": "10th",
}
_CANON_FORMS = frozenset(_CANON.values())
CANON_WORDS = frozenset(_CANON)
"""The words `canonical` writes as another word ("street" as "st", "first" as "1st")."""
_UMLAUT_PAIRS = re.compile(r"(?<=[^\W\d_])(?:ae|oe|ue)|^(?:ae|oe|ue)(?=[^\W\d_])")
# German and Swiss street names end in -strasse (-straße, abbreviated -str.): "Landstr." is "Landstrasse".
_STRASSE = re.compile(r"(?<=\w{3})(?:strasse|str)$")


_ASCII_APOSTROPHES = str.maketrans("", "", "'`")
# The combining marks NFKD splits off accented Latin, Greek and Cyrillic letters ("é" -> "e" + U+0301).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(word: str) -> str:
    """Lower case, without accents or apostrophes: "Zürich" -> "zurich", "O’Brien" -> "obrien"."""
    if word.isascii():  # most text: skip the Unicode decomposition
        return word.lower().translate(_ASCII_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return _APOSTROPHE.sub("", _COMBINING.sub("", decomposed))


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """The canonical form of one token (see `_CANON`); possessive 's dropped: "Cuthbert's" -> "cuthbert"."""
    lowered = _HYPHEN.sub("-", word.casefold())
    lowered = _POSSESSIVE.sub("", lowered)
    folded = fold(lowered)
    if folded in _CANON:
        return _CANON[folded]
    # German umlauts are written both as "ö" and as "oe" ("Möwenstrasse", "Moewenstrasse"): fold both
    # to the plain vowel. Applied to every word alike, so it never makes two spellings of one word differ.
    return _UMLAUT_PAIRS.sub(lambda m: m.group()[0], _STRASSE.sub("strasse", folded))


class Token(NamedTuple):
    """One word of a text, with where it stands. A named tuple: pages hold thousands of words."""

    norm: str
    """Canonical form (see `canonical`)."""
    start: int
    end: int
    raw: str

    @property
    def capitalised(self) -> bool:
        """Starts with an upper-case letter: a proper name rather than an everyday word."""
        return self.raw[:1].isupper()

    @property
    def numeric(self) -> bool:
        return self.raw[:1].isdigit()


def tokenize(text: str) -> list[Token]:
    """Every token of `text`, in order."""
    return [Token(canonical(m.group()), m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=8)
def distinct_words(text: str) -> frozenset[str]:
    """Each distinct word of `text` as written (the tokens `tokenize` would make, without their places):
    a cheap first look at a whole page."""
    return frozenset(_TOKEN.findall(text))


# Bytes a token (`_TOKEN`) can hold: ASCII letters (lower-cased by the table), digits, the ASCII joiners,
# "&", "#", and every byte of a non-ASCII character (UTF-8 bytes >= 0x80). Every other byte becomes a space.
_CHUNK_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789'`-&#") | frozenset(range(0x80, 0x100))
_CHUNK_TABLE = bytes(c + 32 if 0x41 <= c <= 0x5A else c if c in _CHUNK_BYTES else 0x20 for c in range(0x100))


@lru_cache(maxsize=8)
def chunks(text: str) -> frozenset[bytes]:
    """The distinct runs of `text` that no token crosses, as UTF-8 with ASCII letters lower-cased.

    A first look at which words a whole page could hold, split in C (`bytes.translate`, `bytes.split`)
    three to four times faster than tokenising it: a chunk of ASCII letters and digits
    (`bytes.isalnum`) is one token as written, lower-cased; any other chunk holds whole tokens, and no
    token crosses two chunks (`chunk_text` gives one back as text)."""
    return frozenset(text.encode("utf-8", "surrogatepass").translate(_CHUNK_TABLE).split())


def chunk_text(chunk: bytes) -> str:
    """A chunk as text again (ASCII letters lower-cased, every other character as written)."""
    return chunk.decode("utf-8", "surrogatepass")


def tokens_of(text: str) -> list[str]:
    """Every token of `text` as written (`tokenize` without canonical forms or places)."""
    return _TOKEN.findall(text)


def _has_variants(word: str) -> bool:
    """Other spellings fold to this word: an abbreviation's full form ("avenue"), a German -strasse."""
    return word in _CANON or word in _CANON_FORMS or _STRASSE.search(word) is not None


def plain(text: str) -> str:
    """`text` lower-cased with accents dropped, character for character: offsets stay those of `text`
    (unlike `fold`), so a hint found here marks a place in the original."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters ("İ") lower-case to two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if lowered.isascii():
        return lowered
    table: dict[str, str] = {}
    for char in set(lowered):
        if not char.isascii():
            base = unicodedata.normalize("NFKD", char)[:1]
            if base.isascii() and base.isalpha():
                table[char] = base
    if not table:
        return lowered
    # Only the accented letters are replaced: translate() would look up every character of the page.
    accented = re.compile("[" + re.escape("".join(table)) + "]")
    return accented.sub(lambda m: table[m.group()], lowered)


class Hint(NamedTuple):
    """Where a value could be on a page: a pattern of its words, and substrings every match holds."""

    pattern: re.Pattern[str]
    literals: tuple[str, ...]


def hint_pattern(hints: Sequence[str]) -> Hint | None:
    """A pattern finding any of the (folded) `hints` as a word in `plain` text, apostrophes allowed
    between its letters ("obrien" finds "o’brien"); None when there is nothing to look for."""
    words = [h for h in dict.fromkeys(hints) if h]
    if not words:
        return None
    apostrophe = f"[{re.escape(APOSTROPHES)}]?"
    bodies = []
    for word in words:
        # An apostrophe inside a name comes after its first letter ("O'Brien", "D'Arcy").
        body = re.escape(word[0]) + apostrophe + re.escape(word[1:])
        if len(word) >= 6:
            # "moewenstrasse" also as "möwenstrasse" (plain "mowenstrasse"); short words would then
            # find everyday ones ("doe" as "do").
            body = re.sub(r"([aou])e", r"\1e?", body)
        bodies.append(body)
    # Whole words, or with a plural or possessive "s": "doe" must not find "does" and "document".
    pattern = re.compile(rf"(?<![^\W_])(?:{'|'.join(bodies)})(?:{apostrophe}s)?(?![^\W_])")
    # After the first letter (an apostrophe may follow it) and between optional umlaut "e"s.
    literals = tuple(
        max(re.split(r"(?<=[aou])e", word[1:]), key=len) if len(word) >= 6 else word[1:] for word in words
    )
    return Hint(pattern, literals)


def literal_hint(value: str) -> str:
    """A literal that every sighting of `value` contains once the text is `fold`ed: its longest word
    that has no other spelling (not "Street", which pages write "St"); "" when every word has one."""
    words = [
        folded
        for m in _TOKEN.finditer(value)
        for folded in [fold(_POSSESSIVE.sub("", _HYPHEN.sub("-", m.group().casefold())))]
        # A word with an accent has other spellings too ("Müller", "Mueller", "Muller").
        if m.group().isascii() and len(folded) >= 3
        if not _has_variants(folded)
    ]
    return max(words, key=len, default="")


def phrase_tokens(value: str) -> tuple[str, ...]:
    """The canonical tokens of a roster phrase ("St Mary's Primary" -> ("st", "mary", "primary"))."""
    return tuple(t.norm for t in tokenize(value))


def name_words(*names: str) -> frozenset[str]:
    """The canonical words of a person's names and aliases: public, so a relative sharing the surname does
    not make it secret."""
    return frozenset(w for name in names for w in phrase_tokens(name))


def same_word(page: str, value: str) -> bool:
    """Canonical tokens equal, or equal but for a plural or possessive "s" ("St Marys" is "St Mary's")."""
    if page == value:
        return True
    if len(value) >= 3 and not value[:1].isdigit():
        return page == value + "s" or (value.endswith("s") and page == value[:-1])
    return False


class TokenText:
    """A text with its tokens and an index from canonical form to positions, built once per text."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def index(self) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            positions.setdefault(token.norm, []).append(i)
        return positions

    def positions(self, word: str) -> list[int]:
        """Positions of tokens that are `word` (plural and possessive variants included), in order."""
        found = list(self.index.get(word, ()))
        if len(word) >= 3 and not word[:1].isdigit():
            found += self.index.get(word + "s", ())
            if word.endswith("s"):
                found += self.index.get(word[:-1], ())
            found.sort()
        return found

    def has(self, word: str) -> bool:
        return bool(self.positions(word))

    def between(self, left: int, right: int) -> str:
        """The raw text between token `left` and token `right` (exclusive)."""
        return self.text[self.tokens[left].end : self.tokens[right].start]

    def breaks_between(self, left: int, right: int) -> bool:
        return breaks(self, left, right)

    def split_hyphens(self) -> TokenText:
        """The same text with hyphenated words as separate words ("Sunday-Striders"), for phrases
        where a hyphen is only spelling; never for surnames ("Blake-Jones" is not "Blake")."""
        split = TokenText(self.text)
        split.__dict__["tokens"] = [
            Token(canonical(part.group()), t.start + part.start(), t.start + part.end(), part.group())
            for t in self.tokens
            for part in _TOKEN_PART.finditer(t.raw)
        ]
        return split

    def joined(self, left: int, right: int, allowed: str = " \t") -> bool:
        """Whether only `allowed` characters separate token `left` from token `right`."""
        gap = self.between(left, right)
        return all(c in allowed for c in gap)


# A single line break is not a boundary: block elements put a name's or an address's parts on lines
# of their own.
_MARKS = re.compile(r"[:()\[\]{}<>\"“”]")
_MARKS_NO_BRACKETS = re.compile(r"[:{}<>\"“”]")


_STOP = re.compile(r"(?<=([^\W\d_]{4}))\.(?=\s)|[!?;|]|\n\s*\n")


def breaks(text: TokenText, left: int, right: int, *, brackets: bool = True) -> bool:
    """Whether a sentence or field boundary separates two tokens (their gap and any words between).

    A full stop after a short word is an abbreviation or an initial ("St. Mary's", "Rd.", "R.C.",
    "J."), not a boundary; after a longer word it ends a sentence. Colons, quotes and (unless
    `brackets` is False) brackets are boundaries too."""
    span = text.text[text.tokens[left].end : text.tokens[right].start]
    marks = _MARKS if brackets else _MARKS_NO_BRACKETS
    if marks.search(span):
        return True
    return _STOP.search(text.text, text.tokens[left].start, text.tokens[right].start) is not None


def find_phrase(text: TokenText, words: Sequence[str], *, max_inserted: int = 0) -> Iterator[tuple[int, int]]:
    """(first, last) token positions of each sighting of `words` in order, within one sentence.

    With `max_inserted`, that many extra words may sit between the phrase's words in total ("St Cuthbert's
    Catholic Primary" for "St Cuthbert's Primary"); the first and last words must still be there.
    """
    if not words or not all(text.has(w) for w in words):
        return
    tokens = text.tokens
    for first in text.positions(words[0]):
        at, inserted, ok = first, 0, True
        for word in words[1:]:
            nxt = at + 1
            while nxt < len(tokens) and not same_word(tokens[nxt].norm, word):
                nxt += 1
                inserted += 1
                if inserted > max_inserted:
                    break
            if nxt >= len(tokens) or inserted > max_inserted or breaks(text, at, nxt):
                ok = False
                break
            at = nxt
        if ok:
            yield first, at

"""One person's sealed words found in a page's text by hash, reading as little of the page as can be.

A sealed word is known only by its hash and its shape (first letter and length, as its mask shows), so
finding it means reading the page's words, where a plain roster only tests for a substring. Tokenising a
whole page in Python costs several times those tests, so:

1. the page is cut in C into its distinct chunks (`tokens.chunks`);
2. chunks this person's sieve has already found to hold none of their words are set aside in C (a
   person's pages share most of their words: one site's menus and footers, one language);
3. one pattern per person, run in C over the rest, keeps only a plain ASCII word (canonical as written)
   whose first letter and length fit a shape, give or take a plural "s"; a word whose canonical form is
   spelt otherwise (an abbreviation's full form, a -str ending, an umlaut pair anywhere in it, "Oehler"
   read as "ohler"); and any other chunk
   (accents, apostrophes, hyphens) where a token may start with a fitting letter;
4. what it keeps is read into canonical forms as the detectors read pages, and only forms of a sealed
   word's shape are hashed.

Each step only leaves out words that cannot be sealed ones: a sealed word is found wherever the plain
word would be (`tests/test_sieve.py` compares the sieve with reading every token).
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, NamedTuple

from .tokens import CANON_WORDS, canonical, chunk_text, chunks, tokens_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..seal import Sealer

_WORD = re.compile(r"[^\W_]+")

_REMEMBERED = 50_000
"""Chunks a person's sieve remembers as holding none of their words, before it forgets them all."""


class Found(NamedTuple):
    """What a text holds of one person's sealed words."""

    words: dict[str, str]
    """hash -> the text's form of that sealed word."""
    mailboxes: frozenset[str]
    """The text's words that are the person's mailbox names (lower case)."""


class WordSieve:
    """One person's sealed words and mailbox names, found in texts by hash (`Found`).

    A person's pages share most of their words (one site's menus and footers, one language), so a chunk
    found to hold none of the person's words is remembered (up to `_REMEMBERED` of them) and set aside,
    in C, on every later page: only a page's new chunks are read."""

    def __init__(
        self,
        lengths: Mapping[str, Iterable[int]] | None,
        sealer: Sealer,
        words: frozenset[str],
        mailboxes: frozenset[str],
    ) -> None:
        """`lengths`: first letter -> lengths of the sealed words (None: unknown, every word is read);
        `words`, `mailboxes`: the hashes (`sealer("word", form)`, `sealer("mailbox", word)`) to find."""
        self._lengths = None if lengths is None else {first: frozenset(n) for first, n in lengths.items()}
        self._pattern = None if self._lengths is None else _chunk_pattern(self._lengths)
        self._word_hash = sealer.domain("word")
        self._mailbox_hash = sealer.domain("mailbox")
        self._words = words
        self._mailboxes = mailboxes
        self._lock = threading.Lock()  # sources in several threads may share a person's sieve
        self._empty: set[bytes] = set()
        self._last: tuple[str, Found] | None = None

    def __call__(self, text: str) -> Found:
        """The person's sealed words and mailbox names in `text`."""
        with self._lock:
            last = self._last
            if last is not None and last[0] is text:  # one text is asked for its words, then mailboxes
                return last[1]
            found, empty = self._read(chunks(text).difference(self._empty))
            if len(self._empty) > _REMEMBERED:
                self._empty.clear()
            self._empty.update(empty)
            self._last = (text, found)
            return found

    def _read(self, new: frozenset[bytes]) -> tuple[Found, frozenset[bytes]]:
        """What these chunks hold, and those of them that hold nothing."""
        if self._pattern is None:
            kept = [(chunk, b"") for chunk in new]
        else:
            kept = self._pattern.findall(b" " + b" ".join(new))  # each chunk after a space
        # One ASCII word each, its own canonical form: decoded and split in C.
        plain = b" ".join([word for _, word in kept if word]).decode().split()
        others = [chunk for chunk, _ in kept if chunk]
        written = chunk_text(b" ".join(others))
        other_forms = self._forms_in(written)
        other_words = _WORD.findall(written.lower())
        found = self._found(self._plain_forms(plain), other_forms, plain + other_words)
        if not found.words and not found.mailboxes:
            return found, new
        # Not to be forgotten: the chunks that hold what was found. A plain word is one of its forms
        # (or a form's singular or plural); any other chunk is read again on its own.
        forms = set(found.words.values())
        giving = {w for form in forms for w in (form, form + "s", form[:-1])} | found.mailboxes
        holding = {word.encode() for word in plain if word in giving}
        if forms.intersection(other_forms) or found.mailboxes.intersection(other_words):
            for chunk in others:
                alone = chunk_text(chunk)
                if forms.intersection(self._forms_in(alone)) or found.mailboxes.intersection(
                    _WORD.findall(alone.lower())
                ):
                    holding.add(chunk)
        return found, new.difference(holding)

    def _forms_in(self, written: str) -> list[str]:
        """The forms (`forms_of`) of every token of a text, and of a hyphenated token's parts (a phrase
        is matched with hyphens read as spaces, "Sunday-Striders running club"; a surname never is),
        those with a sealed word's first letter."""
        lengths = self._lengths
        forms: list[str] = []
        for token in set(tokens_of(written)):
            norm = canonical(token)
            for each in (norm, *norm.split("-")) if "-" in norm else (norm,):
                if each and (lengths is None or each[0] in lengths):  # forms share the first letter
                    forms.extend(forms_of(each))
        return forms

    def _plain_forms(self, plain: list[str]) -> list[str]:
        """`forms_of` each plain word, only those of a sealed word's shape (the regex kept each word
        for being one letter longer or shorter at most)."""
        lengths = self._lengths
        if lengths is None:
            return [form for word in plain for form in forms_of(word)]
        forms = []
        for word in plain:
            sizes = lengths[word[0]]
            size = len(word)
            if size in sizes:
                forms.append(word)
            if not word[0].isdigit():
                if size + 1 in sizes and size >= 2:
                    forms.append(word + "s")
                if size - 1 in sizes and size >= 4 and word[-1] == "s":
                    forms.append(word[:-1])
        return forms

    def _found(self, fitting: list[str], forms: list[str], mailbox_words: list[str]) -> Found:
        """The sealed words among `fitting` (forms of a sealed word's shape) and `forms`, and the mailbox
        names among `mailbox_words`. Only a word of a sealed word's shape is hashed: most never are."""
        lengths = self._lengths
        words: dict[str, str] = {}
        if self._words:
            if lengths is not None:
                fitting = fitting + [f for f in forms if len(f) in lengths.get(f[0], ())]
            else:
                fitting = fitting + forms
            for form in fitting:
                hashed = self._word_hash(form)
                if hashed in self._words:
                    words[hashed] = form
        mailboxes: frozenset[str] = frozenset()
        if self._mailboxes:
            if lengths is not None:
                mailbox_words = [w for w in mailbox_words if len(w) in lengths.get(w[0], ())]
            mailboxes = frozenset(w for w in mailbox_words if self._mailbox_hash(w) in self._mailboxes)
        return Found(words, mailboxes)


def forms_of(norm: str) -> tuple[str, ...]:
    """A page word and the roster words `same_word` takes it for: "marys" may be "mary" or "marys"."""
    forms = [norm]
    if not norm[:1].isdigit():
        if len(norm) >= 2:
            forms.append(norm + "s")  # the roster's "Striders", the page's "Strider"
        if norm.endswith("s") and len(norm) >= 4:
            forms.append(norm[:-1])  # the roster's "Mary", the page's "Marys"
    return tuple(forms)


def _chunk_pattern(lengths: Mapping[str, frozenset[int]]) -> re.Pattern[bytes]:
    """A pattern finding, among space-separated chunks, those that may hold a word of these shapes: as
    (a chunk to tokenise, b"") or (b"", a plain ASCII word, canonical as written)."""
    plain = []
    whole = []
    firsts = bytes(sorted(ord(f) for f in lengths if len(f) == 1 and f.isascii()))
    if firsts:
        # Canonical forms of another length: a -str ending ("landstr", read as "landstrasse"), an
        # umlaut pair ("moewe", read as "mowe"). Tried first, so such a word is never taken as written.
        lead = b"[" + re.escape(firsts) + b"]"
        whole.append(lead + rb"[a-z0-9]*(?:ae|oe|ue|str(?![^ ]))[a-z0-9]*")
        # A pair at the start too: "Oehler" is read as "ohler".
        vowels = bytes(v for v in b"aou" if v in firsts)
        if vowels:
            whole.append(b"[" + vowels + rb"]e[a-z0-9]*")
    # Abbreviated spellings of a fitting shape ("avenue" for "ave"), or of a first letter the shapes
    # lack ("first" for "1st").
    respelt = sorted(
        (
            word
            for word in CANON_WORDS
            if any(len(form) in lengths.get(form[:1], ()) for form in forms_of(canonical(word)))
        ),
        key=len,
        reverse=True,
    )
    if respelt:
        whole.append(b"(?:" + b"|".join(re.escape(w.encode()) for w in respelt) + b")")
    # Any other chunk (accents, apostrophes, hyphens, punctuation) where a token, or a hyphenated word's
    # part, may begin with a fitting letter: one at the chunk's start or after a byte that is no ASCII
    # letter or digit, or a non-ASCII character there (folded, it may begin with any letter).
    starts = re.escape(bytes(sorted(set(firsts) | {ord(w[0]) for w in respelt})))
    whole.append(rb"(?=[a-z0-9]*[^a-z0-9 ])(?:[^ ]*[^a-z0-9 ])?[" + starts + rb"\xc0-\xff][^ ]*")
    if "&" in lengths or "#" in lengths:  # tokens of their own, wherever they stand ("at&t")
        whole.append(rb"[^ ]*[&#][^ ]*")
    for first in firsts:
        # The word itself, its singular (a letter shorter) or its plural (a letter longer, ending in
        # "s"): the forms `forms_of` reads a page word as.
        exact = lengths[chr(first)]
        sizes = sorted({n + d for n in exact for d in (-1, 0) if n + d >= 1})
        runs = [b"[a-z0-9]{%d,%d}" % (low - 1, high - 1) for low, high in _runs(sizes)]
        runs += [b"[a-z0-9]{%d}s" % (n - 1) for n in sorted(exact) if n + 1 not in sizes and n >= 3]
        plain.append(b"(?<=" + re.escape(bytes([first])) + b")(?:" + b"|".join(runs) + b")")
    # One test of the first letter, then its lengths: most chunks are turned away at once. A word
    # `canonical` writes as another ("park" as "pk") is never one as written: it is read above when its
    # canonical form may fit, and is no sealed word otherwise.
    other_spellings = sorted((w.encode() for w in CANON_WORDS if ord(w[0]) in firsts), key=len, reverse=True)
    never = (
        b"(?!(?:" + b"|".join(re.escape(w) for w in other_spellings) + rb")(?![^ ]))"
        if other_spellings
        else b""
    )
    words = never + b"[" + re.escape(firsts) + b"](?:" + b"|".join(plain) + b")" if plain else b"(?!)"
    # Led by the space before each chunk: a literal lead lets the scan skip to the next space in C.
    return re.compile(rb" (?:(" + b"|".join(whole) + rb")|(" + words + rb"))(?![^ ])")


def _runs(sizes: list[int]) -> Iterable[tuple[int, int]]:
    """Consecutive runs of sorted integers: [2, 3, 4, 7] -> (2, 4), (7, 7)."""
    start = previous = sizes[0]
    for size in sizes[1:]:
        if size != previous + 1:
            yield start, previous
            start = size
        previous = size
    yield start, previous

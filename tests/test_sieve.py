"""The sieve that finds a person's sealed words in a page must find exactly what reading every token finds.

It leaves most of a page unread (chunks set aside by shape, chunks remembered as empty), so each test
compares it with the plain reading: every token, canonical, its hyphenated parts, its singular and
plural, hashed. A sieve that drops a chunk it should have read finds less, and these tests say which.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from auditor.keys import keyed_hash
from auditor.seal import Sealer
from auditor.values import sealed as sealed_values
from auditor.values import sieve
from auditor.values.sieve import WordSieve, forms_of
from auditor.values.tokens import canonical, tokenize

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
KEY = b"test key for the sieve"
_WORD = re.compile(r"[^\W_]+")


def make_sieve(words: list[str], mailboxes: list[str] = (), *, shapes: bool = True) -> WordSieve:  # type: ignore[assignment]
    """A sieve for these sealed (canonical) words and mailbox names, as `auditor seal` would make one."""
    sealer = Sealer(KEY)
    lengths: dict[str, set[int]] = {}
    for word in [*words, *mailboxes]:
        lengths.setdefault(word[0], set()).add(len(word))
    hashes = frozenset(sealer("word", w) for w in words)
    boxes = frozenset(sealer("mailbox", m) for m in mailboxes)
    return WordSieve(lengths if shapes else None, sealer, hashes, boxes)


def reference(text: str, words: list[str], mailboxes: list[str] = ()) -> tuple[set[str], set[str]]:  # type: ignore[assignment]
    """Every token read: (the sealed words the text holds, as the roster spells them; its mailbox
    names)."""
    wanted = set(words)
    found: set[str] = set()
    for token in tokenize(text):
        norm = token.norm
        for each in (norm, *norm.split("-")) if "-" in norm else (norm,):
            found.update(form for form in forms_of(each) if each and form in wanted)
    boxes = {w for w in _WORD.findall(text.lower()) if w in set(mailboxes)}
    return found, boxes


def sieved(sift: WordSieve, text: str) -> tuple[set[str], set[str]]:
    found = sift(text)
    return set(found.words.values()), set(found.mailboxes)  # the words as the roster spells them


# (text, sealed canonical words, what the sieve must find): the words a shortcut would miss.
CASES = [
    ("Jane lives at 12 Acacia Avenue.", ["acacia", "ave"], {"acacia", "ave"}),  # "Avenue" is "ave"
    ("Meet at 12 ACACIA AVE", ["acacia", "ave"], {"acacia", "ave"}),
    (
        "Sunday-Striders running club",
        ["sunday", "striders", "running", "club"],
        {"sunday", "striders", "running", "club"},
    ),
    ("the Sunday Strider", ["striders"], {"striders"}),  # the roster's plural, the page's singular
    ("St Mary’s school", ["st", "mary"], {"st", "mary"}),  # curly apostrophe, possessive dropped
    ("St Marys", ["mary"], {"mary"}),
    ("Tom O’Brien and Tom O'Brien", ["tom", "obrien"], {"tom", "obrien"}),
    ("Landstr. 5, Zürich", ["landstrasse", "zurich"], {"landstrasse", "zurich"}),  # -str, accent
    ("Moewenstrasse 4", ["mowenstrasse"], {"mowenstrasse"}),  # umlaut pair
    ("first floor flat", ["1st"], {"1st"}),  # an abbreviation that changes the first letter
    ("Smith & Sons and Smith and Sons", ["smith", "&", "sons"], {"smith", "&", "sons"}),
    ("AT&T", ["&"], {"&"}),
    ("12\u00a0Acacia\u00a0Avenue", ["acacia"], {"acacia"}),  # glued by no-break spaces
    ("“Acacia” (Acacia) [acacia]", ["acacia"], {"acacia"}),
    ("İstanbul Ávila Émile", ["istanbul", "avila", "emile"], {"avila", "emile", "istanbul"}),
    ("Blake-Jones", ["blake", "jones"], {"blake", "jones"}),
    ("EX2 3BB ex2", ["ex2"], {"ex2"}),
    ("acacias acaci acacian", ["acacia"], {"acacia"}),  # the plural, not longer or shorter words
    ("the quick brown fox", ["acacia", "tom"], set()),
    ("Dr Doe of Doe Lane", ["do", "ln"], {"do", "ln"}),  # "Doe" is "do", "Lane" is "ln"
    (
        "Herr Oehler, Uebelhack and Aebischer",
        ["ohler", "ubelhack", "abischer"],
        {"ohler", "ubelhack", "abischer"},
    ),
    # A word spelt otherwise by `canonical` is never read as written: "Park" is "pk", not a park.
    ("Park Lane, Grove Road, Kensington Gardens, the first", ["parks", "groves", "garden", "firsts"], set()),
]


@pytest.mark.parametrize(("text", "words", "expected"), CASES)
def test_the_sieve_finds_each_sealed_word_however_the_page_spells_it(
    text: str, words: list[str], expected: set[str]
) -> None:
    assert reference(text, words)[0] == expected  # the case itself is right
    assert sieved(make_sieve(words), text)[0] == expected
    assert sieved(make_sieve(words, shapes=False), text)[0] == expected  # a roster sealed before shapes


@pytest.mark.parametrize(
    ("text", "mailboxes", "expected"),
    [
        ("write to jane [dot] home [at] mail [dot] example", ["example"], {"example"}),
        ("O'Brien’s mail: obrien at example", ["brien"], {"brien"}),  # a word after an apostrophe
        ("JANE.HOME@MAIL.EXAMPLE", ["example"], {"example"}),
        ("examples and exampled", ["example"], set()),
    ],
)
def test_the_sieve_finds_mailbox_names_as_whole_words(
    text: str, mailboxes: list[str], expected: set[str]
) -> None:
    assert reference(text, [], mailboxes)[1] == expected
    assert sieved(make_sieve([], mailboxes), text)[1] == expected


def test_a_remembered_chunk_never_hides_a_word_on_a_later_page(monkeypatch: pytest.MonkeyPatch) -> None:
    sift = make_sieve(["acacia", "striders"])
    assert sieved(sift, "Acacia Avenue news: the club met")[0] == {"acacia"}
    # "club", "met", "the" are remembered as empty; "acacia" held a word and is read again.
    assert sieved(sift, "the club met on Acacia")[0] == {"acacia"}
    assert sieved(sift, "the club met")[0] == set()
    assert sieved(sift, "the Striders club")[0] == {"striders"}
    monkeypatch.setattr(sieve, "_REMEMBERED", 2)  # forgetting everything is still right
    assert sieved(sift, "the club met the Striders on Acacia")[0] == {"striders", "acacia"}
    assert sieved(sift, "the club met the Striders on Acacia")[0] == {"striders", "acacia"}


def test_the_same_text_asked_twice_is_read_once() -> None:
    sift = make_sieve(["acacia"], ["example"])
    text = "Acacia, example"
    assert sift(text) is sift(text)


def test_the_sealer_hashes_as_keyed_hash_does() -> None:
    sealer = Sealer(KEY)
    for domain, form in [
        ("word", "acacia"),
        ("mailbox", "example"),
        ("phone", "+447700900123"),
        ("word", "zürich"),
    ]:
        assert sealer(domain, form) == keyed_hash(KEY, "seal", domain, form)
        assert sealer.domain(domain)(form) == sealer(domain, form)


_OLD_UK_SHAPE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[A-Za-z]{2})(?![A-Za-z0-9])")


@pytest.mark.parametrize(
    "text",
    [
        "EX2 3BB", "ex23bb", "xEX2 3BB", "at EX2  \n 3BB, and SW1A 1AA", "AB12 3CD4", "12 EX2 3BB.",
        "W1 2AB", "W12AB", "EC1A1BB and ec1a 1bb", "M1 1AE M11AE", "N1C 4QP", "B33 8TH", "CR2 6XH",
    ],
)  # fmt: skip
def test_uk_postcode_candidates_include_every_one_the_full_scan_finds(text: str) -> None:
    old = {f"{m.group(1)} {m.group(2)}".upper() for m in _OLD_UK_SHAPE.finditer(text)}
    assert old <= set(sealed_values._uk_shaped(text))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_on_real_pages_the_sieve_finds_what_reading_every_token_finds() -> None:
    from auditor.extract import ExtractError, extract

    pages = []
    for path in sorted(CORPUS.glob("*.html.gz"))[:60]:
        content = extract(
            gzip.decompress(path.read_bytes()), url="http://corpus.test/", content_type="text/html"
        )
        if not isinstance(content, ExtractError) and content.text:
            pages.append(content.text)
    # Sealed words taken from the pages themselves (so there is something to find), with their shapes'
    # common neighbours: short words, words after apostrophes, hyphenated words' parts.
    vocabulary = sorted({t.norm for text in pages[:5] for t in tokenize(text) if t.norm.isalpha()})
    for step in (7, 11, 13):
        words = [*vocabulary[::step][:12], "the", "club", "st"]
        mailboxes = [w for w in vocabulary[3::step][:3] if w.isalnum()]
        sift = make_sieve(words, mailboxes)
        for text in pages:
            assert sieved(sift, text) == reference(text, words, mailboxes), text[:80]


def test_canonical_forms_the_cases_rely_on() -> None:
    assert [canonical(w) for w in ["Avenue", "Doe", "Lane", "first", "Landstr", "Moewenstrasse", "and"]] == [
        "ave", "do", "ln", "1st", "landstrasse", "mowenstrasse", "&",
    ]  # fmt: skip

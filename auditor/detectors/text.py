"""Helpers shared by the detectors: evidence snippets, normalisers and the patterns several detectors need."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from ..values.tokens import Hint, TokenText, plain

if TYPE_CHECKING:
    from ..model import Document

_WINDOW = 400
"""How much text around a hint is read for a name or an address (an address spans a few lines)."""
SNIPPET_CHARS = 160
"""Evidence is a short, readable excerpt; a whole paragraph would leak more than the finding needs."""

_SPACE = re.compile(r"\s+")
_NON_DIGITS = re.compile(r"\D+")


def collapse(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


def snippet(text: str, start: int, end: int, width: int = SNIPPET_CHARS) -> str:
    """Up to `width` characters of `text` centred on text[start:end], whitespace collapsed.

    Each side is collapsed separately so the budget is spent on visible characters, not on the
    indentation of the HTML the text came from.
    """
    middle = collapse(text[start:end])
    if len(middle) >= width:
        return middle[: width - 1] + "…"
    before = _SPACE.sub(" ", text[max(0, start - 4 * width) : start]).lstrip()
    after = _SPACE.sub(" ", text[end : end + 4 * width]).rstrip()
    budget = width - len(middle)
    left = min(len(before), budget // 2)
    right = min(len(after), budget - left)
    left = min(len(before), budget - right)  # give the unused right-hand budget back to the left
    head = before[len(before) - left :] if left else ""
    tail = after[:right]
    if left < len(before) and head:
        head = "…" + head[1:]
    if right < len(after) and tail:
        tail = tail[:-1] + "…"
    return (head + middle + tail).strip()


def link_snippet(href: str, width: int = SNIPPET_CHARS) -> str:
    """A contact link as evidence: the href itself, collapsed and capped."""
    text = collapse(href)
    return text if len(text) <= width else text[: width - 1] + "…"


# Full-width forms ("＠", "０３－１２３４") as East Asian pages write addresses and numbers, read as the
# ASCII they stand for; one character for one, so offsets into the text stay valid.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_HAS_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")


def haystacks(document: Document) -> list[str]:
    """The texts of a document worth searching: its text, and its title when the text lacks it."""
    text = document.content.text
    title = document.content.title
    texts = [text, title] if title and title not in text else [text]
    return [t.translate(_FULL_WIDTH) if _HAS_FULL_WIDTH.search(t) else t for t in texts]


class Haystack:
    """One text to search, with the cheap views used to skip patterns that cannot match it.

    A regex scan of a 30 kB page costs far more than a substring test; most known values are absent from
    most pages, so each pattern first checks for a literal it cannot match without.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._windows: dict[tuple[int, int], TokenText] = {}

    @cached_property
    def lower(self) -> str:
        """The text lower-cased (for literal hints of case-free patterns)."""
        return self.text.lower()

    @cached_property
    def plain(self) -> str:
        """Lower case without accents, offsets unchanged (see `values.tokens.plain`), for word hints."""
        return plain(self.text)

    @cached_property
    def whole(self) -> TokenText:
        return TokenText(self.text)

    def windows(self, hint: Hint, radius: int = _WINDOW) -> list[tuple[int, TokenText]]:
        """(offset, tokens) of the stretches of text around each place `hint` matches, overlapping ones
        merged: names and addresses are matched there, not across a whole 200 kB page."""
        spans: list[list[int]] = []
        if not any(word in self.plain for word in hint.literals):
            return []  # a substring test first: the pattern is costly to try at every character
        for found in hint.pattern.finditer(self.plain):
            lo, hi = max(0, found.start() - radius), min(len(self.text), found.end() + radius)
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
        out = []
        for lo, hi in spans:
            # Widen to whole words, so no window starts or ends inside one.
            while lo > 0 and not self.text[lo - 1].isspace():
                lo -= 1
            while hi < len(self.text) and not self.text[hi].isspace():
                hi += 1
            cached = self._windows.get((lo, hi))
            if cached is None:
                cached = self._windows[(lo, hi)] = TokenText(self.text[lo:hi])
            out.append((lo, cached))
        return out

    @cached_property
    def digits(self) -> str:
        """Only the digits, in order: any spacing of a phone number still holds its digits in a row."""
        return _NON_DIGITS.sub("", self.text)

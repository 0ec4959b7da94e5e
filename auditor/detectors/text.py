"""Helpers shared by the detectors: evidence snippets, normalisers and the patterns several detectors need."""

from __future__ import annotations

import re
from functools import cached_property
from urllib.parse import unquote, urlsplit

from ..model import Document
from ..values import phones
from ..values.phones import DEFAULT_REGION
from ..values.tokens import Hint, TokenText, plain

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


def tel_number(href: str, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 number of a tel: or sms: link, or None for any other link. A number without "+" is read
    in `region`, the page's country: a Tokyo page's tel:03-… is not a London number."""
    scheme, _, rest = href.partition(":")
    if scheme.lower() not in {"tel", "sms", "callto"}:
        return None
    number = phones.link_region_number(rest, region)
    return phones.e164(number) if number else None


_TELEGRAM_HOSTS = {"t.me", "telegram.me", "www.t.me", "www.telegram.me", "telegram.dog"}
# Paths on t.me that are site features or invites, not a person's account.
_TELEGRAM_RESERVED = frozenset(
    [
        "joinchat",
        "addstickers",
        "addemoji",
        "addlist",
        "addtheme",
        "share",
        "proxy",
        "socks",
        "iv",
        "c",
        "login",
        "setlanguage",
        "confirmphone",
        "invoice",
        "boost",
        "contact",
        "bg",
        "m",
    ]
)
_TELEGRAM_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")


def messaging_target(href: str) -> tuple[str, str] | None:
    """(service, identity) for a WhatsApp, Telegram or Signal link to one person, else None.

    The identity is an E.164 number where the link carries one (wa.me/447700900123,
    api.whatsapp.com/send?phone=..., t.me/+447700900123, signal.me/#p/+447700900123), a lower-case
    Telegram username (t.me/name), or Signal's opaque username link ("eu/<id>"). Group invites and
    share links are not a route to one person and are ignored.
    """
    url = href.strip()
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = unquote(parts.path)
    if host in {"wa.me", "www.wa.me"} or (host.endswith("whatsapp.com") and path.rstrip("/") == "/send"):
        if host.endswith("whatsapp.com"):
            digits = ""
            for pair in parts.query.split("&"):
                name, _, val = pair.partition("=")
                if name == "phone":
                    digits = unquote(val)
        else:
            digits = path.strip("/").split("/", 1)[0]
        number = _international(digits)
        return ("whatsapp", number) if number else None
    if host in _TELEGRAM_HOSTS:
        segments = [s for s in path.split("/") if s]
        if segments[:1] == ["s"]:  # t.me/s/<name> is the web preview of the same channel
            segments = segments[1:]
        if not segments:
            return None
        first = segments[0]
        if first.startswith("+"):  # t.me/+<digits> opens a chat by phone number; t.me/+<hash> is an invite
            number = _international(first)
            return ("telegram", number) if number else None
        if first.lower() in _TELEGRAM_RESERVED or not _TELEGRAM_NAME.fullmatch(first):
            return None
        return ("telegram", first.lower())
    if host in {"signal.me", "www.signal.me"}:
        fragment = unquote(parts.fragment)
        kind, _, ident = fragment.partition("/")
        if kind == "p":
            number = _international(ident)
            return ("signal", number) if number else None
        if kind and ident:
            return ("signal", f"{kind}/{ident}")
    return None


def _international(digits: str) -> str | None:
    """E.164 for a full international number written with or without "+", or None."""
    digits = re.sub(r"[\s\-().]", "", digits).lstrip("+")
    if not digits.isdigit() or not 6 <= len(digits) <= 15:
        return None
    return phones.to_e164("+" + digits)


def link_phone(href: str, region: str = DEFAULT_REGION) -> str | None:
    """The E.164 number behind a tel:, sms: or phone-number messaging link, else None."""
    number = tel_number(href, region)
    if number:
        return number
    target = messaging_target(href)
    if target and target[1].startswith("+"):
        return target[1]
    return None


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

"""Helpers shared by the detectors: evidence snippets, normalisers and the patterns several detectors need."""

from __future__ import annotations

import re
from functools import cached_property
from urllib.parse import unquote, urlsplit

import phonenumbers

from ..model import Document

DEFAULT_REGION = "GB"
"""Numbers written without a country code are read as UK numbers (the roster is UK-centric)."""

SNIPPET_CHARS = 160
"""Evidence is a short, readable excerpt; a whole paragraph would leak more than the finding needs."""

_SPACE = re.compile(r"\s+")
_NON_DIGITS = re.compile(r"\D+")

# Strict UK postcode (Royal Mail rules): outward code letters by position, inward code letters without
# C I K M O V; plus the one special case GIR 0AA. Upper-case only: pages write postcodes in capitals, and
# accepting lower case turns ordinary prose and product codes into "postcodes".
_OUTWARD = (
    r"(?:[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]"  # AA9A  (SW1A)
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"  # A9A   (W1A)
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"  # AA9, AA99
    r"|[A-PR-UWYZ][0-9]{1,2})"  # A9, A99
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
POSTCODE = re.compile(
    # The space is required: unspaced, the shape also fits tickers and part numbers ("US10YT=RR").
    rf"(?<![\w=/\-])(?:GIR[ \u00a0]0AA|{_OUTWARD}[ \u00a0]{_INWARD})(?![\w=/\-])",
)
"""A UK postcode in running text (discovered data)."""
POSTCODE_ANYCASE = re.compile(
    rf"(?<![A-Za-z0-9])(?:GIR\s*0AA|{_OUTWARD}\s*{_INWARD})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
"""The same, case-insensitive: for reading the roster's own addresses."""

APOSTROPHES = "'\u2019\u2018\u02bc`"
"""Straight, curly and modifier apostrophes all appear in "St Mary's" on real pages."""


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


def haystacks(document: Document) -> list[str]:
    """The texts of a document worth searching: its text, and its title when the text lacks it."""
    text = document.content.text
    title = document.content.title
    if title and title not in text:
        return [text, title]
    return [text]


def phone_e164(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """E.164 form of a phone number as a person would write it, or None when it is not a number.

    Possibility (length), not validity: Ofcom's drama ranges are deliberately unallocated and must
    still normalise.
    """
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_postcode(raw: str) -> str:
    """Canonical postcode: upper case, one space before the inward code ("ex23bb" -> "EX2 3BB")."""
    compact = re.sub(r"\s+", "", raw).upper()
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_email(raw: str) -> str:
    """Canonical e-mail address: trimmed and lower-cased (case-free in practice, not only the domain)."""
    return raw.strip().lower()


def mailto_addresses(href: str) -> list[str]:
    """The recipients of a mailto: link, URL-decoded and normalised; empty for any other link."""
    if not href.lower().startswith("mailto:"):
        return []
    target = unquote(href[len("mailto:") :].split("?", 1)[0])
    return [normalise_email(part) for part in target.split(",") if "@" in part]


def tel_number(href: str) -> str | None:
    """The E.164 number of a tel: or sms: link, or None for any other link."""
    scheme, _, rest = href.partition(":")
    if scheme.lower() not in {"tel", "sms", "callto"}:
        return None
    target = unquote(rest).split(";", 1)[0].split("?", 1)[0].lstrip("/")
    return phone_e164(target)


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
    return phone_e164("+" + digits)


def link_phone(href: str) -> str | None:
    """The E.164 number behind a tel:, sms: or phone-number messaging link, else None."""
    number = tel_number(href)
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

    @cached_property
    def lower(self) -> str:
        """The text lower-cased (for literal hints of case-free patterns)."""
        return self.text.lower()

    @cached_property
    def digits(self) -> str:
        """Only the digits, in order: any spacing of a phone number still holds its digits in a row."""
        return _NON_DIGITS.sub("", self.text)

"""Contact links as values: the number behind a tel:, sms: or callto: link, and the person a WhatsApp,
Telegram or Signal link opens a chat with."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from . import phones
from .phones import DEFAULT_REGION


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

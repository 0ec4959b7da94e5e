"""E-mail addresses as written on pages: plain, URL-encoded, spaced ("name @ host.tld") and disguised
("name [at] host [dot] tld", "name at host dot tld"), each read back to one lower-case address.

Context: a known address is matched in every spelling, spelled-out words included, because the whole
address must match. Discovery reads only spellings that say "address" by themselves, and a spaced "@"
only beside a mailbox-like name or an "email" label; a half-disguised or placeholder address is skipped."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from collections.abc import Iterator

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_LOCAL_WORD = r"[A-Za-z0-9_%+\-]+"
_BRACKETED_AT = r"\s*[\[({<]\s*at\s*[\])}>]\s*"
_BRACKETED_DOT = r"\s*[\[({<]\s*dot\s*[\])}>]\s*"

# Discovery reads only forms that say "this is an address" by themselves: "@" (spaced or not), the
# bracketed disguises, and " dot " inside a domain after a bracketed at. A bare " at " would turn prose
# ("meet at noon dot com") into addresses.
_D_AT = rf"(?:@|{_BRACKETED_AT}|[ \t]@[ \t])"
_D_LOCAL_DOT = rf"(?:\.|{_BRACKETED_DOT})"
_D_DOT = rf"(?:\.|{_BRACKETED_DOT}|\s+dot\s+)"
DISCOVERY = re.compile(
    # Not preceded by more local-part characters; not a URL's user-info ("https://key@host").
    rf"(?<![\w.%+\-/:])(?P<local>[A-Za-z0-9]{_LOCAL_WORD[:-1]}*(?:{_D_LOCAL_DOT}{_LOCAL_WORD})*)"
    rf"(?P<at>{_D_AT})(?P<domain>(?:{_LABEL}{_D_DOT})+(?P<tld>[A-Za-z]{{2,24}}))(?![\w\-])(?!\.[A-Za-z0-9])",
    re.IGNORECASE,
)
"""An e-mail address in running text, as discovery reads it."""

# Known addresses are compared whole, so every disguise is read, spelled-out words included: a page
# matching the whole local part and domain of the person's address is already "clearly an address".
_K_AT = rf"(?:@|%40|\s*@\s*|{_BRACKETED_AT}|\s+at\s+)"
_K_DOT = rf"(?:\.|{_BRACKETED_DOT}|\s+dot\s+)"
KNOWN = re.compile(
    rf"(?<![\w.%+\-])(?P<local>{_LOCAL_WORD}(?:{_K_DOT}{_LOCAL_WORD})*)"
    # The domain ends the address: not followed by more of a word, an "@" ("me at jane.home@…" is not
    # "me@jane.home") or another label.
    rf"{_K_AT}(?P<domain>{_LABEL}(?:{_K_DOT}{_LABEL})+)(?![\w\-@%])(?!\.\w)",
    re.IGNORECASE,
)
"""Every spelling a known address might have; matches are read back and compared to the known set."""

# "logo@2x.png", "icon@3x.webp": retina image names look like addresses.
_FILE_SUFFIXES = frozenset(
    ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "css", "js", "json", "map", "pdf", "ts", "py"]
)
_PLACEHOLDERS = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "firstname lastname first last name surname initial initials forename yourname your you user "
        "username someone somebody xxx xyz abc email mail address example"
    ).split()
)
_DOTS = re.compile(rf"{_BRACKETED_DOT}|\s+dot\s+", re.IGNORECASE)
_SPELLED_DOT_BEFORE = re.compile(r"(?:\bdot|[\[({<]\s*dot\s*[\])}>])\s*$", re.IGNORECASE)
_EMAIL_WORDS = re.compile(r"(?:e-?mail|mail|contact|write)\b[^\n]{0,30}$", re.IGNORECASE)


def normalise(raw: str) -> str:
    """Canonical address: trimmed and lower-cased (case-free in practice, not only the domain)."""
    return raw.strip().lower()


def _undisguise(part: str) -> str:
    return _DOTS.sub(".", part)


# No leading "\s*": tried at every character, it would re-read every run of spaces (quadratic).
_MARKER = re.compile(r"@|[\[({<]\s*at\s*[\])}>]", re.IGNORECASE)
_REACH = 200
"""Characters either side of an "@" that an address can span (a 64-character local part, disguises)."""


def _around_markers(text: str) -> Iterator[re.Match[str]]:
    """DISCOVERY's matches, searched only near an "@" or "[at]": most of a page cannot hold an address,
    and the pattern is costly to try at every character. Overlapping stretches are merged, so a page
    dense with "@" is still read once."""
    spans: list[list[int]] = []
    for marker in _MARKER.finditer(text):
        lo, hi = max(0, marker.start() - _REACH), min(len(text), marker.end() + _REACH)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    for lo, hi in spans:
        for found in DISCOVERY.finditer(text, lo, hi):
            if found.end() < hi or hi == len(text):  # one cut short by the stretch's end may be longer
                yield found


def find_discovered(text: str) -> Iterator[tuple[str, int, int]]:
    """(address, start, end) for each address a page publishes, disguises undone; never a false one."""
    for found in _around_markers(text):
        if found.group("tld").lower() in _FILE_SUFFIXES:
            continue
        local = _undisguise(found.group("local"))
        if local.endswith(".") or ".." in local or local.startswith("."):
            continue
        if set(re.split(r"[._\-+]", local.lower())) <= _PLACEHOLDERS:
            continue  # "firstname.lastname@council.example" describes a pattern, not an address
        start, end = found.span()
        # "jane [dot] home [at] …" read from "home": the start of the local part is disguised further
        # back, so this is not the whole address. Skip rather than report a false one.
        if _SPELLED_DOT_BEFORE.search(text[max(0, start - 12) : start]):
            continue
        after = text[end : end + 2]
        if after[:1] == ":" and after[1:2] not in ("", " ", "\n"):
            continue  # git@github.com:org/repo is an SSH remote, not an address
        # "name @ host.tld": spaced, an address only when it looks like a mailbox or is labelled one
        # ("follow us @ twitter.com" is not an address).
        spaced = found.group("at") != "@" and found.group("at").strip() == "@"
        if spaced and not (
            re.search(r"[._+\-\d]", local) or _EMAIL_WORDS.search(text[max(0, start - 40) : start])
        ):
            continue
        domain = _undisguise(found.group("domain"))
        domain, cut = _unglue(domain)
        yield normalise(f"{local}@{domain}"), start, end - cut


def _unglue(domain: str) -> tuple[str, int]:
    """ "mail.example.Thanks": a sentence run into the address. A capitalised last label after
    lower-case ones is the next sentence's first word, not a top-level domain."""
    labels = domain.split(".")
    last = labels[-1]
    if len(labels) > 2 and last[:1].isupper() and last[1:].islower() and domain[: -len(last)].islower():
        return ".".join(labels[:-1]), len(last) + 1
    return domain, 0


def find_known_spellings(text: str, lo: int = 0, hi: int | None = None) -> Iterator[tuple[str, int, int]]:
    """(address, start, end) for every way of writing an address, spelled-out forms included. Only for
    comparing with known addresses: on its own, "meet at noon dot com" would read as an address."""
    # Overlapping: in "reach me at sam.home (at) post.example", the reading "me@sam.home" must not hide
    # the address that starts inside it.
    at, budget, end = lo, 10_000, len(text) if hi is None else hi
    while budget and (found := KNOWN.search(text, at, end)) is not None:
        budget -= 1
        local = unquote(_undisguise(found.group("local")))
        domain, cut = _unglue(_undisguise(found.group("domain")))
        yield normalise(f"{local}@{domain}"), found.start(), found.end() - cut
        at = found.start() + 1


def mailto_addresses(href: str) -> list[str]:
    """The recipients of a mailto: link, URL-decoded and normalised; empty for any other link."""
    if not href.lower().startswith("mailto:"):
        return []
    target = unquote(href[len("mailto:") :].split("?", 1)[0])
    return [normalise(part) for part in target.split(",") if "@" in part]

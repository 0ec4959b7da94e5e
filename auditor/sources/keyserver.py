"""The keyserver source: OpenPGP keys published for the person's email addresses, and their user IDs."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import quote

from ..mask import mask_email
from . import records
from .api import ApiSource
from .trouble import expect_ok, malformed

if TYPE_CHECKING:
    from ..model import Document, Person, SourceResult

SERVICE = "the keyserver"
DEFAULT_BASE_URL = "https://keys.openpgp.org"
MAX_ARMOUR_BYTES = 1_048_576
"""keys.openpgp.org refuses uploads over 1 MiB (its /about/api page), so no key it serves is bigger."""
MAX_PACKETS = 10_000
MAX_USER_IDS = 100
MAX_USER_ID_CHARS = 1_000

_TAG_PUBLIC_KEY = 6
_TAG_USER_ID = 13
_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----"
_END = "-----END PGP PUBLIC KEY BLOCK-----"
_HEADER = re.compile(r"[!-9;-~]+:( .*)?")  # "Comment: ...", RFC 9580 section 6.2
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")
_CHECKSUM = re.compile(r"=[A-Za-z0-9+/]{4}")


class ArmourError(ValueError):
    """The body is not a well-formed ASCII-armoured OpenPGP public key."""


@dataclass(frozen=True)
class PublicKey:
    """What the keyserver source reads from a key: the user IDs, and when the primary key was made."""

    user_ids: tuple[str, ...]
    created: dt.date | None


# Hand-written, and deliberately small: the source needs only the User ID packets, and no maintained
# pure-Python OpenPGP parser is among auditor's dependencies (PGPy's last release was 0.6.0 in 2022 and
# it is widely reported unmaintained; pysequoia is a native extension). Nothing here is cryptographic:
# no signature is checked, so a user ID is "what the keyserver published", which is the exposure.


def crc24(data: bytes) -> int:
    """The armour checksum of RFC 4880 section 6.1 (RFC 9580 section 6.1.1)."""
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def dearmour(text: str) -> bytes:
    """The binary packets inside one "PGP PUBLIC KEY BLOCK" armour; a checksum, if present, must match
    (RFC 9580 made it optional, so its absence is accepted)."""
    lines = [line.rstrip() for line in text.splitlines()]
    try:
        start = lines.index(_BEGIN)
        end = lines.index(_END, start + 1)
    except ValueError as e:
        raise ArmourError("no PGP PUBLIC KEY BLOCK armour") from e
    body = lines[start + 1 : end]
    while body and _HEADER.fullmatch(body[0]):
        body.pop(0)
    if not body or body[0] != "":
        raise ArmourError("no blank line after the armour headers")
    data_lines = body[1:]
    while data_lines and not data_lines[-1]:
        data_lines.pop()
    checksum = None
    if data_lines and _CHECKSUM.fullmatch(data_lines[-1]):
        checksum = data_lines.pop()[1:]
    if not data_lines or not all(_BASE64.fullmatch(line) for line in data_lines):
        raise ArmourError("the armour body is not base64")
    try:
        packets = base64.b64decode("".join(data_lines), validate=True)
    except (binascii.Error, ValueError) as e:
        raise ArmourError("the armour body is not base64") from e
    if checksum is not None and int.from_bytes(base64.b64decode(checksum), "big") != crc24(packets):
        raise ArmourError("the armour checksum does not match")
    return packets


def read_packets(data: bytes) -> list[tuple[int, bytes]]:
    """(tag, body) of each packet, by the headers of RFC 9580 section 4.2 (and RFC 4880's old format).

    Strict: a length running past the end, a partial or indeterminate length (which key material never
    uses), or a first packet that is not a public key, makes the whole key malformed.
    """
    packets: list[tuple[int, bytes]] = []
    pos = 0
    while pos < len(data):
        if len(packets) >= MAX_PACKETS:
            raise ArmourError("too many packets")
        first = data[pos]
        if not first & 0x80:
            raise ArmourError("a packet header lacks its marker bit")
        if first & 0x40:  # new (OpenPGP) format: tag in 6 bits, then a 1, 2 or 5-octet length
            tag = first & 0x3F
            length, pos = _new_length(data, pos + 1)
        else:  # legacy format: tag in 4 bits, the length's size in the low 2 bits
            tag = (first >> 2) & 0x0F
            size = {0: 1, 1: 2, 2: 4}.get(first & 0x03)
            if size is None:
                raise ArmourError("an indeterminate packet length")
            length = int.from_bytes(_take(data, pos + 1, size), "big")
            pos += 1 + size
        packets.append((tag, _take(data, pos, length)))
        pos += length
    if not packets or packets[0][0] != _TAG_PUBLIC_KEY:
        raise ArmourError("the first packet is not a public key")
    return packets


def _new_length(data: bytes, pos: int) -> tuple[int, int]:
    octet = _take(data, pos, 1)[0]
    if octet < 192:
        return octet, pos + 1
    if octet < 224:
        return ((octet - 192) << 8) + _take(data, pos + 1, 1)[0] + 192, pos + 2
    if octet == 255:
        return int.from_bytes(_take(data, pos + 1, 4), "big"), pos + 5
    raise ArmourError("a partial packet length")


def _take(data: bytes, pos: int, count: int) -> bytes:
    if pos + count > len(data):
        raise ArmourError("a packet runs past the end of the key")
    return data[pos : pos + count]


def parse_key(text: str) -> PublicKey:
    """The user IDs ("Name (comment) <email>", UTF-8) and creation date of an armoured public key."""
    packets = read_packets(dearmour(text))
    key = packets[0][1]
    created = None
    if len(key) >= 5 and key[0] in (4, 5, 6):  # version, then a 4-octet creation time (RFC 9580 5.5.2)
        created = dt.datetime.fromtimestamp(int.from_bytes(key[1:5], "big"), dt.UTC).date()
    user_ids = [
        records.clean(body.decode("utf-8", errors="replace"), MAX_USER_ID_CHARS)
        for tag, body in packets
        if tag == _TAG_USER_ID
    ]
    return PublicKey(tuple(u for u in user_ids if u)[:MAX_USER_IDS], created)


class KeyserverSource(ApiSource):
    """keys.openpgp.org (VKS): a key published for an address lists every user ID on it."""

    name: ClassVar[str] = "keyserver"
    description: ClassVar[str] = "OpenPGP keys published on a keyserver for the person's email addresses"
    service: ClassVar[str] = SERVICE
    default_base_url: ClassVar[str] = DEFAULT_BASE_URL
    accept: ClassVar[str] = "application/pgp-keys"

    def collect(self, person: Person) -> SourceResult:
        return self.look_up_emails(person, self._lookup, "with a published key")

    def _lookup(self, email: str, found: list[Document]) -> None:
        # GET /vks/v1/by-email/<URI-encoded address>: an armoured key (application/pgp-keys) for
        # verified addresses only, 404 otherwise; by-email look-ups are limited to one a minute, then 429.
        path = "/vks/v1/by-email/"
        url = self.base_url + path + quote(email, safe="")
        shown = self.base_url + path + mask_email(email)  # for failure records: never the address
        response = self.fetch(url, shown_url=shown)
        if response.status == 404:
            return
        expect_ok(response, SERVICE, shown)
        if len(response.body) > MAX_ARMOUR_BYTES:
            raise malformed(SERVICE, shown, f"a key over {MAX_ARMOUR_BYTES} bytes")
        try:
            # UTF-8, not ASCII: armour "Comment:" headers may repeat a user ID; the base64 is checked.
            key = parse_key(response.body.decode("utf-8", errors="replace"))
        except ArmourError as e:
            raise malformed(SERVICE, shown, str(e)) from e
        lines = [("looked up by email", email)]
        lines += [("user ID", user_id) for user_id in key.user_ids]
        lines.append(("key created", key.created.isoformat() if key.created else ""))
        found.append(
            records.record_document(
                fetched=records.last_answer(),
                source=self.name,
                # The keyserver's search page, where the reader can look the address up: not a URL
                # with the address in it, which every output would then show unmasked.
                url=f"{self.base_url}/search",
                label=f"OpenPGP key on a keyserver with {len(key.user_ids)} user ID"
                + ("" if len(key.user_ids) == 1 else "s"),
                lines=lines,
            )
        )

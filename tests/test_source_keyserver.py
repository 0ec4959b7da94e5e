"""The keyserver source against a local look-alike of keys.openpgp.org's VKS API, with keys built by hand."""

from __future__ import annotations

import base64
import datetime as dt
import struct
import textwrap
from typing import TYPE_CHECKING

import pytest
from localserver import LocalServer, Reply

from auditor.config import Config
from auditor.mask import mask_email
from auditor.model import Person, PrivateValues, PublicValues, SourceResult, SourceStatus
from auditor.sources.interface import SourceContext
from auditor.sources.keyserver import ArmourError, KeyserverSource, dearmour, parse_key, read_packets

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import FetcherFactory

HOME = "sam.patel.home@post.example"
WORK = "sam.patel@courier.example"
SAM = Person(
    id="sam-patel",
    name="Sam Patel",
    private=PrivateValues(emails=(HOME,)),
    public=PublicValues(emails=(WORK,)),
)
HOME_PATH = "/vks/v1/by-email/sam.patel.home%40post.example"
CREATED = dt.datetime(2021, 5, 4, 9, 30, tzinfo=dt.UTC)


# --- building keys: RFC 9580 packet framing and RFC 4880 section 6 armour, written out independently ----


def new_packet(tag: int, body: bytes) -> bytes:
    """A new-format (OpenPGP) packet: 0xC0|tag, then a 1, 2 or 5-octet length."""
    n = len(body)
    if n < 192:
        length = bytes([n])
    elif n < 8384:
        length = bytes([((n - 192) >> 8) + 192, (n - 192) & 0xFF])
    else:
        length = b"\xff" + struct.pack(">I", n)
    return bytes([0xC0 | tag]) + length + body


def old_packet(tag: int, body: bytes) -> bytes:
    """A legacy-format packet with a 2-octet length (length type 1)."""
    return bytes([0x80 | (tag << 2) | 1]) + struct.pack(">H", len(body)) + body


def public_key_body(created: dt.datetime = CREATED) -> bytes:
    """A v4 EdDSA (algorithm 22) Ed25519 public key: version, time, algorithm, curve OID, point MPI."""
    oid = bytes.fromhex("2b06010401da470f01")
    point = b"\x40" + bytes(range(32))
    return (
        b"\x04"
        + struct.pack(">I", int(created.timestamp()))
        + b"\x16"
        + bytes([len(oid)])
        + oid
        + b"\x01\x07"
        + point
    )


def reference_crc24(data: bytes) -> int:
    """The sample implementation of RFC 4880 section 6.1, transcribed."""
    crc = 0xB704CE
    for octet in data:
        crc ^= octet << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def armour(
    data: bytes, *, checksum: int | None = -1, headers: tuple[str, ...] = ("Comment: Sam Patel",)
) -> str:
    """ASCII armour: headers, a blank line, 64-column base64, "=" and the CRC24 (None: no checksum line)."""
    lines = ["-----BEGIN PGP PUBLIC KEY BLOCK-----", *headers, ""]
    lines += textwrap.wrap(base64.b64encode(data).decode(), 64)
    if checksum is not None:
        crc = reference_crc24(data) if checksum == -1 else checksum
        lines.append("=" + base64.b64encode(crc.to_bytes(3, "big")).decode())
    lines.append("-----END PGP PUBLIC KEY BLOCK-----")
    return "\r\n".join(lines) + "\r\n"


USER_IDS = [
    "Sam Patel <sam.patel.home@post.example>",
    "Sam Patel (Signal +44 7700 900456) <sam.patel@courier.example>",
]
SIGNATURE = new_packet(2, b"\x04\x13\x16\x0a" + bytes(60))  # contents irrelevant: skipped, never verified


def sam_key(framing: Callable[[int, bytes], bytes] = new_packet) -> bytes:
    packets = [framing(6, public_key_body())]
    for user_id in USER_IDS:
        packets += [framing(13, user_id.encode()), SIGNATURE]
    packets += [framing(14, public_key_body()), SIGNATURE]
    return b"".join(packets)


def collect(server: LocalServer, fetchers: FetcherFactory) -> SourceResult:
    ctx = SourceContext(fetchers(cache_enabled=False), Config(), {})
    return KeyserverSource({"base_url": server.url("/")}, ctx).collect(SAM)


# --- the parser ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("framing", [new_packet, old_packet])
def test_user_ids_and_creation_date_read(framing: Callable[[int, bytes], bytes]) -> None:
    key = parse_key(armour(sam_key(framing)))
    assert key.user_ids == tuple(USER_IDS)
    assert key.created == dt.date(2021, 5, 4)


def test_long_user_id_uses_a_two_octet_length() -> None:
    long_id = "S" * 300 + " <sam.patel.home@post.example>"
    key = parse_key(armour(new_packet(6, public_key_body()) + new_packet(13, long_id.encode())))
    assert key.user_ids == (long_id,)


def test_missing_checksum_is_accepted() -> None:
    # RFC 9580 made the armour checksum optional; newer tools leave it out.
    assert parse_key(armour(sam_key(), checksum=None)).user_ids == tuple(USER_IDS)


def test_armour_without_headers_and_with_surrounding_text() -> None:
    text = "Here is my key:\n" + armour(sam_key(), headers=()) + "\nthanks\n"
    assert len(parse_key(text).user_ids) == 2


def test_utf8_and_empty_armour_headers() -> None:
    text = armour(sam_key(), headers=("Comment: Zoë Müller <zoe@post.example>", "Comment:"))
    assert len(parse_key(text).user_ids) == 2


def test_user_ids_are_cleaned_of_control_characters() -> None:
    data = new_packet(6, public_key_body()) + new_packet(13, b"Sam\nuser ID: forged <x@y.example>\xff")
    (user_id,) = parse_key(armour(data)).user_ids
    assert "\n" not in user_id
    assert user_id.startswith("Sam user ID: forged")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (armour(sam_key(), checksum=0x123456), "checksum does not match"),
        ("no armour at all", "no PGP PUBLIC KEY BLOCK"),
        (armour(sam_key()).replace("\r\n\r\n", "\r\n", 1), "no blank line"),
        (armour(sam_key()).replace("A", "*", 1), "not base64"),
        (armour(b"\x00\x01"), "marker bit"),
        (armour(sam_key()[:-5]), "runs past the end"),
        (armour(new_packet(13, b"Sam <s@p.example>")), "first packet is not a public key"),
        (armour(bytes([0xC0 | 6, 0xE1]) + bytes(2)), "partial packet length"),
        (armour(bytes([0x80 | (6 << 2) | 3]) + bytes(8)), "indeterminate"),
    ],
)
def test_malformed_keys_rejected(text: str, why: str) -> None:
    with pytest.raises(ArmourError, match=why):
        parse_key(text)


def test_dearmour_returns_the_packets() -> None:
    assert dearmour(armour(sam_key())) == sam_key()
    assert [tag for tag, _ in read_packets(sam_key())] == [6, 13, 2, 13, 2, 14, 2]


# --- the source ---------------------------------------------------------------------------------------


def test_key_found(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route(HOME_PATH, Reply(200, armour(sam_key()), {"content-type": "application/pgp-keys"}))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.OK, result.detail
    assert result.detail == "2 of 2 emails checked; 1 with a published key"
    (document,) = result.documents
    assert document.url == local_server.url("/search")  # never the address itself: outputs show URLs
    assert "sam.patel.home" not in document.url
    assert document.label == "OpenPGP key on a keyserver with 2 user IDs"
    assert document.content.text.splitlines() == [
        f"looked up by email: {HOME}",
        f"user ID: {USER_IDS[0]}",
        f"user ID: {USER_IDS[1]}",
        "key created: 2021-05-04",
    ]
    assert local_server.requests_to(HOME_PATH)[0].headers["accept"] == "application/pgp-keys"


def test_no_key_is_checked_and_nothing_found(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    result = collect(local_server, fetcher_factory)  # unrouted: 404
    assert (result.status, result.documents) == (SourceStatus.OK, ())
    assert local_server.paths() == [HOME_PATH, "/vks/v1/by-email/sam.patel%40courier.example"]


def test_rate_limited(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route(HOME_PATH, Reply.text("rate limit exceeded", status=429))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.RATE_LIMITED
    assert "email 1 of 2" in result.detail
    assert HOME not in result.detail


def test_bad_checksum_is_a_malformed_response(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route(HOME_PATH, Reply.text(armour(sam_key(), checksum=0xABCDEF)))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert (
        "email 1 of 2: malformed response from the keyserver (the armour checksum does not match)"
        in result.detail
    )
    (failure,) = result.failures
    assert failure.reason == "parse"
    assert failure.url == local_server.url("/vks/v1/by-email/") + mask_email(HOME)  # never the address


def test_server_error_is_failed(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    local_server.route(HOME_PATH, Reply(503))
    result = collect(local_server, fetcher_factory)
    assert result.status is SourceStatus.FAILED
    assert "the keyserver: HTTP 503 after 2 attempts" in result.detail
    assert all(HOME not in f.url for f in result.failures)

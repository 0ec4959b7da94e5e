"""EXIF metadata of a photo (GPS position, camera, artist...) read with Pillow, never decoding pixels."""

from __future__ import annotations

import io
import math
import struct
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from PIL import ExifTags, Image, UnidentifiedImageError

from auditor.extract.interface import ExtractError, clean_meta, is_heif
from auditor.model import DocKind, Extracted, GeoPoint

if TYPE_CHECKING:
    from collections.abc import Mapping

# Only these parsers run on fetched bytes: less attack surface than every format Pillow knows.
_FORMATS = ("JPEG", "PNG", "TIFF", "WEBP", "GIF")  # JPEG also yields MPO (multi-picture) files
_MAX_EXIF_BYTES = 1 << 20  # EXIF must fit one 64 KiB JPEG segment; HEIF allows more, real files don't use it

# Real HEIF files list a handful of items with one or two extents each.
MAX_ILOC_ITEMS = 4096
MAX_ILOC_EXTENTS = 64

_SIGNATURES = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"II*\x00", "TIFF"),
               (b"MM\x00*", "TIFF"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"))  # fmt: skip

# (EXIF tag, meta key, text label), in the order they appear in the text.
_FIELDS = (
    (ExifTags.Base.Artist, "artist", "Artist"),
    (ExifTags.Base.XPAuthor, "xp_author", "Author"),
    (ExifTags.Base.CameraOwnerName, "camera_owner", "Camera owner"),
    (ExifTags.Base.Copyright, "copyright", "Copyright"),
    (ExifTags.Base.ImageDescription, "image_description", "Description"),
    (ExifTags.Base.XPTitle, "xp_title", "Title"),
    (ExifTags.Base.XPSubject, "xp_subject", "Subject"),
    (ExifTags.Base.XPComment, "xp_comment", "Comment"),
    (ExifTags.Base.XPKeywords, "xp_keywords", "Keywords"),
    (ExifTags.Base.DateTimeOriginal, "datetime_original", "Taken"),
    (ExifTags.Base.Make, "make", "Camera make"),
    (ExifTags.Base.Model, "model", "Camera model"),
    (ExifTags.Base.BodySerialNumber, "serial_number", "Camera serial number"),
)
# Windows writes its XP* tags as UTF-16LE byte strings.
_UTF16_TAGS = frozenset(
    {ExifTags.Base.XPTitle, ExifTags.Base.XPComment, ExifTags.Base.XPAuthor, ExifTags.Base.XPKeywords,
     ExifTags.Base.XPSubject}
)  # fmt: skip
# PNG text chunks that name or describe a person.
_PNG_TEXT = (("Author", "author"), ("Title", "title"), ("Description", "description"),
             ("Comment", "comment"), ("Copyright", "copyright"))  # fmt: skip


def extract_image(body: bytes) -> Extracted | ExtractError:
    """Read the metadata of a JPEG, PNG, TIFF, WebP or GIF image, or the EXIF block of a HEIC/AVIF one."""
    meta: dict[str, str] = {}
    if is_heif(body):
        # Pillow cannot open HEIC (the iPhone's default) without a plugin; its EXIF is easy to find by hand.
        try:
            heif_exif = _heif_exif(body)
        except (ValueError, IndexError, struct.error) as e:
            return ExtractError("parse", f"corrupt or truncated HEIF image: {e}"[:300])
        exif = _load_exif(heif_exif) if heif_exif else Image.Exif()
        meta["format"] = "HEIF"
    else:
        try:
            # Image.open reads headers only; pixels are never decoded, so decompression bombs cost nothing.
            with Image.open(io.BytesIO(body), formats=_FORMATS) as image:
                meta["format"] = image.format or ""
                if image.format == "PNG":
                    # PngImageFile.getexif() decodes every pixel when eXIf follows the image data.
                    raw = image.info.get("exif") or _png_exif(body)
                    exif = _load_exif(raw) if isinstance(raw, bytes) else Image.Exif()
                    for chunk, key in _PNG_TEXT:
                        if value := clean_meta(image.info.get(chunk)):
                            meta[key] = value
                else:
                    exif = image.getexif()
        except Image.DecompressionBombError:
            # Pillow refuses to even open giant images; their EXIF is still readable without Pillow.
            png = body.startswith(b"\x89PNG")
            raw = _png_exif(body) if png else _jpeg_exif(body) if body.startswith(b"\xff\xd8") else None
            if raw is None:
                return ExtractError("parse", "image too large for Pillow to open, and no EXIF block found")
            exif = _load_exif(raw)
            meta["format"] = "PNG" if png else "JPEG"
        except UnidentifiedImageError:
            # Pillow says "unidentified" for a damaged file too: the signature tells the two apart.
            if known := _signature(body):
                return ExtractError("parse", f"corrupt or truncated {known} image")
            return ExtractError("unsupported", "not a JPEG, PNG, TIFF, WebP, GIF or HEIC image")
        except Exception as e:  # truncated headers, bad EXIF offsets: Pillow raises OSError, SyntaxError...
            return ExtractError("parse", f"unreadable image: {type(e).__name__}: {e}"[:300])

    tags = _tags(exif)
    gps = _gps(_ifd(exif, ExifTags.IFD.GPSInfo))
    lines: list[str] = []
    for tag, key, label in _FIELDS:
        raw_value = tags.get(tag)
        if tag in _UTF16_TAGS and isinstance(raw_value, bytes | tuple):
            raw_value = _utf16(raw_value)
        if text := clean_meta(raw_value):
            meta[key] = text
            lines.append(f"{label}: {text}")
    lines += [f"{key.title()}: {meta[key]}" for _, key in _PNG_TEXT if key in meta]
    if gps is not None:
        meta["gps"] = f"{gps.lat:.6f}, {gps.lon:.6f}"
    return Extracted(kind=DocKind.IMAGE, text="\n".join(lines), gps=gps, meta=meta)


def _signature(body: bytes) -> str:
    """The supported format whose magic bytes start `body`, or ""."""
    for magic, name in _SIGNATURES:
        if body.startswith(magic):
            return name
    return "WebP" if body[:4] == b"RIFF" and body[8:12] == b"WEBP" else ""


def _load_exif(raw: bytes) -> Image.Exif:
    exif = Image.Exif()
    try:
        exif.load(raw[:_MAX_EXIF_BYTES])
    except Exception:  # a broken EXIF block is no metadata, not a failure of the whole image
        return Image.Exif()
    return exif


def _ifd(exif: Image.Exif, tag: int) -> Mapping[int, Any]:
    try:
        return exif.get_ifd(tag)
    except Exception:  # offsets pointing outside the block, loops
        return {}


def _tags(exif: Image.Exif) -> dict[int, Any]:
    """IFD0 and the Exif sub-IFD merged (cameras disagree on which holds DateTimeOriginal)."""
    try:
        merged = dict(exif)
    except Exception:
        merged = {}
    for tag, value in _ifd(exif, ExifTags.IFD.Exif).items():
        merged.setdefault(tag, value)
    return merged


def _utf16(value: bytes | tuple[Any, ...]) -> str:
    try:
        data = bytes(value)
    except (TypeError, ValueError):
        return ""
    return data.decode("utf-16-le", errors="replace").rstrip("\x00")


def _gps(gps: Mapping[int, Any]) -> GeoPoint | None:
    """Decimal degrees from the GPS IFD; None when absent, undefined (0/0) or out of range."""
    lat = _coordinate(gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef), 90.0, "S")
    lon = _coordinate(gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef), 180.0, "W")
    if lat is None or lon is None or (lat == 0.0 and lon == 0.0):  # 0,0 is a "no fix" placeholder
        return None
    return GeoPoint(lat=lat, lon=lon)


def _coordinate(value: Any, ref: Any, limit: float, negative: str) -> float | None:
    """Degrees, minutes, seconds rationals and a hemisphere reference as signed decimal degrees."""
    parts = value if isinstance(value, tuple) else (value,)
    if value is None or not 1 <= len(parts) <= 3:
        return None
    numbers = [_number(part) for part in parts]
    if any(n is None or not math.isfinite(n) for n in numbers):
        return None
    degrees, *rest = [n for n in numbers if n is not None]
    if any(n < 0 for n in rest):
        return None
    total = abs(degrees) + sum(n / 60.0**i for i, n in enumerate(rest, start=1))
    if total > limit:
        return None
    hemisphere = clean_meta(ref.decode("ascii", "replace") if isinstance(ref, bytes) else ref)[:1].upper()
    # Some writers sign the degrees instead of (or as well as) setting the reference.
    return -total if hemisphere == negative or degrees < 0 else total


def _number(value: Any) -> float | None:
    """A rational as a float (nan for 0/0), accepting Pillow's IFDRational and (numerator, denominator)."""
    try:
        if isinstance(value, tuple) and len(value) == 2:
            numerator, denominator = value
            return float(Fraction(numerator, denominator)) if denominator else math.nan
        return float(value)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None


def _jpeg_exif(body: bytes) -> bytes | None:
    """The APP1 Exif segment of a JPEG, found by walking the markers before the image data."""
    pos = 2
    while pos + 4 <= len(body) and body[pos] == 0xFF:
        marker = body[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no metadata after this
            return None
        (length,) = struct.unpack_from(">H", body, pos + 2)
        segment = body[pos + 4 : pos + 2 + length]
        if marker == 0xE1 and segment.startswith(b"Exif\x00\x00"):
            return segment
        pos += 2 + length
    return None


def _png_exif(body: bytes) -> bytes | None:
    """The eXIf chunk of a PNG wherever it is, read without decoding the image data."""
    pos = 8
    while pos + 8 <= len(body):
        length, kind = struct.unpack_from(">I4s", body, pos)
        if kind == b"eXIf":
            return body[pos + 8 : pos + 8 + length]
        if kind == b"IEND":
            return None
        pos += 12 + length
    return None


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """The (type, payload start, payload end) of the ISO BMFF boxes laid end to end in data[start:end]."""
    found: list[tuple[bytes, int, int]] = []
    pos = start
    while pos + 8 <= end and len(found) < 1_000:
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1:
            (size,) = struct.unpack_from(">Q", data, pos + 8)
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            break
        found.append((kind, pos + header, pos + size))
        pos += size
    return found


def _heif_exif(body: bytes) -> bytes:
    """The EXIF block of a HEIF/AVIF file (b"" when it has none), located through the meta box's iinf
    and iloc. Raises ValueError or struct.error when the file's structure is broken."""
    meta = next(((s, e) for kind, s, e in _boxes(body, 0, len(body)) if kind == b"meta"), None)
    if meta is None:
        raise ValueError("no meta box")
    children = {kind: (s, e) for kind, s, e in _boxes(body, meta[0] + 4, meta[1])}  # meta is a full box
    if b"iinf" not in children or b"iloc" not in children:
        raise ValueError("no item information or location box")
    item = _heif_exif_item(body, *children[b"iinf"])
    if item is None:
        return b""
    data = _heif_item_data(body, *children[b"iloc"], item)
    if len(data) < 4:
        raise ValueError("Exif item truncated or stored out of line")
    # The item starts with the offset of the TIFF header, after an "Exif\0\0" prefix.
    (skip,) = struct.unpack_from(">I", data, 0)
    return data[4 + skip :]


def _heif_exif_item(body: bytes, start: int, end: int) -> int | None:
    version = body[start]
    count_size = 2 if version == 0 else 4
    pos = start + 4 + count_size
    for kind, s, _ in _boxes(body, pos, end):
        if kind != b"infe" or body[s] < 2:  # item types exist only in infe version 2 and 3
            continue
        id_size = 2 if body[s] == 2 else 4
        item_id = int.from_bytes(body[s + 4 : s + 4 + id_size], "big")
        if body[s + 4 + id_size + 2 : s + 4 + id_size + 6] == b"Exif":
            return item_id
    return None


def _heif_item_data(body: bytes, start: int, end: int, wanted: int) -> bytes:
    version = body[start]
    pos = start + 4

    def read(size: int) -> int:
        nonlocal pos
        if pos + size > end:
            raise ValueError("iloc box truncated")
        value = int.from_bytes(body[pos : pos + size], "big")
        pos += size
        return value

    sizes = read(2)
    offset_size, length_size = sizes >> 12, (sizes >> 8) & 0xF
    base_offset_size, index_size = (sizes >> 4) & 0xF, sizes & 0xF if version in (1, 2) else 0
    if offset_size == 0 or length_size == 0:
        # Zero-width fields read nothing: a hostile count of items and extents would loop for hours.
        raise ValueError("iloc box with zero-width offsets")
    items = read(2 if version < 2 else 4)
    if items > MAX_ILOC_ITEMS:
        raise ValueError("iloc box lists too many items")
    for _ in range(items):
        item_id = read(2 if version < 2 else 4)
        method = read(2) & 0xF if version in (1, 2) else 0
        read(2)  # data reference index: 0 means this file
        base = read(base_offset_size)
        extents = []
        count = read(2)
        if count > MAX_ILOC_EXTENTS:
            raise ValueError("iloc item has too many extents")
        for _ in range(count):
            read(index_size)
            extents.append((base + read(offset_size), read(length_size)))
        if item_id != wanted:
            continue
        if method != 0:  # stored in idat or derived from other items: not used for Exif in practice
            return b""
        if any(offset + length > len(body) for offset, length in extents):
            raise ValueError("Exif item lies beyond the end of the file")
        if sum(length for _, length in extents) > _MAX_EXIF_BYTES:
            # Checked before joining: 64 extents each naming the whole file would copy it 64 times.
            raise ValueError(f"Exif item larger than {_MAX_EXIF_BYTES >> 20} MiB")
        return b"".join(body[offset : offset + length] for offset, length in extents)
    return b""

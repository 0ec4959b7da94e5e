"""Build small test documents in memory: a text PDF with document info, a JPEG carrying EXIF GPS."""

from __future__ import annotations

import io
import struct
import zlib
from fractions import Fraction

from PIL import ExifTags, Image
from PIL.TiffImagePlugin import IFDRational

_LINES_PER_PAGE = 45
# Tags that live in the Exif sub-IFD rather than IFD0 (Pillow needs to be told where to put them).
_EXIF_IFD_TAGS = frozenset(
    {
        ExifTags.Base.DateTimeOriginal,
        ExifTags.Base.DateTimeDigitized,
        ExifTags.Base.OffsetTimeOriginal,
        ExifTags.Base.CameraOwnerName,
        ExifTags.Base.BodySerialNumber,
        ExifTags.Base.LensMake,
        ExifTags.Base.LensModel,
        ExifTags.Base.UserComment,
    }
)
_UTF16_TAGS = frozenset(
    {ExifTags.Base.XPTitle, ExifTags.Base.XPComment, ExifTags.Base.XPAuthor, ExifTags.Base.XPKeywords,
     ExifTags.Base.XPSubject}
)  # fmt: skip


def _pdf_literal(text: str) -> bytes:
    """A PDF literal string in WinAnsi encoding (what the standard Helvetica font shows)."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252", errors="replace"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    return bytes(out + b")")


def _pdf_text_string(text: str) -> bytes:
    """A PDF text string as UTF-16BE hex with a byte order mark: any character survives."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def make_pdf(text_lines: list[str], author: str = "", *, title: str = "") -> bytes:
    """A valid PDF showing `text_lines` in Helvetica (45 lines a page), with Author/Title document info."""
    pages = [text_lines[i : i + _LINES_PER_PAGE] for i in range(0, len(text_lines), _LINES_PER_PAGE)] or [[]]
    objects: list[bytes] = []  # objects[i] is object number i + 1

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_tree = len(objects) + 1 + 2 * len(pages)
    kids = []
    for lines in pages:
        ops = [b"BT /F1 12 Tf 14 TL 72 770 Td"]
        ops += [_pdf_literal(line) + b" Tj T*" for line in lines]
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page_tree, content, font)
            )
        )
    kid_refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids))) == page_tree
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % page_tree
    info_entries = b"/Producer (auditor tests)"
    if author:
        info_entries += b" /Author " + _pdf_text_string(author)
    if title:
        info_entries += b" /Title " + _pdf_text_string(title)
    info = add(b"<< " + info_entries + b" >>")
    return pdf_file(objects, catalog, info)


def make_form_bomb_pdf(*, draws: int = 5_000, operations: int = 20_000) -> bytes:
    """A one-page PDF whose page draws the same form `draws` times, the form showing `operations`
    strings: a few kilobytes, Flate-compressed, that keep pypdf's text extraction busy for minutes."""
    form_ops = zlib.compress(b"BT /F1 12 Tf " + b"(x) Tj " * operations + b"ET", 9)
    page_ops = zlib.compress(b"/X Do " * draws, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /X 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(page_ops), page_ops),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 6 0 R >> >> "
        b"/Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(form_ops), form_ops),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Producer (auditor tests) >>",
    ]
    return pdf_file(objects, 1, 7)


def pdf_file(objects: list[bytes], catalog: int, info: int) -> bytes:
    """Objects (number i + 1 at index i) laid out as a PDF file with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\n" % (len(objects) + 1, catalog, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    """Unsigned degrees, minutes, seconds as EXIF rationals (seconds to a millionth)."""
    exact = Fraction(abs(value)).limit_denominator(10**9)
    degrees = int(exact)
    minutes = int((exact - degrees) * 60)
    seconds = ((exact - degrees) * 60 - minutes) * 60
    seconds = seconds.limit_denominator(1_000_000)
    return (
        IFDRational(degrees, 1),
        IFDRational(minutes, 1),
        IFDRational(seconds.numerator, seconds.denominator),
    )


def make_jpeg_with_gps(lat: float, lon: float, **exif: str) -> bytes:
    """A small JPEG whose EXIF places it at (lat, lon); extra EXIF by tag name, e.g. Artist="Jane Doe".

    Tag names are those of PIL.ExifTags.Base (Make, Model, Artist, DateTimeOriginal, XPAuthor...).
    """
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (90, 140, 200)).save(out, "JPEG", exif=_exif(lat, lon, **exif), quality=60)
    return out.getvalue()


def make_heic_with_gps(lat: float, lon: float, *, extents: int = 1, padding: int = 0, **exif: str) -> bytes:
    """A HEIC file (ftyp, meta with iinf and iloc, mdat) whose Exif item places it at (lat, lon), as an
    iPhone writes it, without image data. The item lists the same Exif block `extents` times, and
    `padding` bytes of comment pad the block (hostile files: an item far larger than any real one)."""
    if padding:
        exif = {**exif, "ImageDescription": "x" * padding}
    block = b"\0\0\0\0" + b"Exif\0\0" + _exif(lat, lon, **exif).tobytes()
    block = b"\0\0\0\x06" + block[4:]  # the item starts with the offset of the TIFF header
    ftyp = _box(b"ftyp", b"heic" + b"\0\0\0\0" + b"mif1heic")
    infe = _box(b"infe", b"\x02\0\0\0" + struct.pack(">HH", 1, 0) + b"Exif" + b"\0")
    iinf = _box(b"iinf", b"\0\0\0\0" + struct.pack(">H", 1) + infe)

    def iloc(data_at: int) -> bytes:
        # version 0; 4-byte offsets and lengths, no base offset; one item, id 1, in this file
        item = struct.pack(">HHH", 1, 0, extents) + struct.pack(">II", data_at, len(block)) * extents
        return _box(b"iloc", b"\0\0\0\0" + struct.pack(">HH", 0x4400, 1) + item)

    head_size = len(ftyp) + len(_box(b"meta", b"\0\0\0\0" + iinf + iloc(0))) + 8
    meta = _box(b"meta", b"\0\0\0\0" + iinf + iloc(head_size))
    return ftyp + meta + _box(b"mdat", block)


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _exif(lat: float, lon: float, **exif: str) -> Image.Exif:
    tags = Image.Exif()
    for name, value in exif.items():
        tag = ExifTags.Base[name]
        encoded: str | bytes = value.encode("utf-16-le") + b"\x00\x00" if tag in _UTF16_TAGS else value
        if tag in _EXIF_IFD_TAGS:
            tags.get_ifd(ExifTags.IFD.Exif)[tag] = encoded
        else:
            tags[tag] = encoded
    gps = tags.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSVersionID] = b"\x02\x03\x00\x00"
    gps[ExifTags.GPS.GPSLatitudeRef] = "S" if lat < 0 else "N"
    gps[ExifTags.GPS.GPSLatitude] = _dms(lat)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W" if lon < 0 else "E"
    gps[ExifTags.GPS.GPSLongitude] = _dms(lon)
    return tags

"""Build small test documents in memory: a text PDF with document info, a JPEG carrying EXIF GPS."""

from __future__ import annotations

import io
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
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (90, 140, 200)).save(out, "JPEG", exif=tags, quality=60)
    return out.getvalue()

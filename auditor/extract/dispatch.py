"""Choose the reader for a fetched body from its content type and magic bytes, and run it safely."""

from __future__ import annotations

from auditor.extract.html import charset_of, extract_html
from auditor.extract.interface import MAX_TEXT_CHARS, PDF_TIME_BUDGET, ExtractError, is_heif
from auditor.model import DocKind, Extracted

_DECLARED = {
    "text/html": DocKind.HTML,
    "application/xhtml+xml": DocKind.HTML,
    "application/pdf": DocKind.PDF,
    "application/x-pdf": DocKind.PDF,
    "application/acrobat": DocKind.PDF,
    "image/jpeg": DocKind.IMAGE,
    "image/jpg": DocKind.IMAGE,
    "image/pjpeg": DocKind.IMAGE,
    "image/png": DocKind.IMAGE,
    "image/x-png": DocKind.IMAGE,
    "image/tiff": DocKind.IMAGE,
    "image/webp": DocKind.IMAGE,
    "image/gif": DocKind.IMAGE,
    "image/heic": DocKind.IMAGE,
    "image/heif": DocKind.IMAGE,
    "image/avif": DocKind.IMAGE,
    "text/plain": DocKind.TEXT,
}
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")
_LEADING = b"\xef\xbb\xbf \t\r\n\x0c"  # BOM and whitespace that may precede a signature


def extract(
    body: bytes, *, url: str, content_type: str, pdf_time_budget: float = PDF_TIME_BUDGET
) -> Extracted | ExtractError:
    """Text, links and metadata of a fetched body; an `ExtractError` value, never an exception."""
    kind = kind_of(body, content_type)
    if kind is None:
        media_type = _media_type(content_type)
        detail = f"unsupported content type {media_type!r}" if media_type else "unrecognised content"
        return ExtractError("unsupported", detail)
    try:
        if kind is DocKind.HTML:
            return extract_html(body, url=url, content_type=content_type)
        # pypdf and Pillow load on first use: an audit reads them in its worker processes, and the
        # command line's other work never needs them.
        if kind is DocKind.PDF:
            from auditor.extract.pdf import extract_pdf

            return extract_pdf(body, time_budget=pdf_time_budget)
        if kind is DocKind.IMAGE:
            from auditor.extract.image import extract_image

            return extract_image(body)
        return _extract_text(body, content_type)
    except Exception as e:  # the readers wrap their libraries; this is the last line of defence
        return ExtractError("parse", f"{kind.value} extraction failed: {type(e).__name__}: {e}"[:300])


def kind_of(body: bytes, content_type: str) -> DocKind | None:
    """The reader a body needs, or None when no reader fits."""
    # A binary signature beats the declared type: servers label downloads text/html or
    # application/octet-stream often, and "%PDF-" or a JPEG marker is not ambiguous.
    return _binary_kind(body) or _DECLARED.get(_media_type(content_type)) or sniff(body)


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def sniff(body: bytes) -> DocKind | None:
    """The kind a body looks like from its first bytes (PDF, image, HTML), or None."""
    kind = _binary_kind(body)
    if kind is not None:
        return kind
    head = body[:1024]
    if b"%PDF-" in head:  # the PDF standard lets the signature start anywhere in the first KiB
        return DocKind.PDF
    lowered = head.lower()
    if any(marker in lowered for marker in _HTML_MARKERS):
        return DocKind.HTML
    return None


def _binary_kind(body: bytes) -> DocKind | None:
    """PDF or image when the body starts with that format's signature."""
    if body[:1024].lstrip(_LEADING).startswith(b"%PDF-"):
        return DocKind.PDF
    if body.startswith(_IMAGE_MAGIC) or (body[:4] == b"RIFF" and body[8:12] == b"WEBP") or is_heif(body):
        return DocKind.IMAGE
    return None


def _extract_text(body: bytes, content_type: str) -> Extracted:
    charset = charset_of(content_type) or "utf-8"
    try:
        text = body[: MAX_TEXT_CHARS * 4].decode(charset, errors="replace")
    except (LookupError, ValueError):
        text = body[: MAX_TEXT_CHARS * 4].decode("utf-8", errors="replace")
    return Extracted(kind=DocKind.TEXT, text=text[:MAX_TEXT_CHARS])

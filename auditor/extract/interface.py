"""The extraction result for a body that could not be read, and the caps every extractor applies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from auditor.model import Extracted, FetchFailure
from auditor.plain import one_line

MAX_TEXT_CHARS = 2_000_000
"""Text kept per document: enough for any real page, bounded for hostile ones."""
MAX_HTML_BYTES = 10_000_000
"""HTML parsed per document; the rest is ignored (the fetch layer normally caps bodies first)."""
MAX_HTML_TAGS = 100_000
"""Tags parsed per document (the largest real page in the test corpus has about 20,000)."""
MAX_PDF_PAGES = 200
PDF_TIME_BUDGET = 20.0
"""Seconds of page reading per PDF in process: a hostile file can make pypdf slow page after page; the
pages after the budget are skipped. One page slow on its own is stopped only by a worker's time limit
(extract.isolate)."""
MAX_LINKS = 5_000
"""Outlinks kept per document."""
MAX_CONTACT_LINKS = 500
MAX_URL_CHARS = 4_096
"""Longer hrefs are skipped: no real page link is that long, and they bloat the crawl frontier."""
MAX_META_CHARS = 1_000
"""Length of one metadata value (an EXIF artist, a PDF author, a meta description)."""


@dataclass(frozen=True)
class ExtractError:
    """A body that yielded nothing usable. A value, not an exception: fetched bodies are hostile."""

    reason: str
    """`parse` (corrupt, truncated, encrypted), `unsupported` (a type or format we do not read),
    `too_large` (past a size cap) or `timeout` (its reader was stopped at `extract.time_limit`)."""
    detail: str = ""
    """Human-readable explanation, e.g. "encrypted PDF (needs a password)"."""

    def failure(self, url: str) -> FetchFailure:
        """The same problem as a `FetchFailure` for `url`, for a source's failure list."""
        return FetchFailure(url=url, reason=self.reason, detail=self.detail)


class Extract(Protocol):
    """How sources read a fetched body: `extract.dispatch.extract`, or an `IsolatedExtractor` that reads
    PDFs and images in worker processes it can stop."""

    def __call__(self, body: bytes, *, url: str, content_type: str) -> Extracted | ExtractError: ...


# ISO base media file brands of HEIF/HEIC/AVIF images, which Pillow cannot open without plugins.
_HEIF_BRANDS = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis"}
)


def is_heif(body: bytes) -> bool:
    """True for an ISO BMFF file whose brand is a HEIF/HEIC/AVIF image (not an MP4 video)."""
    return body[4:8] == b"ftyp" and body[8:12] in _HEIF_BRANDS


def clean_meta(value: object) -> str:
    """A metadata value as one tidy line: decoded, control characters dropped, capped; "" when unusable."""
    if isinstance(value, bytes | bytearray):
        text = bytes(value[: MAX_META_CHARS * 4]).decode("utf-8", errors="replace")
    elif isinstance(value, str):
        text = value
    else:
        return ""
    # Control characters (NULs padding EXIF strings, stray escapes) would end up in reports.
    return one_line(text, MAX_META_CHARS)

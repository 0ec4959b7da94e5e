"""Page text and document info (author, creator...) of a PDF, read with pypdf."""

from __future__ import annotations

import io
import time

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from auditor.extract.interface import MAX_PDF_PAGES, MAX_TEXT_CHARS, PDF_TIME_BUDGET, ExtractError, clean_meta
from auditor.model import DocKind, Extracted

# Document info entries worth reporting: an author field often carries a personal name or email,
# and creator/producer name the software (and sometimes the user account) that made the file.
_INFO_FIELDS = (("/Title", "title"), ("/Author", "author"), ("/Subject", "subject"),
                ("/Keywords", "keywords"), ("/Creator", "creator"), ("/Producer", "producer"))  # fmt: skip


def extract_pdf(body: bytes, *, time_budget: float = PDF_TIME_BUDGET) -> Extracted | ExtractError:
    """Read up to MAX_PDF_PAGES pages. Corrupt and password-protected files are an `ExtractError`."""
    # pypdf raises many exception types on hostile files (its own, plus KeyError, RecursionError,
    # struct and zlib errors...): every call into it is wrapped, and one bad page skips only itself.
    try:
        reader = PdfReader(io.BytesIO(body), strict=False)
        if reader.is_encrypted:
            # Many PDFs are encrypted only to restrict printing or copying, with an empty user password:
            # anyone can read those, so they count as public.
            try:
                opened = reader.decrypt("")
            except Exception as e:  # e.g. AES without the optional cryptography package
                return ExtractError("parse", f"encrypted PDF that cannot be opened: {e}"[:300])
            if not opened:
                return ExtractError("parse", "encrypted PDF (needs a password)")
        page_count = len(reader.pages)
    except Exception as e:
        return ExtractError("parse", f"unreadable PDF: {type(e).__name__}: {e}"[:300])

    meta = _info(reader)
    header = [f"{key.title()}: {meta[key]}" for _, key in _INFO_FIELDS if key in meta]
    meta["pages"] = str(page_count)
    budget = MAX_TEXT_CHARS - sum(len(line) + 1 for line in header)
    texts: list[str] = []
    failed = 0
    deadline = time.monotonic() + time_budget
    for number in range(min(page_count, MAX_PDF_PAGES)):
        if budget <= 0:
            break
        if time.monotonic() > deadline:
            meta["pages_read"] = str(number)
            meta["truncated"] = f"stopped after {time_budget:.0f} s of reading"
            break
        try:
            page_text = reader.pages[number].extract_text()
        except Exception:
            failed += 1
            continue
        page_text = page_text.strip()[:budget]
        if page_text:
            texts.append(page_text)
            budget -= len(page_text) + 2
    if failed:
        meta["pages_failed"] = str(failed)
        if failed == min(page_count, MAX_PDF_PAGES) and not header:
            return ExtractError("parse", f"no page of the PDF could be read ({failed} tried)")
    if page_count > MAX_PDF_PAGES and "pages_read" not in meta:
        meta["pages_read"] = str(MAX_PDF_PAGES)
    text = "\n\n".join(texts)
    if header:
        text = "\n".join([text, *header]) if text else "\n".join(header)
    return Extracted(kind=DocKind.PDF, text=text[:MAX_TEXT_CHARS], title=meta.get("title", ""), meta=meta)


def _info(reader: PdfReader) -> dict[str, str]:
    """The document info dictionary's text fields, cleaned; {} when absent or broken."""
    found: dict[str, str] = {}
    try:
        info = reader.metadata
        if not isinstance(info, DictionaryObject):
            return found
        for name, key in _INFO_FIELDS:
            if name in info:
                value = clean_meta(info[name])  # indexing resolves indirect references
                if value:
                    found[key] = value
    except Exception:  # a broken info dictionary must not lose the page text
        return found
    return found

"""PDFs and images are read in worker processes that are stopped at the time limit and capped in memory."""

from __future__ import annotations

import zlib

from builders import make_form_bomb_pdf, make_heic_with_gps, make_pdf, pdf_file

from auditor.extract import IsolatedExtractor
from auditor.extract.interface import ExtractError
from auditor.model import Extracted


def _one_huge_string_pdf(size: int) -> bytes:
    """A page showing one string of `size` bytes: 50 KB compressed, hundreds of MB once pypdf reads it."""
    content = zlib.compress(b"BT /F1 12 Tf (" + b"A" * size + b") Tj ET", 9)
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Producer (auditor tests) >>",
        ],
        1,
        6,
    )


def test_a_page_that_keeps_the_reader_busy_is_stopped_and_the_next_file_is_read() -> None:
    # 3 s: long enough that a loaded machine still reads the small files after it within the limit.
    with IsolatedExtractor(time_limit=3, workers=1) as extract:
        stopped = extract(make_form_bomb_pdf(), url="http://127.0.0.1/a.pdf", content_type="application/pdf")
        assert isinstance(stopped, ExtractError)
        assert stopped.reason == "timeout"
        assert stopped.detail == "gave up reading this pdf after 3 s (extract.time_limit)"
        # The killed worker was replaced: the same extractor reads the next file.
        fine = extract(
            make_pdf(["Pat Example"]), url="http://127.0.0.1/b.pdf", content_type="application/pdf"
        )
        assert isinstance(fine, Extracted)
        assert "Pat Example" in fine.text
        photo = extract(
            make_heic_with_gps(50.7, -3.5), url="http://127.0.0.1/c.heic", content_type="image/heic"
        )
        assert isinstance(photo, Extracted)
        assert photo.gps is not None


def test_a_reader_that_grows_past_the_memory_cap_fails_inside_its_worker() -> None:
    # Without the cap pypdf spends over 20 s and several hundred MB on this page; with it, the page
    # fails at once and the document info is still read.
    with IsolatedExtractor(time_limit=60, workers=1, memory_limit=200 << 20) as extract:
        result = extract(
            _one_huge_string_pdf(50_000_000), url="http://127.0.0.1/a.pdf", content_type="application/pdf"
        )
    assert isinstance(result, Extracted)
    assert result.meta["pages_failed"] == "1"
    assert result.text == "Producer: auditor tests"


def test_html_and_text_are_read_in_process_and_need_no_worker() -> None:
    extract = IsolatedExtractor(time_limit=1)
    extract.close()  # no worker can start now: HTML must not need one
    page = extract(b"<p>Call 07700 900123</p>", url="http://127.0.0.1/", content_type="text/html")
    assert isinstance(page, Extracted)
    assert "07700 900123" in page.text


def test_warming_starts_the_workers_before_any_page_is_read() -> None:
    # An audit warms the pool as it starts, so the first home pages are parsed as they arrive.
    with IsolatedExtractor(time_limit=5, html=True) as extract:
        assert extract._pool is None  # nothing starts by itself
        extract.warm()
        assert extract._warming is not None
        extract._warming.join(timeout=60)
        assert extract._pool is not None
        assert extract._pool.active
        page = extract(b"<p>warm</p>", url="http://127.0.0.1/", content_type="text/html")
        assert isinstance(page, Extracted)
        assert page.text == "warm"
    assert extract._pool is None  # closing stopped the warmed workers


def test_a_closed_extractor_is_not_warmed() -> None:
    extract = IsolatedExtractor(time_limit=5, html=True)
    extract.close()
    extract.warm()
    assert extract._warming is None
    assert extract._pool is None

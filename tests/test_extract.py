"""Tests for auditor.extract: HTML text and links, PDF text and info, image EXIF and GPS, dispatch."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import struct
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from builders import make_heic_with_gps, make_jpeg_with_gps, make_pdf
from PIL import Image
from PIL.TiffImagePlugin import IFDRational
from pypdf import PdfReader, PdfWriter

from auditor.extract import ExtractError, extract, sniff
from auditor.extract.image import _gps
from auditor.extract.interface import MAX_TEXT_CHARS
from auditor.model import DocKind, Extracted, FetchFailure, GeoPoint

DATA = Path(__file__).parent / "data" / "extract"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def html(
    markup: str | bytes, url: str = "https://janedoe.example/", content_type: str = "text/html"
) -> Extracted:
    body = markup.encode() if isinstance(markup, str) else markup
    result = extract(body, url=url, content_type=content_type)
    assert isinstance(result, Extracted), result
    assert result.kind is DocKind.HTML
    return result


# --- HTML -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page() -> Extracted:
    return html((DATA / "page.html").read_bytes(), url="https://janedoe.example/news/2024/fete.html")


def test_html_hidden_content_is_dropped(page: Extracted) -> None:
    for hidden in (
        "STYLE TEXT",
        "SCRIPT TEXT",
        "900999",
        "NOSCRIPT",
        "TEMPLATE",
        "COMMENT",
        "IFRAME FALLBACK",
    ):
        assert hidden not in page.text


def test_html_title_descriptions_and_alt_text(page: Extracted) -> None:
    assert page.title == "Jane Doe | Member for Exampleton"
    assert page.meta["description"] == "Constituency news from Jane Doe MP."
    assert page.meta["og:description"] == "Jane at the Exampleton summer fete."
    lines = page.text.splitlines()
    assert lines[:3] == [page.title, page.meta["description"], page.meta["og:description"]]
    assert "Jane with her daughter Lily" in page.text
    assert "At the fete" in page.text
    assert "About About Jane" in page.text  # a link title that adds something is kept
    assert "Map of the ward" in page.text


def test_html_blocks_do_not_run_together(page: Extracted) -> None:
    lines = page.text.splitlines()
    assert "Summer fete" in lines
    assert "Thanks to everyone who came." in lines
    assert "Call the office" in lines
    assert all(line == " ".join(line.split()) for line in lines)


def test_html_contact_links(page: Extracted) -> None:
    assert page.contact_links == (
        "tel:+44 7700 900123",
        "mailto:jane.home@mail.example?subject=Hi",
        "sms:07700900124",
        "https://wa.me/447700900125",
        "https://api.whatsapp.com/send?phone=447700900126",
        "https://t.me/janedoe",
        "https://signal.me/#p/+447700900127",
        "whatsapp://send?phone=447700900128",
    )


def test_html_outlinks_resolve_against_base(page: Extracted) -> None:
    assert page.outlinks == (
        "https://janedoe.example/feed.xml",
        "https://janedoe.example/news/fete.jpg",
        "https://janedoe.example/news/fete-2x.jpg",
        "https://janedoe.example/img/fete-3x.jpg",
        "https://janedoe.example/about.html",
        "https://other.example/page?q=1",
        "https://janedoe.example/map/area.html",
        "https://video.example/embed/1",
    )
    assert not any("script" in link or "data:" in link or "wa.me" in link for link in page.outlinks)


def test_html_without_base_resolves_against_document_url() -> None:
    result = html(
        '<a href="b.html">x</a><a href="/c">y</a><a href="?p=2">z</a>', url="http://site.example/dir/a.html"
    )
    assert result.outlinks == (
        "http://site.example/dir/b.html",
        "http://site.example/c",
        "http://site.example/dir/a.html?p=2",
    )


def test_html_language_and_country_are_kept_for_reading_phone_numbers() -> None:
    ld = '<script type="application/ld+json">{"address": {"addressCountry": "JP"}}</script>'
    result = extract(
        f'<html lang="ja-JP"><body>{ld}<p>x</p></body></html>'.encode(),
        content_type="text/html",
        url="https://site.example/",
    )
    assert isinstance(result, Extracted)
    assert (result.meta["lang"], result.meta["country"]) == ("ja-JP", "JP")
    assert "lang" not in html("<p>no language given</p>").meta


def test_html_table_cells_are_read_with_their_column_header() -> None:
    result = html(
        "<table><tr><th>Name</th><th>DOB</th></tr><tr><td>Pat Example</td><td>23/07/1990</td></tr></table>"
        "<table><tr><th>Born</th><td>14 March 1975</td></tr></table>"
    )
    assert "DOB: 23/07/1990" in result.text
    assert "Name: Pat Example" in result.text
    # A header down the side is its own line, before its value: no label doubled.
    assert "Born\n14 March 1975" in result.text


def test_html_protocol_relative_messaging_link_and_lazy_images() -> None:
    result = html(
        '<a href="//wa.me/447700900123">w</a><img data-src="/lazy.jpg" src="data:image/gif;base64,R0">'
    )
    assert result.contact_links == ("//wa.me/447700900123",)
    assert result.outlinks == ("https://janedoe.example/lazy.jpg",)


def test_html_share_button_is_a_contact_link_but_not_an_outlink() -> None:
    result = html('<a href="https://api.whatsapp.com/send?text=https%3A%2F%2Fnews.example">share</a>')
    assert result.contact_links == ("https://api.whatsapp.com/send?text=https%3A%2F%2Fnews.example",)
    assert result.outlinks == ()


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><p>unclosed <b>bold <i>italic <div>block <table><tr><td>cell",
        "<p>" + "<div>" * 50_000 + "deep" + "</div>" * 10,
        '<img alt="' + "A" * 5_000_000 + '">after',
        "<a href='http://[::1'>bad ipv6</a><a href='http://host.example:99999/'>bad port</a>",
        "\x00nul\x00 <p>bytes\x00</p>",
        "<svg><script>evil()</script><text>svg text</text></svg>",
        "<?xml version='1.0' encoding='utf-8'?><html><body>xml declared</body></html>",
        '<meta charset="base64"><p>junk charset</p>',
        "<a title='" + "t " * 100 + "'>" + "<a title='x'>" * 2000 + "nested",
        "",
    ],
)
def test_html_hostile_markup_never_raises(markup: str) -> None:
    result = extract(markup.encode(), url="https://janedoe.example/", content_type="text/html")
    assert isinstance(result, Extracted | ExtractError)
    if isinstance(result, Extracted):
        assert len(result.text) <= MAX_TEXT_CHARS
        assert all(link.startswith(("http://", "https://")) for link in result.outlinks)


def test_html_hostile_markup_keeps_text() -> None:
    assert "cell" in html("<html><body><p>unclosed <b>bold <table><tr><td>cell").text
    assert "after" in html('<img alt="' + "A" * 5_000_000 + '">after').text
    assert html("<a href='http://[::1'>x</a><a href='http://h.example:99999/'>y</a>").outlinks == ()


def test_html_text_is_capped() -> None:
    result = html("<p>" + "word " * 600_000 + "</p>")
    assert len(result.text) <= MAX_TEXT_CHARS


def test_html_tag_flood_is_truncated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("auditor.extract.html.MAX_HTML_TAGS", 1_000)  # the real cap takes seconds to reach
    result = html("<p>start</p>" + "<b>x</b>" * 2_000 + "<p>end</p>")
    assert result.meta["truncated"] == "true"
    assert result.text.startswith("start")
    assert "end" not in result.text


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ("<p>caf\u00e9 \u20ac</p>".encode("cp1252"), "text/html", "café €"),
        ("<p>caf\u00e9</p>".encode(), "text/html", "café"),
        ('<meta charset="iso-8859-1"><p>caf\u00e9 \u2019</p>'.encode("cp1252"), "text/html", "café ’"),
        (
            "<p>\u041c\u043e\u0441\u043a\u0432\u0430</p>".encode("koi8-r"),
            "text/html; charset=KOI8-R",
            "Москва",
        ),
        (b"<p>x</p>", "text/html; charset=no-such-codec", "x"),
    ],
)
def test_html_decoding(body: bytes, content_type: str, expected: str) -> None:
    assert expected in html(body, content_type=content_type).text


# --- PDF --------------------------------------------------------------------------------------------


def pdf(body: bytes) -> Extracted:
    result = extract(body, url="https://janedoe.example/cv.pdf", content_type="application/pdf")
    assert isinstance(result, Extracted), result
    assert result.kind is DocKind.PDF
    return result


def test_pdf_text_and_author() -> None:
    result = pdf(
        make_pdf(["Curriculum vitae (2024)", "Mobile: 07700 900123"], author="Jane Doe <jane@mail.example>")
    )
    assert "Curriculum vitae (2024)\nMobile: 07700 900123" in result.text
    assert result.meta["author"] == "Jane Doe <jane@mail.example>"
    assert result.meta["pages"] == "1"
    assert "Author: Jane Doe <jane@mail.example>" in result.text.splitlines()


def test_pdf_many_pages_title_and_unicode() -> None:
    lines = [f"line {n} caf\u00e9" for n in range(100)]
    result = pdf(make_pdf(lines, author="J\u00f6rg \u0141\u00f3d\u017a", title="Minutes"))
    assert result.meta["pages"] == "3"
    assert "line 0 café" in result.text
    assert "line 99 café" in result.text
    assert result.title == "Minutes"
    assert result.meta["author"] == "Jörg Łódź"


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Secret minutes"], author="Jane Doe"))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_encrypted_with_empty_user_password_is_read() -> None:
    result = pdf(_encrypted(""))
    assert "Secret minutes" in result.text
    assert result.meta["author"] == "Jane Doe"


def test_pdf_needing_a_password_is_an_error() -> None:
    result = extract(_encrypted("secret"), url="https://x.example/a.pdf", content_type="application/pdf")
    assert result == ExtractError("parse", "encrypted PDF (needs a password)")


@pytest.mark.parametrize(
    "body",
    [
        b"%PDF-1.4\nthis is not a pdf at all",
        b"%PDF-",
        make_pdf(["half a document"])[:200],
        b"%PDF-1.7\n" + zlib.compress(b"x" * 100_000),
    ],
)
def test_pdf_corrupt_is_a_parse_error(body: bytes) -> None:
    result = extract(body, url="https://x.example/a.pdf", content_type="application/pdf")
    assert isinstance(result, ExtractError)
    assert result.reason == "parse"
    assert result.failure("https://x.example/a.pdf") == FetchFailure(
        "https://x.example/a.pdf", "parse", result.detail
    )


# --- images -----------------------------------------------------------------------------------------


def image(body: bytes, content_type: str = "image/jpeg") -> Extracted:
    result = extract(body, url="https://janedoe.example/photo.jpg", content_type=content_type)
    assert isinstance(result, Extracted), result
    assert result.kind is DocKind.IMAGE
    return result


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(52.61, -1.11), (-33.8688, 151.2093), (-22.9519, -43.2105), (51.5, 0.0), (0.0001, 179.999)],
)
def test_jpeg_gps_exact_degrees(lat: float, lon: float) -> None:
    result = image(make_jpeg_with_gps(lat, lon))
    assert result.gps is not None
    assert result.gps.lat == pytest.approx(lat, abs=1e-9)
    assert result.gps.lon == pytest.approx(lon, abs=1e-9)


def test_jpeg_personal_exif_fields() -> None:
    body = make_jpeg_with_gps(
        52.61,
        -1.11,
        Make="Canon",
        Model="EOS 5D",
        Artist="Jane Doe",
        Copyright="(c) Jane Doe",
        ImageDescription="Lily's first day at St Mary's",
        DateTimeOriginal="2024:09:04 08:15:00",
        XPAuthor="Jane Doe \u263a",
        XPComment="school run",
        CameraOwnerName="jane.home@mail.example",
    )
    result = image(body)
    assert result.meta["artist"] == "Jane Doe"
    assert result.meta["xp_author"] == "Jane Doe ☺"
    assert result.meta["xp_comment"] == "school run"
    assert result.meta["datetime_original"] == "2024:09:04 08:15:00"
    lines = result.text.splitlines()
    for line in (
        "Artist: Jane Doe",
        "Camera owner: jane.home@mail.example",
        "Copyright: (c) Jane Doe",
        "Description: Lily's first day at St Mary's",
        "Taken: 2024:09:04 08:15:00",
        "Camera make: Canon",
        "Camera model: EOS 5D",
    ):
        assert line in lines


def _reencode(body: bytes, fmt: str) -> bytes:
    exif = Image.open(io.BytesIO(body)).getexif()
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, fmt, exif=exif)
    return out.getvalue()


@pytest.mark.parametrize(
    ("fmt", "content_type"), [("PNG", "image/png"), ("WEBP", "image/webp"), ("TIFF", "")]
)
def test_other_formats_carry_gps(fmt: str, content_type: str) -> None:
    result = image(_reencode(make_jpeg_with_gps(-12.5, 130.25, Artist="Jane"), fmt), content_type)
    assert result.gps == GeoPoint(-12.5, 130.25)
    assert result.meta["format"] == fmt
    assert "Artist: Jane" in result.text


def test_png_exif_after_image_data_is_read() -> None:
    body = _reencode(make_jpeg_with_gps(10.5, 20.25), "PNG")
    exif_at = body.index(b"eXIf") - 4
    (length,) = struct.unpack_from(">I", body, exif_at)
    chunk = body[exif_at : exif_at + 12 + length]
    rest = body[:exif_at] + body[exif_at + 12 + length :]
    iend = rest.index(b"IEND") - 4
    moved = rest[:iend] + chunk + rest[iend:]
    assert moved.index(b"eXIf") > moved.index(b"IDAT")
    assert image(moved, "image/png").gps == GeoPoint(10.5, 20.25)


def test_image_without_gps() -> None:
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "JPEG")
    result = image(out.getvalue())
    assert result.gps is None
    assert result.text == ""


def test_huge_jpeg_is_not_decoded_but_its_gps_is_read() -> None:
    body = bytearray(make_jpeg_with_gps(48.8584, 2.2945))
    sof = body.index(b"\xff\xc0")
    struct.pack_into(">HH", body, sof + 5, 65_000, 65_000)  # 4.2 gigapixels: a decompression bomb
    assert image(bytes(body)).gps == GeoPoint(48.8584, 2.2945)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (make_jpeg_with_gps(1.0, 2.0)[:20], "parse"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 10, "parse"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 8, "parse"),
        (b"not an image at all", "unsupported"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00heicmif1", "parse"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00heicmif1\x00\x00\x0b\xafmeta\x00\x00", "parse"),
        (b"BM" + b"\x00" * 60, "unsupported"),
    ],
)
def test_unreadable_images_are_errors(body: bytes, reason: str) -> None:
    result = extract(body, url="https://x.example/p.jpg", content_type="image/jpeg")
    assert isinstance(result, ExtractError)
    assert result.reason == reason


@pytest.mark.skipif(not (CORPUS / "exif").is_dir(), reason="shared corpus not present")
def test_truncated_heic_is_an_error() -> None:
    body = (CORPUS / "exif" / "IMG_5195.HEIC").read_bytes()
    assert image(body, "image/heic").gps is not None
    for cut in (500, 3100):
        result = extract(body[:cut], url="https://x.example/p.heic", content_type="image/heic")
        assert isinstance(result, ExtractError)
        assert result.reason == "parse"


def test_truncated_pixel_data_keeps_metadata() -> None:
    # Pixels are never decoded, so a photo cut short after its headers still reveals where it was taken.
    body = make_jpeg_with_gps(1.5, 2.5)
    assert image(body[: body.index(b"\xff\xda") + 20]).gps == GeoPoint(1.5, 2.5)


def _r(numerator: int, denominator: int) -> IFDRational:
    return IFDRational(numerator, denominator)


@pytest.mark.parametrize(
    ("ifd", "expected"),
    [
        (
            {1: "N", 2: (_r(10, 1), _r(30, 1), _r(0, 1)), 3: "W", 4: (_r(1, 1), _r(0, 1), _r(36, 1))},
            GeoPoint(10.5, -1.01),
        ),
        (
            {1: b"S\x00", 2: (_r(10, 1), _r(0, 1), _r(0, 1)), 3: "E", 4: (_r(20, 1), _r(0, 1), _r(0, 1))},
            GeoPoint(-10, 20),
        ),
        ({1: "N", 2: ((10, 1), (15, 1), (0, 1)), 3: "E", 4: ((20, 1), (0, 1), (0, 1))}, GeoPoint(10.25, 20)),
        ({1: "N", 2: (_r(0, 0), _r(0, 0), _r(0, 0)), 3: "E", 4: (_r(0, 0), _r(0, 0), _r(0, 0))}, None),
        ({1: "N", 2: (_r(0, 1), _r(0, 1), _r(0, 1)), 3: "E", 4: (_r(0, 1), _r(0, 1), _r(0, 1))}, None),
        ({1: "N", 2: (_r(95, 1), _r(0, 1), _r(0, 1)), 3: "E", 4: (_r(20, 1), _r(0, 1), _r(0, 1))}, None),
        ({1: "N", 2: (_r(10, 1), _r(0, 1), _r(0, 1)), 3: "E", 4: (_r(181, 1), _r(0, 1), _r(0, 1))}, None),
        ({1: "N", 2: (_r(10, 1), _r(0, 1), _r(0, 1))}, None),
        ({1: "N", 2: "garbage", 3: "E", 4: (_r(20, 1),)}, None),
        ({0: b"\x02\x02\x00\x00"}, None),
        ({}, None),
    ],
)
def test_gps_conversion(ifd: dict[int, object], expected: GeoPoint | None) -> None:
    point = _gps(ifd)
    if expected is None:
        assert point is None
    else:
        assert point is not None
        assert (point.lat, point.lon) == pytest.approx((expected.lat, expected.lon), abs=1e-12)


# --- dispatch ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type", "kind"),
    [
        (b"<!DOCTYPE html><p>hi</p>", "", DocKind.HTML),
        (b"\n  <html><body>hi</body></html>", "application/octet-stream", DocKind.HTML),
        (make_pdf(["served as html"]), "text/html; charset=utf-8", DocKind.PDF),
        (make_pdf(["no type"]), "", DocKind.PDF),
        (make_jpeg_with_gps(1, 2), "application/octet-stream", DocKind.IMAGE),
        (make_jpeg_with_gps(1, 2), "TEXT/HTML", DocKind.IMAGE),
        (b"plain words 07700 900123", "text/plain; charset=utf-8", DocKind.TEXT),
        (b"", "text/html", DocKind.HTML),
    ],
)
def test_kind_from_type_and_magic(body: bytes, content_type: str, kind: DocKind) -> None:
    result = extract(body, url="https://x.example/", content_type=content_type)
    assert isinstance(result, Extracted), result
    assert result.kind is kind


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"PK\x03\x04zip", "application/zip"),
        (b"{}", "application/json"),
        (b"", ""),
        (b"\x00\x01", "video/mp4"),
    ],
)
def test_unsupported_types_are_errors(body: bytes, content_type: str) -> None:
    result = extract(body, url="https://x.example/", content_type=content_type)
    assert isinstance(result, ExtractError)
    assert result.reason == "unsupported"


def test_sniff() -> None:
    assert sniff(b"junk\n%PDF-1.4") is DocKind.PDF
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") is DocKind.IMAGE
    assert sniff(b"\x00\x00\x00\x18ftypmp42") is None  # an MP4 video, not a HEIF photo
    assert sniff(b"hello") is None


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow warns about each corrupt EXIF block
def test_mutated_documents_never_raise() -> None:
    rng = random.Random(1234)
    seeds = [
        (make_pdf(["fuzz me"], author="Fuzz"), "application/pdf"),
        (make_jpeg_with_gps(1.25, 2.5, Artist="Fuzz"), "image/jpeg"),
        (_reencode(make_jpeg_with_gps(1.25, 2.5), "PNG"), "image/png"),
        ((DATA / "page.html").read_bytes(), "text/html"),
    ]
    for seed, content_type in seeds:
        for _ in range(60):
            body = bytearray(seed)
            for _ in range(rng.randint(1, 12)):
                body[rng.randrange(len(body))] = rng.randrange(256)
            body = body[: rng.randint(1, len(body))] if rng.random() < 0.3 else body
            result = extract(bytes(body), url="https://x.example/", content_type=content_type)
            assert isinstance(result, Extracted | ExtractError)


# --- real-world corpus (../shared/corpus, absent outside the workspace) ---------------------------


def _extract_page(path: Path) -> tuple[str, str, int]:
    result = extract(
        gzip.decompress(path.read_bytes()), url="https://news.example/article", content_type="text/html"
    )
    if isinstance(result, ExtractError):
        return path.name, f"{result.reason}: {result.detail}", 0
    return path.name, "", len(result.text)


@pytest.mark.skipif(not (CORPUS / "pages").is_dir(), reason="shared corpus not present")
def test_corpus_pages_extract() -> None:
    paths = sorted((CORPUS / "pages").glob("*.html.gz"))
    assert paths
    # Two processes: bs4 tree building is pure Python and the corpus is about 57 MB of HTML.
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        results = list(pool.map(_extract_page, paths, chunksize=8))
    failures = [(name, error) for name, error, _ in results if error]
    empty = [name for name, error, size in results if not error and size == 0]
    print(f"\ncorpus pages: {len(results)} extracted, {len(failures)} errors, {len(empty)} with no text")
    assert failures == []
    assert len(empty) <= len(results) // 50


@pytest.mark.skipif(not (CORPUS / "exif" / "groundtruth.json").is_file(), reason="shared corpus not present")
def test_corpus_exif_gps_matches_groundtruth() -> None:
    truth = json.loads((CORPUS / "exif" / "groundtruth.json").read_text())
    matched, mismatched, unreadable = [], [], []
    for entry in truth:
        result = extract(
            (CORPUS / "exif" / entry["file"]).read_bytes(), url="https://x.example/", content_type=""
        )
        if isinstance(result, ExtractError):
            unreadable.append((entry["file"], result.detail))
            continue
        expected = None if entry["lat"] is None else (entry["lat"], entry["lon"])
        got = None if result.gps is None else (result.gps.lat, result.gps.lon)
        close = (got is None) == (expected is None) and (
            got is None
            or expected is None
            or all(abs(a - b) <= 1e-4 for a, b in zip(got, expected, strict=True))
        )
        (matched if close else mismatched).append(entry["file"])
    with_gps = sum(entry["lat"] is not None for entry in truth)
    found = sum(1 for entry in truth if entry["lat"] is not None and entry["file"] in matched)
    print(
        f"\ncorpus exif: {len(matched)}/{len(truth)} match groundtruth; GPS positions {found}/{with_gps}; "
        f"unreadable {unreadable}"
    )
    assert mismatched == []
    assert not [name for name, _ in unreadable if not name.lower().endswith((".heic", ".heif"))]


def test_pdf_reading_stops_at_the_time_budget() -> None:
    from auditor.extract.pdf import extract_pdf

    body = make_pdf([f"line {i}" for i in range(200)])  # several pages
    result = extract_pdf(body, time_budget=0.0)  # the budget is spent before the first page
    assert isinstance(result, Extracted)
    assert result.meta["pages_read"] == "0"
    assert "stopped after" in result.meta["truncated"]
    assert "line 1" not in result.text


def test_heif_iloc_with_zero_width_fields_is_refused_quickly() -> None:
    """A 600-byte iloc box declaring 100 items of 65,535 zero-width extents: refused, not spun on."""
    import struct

    from auditor.extract.image import _heif_item_data

    payload = bytes([0, 0, 0, 0])  # version 0, flags
    payload += struct.pack(">H", 0x0000)  # offset_size=0, length_size=0, base_offset_size=0
    payload += struct.pack(">H", 100)  # item count
    for item in range(100):  # each: id, data reference index, 65,535 extents of zero-width fields
        payload += struct.pack(">HHH", item + 2, 0, 65535)
    body = payload
    with pytest.raises(ValueError, match="zero-width"):
        _heif_item_data(body, 0, len(body), wanted=1)  # refused before any item is walked


def test_json_ld_contact_details_are_read_but_scripts_are_not() -> None:
    page = b"""<html><head>
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "Person",
      "name": "Jane Doe", "telephone": "+44 7700 900123", "image": "https://jane.example/me.jpg",
      "address": {"@type": "PostalAddress", "streetAddress": "12 Acacia Avenue", "postalCode": "EX2 3BB"}}]}
    </script>
    <script type="application/ld+json">{ not json at all </script>
    <script>var hidden = "07700 900555";</script>
    </head><body><p>Welcome</p></body></html>"""
    result = extract(page, url="http://jane.example/", content_type="text/html")
    assert isinstance(result, Extracted)
    assert "telephone: +44 7700 900123" in result.text
    assert "streetaddress: 12 Acacia Avenue" in result.text
    assert "postalcode: EX2 3BB" in result.text
    assert "900555" not in result.text  # ordinary script text is never read
    assert "me.jpg" not in result.text
    assert "Welcome" in result.text


def test_deeply_nested_json_ld_is_bounded() -> None:
    nested = '{"telephone": "+44 7700 900123", "author": ' * 2000 + "1" + "}" * 2000
    page = f'<script type="application/ld+json">{nested}</script><p>x</p>'.encode()
    result = extract(page, url="http://jane.example/", content_type="text/html")
    assert isinstance(result, Extracted)  # parsed or skipped, never a crash


def test_heic_exif_is_read_and_an_item_far_larger_than_any_real_one_is_refused() -> None:
    photo = extract(make_heic_with_gps(50.7, -3.5, Artist="Pat Example"), url="https://x.example/p.heic",
                    content_type="image/heic")  # fmt: skip
    assert isinstance(photo, Extracted)
    assert photo.gps is not None
    assert round(photo.gps.lat, 3) == 50.7
    assert photo.meta["artist"] == "Pat Example"
    # 64 extents of a 20 KB block: 1.3 MB to copy for one Exif item (64 × a 10 MB file would be 640 MB).
    bomb = make_heic_with_gps(50.7, -3.5, extents=64, padding=20_000)
    refused = extract(bomb, url="https://x.example/p.heic", content_type="image/heic")
    assert isinstance(refused, ExtractError)
    assert refused.reason == "parse"
    assert "larger than 1 MiB" in refused.detail

"""Visible text, contact links and outlinks of an HTML page, read from lxml's tree directly.

BeautifulSoup built a Python object per tag and per string, which was most of the audit's CPU; lxml's
own elements are read in place. (bs4 stays where its API earns its place: catalogue selectors.)
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any, TypeAlias
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

from auditor.extract.interface import (
    MAX_CONTACT_LINKS,
    MAX_HTML_BYTES,
    MAX_HTML_TAGS,
    MAX_LINKS,
    MAX_META_CHARS,
    MAX_TEXT_CHARS,
    MAX_URL_CHARS,
    ExtractError,
    clean_meta,
)
from auditor.model import DocKind, Extracted

# Elements whose content a reader never sees as text. <head> is read separately (title, descriptions).
_HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "iframe", "frameset", "frame"})

# Elements a browser lays out on their own line: their edges become line breaks so words don't run together.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
        "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "title", "tr", "ul",
    }
)  # fmt: skip

# URL schemes whose target is a way to reach a person rather than a page.
_CONTACT_SCHEMES = frozenset({"mailto", "tel", "sms", "smsto", "callto", "whatsapp", "tg", "sgnl"})
# Messaging services whose https links open a chat with a number or handle (wa.me/447700900123).
_MESSAGING_HOSTS = frozenset({"wa.me", "t.me", "telegram.me", "signal.me"})
_MESSAGING_SEND_HOSTS = frozenset({"api.whatsapp.com", "web.whatsapp.com"})

_LINK_TAGS = frozenset({"a", "area", "img", "source", "link", "iframe"})

_SPACE = re.compile(r"\s+")
_URL_JUNK = re.compile(r"[\t\r\n]")  # browsers drop these inside URLs; attackers use them to hide schemes
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# WHATWG maps these labels to windows-1252; Python's latin-1 would garble curly quotes and euro signs.
_CP1252_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii"})


def extract_html(body: bytes, *, url: str, content_type: str = "") -> Extracted | ExtractError:
    """Read one HTML page. Never fetches or executes anything it references."""
    markup = decode_html(body[:MAX_HTML_BYTES], content_type)
    truncated = len(body) > MAX_HTML_BYTES
    tags = markup.count("<")
    if tags > MAX_HTML_TAGS:
        # Tree building costs ~30 µs a tag in Python: a page of a million empty tags would take half a minute.
        markup = markup[: len(markup) * MAX_HTML_TAGS // tags]
        truncated = True
    try:
        # Bytes with the encoding named: a str with an <?xml encoding?> line is refused by lxml.
        root = etree.fromstring(markup.encode("utf-8", errors="replace"), parser=_parser())
    except etree.XMLSyntaxError:
        root = None  # an empty document
    except Exception as e:  # lxml raises assorted errors on hostile markup
        return ExtractError("parse", f"unreadable HTML: {type(e).__name__}: {e}"[:300])
    titles: list[Element] = []
    metas: list[Element] = []
    bases: list[Element] = []
    links: list[Element] = []
    structured: list[Element] = []
    # One pass over the tree; comments and processing instructions have no string tag.
    for element in root.iter() if root is not None else ():
        name = element.tag
        if not isinstance(name, str):
            continue
        if name in _LINK_TAGS:
            links.append(element)
        elif name == "meta":
            metas.append(element)
        elif name == "title":
            titles.append(element)
        elif name == "base":
            bases.append(element)
        elif name == "script" and _attr(element, "type").lower() == "application/ld+json":
            structured.append(element)
    title = clean_meta("".join(titles[0].itertext())) if titles else ""
    meta = _meta(metas)
    # The page's language and country say which numbering plan its national phone numbers follow.
    html = root if root is not None and root.tag == "html" else None
    lang = clean_meta(_attr(html, "lang") or _attr(html, "xml:lang"))[:35] if html is not None else ""
    if lang:
        meta["lang"] = lang
    if title:
        meta["title"] = title
    if truncated:
        meta["truncated"] = "true"
    header = [title] + [meta[k] for k in ("description", "og:description", "author") if k in meta]
    text = "\n".join(dict.fromkeys(v for v in header if v))  # og:description often repeats description
    facts = _structured_data(structured)
    country = next((line[16:] for line in facts.splitlines() if line.startswith("addresscountry: ")), "")
    if country:
        meta["country"] = country[:60]
    if facts:
        text = f"{text}\n{facts}" if text else facts
    body_text = _visible_text(root, MAX_TEXT_CHARS - len(text)) if root is not None else ""
    text = f"{text}\n{body_text}" if text and body_text else text or body_text
    contacts, outlinks = _links(links, bases, url)
    return Extracted(
        kind=DocKind.HTML,
        text=text[:MAX_TEXT_CHARS],
        title=title,
        contact_links=contacts,
        outlinks=outlinks,
        meta=meta,
    )


# schema.org properties that carry contact details: SEO plugins put a site owner's phone, email and
# address in JSON-LD even when the page itself does not show them (a search engine still does).
_LD_FIELDS = frozenset(
    {"name", "telephone", "email", "faxnumber", "streetaddress", "addresslocality", "postalcode",
     "addressregion", "addresscountry", "birthdate", "address", "contactpoint", "sameas", "url", "founder",
     "author"}
)  # fmt: skip
_LD_MAX_CHARS = 100_000
_LD_MAX_VALUES = 200


def _structured_data(scripts: list[Element]) -> str:
    """Contact details from JSON-LD blocks, as "property: value" lines. The JSON is parsed, never run."""
    lines: list[str] = []
    for script in scripts:
        raw = "".join(script.itertext())[:_LD_MAX_CHARS]
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue  # a broken (or absurdly nested) block is harmless: the rest of the page still counts
        _ld_values(data, "", lines, depth=0)
        if len(lines) >= _LD_MAX_VALUES:
            break
    return "\n".join(dict.fromkeys(lines[:_LD_MAX_VALUES]))


def _ld_values(node: object, key: str, lines: list[str], depth: int) -> None:
    if depth > 12 or len(lines) >= _LD_MAX_VALUES:
        return
    if isinstance(node, dict):
        for name, value in node.items():
            field = str(name).lower()
            wanted = field in _LD_FIELDS or field == "@graph"
            _ld_values(value, field if wanted else "", lines, depth + 1)
    elif isinstance(node, list):
        for item in node[:_LD_MAX_VALUES]:
            _ld_values(item, key, lines, depth + 1)
    elif isinstance(node, str | int | float) and key and not isinstance(node, bool):
        value = clean_meta(str(node))
        if value:
            lines.append(f"{key}: {value}")


def decode_html(body: bytes, content_type: str = "") -> str:
    """Decode with the BOM, the declared charset or a <meta charset>, else UTF-8, else windows-1252."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if body.startswith(bom):
            return body[len(bom) :].decode(name, errors="replace")
    declared = charset_of(content_type)
    if not declared and (found := _META_CHARSET.search(body[:4096])):
        declared = found.group(1).decode("ascii").lower()
        # A <meta> read as ASCII cannot truthfully declare UTF-16; browsers take UTF-8 then, so do we.
        declared = "utf-8" if declared.startswith(("utf-16", "utf16", "utf-32")) else declared
    if declared:
        name = "cp1252" if declared in _CP1252_ALIASES else declared
        try:
            # bytes.decode refuses non-text codecs (base64, zlib) a hostile label might name.
            return body.decode(name, errors="replace")
        except (LookupError, ValueError):  # unknown label, or a codec that rejects the bytes anyway
            pass
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start >= len(body) - 3:  # only a character cut in half by a size cap
            return body.decode("utf-8", errors="replace")
        return body.decode("cp1252", errors="replace")


def charset_of(content_type: str) -> str:
    """The lower-cased charset parameter of a Content-Type header value, or ""."""
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset":
            return value.strip("\"' ").lower()
    return ""


Element: TypeAlias = Any  # lxml.etree._Element; lxml ships no type hints


def _parser() -> etree.HTMLParser:
    # No network, no entities resolved from outside, comments kept out of the text by the walk below.
    return etree.HTMLParser(encoding="utf-8", recover=True, no_network=True, remove_pis=True)


def _attr(tag: Element, name: str) -> str:
    """An attribute as a string ("" when absent)."""
    value = tag.get(name)
    return value if isinstance(value, str) else ""


def _meta(tags: list[Element]) -> dict[str, str]:
    """The page's description, og:description and author from <meta>, first of each."""
    found: dict[str, str] = {}
    for tag in tags:
        key = (_attr(tag, "name") or _attr(tag, "property")).strip().lower()
        if key in ("description", "og:description", "author") and key not in found:
            value = clean_meta(_attr(tag, "content"))
            if value:
                found[key] = value
    return found


_TEXT, _ENTER, _EXIT = 0, 1, 2


def _visible_text(root: Element, limit: int) -> str:
    """The text a reader sees, block elements on their own lines, whitespace collapsed."""
    pieces: list[str] = []
    headers: dict[Element, tuple[list[str], Element | None]] = {}
    size = 0
    # An explicit stack, not recursion: hostile pages nest elements many thousands deep. An element's
    # own text comes first, then its children, then its end, then its tail (the text after it, which
    # belongs to the parent: it is read even when the element itself is hidden).
    stack: list[tuple[int, Any, int]] = [(_ENTER, root, -1)]
    while stack and size <= limit:
        kind, item, first_piece = stack.pop()
        if kind == _TEXT:
            piece = _SPACE.sub(" ", item)
            pieces.append(piece)
            size += len(piece)
            continue
        node: Element = item
        name = node.tag.lower() if isinstance(node.tag, str) else ""
        if kind == _EXIT:
            if name in ("a", "area"):
                title = " ".join(_attr(node, "title")[:MAX_META_CHARS].split())
                # A link title usually repeats the link text; compare only short links to stay linear.
                inner = pieces[first_piece:] if len(pieces) - first_piece <= 32 else []
                if title and title not in " ".join("".join(inner).split()):
                    pieces.append(f" {title} ")
                    size += len(title) + 2
            if name in _BLOCK:
                pieces.append("\n")
            continue
        if node.tail:
            stack.append((_TEXT, node.tail, -1))
        if not name or name in _HIDDEN:  # comments, processing instructions, scripts...
            continue
        if name in _BLOCK:
            pieces.append("\n")
        if name == "td":
            # A data cell under a header row is read with its header ("DOB: 23/07/1990"), as a person
            # reading the table would: the label says what the value is.
            label = _column_header(node, headers)
            if label:
                pieces.append(f"{label}: ")
                size += len(label) + 2
        if name in ("img", "area", "input"):
            # Alt text stands in for the image, as a browser or screen reader would present it.
            words = [_attr(node, "alt")] + ([_attr(node, "title")] if name == "img" else [])
            for word in dict.fromkeys(" ".join(w[:MAX_META_CHARS].split()) for w in words):
                if word:
                    pieces.append(f" {word} ")
                    size += len(word) + 2
        stack.append((_EXIT, node, len(pieces)))
        stack.extend((_ENTER, child, -1) for child in reversed(node))
        if node.text:
            stack.append((_TEXT, node.text, -1))
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)[: max(limit, 0)]


_MAX_HEADER_CHARS = 40


def _column_header(cell: Element, headers: dict[Element, tuple[list[str], Element | None]]) -> str:
    """The header of a table cell's column, from a first row made only of <th> cells; "" when none."""
    row = cell.getparent()
    if row is None or row.tag != "tr":
        return ""
    table = row.getparent()
    if table is not None and table.tag in ("tbody", "thead", "tfoot"):
        table = table.getparent()
    if table is None or table.tag != "table":
        return ""
    known = headers.get(table)
    if known is None:
        labels: list[str] = []
        first_row = next(table.iter("tr"), None)
        if first_row is not None:
            cells = [c for c in first_row if c.tag in ("td", "th")]
            if cells and all(c.tag == "th" for c in cells):
                labels = [" ".join(" ".join(c.itertext()).split())[:_MAX_HEADER_CHARS] for c in cells[:50]]
        known = headers[table] = (labels, first_row)  # keyed by the element: it stays alive
    labels, first_row = known
    if not labels or row is first_row:
        return ""
    index = 0
    for sibling in cell.itersiblings(preceding=True):
        if sibling.tag in ("td", "th"):
            index += 1
            if index >= len(labels):
                return ""
    return labels[index]


def _clean_href(raw: str) -> str:
    return _URL_JUNK.sub("", raw.strip())


def _absolute(href: str, base: str) -> str:
    """`href` resolved against `base`, without fragment, when it is a usable http(s) URL; else ""."""
    if not href or len(href) > MAX_URL_CHARS:
        return ""
    try:
        absolute, _ = urldefrag(urljoin(base, href))
        parts = urlsplit(absolute)
        _ = parts.port  # raises ValueError for a junk port, which the crawler would choke on
    except ValueError:  # malformed IPv6 literals and similar
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    return absolute


def _is_messaging(absolute: str) -> bool:
    parts = urlsplit(absolute)
    host = (parts.hostname or "").removeprefix("www.")
    return host in _MESSAGING_HOSTS or (host in _MESSAGING_SEND_HOSTS and parts.path.startswith("/send"))


def _srcset_urls(srcset: str) -> list[str]:
    """The URLs of a srcset ("a.jpg 1x, b.jpg 480w"), parsed as the HTML standard does."""
    text = srcset[: MAX_URL_CHARS * 8]
    urls: list[str] = []
    pos, end = 0, len(text)
    while pos < end and len(urls) < 64:
        while pos < end and (text[pos].isspace() or text[pos] == ","):
            pos += 1
        start = pos
        while pos < end and not text[pos].isspace():
            pos += 1
        url = text[start:pos]
        if url.endswith(","):  # "a.jpg,b.jpg 2x": a trailing comma ends a candidate with no descriptors
            url = url.rstrip(",")
        else:
            while pos < end and text[pos] != ",":
                pos += 1
        if url:
            urls.append(url)
    return urls


def _links(tags: list[Element], bases: list[Element], url: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Contact hrefs (raw) and absolute outlinks of `tags`, deduplicated in document order."""
    base = url
    base_href = next((href for tag in bases if (href := _clean_href(_attr(tag, "href")))), "")
    if base_href:  # the first <base> with an href counts, as in a browser
        base = _absolute(base_href, url) or url
    contacts: dict[str, None] = {}
    outlinks: dict[str, None] = {}
    seen: set[str] = set()  # pages repeat the same hrefs many times; resolve each once
    for tag in tags:
        name = tag.tag
        if name in ("a", "area"):
            raw = _attr(tag, "href").strip()
            href = _clean_href(raw)
            scheme = href.split(":", 1)[0].lower() if ":" in href else ""
            if scheme in _CONTACT_SCHEMES:
                if raw and len(contacts) < MAX_CONTACT_LINKS:
                    contacts[raw[:MAX_URL_CHARS]] = None
                continue
            if href in seen:
                continue
            seen.add(href)
            absolute = _absolute(href, base)
            if absolute and _is_messaging(absolute):
                if len(contacts) < MAX_CONTACT_LINKS:
                    contacts[raw[:MAX_URL_CHARS]] = None
            elif absolute and len(outlinks) < MAX_LINKS:
                outlinks[absolute] = None
            continue
        if len(outlinks) >= MAX_LINKS:
            continue
        candidates: list[str] = []
        if name == "img":
            # data-src/data-srcset: lazy-loading scripts move the real photo URL there.
            candidates += [_attr(tag, "src"), _attr(tag, "data-src")]
            candidates += _srcset_urls(_attr(tag, "srcset")) + _srcset_urls(_attr(tag, "data-srcset"))
        elif name == "source":
            candidates += _srcset_urls(_attr(tag, "srcset"))
        elif name == "link":
            if "alternate" in _attr(tag, "rel").lower().split():
                candidates.append(_attr(tag, "href"))
        else:  # iframe
            candidates.append(_attr(tag, "src"))
        for candidate in candidates:
            href = _clean_href(candidate)
            if href not in seen:
                seen.add(href)
                if (absolute := _absolute(href, base)) and len(outlinks) < MAX_LINKS:
                    outlinks[absolute] = None
    return tuple(contacts), tuple(outlinks)

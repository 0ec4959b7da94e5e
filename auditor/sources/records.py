"""Reading an API's answer: JSON capped in size and depth, fields read defensively, and the record
document the detectors read ("field: value" lines)."""

from __future__ import annotations

import dataclasses
import json
import threading
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..model import DocKind, Document, Extracted
from ..plain import one_line
from .trouble import ApiTrouble, malformed

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..fetch import Response
    from ..model import FetchRecord

MAX_JSON_BYTES = 2_000_000
"""No record these services return comes near this; a bigger body is hostile or broken."""
MAX_JSON_DEPTH = 64
MAX_FIELD_CHARS = 1_000
"""One rendered value (a bio, a breach title); longer values are cut."""
MAX_RECORD_CHARS = 50_000
MAX_URL_CHARS = 2_048


def parse_json(response: Response, service: str, shown_url: str) -> Any:
    """The body as JSON, size- and depth-capped; malformed bodies raise ApiTrouble (failed)."""
    if len(response.body) > MAX_JSON_BYTES:
        raise malformed(service, shown_url, f"body over {MAX_JSON_BYTES} bytes")
    try:
        text = response.body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise malformed(service, shown_url, "not UTF-8") from e
    if _nesting(text) > MAX_JSON_DEPTH:
        raise malformed(service, shown_url, "nested too deeply")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as e:
        raise malformed(service, shown_url, "not JSON") from e


def _nesting(text: str) -> int:
    """An upper bound on the JSON nesting depth (brackets inside strings count too: fine for a cap)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def error_name(response: Response, service: str, *path: str) -> str:
    """The name a service gives its error at `path` in a JSON error body (Bluesky's `error`, Brave's
    `error.code`), when it is an identifier; "" for any other body."""
    try:
        data: Any = parse_json(response, service, response.url)
    except ApiTrouble:
        return ""
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, str) and data.isidentifier() else ""


def expect_dict(value: Any, service: str, shown_url: str, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise malformed(service, shown_url, f"{what} is not an object")
    return value


def expect_list(value: Any, service: str, shown_url: str, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise malformed(service, shown_url, f"{what} is not a list")
    return value


def dict_at(obj: Mapping[str, Any], key: str) -> dict[str, Any]:
    """A nested object, or {} when absent or of the wrong type (optional fields are optional)."""
    value = obj.get(key)
    return value if isinstance(value, dict) else {}


def list_at(obj: Mapping[str, Any], key: str) -> list[Any]:
    value = obj.get(key)
    return value if isinstance(value, list) else []


def text_at(obj: Mapping[str, Any], key: str) -> str:
    """A scalar field as one clean line ("" when absent, null or not a scalar)."""
    value = obj.get(key)
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    return clean(value) if isinstance(value, str) else ""


def clean(value: str, limit: int = MAX_FIELD_CHARS) -> str:
    """One printable line: control characters and line breaks (which could forge record lines) become
    spaces, runs of whitespace collapse, and the result is capped."""
    return one_line(value, limit)


def web_url(value: Any, fallback: str) -> str:
    """A URL from a response only if it is a plain http(s) URL with a host; else the fallback."""
    if isinstance(value, str) and len(value) <= MAX_URL_CHARS and value == value.strip():
        try:
            parts = urlsplit(value)
        except ValueError:
            return fallback
        if parts.scheme in ("http", "https") and parts.hostname and value.isprintable():
            return value
    return fallback


def record_text(lines: Iterable[tuple[str, str]]) -> str:
    """A record as "field: value" lines (empty values left out): the shape the detectors read."""
    out = [f"{name}: {clean(value)}" for name, value in lines if value and clean(value)]
    return "\n".join(out)[:MAX_RECORD_CHARS]


_answers = threading.local()


def answered(response: Response, shown_url: str | None = None) -> None:
    """Note the API answer this thread is about to read (api.get calls it for every answer). `shown_url`
    stands for a look-up URL that holds a private value (an email, or its unkeyed hash)."""
    _answers.last = (response, shown_url)
    _answers.record = None


def forget_answers() -> None:
    """Start a job afresh: no record may cite an answer another job's look-up read (threads are reused)."""
    _answers.last = None
    _answers.record = None


def last_answer() -> FetchRecord | None:
    """The fetch record of this thread's latest API answer: the one a record being built was read from.
    A (person, source) job runs in one thread, and builds each record straight after reading its answer.
    A look-up URL that holds a private value is recorded as shown in failures, never as fetched."""
    last: tuple[Response, str | None] | None = getattr(_answers, "last", None)
    if last is None:
        return None
    cached: FetchRecord | None = getattr(_answers, "record", None)
    if cached is None:  # hashed once per answer: a feed's forty posts all cite the same one
        response, shown = last
        cached = response.record if not shown else dataclasses.replace(response.record, url=shown)
        _answers.record = cached
    return cached


def record_document(
    *,
    source: str,
    url: str,
    label: str,
    lines: Iterable[tuple[str, str]],
    attributed: bool = True,
    account: tuple[str, str] | None = None,
    fetched: FetchRecord | None = None,
) -> Document:
    """A Document for one API record; `account` = (platform, handle) when the record is a public
    account or profile (auditor.detectors.account reports it)."""
    title = clean(label, 200)
    meta = (
        {}
        if account is None
        else {"account_site": account[0], "account_username": account[1], "account_url": url}
    )
    return Document(
        url=url,
        source=source,
        content=Extracted(kind=DocKind.RECORD, text=record_text(lines), title=title, meta=meta),
        attributed=attributed,
        label=title,
        fetched=fetched,
    )

"""WhatsMyName's wmn-data.json as an auditor catalogue: checked against a pinned schema, POST entries skipped.

WhatsMyName (https://github.com/WebBreacher/WhatsMyName, CC BY-SA 4.0) is a user-supplied file here:
auditor never downloads it. Each entry that does not fit is reported and skipped, never a crash.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jsonschema import Draft7Validator

from ..errors import InputError, Problem
from ..schema_messages import schema_problems
from .model import Catalogue, Rule, Site, Skipped

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..yamlfile import Loaded

_SCHEMA_FILE = Path(__file__).resolve().parent / "whatsmyname.schema.json"
_TOP_LEVEL_KEYS = frozenset({"license", "authors", "categories"})
_ENTRY_KEYS = frozenset({"uri_check", "e_code", "e_string", "m_code", "m_string", "known", "cat"})
_SITE_FIELD = re.compile(r"^sites\[(\d+)\]")


def looks_like_whatsmyname(data: object) -> bool:
    """True for a WhatsMyName file: its top-level keys, or WhatsMyName field names in its sites."""
    if not isinstance(data, dict):
        return False
    if _TOP_LEVEL_KEYS & set(data):
        return True
    sites = data.get("sites")
    return isinstance(sites, list) and any(isinstance(s, dict) and _ENTRY_KEYS & set(s) for s in sites[:50])


@cache
def _validator() -> Draft7Validator:
    with _SCHEMA_FILE.open(encoding="utf-8") as stream:
        schema: dict[str, Any] = json.load(stream)
    return Draft7Validator(schema)


def from_whatsmyname(loaded: Loaded, *, origin: str) -> Catalogue:
    """Convert a parsed WhatsMyName file; raise InputError only when no entry at all can be used."""
    problems = schema_problems(loaded, _validator())
    whole_file = [p for p in problems if not _SITE_FIELD.match(p.field)]
    if whole_file:
        raise InputError(whole_file)
    by_entry: dict[int, Problem] = {}
    for problem in problems:
        match = _SITE_FIELD.match(problem.field)
        if match:
            by_entry.setdefault(int(match.group(1)), problem)

    sites: list[Site] = []
    skipped: list[Skipped] = []
    with_headers = 0
    for index, raw in enumerate(loaded.data["sites"]):
        name = str(raw.get("name", f"entry {index + 1}")) if isinstance(raw, dict) else f"entry {index + 1}"
        reason = _skip_reason(raw, by_entry.get(index))
        if reason:
            skipped.append(Skipped(index, name, reason))
            continue
        if raw.get("headers"):
            with_headers += 1
        sites.append(_site(raw))
    if not sites:
        details = [loaded.problem(("sites", s.index), f"{s.name}: {s.reason}") for s in skipped[:20]]
        raise InputError([Problem(loaded.file, None, "sites", "no entry could be used"), *details])
    return Catalogue(
        sites=tuple(sites),
        origin=origin,
        format="whatsmyname",
        skipped=tuple(skipped),
        notes=_notes(len(sites), skipped, with_headers),
    )


def _skip_reason(raw: object, problem: Problem | None) -> str:
    if problem is not None:
        where = f"line {problem.line}: " if problem.line else ""
        return f"does not fit the WhatsMyName format ({where}{problem.field}: {problem.message})"
    assert isinstance(raw, dict)  # the schema checked it
    if raw.get("post_body"):
        return "uses POST: auditor never submits forms"
    if raw.get("valid") is False:
        return "marked broken by WhatsMyName (valid: false)"
    if "{account}" not in raw["uri_check"]:
        return "its uri_check has no {account} placeholder"
    return ""


def _site(raw: Mapping[str, Any]) -> Site:
    check = _template(raw["uri_check"])
    pretty = _template(raw.get("uri_pretty", ""))
    return Site(
        name=str(raw["name"]),
        url=pretty or check,
        check_url=check if pretty else "",
        # WhatsMyName does not say which checks are documented APIs: robots.txt is obeyed for all.
        api=False,
        exists=Rule(status=raw["e_code"], text=raw["e_string"] or None),
        missing=Rule(status=raw["m_code"], text=raw["m_string"] or None),
        claimed=tuple(raw["known"]),
        category=str(raw["cat"]),
        strip=str(raw.get("strip_bad_char", "")),
    )


def _template(uri: str) -> str:
    # Our placeholder is {username}; a literal "{username}" in a WhatsMyName URL is not expected.
    return uri.replace("{account}", "{username}")


def _notes(loaded: int, skipped: list[Skipped], with_headers: int) -> tuple[str, ...]:
    total = loaded + len(skipped)
    notes = [f"loaded {loaded} of {total} WhatsMyName sites"]
    kinds = Counter(
        "POST" if s.reason.startswith("uses POST") else "broken" if "valid: false" in s.reason else "unfit"
        for s in skipped
    )
    if kinds["POST"]:
        notes.append(f"skipped {kinds['POST']} that use POST (auditor never submits forms)")
    if kinds["broken"]:
        notes.append(f"skipped {kinds['broken']} marked broken by WhatsMyName")
    if kinds["unfit"]:
        notes.append(f"skipped {kinds['unfit']} that do not fit the format auditor pins")
    if with_headers:
        notes.append(
            f"{with_headers} ask for custom request headers, which auditor does not send: "
            "they may come out as unknown"
        )
    return tuple(notes)

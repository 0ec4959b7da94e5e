"""Catalogue loading: the builtin file, our YAML format, or a WhatsMyName JSON file (told by content)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jsonschema import Draft202012Validator

from ..errors import InputError, Problem
from ..resources import package_data
from ..schema_messages import schema_problems
from ..yamlfile import Loaded, read_yaml
from .model import Catalogue, Kind, Rule, Site
from .whatsmyname import from_whatsmyname, looks_like_whatsmyname

if TYPE_CHECKING:
    from collections.abc import Mapping

BUILTIN = "builtin"
"""The `catalogue` option's value for the project's own username catalogue."""

_SCHEMA_FILE = Path(__file__).resolve().parent / "catalogue.schema.json"

# Which placeholders each kind of catalogue needs in its URL templates, and which it may use.
_NEEDS: Mapping[Kind, tuple[frozenset[str], frozenset[str]]] = {
    Kind.USERNAMES: (frozenset({"username"}), frozenset({"username"})),
    Kind.PEOPLE_SEARCH: (frozenset({"first", "last", "slug"}), frozenset({"first", "last", "slug", "city"})),
}


def builtin_path() -> Path:
    """The project's own username catalogue (auditor/data/catalogues/usernames.yaml)."""
    return package_data("catalogues/usernames.yaml")


def load_catalogue(spec: str | Path, *, kind: Kind, base: Path | None = None) -> Catalogue:
    """Load `spec` ("builtin" or a path; relative paths from `base`); raise InputError listing problems.

    A file whose content is a WhatsMyName catalogue (`uri_check`, `e_code`...) is converted; anything
    else must be our YAML format.
    """
    if str(spec) == BUILTIN:
        if kind is not Kind.USERNAMES:
            raise InputError([Problem("catalogue", None, "", "there is no builtin people-search catalogue")])
        return _load_file(builtin_path(), kind, origin=BUILTIN)
    path = Path(spec).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    return _load_file(path, kind, origin=str(path))


def _load_file(path: Path, kind: Kind, *, origin: str) -> Catalogue:
    loaded = _read(path)
    if loaded.data is None:
        raise InputError([Problem(loaded.file, None, "", "is empty: a catalogue has a `sites:` list")])
    if looks_like_whatsmyname(loaded.data):
        if kind is not Kind.USERNAMES:
            message = (
                "is a WhatsMyName catalogue of username sites; people_search needs {first}/{last}/{slug}"
            )
            raise InputError([Problem(loaded.file, None, "", message)])
        return from_whatsmyname(loaded, origin=origin)
    problems = [*loaded.problems, *schema_problems(loaded, _validator())]
    if not problems:
        problems = _semantic_problems(loaded, kind)
    if problems:
        raise InputError(problems)
    sites = tuple(_site(raw) for raw in loaded.data["sites"])
    return Catalogue(sites=sites, origin=origin, format="auditor")


def _read(path: Path) -> Loaded:
    """YAML (JSON is YAML too, and keeps line numbers); a JSON file PyYAML cannot read falls back to json."""
    loaded = read_yaml(path)
    if loaded.parsed:
        return loaded
    if path.is_file():
        try:
            # PyYAML (YAML 1.1) refuses a few JSON escapes such as "\/": such files still load, without lines.
            data = json.loads(path.read_bytes()[:5_000_000])
        except (OSError, ValueError):
            pass
        else:
            return Loaded(str(path), data, {})
    raise InputError(list(loaded.problems))


@cache
def _validator() -> Draft202012Validator:
    with _SCHEMA_FILE.open(encoding="utf-8") as stream:
        schema: dict[str, Any] = json.load(stream)
    return Draft202012Validator(schema)


def _semantic_problems(loaded: Loaded, kind: Kind) -> list[Problem]:
    """What a schema cannot say: placeholders, regular expressions, selectors, duplicate names."""
    needs, allowed = _NEEDS[kind]
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(loaded.data["sites"]):
        at = ("sites", index)
        site = _site(raw)
        used = site.placeholders()
        name_key = site.name.casefold()
        if name_key in seen:
            problems.append(
                loaded.problem(
                    (*at, "name"), f"{site.name!r} is already the name of site {seen[name_key] + 1}"
                )
            )
        seen.setdefault(name_key, index)
        for field in ("url", "check_url"):
            template = raw.get(field)
            if template and not needs & _names_in(template):
                wanted = " or ".join(f"{{{n}}}" for n in sorted(needs))
                problems.append(
                    loaded.problem((*at, field), f"must use {wanted} (this is a {kind.value} catalogue)")
                )
        problems.extend(
            loaded.problem(at, f"uses {{{name}}}, which a {kind.value} catalogue cannot fill in")
            for name in sorted(used - allowed)
        )
        if site.username_pattern:
            try:
                re.compile(site.username_pattern)
            except re.error as e:
                problems.append(
                    loaded.problem((*at, "username_pattern"), f"is not a valid regular expression ({e})")
                )
        if site.listing:
            import soupsieve  # only catalogues with listings need it (a tenth of a second to load)

            try:
                soupsieve.compile(site.listing)
            except soupsieve.SelectorSyntaxError as e:
                message = f"is not a CSS selector auditor can use ({str(e).splitlines()[0]})"
                problems.append(loaded.problem((*at, "listing"), message))
    return sorted(problems, key=lambda p: p.line or 0)


def _names_in(template: str) -> set[str]:
    return Site(name="", url=template, exists=Rule(), missing=Rule()).placeholders()


def _rule(raw: Mapping[str, Any]) -> Rule:
    status = raw.get("status")
    text = raw.get("text")
    return Rule(
        status=int(status) if status is not None else None, text=str(text) if text is not None else None
    )


def _site(raw: Mapping[str, Any]) -> Site:
    """A Site from an entry that passed the schema."""
    return Site(
        name=str(raw["name"]),
        url=str(raw["url"]),
        exists=_rule(raw["exists"]),
        missing=_rule(raw["missing"]),
        check_url=str(raw.get("check_url", "")),
        api=bool(raw.get("api", False)),
        opt_out=str(raw.get("opt_out", "")),
        claimed=tuple(str(n) for n in raw.get("claimed", ())),
        unclaimed=tuple(str(n) for n in raw.get("unclaimed", ())),
        category=str(raw.get("category", "")),
        username_pattern=str(raw.get("username_pattern", "")),
        strip=str(raw.get("strip", "")),
        listing=str(raw.get("listing", "")),
    )

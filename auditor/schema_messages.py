"""Schema errors in plain words: each jsonschema error located by field path and line, and said the way
a person fixing the file needs to read it."""

from __future__ import annotations

import difflib
import json
import math
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

    from .errors import Problem
    from .yamlfile import FieldPath, Loaded

_TYPE_NAMES = {
    "object": "a mapping of keys to values",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}

_FORMAT_MESSAGES = {
    "date": "must be a real date written YYYY-MM-DD, e.g. 1975-03-14",
    "phone": "is not a phone number auditor can read",
    "email": "does not look like an email address (name@domain.example)",
    "hostname": "must be a domain name such as janedoe.example (no https:// and no path)",
    "uri": "must be an http or https URL with a host, e.g. https://janedoe.example/",
    "proxy": "must be a proxy URL such as socks5h://127.0.0.1:9050",
    "cidr": "must be an IP network such as 10.20.0.0/16, or one address",
    "http_url": "must be an http:// or https:// URL with a host, e.g. https://intranet.example/audit/",
    "cache_file": "must name a file, e.g. /var/cache/auditor/http-cache.sqlite (it is used exactly as given)",
}


def schema_problems(loaded: Loaded, validator: Validator) -> list[Problem]:
    """Validate `loaded.data` and return every problem, located and in plain words."""
    problems = [loaded.problem(path, "must be a finite number") for path in _non_finite(loaded.data, ())]
    seen = {p.field for p in problems}
    for error in validator.iter_errors(loaded.data):
        for problem in _translate(loaded, error):
            # One complaint per field is enough to fix it (a bad URL would fail pattern and format).
            if problem.field not in seen:
                seen.add(problem.field)
                problems.append(problem)
    return sorted(problems, key=lambda p: p.line or 0)


def _non_finite(data: Any, path: FieldPath) -> Iterator[FieldPath]:
    # JSON Schema cannot see NaN (every comparison is false), so `.nan` would pass any range check.
    if isinstance(data, float) and not math.isfinite(data):
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _non_finite(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _non_finite(value, (*path, index))


def _translate(loaded: Loaded, error: ValidationError) -> list[Problem]:
    """One jsonschema error -> Problems a person can act on."""
    path: FieldPath = tuple(error.absolute_path)
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    kind = str(error.validator)
    value: Any = error.validator_value
    instance = error.instance
    custom = schema.get("x-messages", {}).get(kind)
    if custom:
        return [loaded.problem(path, str(custom))]

    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = list(schema.get("properties", {}))
        noun = str(schema.get("x-key-noun", "key"))
        return [
            loaded.problem((*path, key), _unknown(noun, key, allowed))
            for key in instance
            if key not in allowed
        ]
    if kind == "required" and isinstance(instance, dict):
        properties = schema.get("properties", {})
        out = []
        for name in value:
            if name in instance:
                continue
            examples = properties.get(name, {}).get("examples")
            hint = f" (e.g. `{name}: {examples[0]}`)" if examples else ""
            out.append(loaded.problem((*path, name), f"required key {name!r} is missing{hint}"))
        return out
    if kind == "type":
        return [loaded.problem(path, _type_message(value, instance))]
    if kind == "pattern":
        return [loaded.problem(path, str(schema.get("patternErrorMessage", f"does not match {value}")))]
    if kind == "format":
        message = _FORMAT_MESSAGES.get(str(value), f"must be a valid {value}")
        if error.cause is not None and str(error.cause):
            message = f"{message} ({error.cause})"
        return [loaded.problem(path, message)]
    if kind in {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}:
        return [loaded.problem(path, _range_message(schema))]
    if kind == "minLength":
        return [
            loaded.problem(
                path, "must not be empty" if value == 1 else f"must be at least {value} characters"
            )
        ]
    if kind == "maxLength":
        return [loaded.problem(path, f"is too long (at most {value} characters)")]
    if kind == "minItems":
        return [loaded.problem(path, f"must list at least {value} item{'s' if value != 1 else ''}")]
    if kind == "maxItems":
        return [loaded.problem(path, f"lists too many items (at most {value})")]
    if kind == "const":
        return [loaded.problem(path, f"must be {json.dumps(value)}")]
    if kind == "enum":
        return [loaded.problem(path, "must be one of: " + ", ".join(json.dumps(v) for v in value))]
    if kind in {"anyOf", "oneOf"} and error.context:
        # The closest alternative's complaint says more than "not valid under any of the given schemas".
        best = min(error.context, key=lambda e: (-len(e.absolute_path), e.validator == "type"))
        return _translate(loaded, best)
    return [loaded.problem(path, error.message)]


def _unknown(noun: str, key: str, allowed: list[str]) -> str:
    if not allowed:
        return f"unknown {noun} {key!r}: none are allowed here"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f" — did you mean {close[0]!r}?" if close else ""
    known = "known sources" if noun == "source" else f"allowed {noun}s"
    return f"unknown {noun} {key!r}{hint} ({known}: {', '.join(allowed)})"


def _kind_of(instance: Any) -> str:
    if instance is None:
        return "empty"
    if isinstance(instance, bool):
        return "true/false"
    if isinstance(instance, int | float):
        return "a number"
    if isinstance(instance, str):
        return "text"
    if isinstance(instance, list):
        return "a list"
    if isinstance(instance, dict):
        return "a mapping"
    return type(instance).__name__


def _type_message(expected: str | list[str], instance: Any) -> str:
    wanted = [expected] if isinstance(expected, str) else list(expected)
    names = " or ".join(_TYPE_NAMES.get(t, t) for t in wanted)
    message = f"must be {names}, not {_kind_of(instance)}"
    if "string" in wanted and isinstance(instance, bool | int | float):
        message += ": put the value in quotes"
    elif "array" in wanted and isinstance(instance, str | int | float):
        message += ': write a list, e.g. ["one", "two"], or one "- item" per line'
    elif instance is None:
        message += ": give a value or delete the line"
    return message


def _num(x: Any) -> str:
    return str(int(x)) if isinstance(x, float) and x.is_integer() else str(x)


def _range_message(schema: Mapping[str, Any]) -> str:
    subject = str(schema["title"]).lower() + " " if "title" in schema else ""
    low = high = None
    if "exclusiveMinimum" in schema:
        low = f"more than {_num(schema['exclusiveMinimum'])}"
    elif "minimum" in schema:
        low = f"at least {_num(schema['minimum'])}"
    if "exclusiveMaximum" in schema:
        high = f"less than {_num(schema['exclusiveMaximum'])}"
    elif "maximum" in schema:
        high = f"at most {_num(schema['maximum'])}"
    if "minimum" in schema and "maximum" in schema:
        return f"{subject}must be between {_num(schema['minimum'])} and {_num(schema['maximum'])}"
    return f"{subject}must be " + " and ".join(b for b in (low, high) if b)


def url_check(schemes: frozenset[str], wrong_scheme: str) -> Callable[[object], bool]:
    """A jsonschema format check for a URL with one of `schemes`, a host and, if given, a valid port;
    it raises ValueError saying what is wrong (the message reaches the user's Problem)."""

    def check(value: object) -> bool:
        if not isinstance(value, str):
            return True
        try:
            parts = urllib.parse.urlsplit(value)
            host, _port = parts.hostname, parts.port  # .port raises ValueError for a bad port
        except ValueError as e:
            raise ValueError("its host or port cannot be read") from e
        if parts.scheme not in schemes:
            raise ValueError(wrong_scheme)
        if not host:
            raise ValueError("it has no host name")
        return True

    return check

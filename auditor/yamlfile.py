"""YAML with line numbers: safe loading into plain data, every field's line kept for messages, and
duplicate keys, aliases, unknown tags and hostile nesting refused as problems."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from .errors import Problem

if TYPE_CHECKING:
    from pathlib import Path

FieldPath = tuple[str | int, ...]
"""Where a value sits in a document: mapping keys and list indexes from the root."""

MAX_BYTES = 5_000_000
"""Rosters and configs are small; anything bigger is a mistake (or an attack on the parser)."""

MAX_DEPTH = 64
"""Deeper nesting than any of our formats needs; stops recursion-depth crashes on hostile input."""

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = frozenset(
    {
        _STR,
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
    }
)
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and refuses aliases."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # Aliases are how "billion laughs" documents explode; a roster or config never needs them.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None,
                None,
                "aliases (*name) are not allowed here: write the value out in full",
                event.start_mark,
            )
        return super().compose_node(parent, index)


# Without the timestamp resolver "1975-02-30" stays text and fails validation with a line number,
# instead of crashing the constructor (and real dates stay text too, so the schema's `format: date` applies).
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _TooDeep(Exception):
    """Nesting beyond MAX_DEPTH."""


@dataclass(frozen=True)
class Loaded:
    """One YAML file as plain data, with the line of every field and what was wrong with it."""

    file: str
    """The file name as the user gave it, for messages."""
    data: Any
    """Plain dicts (string keys), lists, str, int, float, bool and None; None when empty or unreadable."""
    lines: Mapping[FieldPath, int]
    """1-based line of each mapping key (the line that names the field) and each list item."""
    problems: tuple[Problem, ...] = ()
    """Problems found while reading: unreadable file, YAML syntax, duplicate keys, aliases."""
    parsed: bool = True
    """False when the file could not be read or parsed at all: `data` is then meaningless."""

    def line_of(self, path: Iterable[str | int]) -> int | None:
        """The line of `path`, or of its nearest ancestor the document does have."""
        key = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)

    def problem(self, path: Iterable[str | int], message: str) -> Problem:
        """A Problem located at `path` in this file."""
        key = tuple(path)
        return Problem(self.file, self.line_of(key), format_path(key), message)


def format_path(path: Iterable[str | int]) -> str:
    """`("people", 1, "private", "phones", 0)` -> `people[1].private.phones[0]`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part and all(c.isalnum() or c in "_-" for c in part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part)}]"
    return out


def read_yaml(path: Path, *, max_bytes: int = MAX_BYTES) -> Loaded:
    """Read and parse a YAML file; every failure becomes a Problem on the result, never an exception."""
    file = str(path)

    if not path.exists():
        return _unparsed(file, None, "file not found")
    if path.is_dir():
        return _unparsed(file, None, "is a folder, not a file")
    try:
        with path.open("rb") as stream:
            raw = stream.read(max_bytes + 1)
    except OSError as e:
        return _unparsed(file, None, f"cannot be read: {e.strerror or e}")
    if len(raw) > max_bytes:
        return _unparsed(
            file, None, f"is larger than {max_bytes // 1_000_000} MB: not a file auditor expects"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        return _unparsed(file, line, "is not UTF-8 text: save it as UTF-8 and try again")
    return parse_yaml(text, file)


def _unparsed(file: str, line: int | None, message: str) -> Loaded:
    return Loaded(file, None, {}, (Problem(file, line, "", message),), parsed=False)


def parse_yaml(text: str, file: str) -> Loaded:
    """Parse YAML text (one document) into plain data and a field-path -> line map."""
    lines: dict[FieldPath, int] = {}
    problems: list[Problem] = []
    loader: _Loader | None = None
    try:
        loader = _Loader(text)  # already reads the text, and may refuse unprintable characters
        node = loader.get_single_node()
        data = None if node is None else _build(loader, node, (), lines, problems, file)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = e.problem or "unreadable YAML"
        if e.context and e.problem and e.problem.startswith("but "):
            what = f"{e.context}, {e.problem}"  # "expected a single document ..., but found another"
        elif e.context and e.problem:
            # An unclosed bracket or quote is reported at the end of the file; say where it opened.
            started = e.context_mark
            opened = (
                f" that starts on line {started.line + 1}"
                if started is not None and mark is not None and started.line != mark.line
                else ""
            )
            what = f"{what} ({e.context}{opened})"
        line = None if mark is None else mark.line + 1
        return _unparsed(file, line, f"not valid YAML: {what}")
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, e.position) + 1
        return _unparsed(file, line, f"not valid YAML: {e.reason}")
    except yaml.YAMLError as e:
        return _unparsed(file, None, f"not valid YAML: {e}")
    except (_TooDeep, RecursionError):
        return _unparsed(file, None, "not valid YAML here: nested far too deeply")
    finally:
        if loader is not None:
            loader.dispose()
    if node is not None:
        lines[()] = node.start_mark.line + 1
    return Loaded(file, data, lines, tuple(problems))


def _build(
    loader: _Loader,
    node: yaml.Node,
    path: FieldPath,
    lines: dict[FieldPath, int],
    problems: list[Problem],
    file: str,
) -> Any:
    """Turn a composed node into plain data, recording lines and problems on the way."""
    if len(path) > MAX_DEPTH:
        raise _TooDeep
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            problems.append(Problem(file, line, format_path(path), f"unsupported YAML tag {node.tag}"))
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(file, key_line, format_path(path), "a key must be plain text"))
                continue
            # The key's source text, not its YAML type: `yes:` and `1:` are the keys "yes" and "1".
            key = str(key_node.value)
            where = (*path, key)
            if key in first_seen:
                problems.append(
                    Problem(
                        file,
                        key_line,
                        format_path(where),
                        f"duplicate key {key!r} (first on line {first_seen[key]}): "
                        "YAML would silently keep only one of them",
                    )
                )
                continue
            first_seen[key] = key_line
            lines[where] = key_line
            result[key] = _build(loader, value_node, where, lines, problems, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            problems.append(Problem(file, line, format_path(path), f"unsupported YAML tag {node.tag}"))
        items: list[Any] = []
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            items.append(_build(loader, item, (*path, index), lines, problems, file))
        return items
    if node.tag not in _SCALAR_TAGS:
        problems.append(
            Problem(file, line, format_path(path), f"unsupported YAML tag {node.tag}: write a plain value")
        )
        return str(node.value)
    try:
        value = loader.construct_object(node)
    except (ValueError, yaml.constructor.ConstructorError):
        # e.g. an integer with thousands of digits (Python refuses to convert it)
        problems.append(Problem(file, line, format_path(path), "is not a value auditor can read"))
        return None
    if isinstance(value, str) and _SURROGATE.search(value):
        # "\ud800" in a double-quoted string: not a character, and no file, log or page can hold it.
        message = "holds a character that is not text (a lone surrogate, \\ud800-\\udfff)"
        problems.append(Problem(file, line, format_path(path), message))
        return _SURROGATE.sub("\ufffd", value)  # one problem is enough: the rest still validates
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")

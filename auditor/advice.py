"""The remediation knowledge base: which actions help with a finding, and which few matter most."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .errors import InputError, Problem
from .model import Category, Match, Severity
from .resources import package_data

KNOWN_SOURCES: tuple[str, ...] = (
    "crawl",
    "wayback",
    "rdap",
    "github",
    "gravatar",
    "keyserver",
    "usernames",
    "people_search",
    "companies_house",
    "hibp",
)
"""Source names an advice entry may name in `serves` (besides "*")."""

WILDCARD = "*"

SEVERITY_WEIGHTS: Mapping[Severity, int] = {
    Severity.CRITICAL: 100,
    Severity.HIGH: 30,
    Severity.MEDIUM: 10,
    Severity.LOW: 3,
    Severity.INFO: 0,
}
"""How much risk a finding of each severity carries when choosing the top actions."""

LETTER_FIELDS: frozenset[str] = frozenset({"name", "site", "urls", "contact", "date"})
"""Placeholders a letter template may use."""
REQUIRED_LETTER_FIELDS: tuple[str, ...] = ("name", "site", "urls")
"""Placeholders every letter template must use: who is writing, to whom, about which pages."""

MIN_STEPS = 3
MAX_STEPS = 7

# How much each pinned-down part of a `serves` clause counts when ranking advice for a finding.
# An archive clause outweighs everything else: for an archived copy, "ask the archive" comes before
# "edit your site", because editing the live site does nothing to the copy. A named source outweighs a
# named category: a source's own remedy (the registrar, Companies House, the keyserver) fixes the
# record itself, where category-wide advice (search-engine removal, app settings) only softens it.
_FIT_ARCHIVED = 8
_FIT_SOURCE = 4
_FIT_CATEGORY = 2
_FIT_MATCH = 1

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ENTRY_FIELDS = frozenset({"id", "title", "why", "steps", "links", "serves", "priority", "letter"})
_REQUIRED_ENTRY_FIELDS = ("id", "title", "why", "steps", "links", "serves", "priority")
_TOP_LEVEL = frozenset({"version", "advice", "approach_guidance", "blind_spots"})
_GUIDANCE_FIELDS = ("title", "text", "points", "links")
_REQUIRED_GUIDANCE_FIELDS = ("title", "text", "points")
_SERVES_FIELDS = frozenset({"category", "source", "match", "archived"})
_CATEGORIES = frozenset(c.value for c in Category)
_MATCHES = frozenset(m.value for m in Match)


@dataclass(frozen=True)
class Link:
    """A page owned by the authority that runs a remediation process."""

    title: str
    url: str
    """Always https."""


@dataclass(frozen=True)
class Serves:
    """One kind of finding an advice entry applies to."""

    category: str
    """A `Category` value, or "*"."""
    source: str
    """A source name, or "*"."""
    match: str | None = None
    """A `Match` value; None serves private and discovered findings (never public ones)."""
    archived: bool | None = None
    """True: only archived copies; False: only live pages; None: both."""

    def fit(self, category: str, source: str, match: str, archived: bool) -> int | None:
        """How closely this clause describes the finding (higher is closer); None if it does not apply."""
        if self.category not in (WILDCARD, category) or self.source not in (WILDCARD, source):
            return None
        if self.match is None and match == Match.PUBLIC.value:
            return None
        if self.match is not None and self.match != match:
            return None
        if self.archived is not None and self.archived != archived:
            return None
        score = 0
        if self.archived:
            score += _FIT_ARCHIVED
        if self.category != WILDCARD:
            score += _FIT_CATEGORY
        if self.match is not None:
            score += _FIT_MATCH
        if self.source != WILDCARD:
            score += _FIT_SOURCE
        return score


@dataclass(frozen=True)
class Advice:
    """One action a person can take, with the authority that owns the process."""

    id: str
    """Stable kebab-case identifier, stored in findings.json and history."""
    title: str
    """The action, in plain words."""
    why: str
    """Why it matters to an attacker."""
    steps: tuple[str, ...]
    """Three to seven concrete steps."""
    links: tuple[Link, ...]
    priority: int
    """Lower is more urgent; breaks ties between equally useful actions."""
    serves: tuple[Serves, ...]
    letter: str = ""
    """A ready-to-send letter with {placeholders}, or "" when the action needs none."""

    def fit(self, category: str, source: str, match: str, archived: bool) -> int | None:
        """The best fit of any of this entry's clauses to the finding, or None if none applies."""
        fits = [f for s in self.serves if (f := s.fit(category, source, match, archived)) is not None]
        return max(fits) if fits else None

    def render_letter(self, **values: str) -> str:
        """The letter with its placeholders filled in, e.g. `render_letter(name=..., site=..., urls=...)`."""
        if not self.letter:
            raise ValueError(f"advice {self.id!r} has no letter template")
        missing = sorted(_letter_fields(self.letter) - values.keys())
        if missing:
            raise ValueError(f"advice {self.id!r}: the letter needs values for {', '.join(missing)}")
        return self.letter.format_map(values)


@dataclass(frozen=True)
class Guidance:
    """Guidance shown in every report: what to do about an approach, what an audit cannot see."""

    title: str
    text: str
    points: tuple[str, ...]
    links: tuple[Link, ...] = ()


class AdviceBook:
    """Every advice entry, looked up by id or by the kind of finding it helps with."""

    def __init__(self, entries: Sequence[Advice], approach_guidance: Guidance, blind_spots: Guidance) -> None:
        ids = [a.id for a in entries]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate advice ids: {', '.join(duplicates)}")
        self._entries = tuple(entries)
        self._by_id = {a.id: a for a in entries}
        self._order = {a.id: n for n, a in enumerate(entries)}
        self.approach_guidance = approach_guidance
        """What to do when a stranger makes contact (the 2024 honeytrap pattern)."""
        self.blind_spots = blind_spots
        """What an audit of public sources cannot see."""

    @classmethod
    def load(cls, path: Path | None = None) -> AdviceBook:
        """Read and validate a knowledge base file (default: the one shipped with auditor).

        Raises InputError listing every problem, each naming the entry and field.
        """
        path = path if path is not None else package_data("advice.yaml")
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise InputError([Problem(str(path), None, "", f"cannot read the advice file: {e}")]) from e
        return _parse(text, str(path))

    @property
    def entries(self) -> tuple[Advice, ...]:
        """Every entry, in file order."""
        return self._entries

    def __iter__(self) -> Iterator[Advice]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, advice_id: object) -> bool:
        return advice_id in self._by_id

    def get(self, advice_id: str) -> Advice:
        """The entry with this id; KeyError if there is none."""
        try:
            return self._by_id[advice_id]
        except KeyError:
            raise KeyError(f"no advice with id {advice_id!r}") from None

    def for_finding(
        self, category: str, source: str, match: str, *, archived: bool = False
    ) -> tuple[str, ...]:
        """Ids of the advice for a finding, most specific first (then most urgent).

        An archived finding leads with the archive-removal advice. A source this book does not name
        is served by its wildcard entries.
        """
        if category not in _CATEGORIES:
            raise ValueError(f"unknown finding category {category!r}")
        if match not in _MATCHES:
            raise ValueError(f"unknown finding match {match!r}")
        ranked: list[tuple[int, int, int, str]] = []
        for order, advice in enumerate(self._entries):
            fit = advice.fit(category, source, match, archived)
            if fit is not None:
                ranked.append((-fit, advice.priority, order, advice.id))
        return tuple(advice_id for *_, advice_id in sorted(ranked))

    def top_actions(self, findings: Iterable[tuple[str, tuple[str, ...]]], n: int = 3) -> list[Advice]:
        """The `n` actions that remove the most risk, from (severity, advice ids) pairs.

        A finding's risk is weighted by severity (critical 100, high 30, medium 10, low 3, info 0) and
        credited in full to its first action, the one that fixes the source (`for_finding` lists it
        first), then a half to the second, a third to the third and so on. Actions are picked one at a
        time by the risk they credit from findings no chosen action deals with yet, so the top few
        spread over the worst findings; once every risky finding has an action, the rest follow by
        their total credit. Ties go to the more urgent priority, then file order.
        """
        weighted: list[tuple[int, tuple[str, ...]]] = []
        for severity, ids in findings:
            try:
                weight = SEVERITY_WEIGHTS[Severity(severity)]
            except ValueError:
                raise ValueError(f"unknown severity {severity!r}") from None
            for advice_id in ids:
                if advice_id not in self._by_id:
                    raise KeyError(f"no advice with id {advice_id!r}")
            unique = tuple(dict.fromkeys(ids))
            if weight > 0 and unique:
                weighted.append((weight, unique))

        chosen: list[str] = []
        open_findings = list(weighted)
        while len(chosen) < n and open_findings:
            best = self._best(_credit(open_findings))
            chosen.append(best)
            open_findings = [(w, ids) for w, ids in open_findings if best not in ids]
        if len(chosen) < n:
            totals = _credit(weighted)
            for advice_id in chosen:
                totals.pop(advice_id, None)
            while len(chosen) < n and totals:
                best = self._best(totals)
                chosen.append(best)
                del totals[best]
        return [self._by_id[i] for i in chosen]

    def _best(self, credit: Mapping[str, Fraction]) -> str:
        """The id with the most credit; ties to the lower priority number, then file order."""
        return min(credit, key=lambda i: (-credit[i], self._by_id[i].priority, self._order[i]))


def _credit(weighted: Iterable[tuple[int, tuple[str, ...]]]) -> dict[str, Fraction]:
    """Each action's share of the findings' risk: full for a finding's first action, 1/k for its k-th."""
    totals: dict[str, Fraction] = {}
    for weight, ids in weighted:
        for rank, advice_id in enumerate(ids, start=1):
            totals[advice_id] = totals.get(advice_id, Fraction(0)) + Fraction(weight, rank)
    return totals


def _letter_fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


# --- reading and validating the file -----------------------------------------------------------------


class _Checker:
    """Collects every problem in one file, each located by dotted field path and line."""

    def __init__(self, file: str, lines: Mapping[str, int]) -> None:
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def add(self, field: str, message: str) -> None:
        line = self.lines.get(field)
        while line is None and field:
            field_parent = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", field)
            if field_parent == field:
                break
            field = field_parent
            line = self.lines.get(field)
        self.problems.append(Problem(self.file, line, field, message))

    def text(self, where: str, value: Any, label: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.add(where, f"{label} must be non-empty text")
            return ""
        return value.strip()

    def links(self, where: str, value: Any, label: str) -> tuple[Link, ...]:
        if not isinstance(value, list) or not value:
            self.add(where, f"{label} must list at least one link")
            return ()
        links: list[Link] = []
        for i, item in enumerate(value):
            at = f"{where}[{i}]"
            if not isinstance(item, dict) or set(item) != {"title", "url"}:
                self.add(at, f"{label}: each link needs exactly a title and a url")
                continue
            title = self.text(f"{at}.title", item["title"], f"{label}: link title")
            url = item["url"]
            if not isinstance(url, str):
                self.add(f"{at}.url", f"{label}: link url must be text")
                continue
            parts = urlsplit(url)
            if parts.scheme != "https" or not parts.hostname:
                self.add(f"{at}.url", f"{label}: link must be an https URL with a host, not {url!r}")
                continue
            links.append(Link(title, url))
        return tuple(links)


def _parse(text: str, file: str) -> AdviceBook:
    data, lines = _load_yaml(text, file)
    check = _Checker(file, lines)
    if not isinstance(data, dict):
        raise InputError([Problem(file, 1, "", "the advice file must be a mapping with an `advice` list")])
    for key in sorted(set(data) - _TOP_LEVEL, key=str):
        check.add(str(key), f"unknown top-level key {key!r}")

    entries: list[Advice] = []
    raw_entries = data.get("advice")
    if not isinstance(raw_entries, list) or not raw_entries:
        check.add("advice", "`advice` must be a non-empty list of entries")
        raw_entries = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_entries):
        advice = _entry(check, i, raw)
        if advice is None:
            continue
        if advice.id in seen:
            check.add(
                f"advice[{i}].id",
                f"entry {advice.id!r}: duplicate id (first used by advice[{seen[advice.id]}])",
            )
            continue
        seen[advice.id] = i
        entries.append(advice)

    approach = _guidance(check, "approach_guidance", data.get("approach_guidance"))
    blind = _guidance(check, "blind_spots", data.get("blind_spots"))
    if check.problems or approach is None or blind is None:
        raise InputError(check.problems)
    return AdviceBook(entries, approach, blind)


def _load_yaml(text: str, file: str) -> tuple[Any, dict[str, int]]:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError([Problem(file, line, "", f"not valid YAML: {e}")]) from e
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if node is not None:
        _node_lines(node, "", lines)
    return data, lines


def _node_lines(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    """Record the 1-based line of every mapping value and sequence item under its dotted path."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = f"{path}.{key_node.value}" if path else str(key_node.value)
            lines[child] = key_node.start_mark.line + 1
            _node_lines(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            child = f"{path}[{i}]"
            lines[child] = item.start_mark.line + 1
            _node_lines(item, child, lines)


def _entry(check: _Checker, i: int, raw: Any) -> Advice | None:
    where = f"advice[{i}]"
    if not isinstance(raw, dict):
        check.add(where, "each advice entry must be a mapping")
        return None
    raw_id = raw.get("id")
    name = f"entry {raw_id!r}" if isinstance(raw_id, str) else f"entry {i + 1}"
    before = len(check.problems)
    for key in sorted(set(raw) - _ENTRY_FIELDS, key=str):
        check.add(f"{where}.{key}", f"{name}: unknown field {key!r}")
    for key in _REQUIRED_ENTRY_FIELDS:
        if key not in raw:
            check.add(where, f"{name}: missing field {key!r}")
    if before != len(check.problems):
        return None

    if not isinstance(raw_id, str) or not _ID.fullmatch(raw_id):
        check.add(f"{where}.id", f"{name}: id must be kebab-case (a-z, 0-9 and single hyphens)")
    title = check.text(f"{where}.title", raw["title"], f"{name}: title")
    why = check.text(f"{where}.why", raw["why"], f"{name}: why")

    steps_raw = raw["steps"]
    steps: tuple[str, ...] = ()
    if not isinstance(steps_raw, list) or not MIN_STEPS <= len(steps_raw) <= MAX_STEPS:
        check.add(f"{where}.steps", f"{name}: steps must be a list of {MIN_STEPS} to {MAX_STEPS} steps")
    else:
        steps = tuple(
            check.text(f"{where}.steps[{n}]", s, f"{name}: step {n + 1}") for n, s in enumerate(steps_raw)
        )

    links = check.links(f"{where}.links", raw["links"], name)

    priority = raw["priority"]
    if isinstance(priority, bool) or not isinstance(priority, int) or priority < 1:
        check.add(f"{where}.priority", f"{name}: priority must be a whole number from 1 (most urgent)")

    serves = _serves(check, f"{where}.serves", raw["serves"], name)

    letter = raw.get("letter", "")
    if letter != "":
        letter = _letter(check, f"{where}.letter", letter, name)

    if before != len(check.problems) or not isinstance(raw_id, str):
        return None
    return Advice(raw_id, title, why, steps, links, priority, serves, letter)


def _serves(check: _Checker, where: str, value: Any, name: str) -> tuple[Serves, ...]:
    if not isinstance(value, list) or not value:
        check.add(where, f"{name}: serves must list at least one {{category, source}} pair")
        return ()
    clauses: list[Serves] = []
    for n, item in enumerate(value):
        at = f"{where}[{n}]"
        if not isinstance(item, dict) or not {"category", "source"} <= set(item) <= _SERVES_FIELDS:
            check.add(at, f"{name}: each serves item needs category and source (optionally match, archived)")
            continue
        category, source = item["category"], item["source"]
        match, archived = item.get("match"), item.get("archived")
        ok = True
        if category != WILDCARD and category not in _CATEGORIES:
            check.add(f"{at}.category", f"{name}: unknown category {category!r}")
            ok = False
        if source != WILDCARD and source not in KNOWN_SOURCES:
            check.add(f"{at}.source", f"{name}: unknown source {source!r}")
            ok = False
        if match is not None and match not in _MATCHES:
            check.add(f"{at}.match", f"{name}: match must be one of {', '.join(sorted(_MATCHES))}")
            ok = False
        if archived is not None and not isinstance(archived, bool):
            check.add(f"{at}.archived", f"{name}: archived must be true or false")
            ok = False
        if ok:
            clauses.append(Serves(category, source, match, archived))
    return tuple(clauses)


def _letter(check: _Checker, where: str, value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        check.add(where, f"{name}: letter must be non-empty text")
        return ""
    try:
        fields = _letter_fields(value)
    except ValueError as e:
        check.add(where, f"{name}: letter template is malformed: {e}")
        return ""
    unknown = sorted(fields - LETTER_FIELDS)
    if unknown:
        check.add(where, f"{name}: letter uses unknown placeholders {', '.join(unknown)}")
    missing = [f for f in REQUIRED_LETTER_FIELDS if f not in fields]
    if missing:
        check.add(where, f"{name}: letter must use the placeholders {', '.join(missing)}")
    return value


def _guidance(check: _Checker, key: str, value: Any) -> Guidance | None:
    if not isinstance(value, dict):
        check.add(key, f"`{key}` must be a mapping with {', '.join(_REQUIRED_GUIDANCE_FIELDS)} (and links)")
        return None
    before = len(check.problems)
    for field in sorted(set(value) - set(_GUIDANCE_FIELDS), key=str):
        check.add(f"{key}.{field}", f"{key}: unknown field {field!r}")
    for field in _REQUIRED_GUIDANCE_FIELDS:
        if field not in value:
            check.add(key, f"{key}: missing field {field!r}")
    if before != len(check.problems):
        return None
    title = check.text(f"{key}.title", value["title"], f"{key}: title")
    text = check.text(f"{key}.text", value["text"], f"{key}: text")
    points_raw = value["points"]
    points: tuple[str, ...] = ()
    if not isinstance(points_raw, list) or not points_raw:
        check.add(f"{key}.points", f"{key}: points must be a non-empty list")
    else:
        points = tuple(
            check.text(f"{key}.points[{n}]", p, f"{key}: point {n + 1}") for n, p in enumerate(points_raw)
        )
    links = check.links(f"{key}.links", value["links"], key) if "links" in value else ()
    if before != len(check.problems):
        return None
    return Guidance(title, text, points, links)

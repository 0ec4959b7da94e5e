"""The remediation knowledge base: which actions help with a finding, and which few matter most."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import string
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from jsonschema import Draft202012Validator

from .errors import InputError, Problem
from .model import Category, Match, Severity
from .resources import package_data
from .schema_messages import schema_problems
from .yamlfile import Loaded, read_yaml

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from pathlib import Path

KNOWN_SOURCES: tuple[str, ...] = (
    "crawl",
    "wayback",
    "rdap",
    "github",
    "gravatar",
    "keyserver",
    "usernames",
    "people_search",
    "web_search",
    "social",
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

# How much each pinned-down part of a `serves` clause counts when ranking advice for a finding.
# An archive clause outweighs everything else: for an archived copy, "ask the archive" comes before
# "edit your site", because editing the live site does nothing to the copy. A named source outweighs a
# named category: a source's own remedy (the registrar, Companies House, the keyserver) fixes the
# record itself, where category-wide advice (search-engine removal, app settings) only softens it.
_FIT_ARCHIVED = 8
_FIT_SOURCE = 4
_FIT_CATEGORY = 2
_FIT_MATCH = 1

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

        Raises InputError listing every problem, each naming the entry and field. The shipped file is
        read once per process (it cannot change under a running audit, and parsing it with line numbers
        takes a third of a second).
        """
        return _parse(path) if path is not None else _shipped()

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

_ENTRY = re.compile(r"advice\[(\d+)\]")


def _validator() -> Draft202012Validator:
    with package_data("advice.schema.json").open(encoding="utf-8") as stream:
        schema = json.load(stream)
    # The names a `serves` clause may use come from the code, so the schema cannot fall behind it.
    clause = schema["properties"]["advice"]["items"]["properties"]["serves"]["items"]["properties"]
    clause["category"]["enum"] = [WILDCARD, *sorted(_CATEGORIES)]
    clause["source"]["enum"] = [WILDCARD, *KNOWN_SOURCES]
    clause["match"]["enum"] = sorted(_MATCHES)
    return Draft202012Validator(schema)


@functools.cache
def _shipped() -> AdviceBook:
    return _parse(package_data("advice.yaml"))


def _parse(path: Path) -> AdviceBook:
    """Read the file with the roster's loader (duplicate keys, aliases and tags refused), validate it
    against its JSON Schema, then check what a schema cannot say: unique ids, letter placeholders."""
    loaded = read_yaml(path)
    if not loaded.parsed:
        raise InputError(list(loaded.problems))
    problems = [*loaded.problems, *schema_problems(loaded, _validator()), *_semantic_problems(loaded)]
    if problems:
        raise InputError(sorted((_named(loaded, p) for p in problems), key=lambda p: p.line or 0))
    data = loaded.data
    entries = [_advice(raw) for raw in data["advice"]]
    return AdviceBook(entries, _guidance(data["approach_guidance"]), _guidance(data["blind_spots"]))


def _semantic_problems(loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    raw_entries = loaded.data.get("advice") if isinstance(loaded.data, dict) else None
    if not isinstance(raw_entries, list):
        return problems
    first: dict[str, int] = {}
    for index, raw in enumerate(raw_entries):
        if not isinstance(raw, dict):
            continue
        advice_id = raw.get("id")
        if isinstance(advice_id, str):
            if advice_id in first:
                message = f"duplicate id (first used by advice[{first[advice_id]}])"
                problems.append(loaded.problem(("advice", index, "id"), message))
            first.setdefault(advice_id, index)
        letter = raw.get("letter")
        if isinstance(letter, str) and letter.strip():
            problems += [loaded.problem(("advice", index, "letter"), m) for m in _letter_problems(letter)]
    return problems


def _letter_problems(letter: str) -> list[str]:
    try:
        fields = _letter_fields(letter)
    except ValueError as e:
        return [f"letter template is malformed: {e}"]
    problems = []
    unknown = sorted(fields - LETTER_FIELDS)
    if unknown:
        problems.append(f"letter uses unknown placeholders {', '.join(unknown)}")
    missing = [f for f in REQUIRED_LETTER_FIELDS if f not in fields]
    if missing:
        problems.append(f"letter must use the placeholders {', '.join(missing)}")
    return problems


def _named(loaded: Loaded, problem: Problem) -> Problem:
    """A problem inside an entry names the entry, by id when it has one: "entry 'phone-off-website': ..."."""
    found = _ENTRY.match(problem.field)
    if not found or not isinstance(loaded.data, dict):
        return problem
    index = int(found.group(1))
    raw = loaded.data["advice"][index]
    advice_id = raw.get("id") if isinstance(raw, dict) else None
    name = f"entry {advice_id!r}" if isinstance(advice_id, str) else f"entry {index + 1}"
    return dataclasses.replace(problem, message=f"{name}: {problem.message}")


def _links(raw: list[dict[str, str]]) -> tuple[Link, ...]:
    return tuple(Link(link["title"].strip(), link["url"]) for link in raw)


def _advice(raw: dict[str, Any]) -> Advice:
    serves = tuple(
        Serves(item["category"], item["source"], item.get("match"), item.get("archived"))
        for item in raw["serves"]
    )
    return Advice(
        id=raw["id"],
        title=raw["title"].strip(),
        why=raw["why"].strip(),
        steps=tuple(step.strip() for step in raw["steps"]),
        links=_links(raw["links"]),
        priority=raw["priority"],
        serves=serves,
        letter=raw.get("letter", ""),
    )


def _guidance(raw: dict[str, Any]) -> Guidance:
    points = tuple(point.strip() for point in raw["points"])
    return Guidance(raw["title"].strip(), raw["text"].strip(), points, _links(raw.get("links", [])))

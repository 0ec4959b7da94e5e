"""HTML reports from report_templates/: autoescaped, strict, self-contained, and never loading anything."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from ..advice import Advice, AdviceBook
from ..model import Severity
from ..resources import shipped
from .dates import long_date, long_time
from .groups import GroupView, group_views, totals
from .labels import CATEGORY_LABELS, SEVERITY_LABELS, SEVERITY_MEANINGS, SOURCE_LABELS, STATUS_LABELS
from .letters import person_letters

# Explicit bidirectional embeddings, overrides and isolates: crawled text could use them to make a URL
# or a value read differently on screen from what it is. Natural right-to-left text needs none of them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .view import PersonView, RunView, ValueGroup

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
"""Forbids every remote load and every script: the report is read offline, from disk or a static server.

(No frame-ancestors: browsers ignore it in a <meta> policy and log an error saying so.)
"""

"""Plain names for the sources; the technical name is shown beside them for security staff."""


def _finalize(value: Any) -> Any:
    """Applied to every {{ expression }} before escaping: strips bidi controls from text."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _BIDI_CONTROLS.sub("", value)
    return value


def sentence(text: str) -> str:
    """Text with its first letter in capitals and the rest untouched (Jinja's capitalize lowers it)."""
    return text[:1].upper() + text[1:]


def style_hash(css: str) -> str:
    """The CSP source for exactly this stylesheet, so no other style (injected or not) can apply."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def strict_csp(css: str) -> str:
    """CSP for the person reports and the dashboard: only their own stylesheet, nothing else at all."""
    return CSP.replace("'unsafe-inline'", style_hash(css))


def risk_order(person: PersonView) -> tuple[float, ...]:
    """Sort key, riskiest first: the score's exact ordering, then the worst counts; an incomplete audit
    before a clean one."""
    counts = tuple(-person.counts.get(s.value, 0) for s in Severity)
    return (-person.rank, *counts, 0 if person.incomplete else 1)


def make_environment() -> jinja2.Environment:
    """The one template environment for every HTML output (reports, dashboard, monthly summary)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(shipped("report_templates")),
        # Everything crawled is hostile text: escape always, and fail loudly on a missing variable.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    css = shipped("report_templates/report.css").read_text(encoding="utf-8")
    env.filters.update(long_date=long_date, long_time=long_time, sentence=sentence)
    env.globals.update(
        long_time=long_time,
        csp=strict_csp(css),
        # Our own shipped file, never crawled data: inserted verbatim so the CSP hash matches it.
        stylesheet=Markup(css),  # noqa: S704
        severities=[s.value for s in Severity],
        severity_labels=SEVERITY_LABELS,
        severity_meanings=SEVERITY_MEANINGS,
        category_labels=CATEGORY_LABELS,
        status_labels=STATUS_LABELS,
        source_labels=SOURCE_LABELS,
    )
    return env


@dataclass(frozen=True)
class Renderer:
    """Renders the dashboard and the person reports."""

    env: jinja2.Environment
    advice: AdviceBook

    @classmethod
    def create(cls, advice: AdviceBook) -> Renderer:
        return cls(make_environment(), advice)

    def person(self, run: RunView, person: PersonView, *, single: bool = False) -> str:
        """One person's report; `single`: to be handed to them alone, so no link out to the dashboard."""
        top = self.advice.top_actions(((g.severity, g.advice) for g in person.groups), n=3)
        # Step-by-step advice in the order a reader meets it: the top actions first, then as findings use it.
        used = dict.fromkeys(
            [a.id for a in top]
            + [a for g in person.groups for a in g.advice]
            + [a for f in person.unverified for a in f.advice[:1] if a in self.advice]
        )
        return self.env.get_template("person.html.j2").render(
            run=run,
            person=person,
            top_actions=top,
            advice=self._entries(used),
            letters=person_letters(person, self.advice, used, run.started_at),
            why=self._why,
            has_history=person.awaiting_triage is not None,
            approach_guidance=self.advice.approach_guidance,
            blind_spots=self.advice.blind_spots,
            single=single,
        )

    def index(self, run: RunView, *, format_version: int = 2) -> str:
        """The dashboard: everyone, riskiest first, with the totals and each group's line."""
        people = sorted(run.people, key=risk_order)
        groups = group_views(run.people)  # the same slugs as the group pages written beside it
        return self.env.get_template("index.html.j2").render(
            run=run,
            people=people,
            groups=groups,
            group_slugs={g.name: g.slug for g in groups},
            overall=totals(people),
            has_history=any(p.awaiting_triage is not None for p in people),
            blind_spots=self.advice.blind_spots,
            format_version=format_version,
        )

    def group(self, run: RunView, group: GroupView) -> str:
        """One group's page: its people alone, riskiest first, with their counts."""
        return self.env.get_template("group.html.j2").render(
            run=run,
            group=dataclasses.replace(group, people=tuple(sorted(group.people, key=risk_order))),
            has_history=any(p.awaiting_triage is not None for p in group.people),
            group_slugs={},
        )

    def _entries(self, ids: Iterable[str]) -> dict[str, Advice]:
        return {i: self.advice.get(i) for i in ids}

    def _why(self, group: ValueGroup) -> str:
        """Why this kind of value matters: from the first advice written for its category.

        A group's first advice may be about where it was seen (an archive, a registry); the reader needs
        to know why a home address or a phone number matters, whatever the place.
        """
        entries = [self.advice.get(a) for a in group.advice]
        for entry in entries:
            if any(s.category == group.category and not s.archived for s in entry.serves):
                return entry.why
        return entries[0].why if entries else ""

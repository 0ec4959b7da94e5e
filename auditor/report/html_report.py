"""HTML reports from report_templates/: autoescaped, strict, self-contained, and never loading anything."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from ..advice import Advice, AdviceBook
from ..model import Severity
from ..resources import shipped
from .view import PersonView, RunView

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""Forbids every remote load and every script: the report is read offline, from disk or a static server."""

SEVERITY_LABELS = {
    "critical": "Critical",
    "high": "High",
    "medium": "Medium",
    "low": "Low",
    "info": "For information",
}
CATEGORY_LABELS = {
    "phone": "Phone number",
    "email": "Email address",
    "address": "Home address",
    "date_of_birth": "Date of birth",
    "relative": "Family member",
    "location": "Photo location",
    "messaging_link": "Messaging link",
    "account": "Online account",
    "other": "Personal detail",
}
STATUS_LABELS = {
    "ok": "checked",
    "failed": "not checked (failed)",
    "rate_limited": "not checked (rate-limited)",
    "skipped": "not run",
}


@dataclass(frozen=True)
class Renderer:
    """Renders the dashboard and the person reports."""

    env: jinja2.Environment
    advice: AdviceBook

    @classmethod
    def create(cls, advice: AdviceBook) -> Renderer:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(shipped("report_templates")),
            # Everything crawled is hostile text: escape always, and fail loudly on a missing variable.
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.globals.update(
            csp=CSP,
            severities=[s.value for s in Severity],
            severity_labels=SEVERITY_LABELS,
            category_labels=CATEGORY_LABELS,
            status_labels=STATUS_LABELS,
        )
        return cls(env, advice)

    def person(self, run: RunView, person: PersonView) -> str:
        top = self.advice.top_actions(((g.severity, g.advice) for g in person.groups), n=3)
        used = dict.fromkeys(a for g in person.groups for a in g.advice)
        return self.env.get_template("person.html.j2").render(
            run=run,
            person=person,
            top_actions=top,
            advice=self._entries(used),
            approach_guidance=self.advice.approach_guidance,
            blind_spots=self.advice.blind_spots,
        )

    def index(self, run: RunView) -> str:
        return self.env.get_template("index.html.j2").render(run=run, blind_spots=self.advice.blind_spots)

    def _entries(self, ids: dict[str, None]) -> dict[str, Advice]:
        return {i: self.advice.get(i) for i in ids}

"""The world the month-after-month CLI tests run in: one person's roster, their sample site, and the
real `auditor` CLI run as a user would against it.

Each audit gets a fresh SampleWeb over the same folder, so a rewritten page or `_behaviour.json` (a host
that fails or is slow) takes effect at the next run, as a real site's would.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from commandline import clean_env, run_cli

from auditor.demo.server import BEHAVIOUR_FILE, serving

if TYPE_CHECKING:
    from pathlib import Path

EXIT_INTERNAL = 70  # auditor.cli.EXIT_INTERNAL: stopped on an error; history not updated
EXIT_LOCKED = 75  # auditor.cli.EXIT_LOCKED: another audit holds the lock on the state file

HOST = "pat.example"
PRIVATE_PHONE = "07700 900321"
PRIVATE_EMAIL = "pat.home@mail.example"
PRIVATE_ADDRESS = "14 Quiet Lane, Exampleton EX4 4QQ"
PRIVATE_RELATIVE = "Morwenna Example"
NAMESAKE_PHONE = "07700 900888"  # a discovered mobile on Pat's news page: someone else's

ROSTER = f"""\
version: 1
people:
  - id: pat-example
    name: Pat Example
    role: Councillor for Exampleton North
    websites: ["http://{HOST}/"]
    public:
      phones: ["020 7946 0555"]
    private:
      phones: ["{PRIVATE_PHONE}"]
      emails: ["{PRIVATE_EMAIL}"]
      addresses: ["{PRIVATE_ADDRESS}"]
      relatives: ["{PRIVATE_RELATIVE}"]
"""

HOME = """<html><head><title>Pat Example</title></head><body><h1>Pat Example</h1>
<p>Councillor for Exampleton North.</p>
<a href="contact.html">Contact</a> <a href="about.html">About</a> <a href="news.html">News</a>
</body></html>"""

PHONE_LINE = f"<p>Evenings, ring Pat on {PRIVATE_PHONE}.</p>"
EMAIL_LINE = f"<p>Write to Pat at home: {PRIVATE_EMAIL}</p>"
NAMESAKE_LINE = f"<p>Surgery bookings: call our volunteer Jo on {NAMESAKE_PHONE}.</p>"


def page(title: str, text: str, extra: tuple[str, ...]) -> str:
    return f"<html><body><h1>{title}</h1><p>{text}</p>{''.join(extra)}</body></html>"


def contact(*extra: str) -> str:
    return page("Contact Pat Example", "Office: 020 7946 0555.", extra)


def about(*extra: str) -> str:
    return page("About Pat Example", "Pat grew up in Exampleton.", extra)


def news(*extra: str) -> str:
    return page("News from Pat Example", "New surgery times.", extra)


def section(report: str, heading_id: str) -> str:
    """The report's <section> whose heading has this id ("resolved", "triaged"), or "" if absent."""
    at = report.find(f'id="{heading_id}"')
    if at < 0:
        return ""
    return report[report.rfind("<section", 0, at) : report.index("</section>", at)]


class Site:
    """The sample web's folder: one sub-folder per fictional host, rewritten between runs."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.behave({})

    def page(self, path: str, html: str, host: str = HOST) -> None:
        file = self.root / host / path.lstrip("/")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(html)

    def behave(self, rules: dict[str, dict[str, Any]]) -> None:
        """Hosts that fail ({"status": 500}) or are slow ({"delay": seconds}) from the next run on."""
        (self.root / BEHAVIOUR_FILE).write_text(json.dumps(rules))


def config_text(proxy_url: str) -> str:
    return f"""\
network:
  proxy: "{proxy_url}"
  allow_private: true
  per_host_interval: 0
  timeout: 2
  retries: 1
  backoff: 0.01
  cache: false
crawl: {{max_depth: 2, max_pages: 20}}
sources:
  crawl: {{}}
"""


@dataclass(frozen=True)
class Run:
    """One finished audit: its process, and what it wrote."""

    result: subprocess.CompletedProcess[str]
    data: dict[str, Any]
    report: str
    index: str

    @property
    def person(self) -> dict[str, Any]:
        return dict(self.data["people"][0])

    def finding(self, category: str, match: str = "private") -> dict[str, Any]:
        found = [f for f in self.person["findings"] if (f["category"], f["match"]) == (category, match)]
        assert len(found) == 1, (category, match, self.person["findings"])
        return dict(found[0])

    def has(self, category: str, match: str = "private") -> bool:
        return any((f["category"], f["match"]) == (category, match) for f in self.person["findings"])

    def source(self, name: str) -> dict[str, Any]:
        return dict(next(s for s in self.person["sources"] if s["name"] == name))


class Auditor:
    """The `auditor` CLI run as a user would, with one roster, state file and output folder."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.env = clean_env(tmp)
        self.site = Site(tmp / "web")
        self.roster = tmp / "team.yaml"
        self.roster.write_text(ROSTER)
        self.state = tmp / "state" / "history.sqlite"
        self.out = tmp / "reports"
        self.config = tmp / "config.yaml"

    def cli(self, *args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, env=self.env, timeout=timeout)

    def audit_args(self, *extra: str) -> list[str | Path]:
        return [
            "audit",
            self.roster,
            "--out",
            self.out,
            "--config",
            self.config,
            "--state",
            self.state,
            *extra,
        ]

    def run_audit(self, *extra: str) -> subprocess.CompletedProcess[str]:
        """`auditor audit` against a fresh SampleWeb, so it reads the site's latest _behaviour.json."""
        with serving(self.site.root) as web:
            self.config.write_text(config_text(web.proxy_url))
            return self.cli(*self.audit_args(*extra))

    def audit(self, *extra: str, expect: int = 0) -> Run:
        result = self.run_audit(*extra)
        assert result.returncode == expect, result.stderr
        return Run(
            result,
            json.loads((self.out / "findings.json").read_text()),
            (self.out / "people" / "pat-example.html").read_text(),
            (self.out / "index.html").read_text(),
        )

    def triage(
        self, finding_id: str, decision: str, reason: str, *extra: str
    ) -> subprocess.CompletedProcess[str]:
        return self.cli("triage", finding_id, decision, "--reason", reason, *extra, "--state", self.state)


# --- What changed: new, persisting, resolved, reappeared, and a failed source resolves nothing --------

"""The README's cron line and systemd units, run as cron and systemd would run them (paths swapped for tmp).

README.md's "Running it every month" section shows CRONTAB_LINE, SERVICE_UNIT and TIMER_UNIT verbatim:
change them here and there together (test_the_readme_shows_these_texts checks that it does).
"""

from __future__ import annotations

import datetime as dt
import json
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from history_world import HOME, HOST, PHONE_LINE, ROSTER, Site, config_text, contact

from auditor.demo.server import serving

AUDITOR = "/opt/auditor/.venv/bin/auditor"
TEAM = "/etc/auditor/team.yaml"
CONFIG = "/etc/auditor/config.yaml"
STATE = "/var/lib/auditor/state.sqlite"
OUT = "/var/www/audit"

AUDIT = (
    f"{AUDITOR} audit {TEAM} --config {CONFIG} --state {STATE} --out {OUT} --quiet --strict --fail-on high"
)
SUMMARY = f"{AUDITOR} summary --state {STATE} --month %s --out {OUT} --config {CONFIG} --quiet"

# At 03:17 on the 1st of each month. In a crontab, % starts the command's stdin unless escaped as \%.
# The month is UTC (date -u), as history's months are.
CRONTAB_LINE = "17 3 1 * * " + AUDIT + "; " + SUMMARY % '"$(date -u +\\%Y-\\%m)"'
# In a unit file, %% is a literal % and $$ a literal $.
SYSTEMD_SUMMARY = SUMMARY % '"$$(date -u +%%Y-%%m)"'

SERVICE_UNIT = f"""\
[Unit]
Description=Monthly exposure audit and summary (auditor)
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
User=auditor
Group=auditor
StateDirectory=auditor
ExecStart={AUDIT}
# After the audit whatever its exit code (1: findings to triage, 3: a source failed), like cron's ";".
ExecStopPost=/bin/sh -c 'exec {SYSTEMD_SUMMARY}'
"""

TIMER_UNIT = """\
[Unit]
Description=Monthly exposure audit (auditor)

[Timer]
OnCalendar=*-*-01 03:17:00
Persistent=true

[Install]
WantedBy=timers.target
"""

EXIT_FINDINGS, EXIT_INCOMPLETE = 1, 3


class Host:
    """The production paths of the texts above, mapped into a tmp folder, and cron's environment."""

    def __init__(self, tmp: Path, proxy_url: str) -> None:
        self.tmp = tmp
        auditor = Path(sys.executable).with_name("auditor")
        assert auditor.is_file(), "the auditor console script is not installed in this environment"
        self.paths = {
            AUDITOR: auditor,
            TEAM: tmp / "etc" / "team.yaml",
            CONFIG: tmp / "etc" / "config.yaml",
            STATE: tmp / "var" / "lib" / "auditor" / "state.sqlite",
            OUT: tmp / "var" / "www" / "audit",
        }
        self.paths[TEAM].parent.mkdir(parents=True)
        self.paths[TEAM].write_text(ROSTER)
        self.paths[CONFIG].write_text(config_text(proxy_url))
        (tmp / "home").mkdir()
        # What cron gives a job (no TTY, no terminal variables): the key file beside the state file
        # stands in for $AUDITOR_HASH_KEY, which a crontab line should not hold.
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp / "home"),
            "LOGNAME": "auditor",
            "SHELL": "/bin/sh",
        }

    def local(self, text: str) -> str:
        for production in sorted(self.paths, key=len, reverse=True):
            text = text.replace(production, str(self.paths[production]))
        return text

    def run(self, argv: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.tmp,
            start_new_session=True,  # no controlling terminal, as under cron
            timeout=60,
            check=False,
        )

    def sh(self, command: str) -> subprocess.CompletedProcess[str]:
        return self.run(["/bin/sh", "-c", self.local(command)])

    def cron(self, line: str) -> subprocess.CompletedProcess[str]:
        """Run a crontab line's command the way cron does: `\\%` becomes %, then `/bin/sh -c`."""
        command = line.split(None, 5)[5]
        assert "%" not in command.replace("\\%", ""), "an unescaped % in a crontab line cuts the command"
        return self.sh(command.replace("\\%", "%"))

    def systemd(self, unit: str, key: str) -> subprocess.CompletedProcess[str]:
        """Run a unit's Exec line as systemd would: %% and $$ unescaped, words split, no shell."""
        (line,) = [x for x in unit.splitlines() if x.startswith(f"{key}=")]
        command = line.partition("=")[2].replace("%%", "%").replace("$$", "$")
        return self.run(shlex.split(self.local(command)))

    @property
    def out(self) -> Path:
        return self.paths[OUT]

    @property
    def state(self) -> Path:
        return self.paths[STATE]


def this_month() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m")


def timestamped(stderr: str) -> list[str]:
    """stderr's lines, each checked to start with an ISO-8601 timestamp with a UTC offset."""
    lines = stderr.splitlines()
    for line in lines:
        stamp = dt.datetime.fromisoformat(line.split(" ", 1)[0])
        assert stamp.tzinfo is not None, line
        assert abs(dt.datetime.now(dt.UTC) - stamp) < dt.timedelta(minutes=10), line
    return lines


@pytest.fixture
def site(tmp_path: Path) -> Site:
    site = Site(tmp_path / "web")
    site.page("/index.html", HOME)
    site.page("/contact.html", contact())  # the office number only: nothing to report
    return site


def test_the_crontab_line_prints_nothing_when_all_is_well(tmp_path: Path, site: Site) -> None:
    with serving(site.root) as web:
        host = Host(tmp_path / "host", web.proxy_url)
        month = this_month()
        result = host.cron(CRONTAB_LINE)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    for name in ("index.html", "findings.json", "people/pat-example.html", f"summary-{month}.html"):
        assert (host.out / name).is_file(), name
    assert f'"month": "{month}"' in (host.out / f"summary-{month}.json").read_text()
    # The key the history is hashed with was made beside the state file, private like the state itself.
    key = host.state.with_name(host.state.name + ".key")
    for private in (key, host.state):
        assert stat.S_IMODE(private.stat().st_mode) == 0o600, private


def test_a_failed_source_is_reported_on_stderr_with_timestamps_and_exit_3(tmp_path: Path, site: Site) -> None:
    site.behave({HOST: {"status": 500}})
    with serving(site.root) as web:
        host = Host(tmp_path / "host", web.proxy_url)
        audit = host.sh(AUDIT)
        summary = host.sh(SUMMARY % this_month())
    assert audit.returncode == EXIT_INCOMPLETE, audit.stderr
    assert audit.stdout == ""
    lines = timestamped(audit.stderr)
    assert any(" WARNING " in x and "pat-example: source crawl failed" in x for x in lines), lines
    assert (summary.returncode, summary.stdout, summary.stderr) == (0, "", "")
    assert '"name": "crawl"' in (host.out / f"summary-{this_month()}.json").read_text()


def test_a_finding_at_fail_on_exits_1_and_says_so_until_triaged(tmp_path: Path, site: Site) -> None:
    site.page("/contact.html", contact(PHONE_LINE))
    with serving(site.root) as web:
        host = Host(tmp_path / "host", web.proxy_url)
        found = host.sh(AUDIT)
        assert found.returncode == EXIT_FINDINGS, found.stderr
        (line,) = timestamped(found.stderr)
        assert "1 finding(s) at or above high not triaged away: see " in line
        assert str(host.out / "index.html") in line
        phone = next(f["id"] for f in _findings(host) if (f["category"], f["match"]) == ("phone", "private"))
        triage = f"{AUDITOR} triage {phone} accepted --reason 'kept on purpose' --state {STATE}"
        assert host.sh(triage).returncode == 0
        again = host.sh(AUDIT)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")


def test_the_systemd_units_run_the_audit_then_the_summary(tmp_path: Path, site: Site) -> None:
    with serving(site.root) as web:
        host = Host(tmp_path / "host", web.proxy_url)
        audit = host.systemd(SERVICE_UNIT, "ExecStart")
        summary = host.systemd(SERVICE_UNIT, "ExecStopPost")
    assert (audit.returncode, audit.stdout, audit.stderr) == (0, "", "")
    assert (summary.returncode, summary.stdout, summary.stderr) == (0, "", "")
    assert (host.out / f"summary-{this_month()}.html").is_file()
    assert "OnCalendar=*-*-01 03:17:00" in TIMER_UNIT  # the same minute as the crontab line
    assert CRONTAB_LINE.startswith("17 3 1 * * ")


def test_the_readme_shows_these_texts() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    for text in (CRONTAB_LINE, SERVICE_UNIT, TIMER_UNIT):
        assert text.strip() in readme, f"README.md's cron section must show, verbatim:\n{text}"


def _findings(host: Host) -> list[dict[str, str]]:
    data = json.loads((host.out / "findings.json").read_text())
    return list(data["people"][0]["findings"])

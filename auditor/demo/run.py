"""`auditor demo`: serve the sample web on 127.0.0.1 and audit the example roster against it."""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..audit import NoProgress
from ..config import Config, CrawlSettings, NetworkSettings
from ..keys import load_key
from ..profiles import load_roster
from ..progress import make_progress
from ..resources import shipped
from ..sealing import seal_roster
from .server import serving

if TYPE_CHECKING:
    from ..model import AuditRun

_CATALOGUES = Path(__file__).resolve().parent / "catalogues"

# Every source, pointed at its look-alike in the sample web (the real services' paths and shapes).
DEMO_SOURCES: dict[str, dict[str, Any]] = {
    "crawl": {},
    "wayback": {"base_url": "http://archive.test", "max_snapshots": 20},
    "rdap": {"base_url": "http://rdap.test"},
    "usernames": {"catalogue": str(_CATALOGUES / "usernames-demo.yaml")},
    "github": {"base_url": "http://api.github.test"},
    "gravatar": {"base_url": "http://api.gravatar.test"},
    "keyserver": {"base_url": "http://keys.openpgp.test"},
    "people_search": {"catalogue": str(_CATALOGUES / "people-search-demo.yaml")},
    "companies_house": {"base_url": "http://api.companieshouse.test"},
    "hibp": {"base_url": "http://api.hibp.test"},
    "web_search": {"engine": "searxng", "base_url": "http://search.test"},
    "social": {"bluesky": {"base_url": "http://bsky.test"}, "mastodon": {"scheme": "http"}},
}

MEMBERS_API = "http://members-api.test"
"""The sample web's look-alike of https://members-api.parliament.uk (two fictional MPs)."""

# Fictional keys, only ever sent to the sample web's look-alikes: they switch the keyed sources on.
DEMO_ENVIRON = {"COMPANIES_HOUSE_API_KEY": "demo-companies-house-key", "HIBP_API_KEY": "demo-hibp-key"}


def demo_config(proxy_url: str, cache: Path) -> Config:
    """The demo's settings: the sample web is the proxy, and it is on loopback, so the guard allows it."""
    network = NetworkSettings(
        proxy=proxy_url,
        allow_private=True,
        per_host_interval=0.05,
        timeout=5.0,
        retries=1,
        backoff=0.05,
        cache=cache,
    )
    return Config(network=network, crawl=CrawlSettings(max_depth=3, max_pages=50), sources=DEMO_SOURCES)


def run_demo(*, out: Path, reveal: bool, quiet: bool) -> int:
    """Audit profiles/example.yaml against the bundled sample web and say where the report is."""
    from ..fetch import Fetcher
    from ..rosters.run import import_parliament
    from ..workflow import audit_with_history

    people = load_roster([shipped("profiles/example.yaml")])
    with tempfile.TemporaryDirectory(prefix="auditor-demo-") as tmp, serving() as web:
        config = demo_config(web.proxy_url, Path(tmp) / "http-cache.sqlite")
        progress = NoProgress() if quiet else make_progress()
        # A throwaway key: the demo keeps no history, so its fingerprints need not outlive it.
        key = load_key(Path(tmp) / "demo.key")
        outcome = audit_with_history(
            people,
            config,
            out=out,
            key=key,
            reveal=reveal,
            progress=progress,
            environ=DEMO_ENVIRON,
            state=None,  # the demo keeps no history
        )
        run = outcome.run
        # The same roster sealed: only keyed hashes and masks of the private values, audited again.
        sealed_roster = Path(tmp) / "example-sealed.yaml"
        seal_roster(shipped("profiles/example.yaml"), sealed_roster, key)
        sealed_run = audit_with_history(
            load_roster([sealed_roster]),
            config,
            out=out / "sealed",
            key=key,
            reveal=reveal,
            progress=NoProgress(),
            environ=DEMO_ENVIRON,
            state=None,
        ).run
        # A month of cron, for Jane: a first audit with history, then one where RDAP fails. What RDAP
        # found last time is carried forward as unverified, never dropped without a word.
        state = Path(tmp) / "state.sqlite"
        monthly = out / "monthly"
        for name, sources in (("first", DEMO_SOURCES), ("second", {**DEMO_SOURCES, "rdap": FAILING_RDAP})):
            audit_with_history(
                people[:1],
                dataclasses.replace(config, sources=sources),
                out=monthly / name,
                key=key,
                reveal=reveal,
                progress=NoProgress(),
                environ=DEMO_ENVIRON,
                state=state,
            )
        carried = _unverified(monthly / "second" / "findings.json")
        # A roster started from Parliament's own data, through a look-alike of its Members API.
        with Fetcher(config.network) as fetcher:
            imported = import_parliament(
                fetcher, out / "imported-roster.yaml", "commons", base_url=MEMBERS_API
            )
    plain_seen, sealed_seen = _sightings(run), _sightings(sealed_run)
    # What a sealed roster cannot do is send a private value: an email to a look-up service, a home
    # town to a people-search site. Everything else must be found alike, and nothing found that was not.
    unsent = {f for f in plain_seen - sealed_seen if f[4] in SENDS_PRIVATE_VALUES}
    same = sealed_seen <= plain_seen and plain_seen - sealed_seen == unsent
    if not quiet:
        print(f"Audited {len(run.people)} fictional people against the sample web.", file=sys.stderr)
        print(f"Dashboard: {(out / 'index.html').resolve()}")
        for audit in run.people:
            print(f"  {audit.person.name}: {(out / 'people' / f'{audit.person.id}.html').resolve()}")
        print(f"Findings:  {(out / 'findings.json').resolve()}")
        print(f"Sealed:    {(out / 'sealed' / 'index.html').resolve()}")
        if same:
            print(
                "  The same roster sealed by `auditor seal` (keyed hashes and masks only): "
                f"{len(sealed_seen)} "
                f"of the {len(plain_seen)} findings, the same on every page read. The other {len(unsent)} "
                "came from look-ups that send a private value (an email to hibp, gravatar or keyserver, a "
                "home town to a people-search site), which a sealed roster never makes.",
                file=sys.stderr,
            )
        else:
            print("  The sealed roster's findings DIFFER from the plain one's: a bug, please report it.")
        print(
            f"Monthly:   {(monthly / 'second' / 'index.html').resolve()}: Jane audited twice with history; "
            f"in the second run RDAP fails, and the {carried} finding(s) it had found are carried forward "
            "as unverified, not dropped.",
            file=sys.stderr,
        )
        print(
            f"Imported:  {(out / 'imported-roster.yaml').resolve()}: {imported.people} MPs from a look-alike "
            "of Parliament's Members API (`auditor roster import parliament`), public data only, private "
            "fields left for the security team.",
            file=sys.stderr,
        )
        print(
            "(Alex Morgan's website answers with server errors on purpose: see how a source that could "
            "not be checked is reported as not checked, never as clear.)",
            file=sys.stderr,
        )
    return 0 if same else 1


FAILING_RDAP = {"base_url": "http://alexmorgan.example"}
"""The demo's second monthly run points RDAP at a host of the sample web that answers every request 500."""


def _unverified(findings_json: Path) -> int:
    data = json.loads(findings_json.read_text(encoding="utf-8"))
    return sum(f["status"] == "unverified" for p in data["people"] for f in p["findings"])


SENDS_PRIVATE_VALUES = frozenset({"hibp", "gravatar", "keyserver", "people_search"})
"""Sources that send a private value to look it up (people_search: a home town in its query)."""


def _sightings(run: AuditRun) -> set[tuple[str, str, str, str, str, str]]:
    """Each finding as what it says (not its key: a sealed address is keyed by its hash)."""
    return {
        (a.person.id, f.category.value, f.match.value, f.severity.value, f.source, f.url)
        for a in run.people
        for f in a.findings
    }

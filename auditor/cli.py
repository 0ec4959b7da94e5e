"""The command line: parses arguments, runs a command, and turns its outcome into an exit code.

The only module that prints results or exits; everything it calls returns values or raises AuditorError.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import AuditorError, InputError, LockedError, StateWriteError, UsageError
from .keys import KEY_ENV, load_key
from .model import Severity
from .paths import default_key_file, default_state, key_file_for, lock_file_for

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .config import Config
    from .model import Person

# The pipeline is imported by the commands that run it, not here: `auditor --help`, `validate` and
# the tests' many subprocesses should not pay for loading every source and parser.

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INCOMPLETE = 3
EXIT_UNDELIVERED = 4
"""An alert (notify:) could not be delivered after its retries, under --strict. The outputs are written."""
EXIT_INTERNAL = 70
"""The run stopped on an unexpected error (sysexits EX_SOFTWARE); not 1, which means findings."""
EXIT_STATE_WRITE = 74
"""The state file could not be written, a full disk most often (sysexits EX_IOERR). Not 2: the input
was fine. The run is not recorded, and its reports are not put in place, so the two still agree."""
EXIT_LOCKED = 75
"""Another audit holds the lock on the state file (sysexits EX_TEMPFAIL: try again later). Not 2: the
input is fine and nothing is wrong with it, so a cron job or timer can tell "still running" apart."""

EXIT_CODES = (
    "exit codes: 0 done; 1 a finding not triaged away is at or above --fail-on; 2 bad input (roster, "
    "config, usage): nothing was fetched; 3 a source failed, under --strict; 4 an alert could not be "
    "delivered, under --strict (checked first; the reports are written); 70 stopped on an "
    "unexpected error (the history is not updated); 74 the state file could not be written (a full disk?): "
    "the run is not recorded and the previous reports stay; 75 another audit, triage or prune is using the "
    "same state file: try again later"
)

log = logging.getLogger("auditor")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="auditor",
        description="Audit what public sources reveal about people at risk of targeted social engineering.",
    )
    parser.add_argument("--version", action="version", version=f"auditor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    audit = sub.add_parser(
        "audit", help="audit the people on one or more rosters and write reports", epilog=EXIT_CODES
    )
    audit.add_argument("rosters", nargs="+", type=Path, metavar="ROSTER", help="roster YAML file(s)")
    audit.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the reports")
    audit.add_argument("--config", type=Path, metavar="FILE", help="configuration YAML (optional)")
    _state(audit, help_extra=" (history: what is new, persisting, reappeared or resolved)")
    audit.add_argument("--no-history", action="store_true", help="keep no history for this run")
    audit.add_argument(
        "--only", action="append", default=[], metavar="ID", help="audit only this person (repeatable)"
    )
    audit.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        metavar="SEVERITY",
        help="exit 1 when a finding not triaged away is at or above this severity (critical ... info)",
    )
    audit.add_argument("--reveal", action="store_true", help="show private values unmasked in the outputs")
    audit.add_argument(
        "--single",
        action="store_true",
        help="write each person's report to stand alone, to hand to that person: no link to the dashboard",
    )
    audit.add_argument(
        "--format-version",
        type=int,
        choices=(1, 2),
        default=2,
        help="findings.json's schema_version: 2 (default) or 1, for tools that parse the old shape",
    )
    audit.add_argument(
        "--strict", action="store_true", help="exit 3 when any source failed (incomplete audit)"
    )
    _quiet(audit)

    validate = sub.add_parser("validate", help="check rosters and print every problem; fetches nothing")
    validate.add_argument("rosters", nargs="+", type=Path, metavar="ROSTER")
    validate.add_argument("--config", type=Path, metavar="FILE", help="also check this configuration")
    _quiet(validate)

    seal = sub.add_parser(
        "seal",
        help="write the roster with every private value sealed (keyed hashes and masks), for audits to use",
    )
    seal.add_argument("roster", type=Path, metavar="ROSTER", help="the plain roster")
    seal.add_argument("--out", required=True, type=Path, metavar="FILE", help="the sealed roster to write")
    _state(seal, help_extra=" (its key seals the values: audit with the same --state)")
    _quiet(seal)

    sources = sub.add_parser("sources", help="list each source, on or off, and why")
    sources.add_argument("--config", type=Path, metavar="FILE")

    demo = sub.add_parser(
        "demo", help="serve the bundled sample web on 127.0.0.1 and audit the example roster"
    )
    demo.add_argument("--out", type=Path, default=Path("reports"), metavar="DIR", help="default: ./reports")
    demo.add_argument("--reveal", action="store_true", help="show the fictional private values unmasked")
    _quiet(demo)

    triage = sub.add_parser("triage", help="record a decision about a finding (kept across runs)")
    triage.add_argument("finding_id", metavar="FINDING_ID", help="the finding's `id` in findings.json")
    triage.add_argument(
        "decision",
        choices=["accepted", "not-me", "fixed"],
        help="accepted risk; not this person (a namesake); fixed (removal requested: re-checked next run)",
    )
    triage.add_argument("--reason", required=True, metavar="TEXT", help="why (kept in the history)")
    triage.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="accepted: until this date")
    triage.add_argument(
        "--roster",
        type=Path,
        action="append",
        default=[],
        metavar="ROSTER",
        help="mask the person's private values in the reason before it is stored (give the audit's roster)",
    )
    _state(triage)

    summary = sub.add_parser("summary", help="write summary-YYYY-MM.html and .json from the history alone")
    _state(summary)
    summary.add_argument("--month", required=True, metavar="YYYY-MM")
    summary.add_argument("--out", required=True, type=Path, metavar="DIR")
    summary.add_argument(
        "--config", type=Path, metavar="FILE", help="send the summary as its notify: block says (optional)"
    )
    summary.add_argument(
        "--strict",
        action="store_true",
        help="exit 4 when the summary could not be sent (it is still written)",
    )
    _quiet(summary)

    evidence = sub.add_parser(
        "evidence",
        help="write a finding's evidence (when fetched, HTTP status, SHA-256, snippet) as a masked text file",
    )
    evidence.add_argument("finding_id", metavar="FINDING_ID", help="the finding's `id` in findings.json")
    evidence.add_argument("--out", required=True, type=Path, metavar="DIR", help="the folder to write it in")
    _state(evidence)
    _quiet(evidence)

    prune = sub.add_parser("prune", help="remove runs older than a date, and findings only they held")
    _state(prune)
    prune.add_argument("--before", required=True, type=_date, metavar="YYYY-MM-DD")
    _quiet(prune)

    roster = sub.add_parser("roster", help="build or refresh a roster from data others keep")
    roster_sub = roster.add_subparsers(dest="roster_command", required=True, metavar="ACTION")
    importing = roster_sub.add_parser("import", help="import people into a roster file (merged if it exists)")
    origin = importing.add_subparsers(dest="origin", required=True, metavar="FROM")
    parliament = origin.add_parser("parliament", help="current members from Parliament's Members API")
    parliament.add_argument("--house", choices=("commons", "lords"), default="commons")
    parliament.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the roster to write or merge into"
    )
    parliament.add_argument(
        "--base-url",
        default="https://members-api.parliament.uk",
        metavar="URL",
        help="the Members API (for tests)",
    )
    parliament.add_argument("--config", type=Path, metavar="FILE", help="network settings (proxy, timeouts)")
    _quiet(parliament)
    from_csv = origin.add_parser(
        "csv", help="people from an HR export: a CSV with a header row of roster fields"
    )
    from_csv.add_argument(
        "csv", type=Path, metavar="FILE", help="the CSV (UTF-8; several values in a cell: a;b)"
    )
    from_csv.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the roster to write (new file)"
    )
    _quiet(from_csv)

    catalogue = sub.add_parser("catalogue", help="site catalogues for the usernames source")
    catalogue_sub = catalogue.add_subparsers(dest="catalogue_command", required=True, metavar="ACTION")
    check = catalogue_sub.add_parser(
        "check", help="verify every site's rules against its known claimed and unclaimed usernames"
    )
    check.add_argument("--catalogue", metavar="PATH", help="default: the usernames source's catalogue")
    check.add_argument("--config", type=Path, metavar="FILE")
    return parser


def _quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing unless something is wrong")


def _state(parser: argparse.ArgumentParser, help_extra: str = "") -> None:

    parser.add_argument(
        "--state",
        type=Path,
        metavar="FILE",
        help=f"history file, default {default_state()}{help_extra}",
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from e


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `auditor` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    _configure_logging(getattr(args, "quiet", False))
    commands = {
        "audit": _cmd_audit,
        "validate": _cmd_validate,
        "seal": _cmd_seal,
        "sources": _cmd_sources,
        "demo": _cmd_demo,
        "triage": _cmd_triage,
        "summary": _cmd_summary,
        "prune": _cmd_prune,
        "evidence": _cmd_evidence,
        "catalogue": _cmd_catalogue,
        "roster": _cmd_roster,
    }
    try:
        return commands[args.command](args)
    except InputError as e:
        print(f"auditor: {len(e.problems)} problem(s) found; nothing was fetched.", file=sys.stderr)
        for problem in e.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except LockedError as e:
        log.error("%s", e)
        return EXIT_LOCKED
    except StateWriteError as e:
        log.error("%s; this run was not recorded and the previous reports were left as they were", e)
        return EXIT_STATE_WRITE
    except AuditorError as e:
        print(f"auditor: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("auditor: interrupted; the previous reports were left as they were", file=sys.stderr)
        return 130
    except OSError as e:
        # A full disk, an unwritable --out: the user's to fix, so one line rather than a traceback.
        log.error("stopped: %s", e)
        return EXIT_INTERNAL
    except Exception:
        # Python's own exit status for a traceback is 1, which would read as "findings" to cron.
        log.exception("stopped on an unexpected error (a bug: please report it with this traceback)")
        return EXIT_INTERNAL


class _AsDebug(logging.Filter):
    """Lowers a library's warnings to debug messages, shown only when the log shows debug ones.

    On the handler, not the logger: a logger's filters miss what its children ("pypdf._reader") log."""

    def __init__(self, threshold: int) -> None:
        super().__init__()
        self.threshold = threshold

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return self.threshold <= logging.DEBUG


def _configure_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%dT%H:%M:%S%z")
    )
    handler.setLevel(logging.WARNING if quiet else logging.INFO)
    root = logging.getLogger("auditor")
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else logging.INFO)
    root.propagate = False
    # These libraries log full URLs (query strings, look-up addresses) at DEBUG: never let them through.
    for noisy in ("urllib3", "requests_cache"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # What parsers say about hostile pages ("invalid PDF object", "looks like a URL, not markup") is the
    # page's problem, not the operator's: into the log at debug level, so cron mails stay empty.
    logging.captureWarnings(True)
    libraries = logging.StreamHandler(sys.stderr)
    libraries.setFormatter(handler.formatter)
    libraries.addFilter(_AsDebug(handler.level))
    for library in ("py.warnings", "pypdf", "PIL", "bs4"):
        logger = logging.getLogger(library)
        logger.handlers[:] = [libraries]
        logger.propagate = False


def load_config_file(path: Path | None, *, alerting: bool = False) -> Config:
    """The config file (None: the defaults), validated against every source's options. `alerting`: the
    command may send alerts, so the environment variables `notify:` names must be set."""
    from .config import load_config
    from .sources import option_schemas

    return load_config(path, option_schemas(), os.environ if alerting else None)


def load_inputs(
    rosters: Sequence[Path], config_path: Path | None, *, alerting: bool = False
) -> tuple[list[Person], Config]:
    """Roster and config, both validated in full before anything is fetched."""
    from .config import Config
    from .profiles import load_roster

    problems = []
    people: list[Person] = []
    config = Config()
    try:
        people = load_roster(rosters)
    except InputError as e:
        problems.extend(e.problems)
    try:
        config = load_config_file(config_path, alerting=alerting)
    except InputError as e:
        problems.extend(e.problems)
    if problems:
        raise InputError(problems)
    return people, config


def select_people(people: list[Person], only: Sequence[str]) -> list[Person]:
    if not only:
        return people
    known = {p.id for p in people}
    unknown = [i for i in only if i not in known]
    if unknown:
        raise UsageError(f"--only names no one on the roster: {', '.join(unknown)}")
    return [p for p in people if p.id in set(only)]


def _cmd_audit(args: argparse.Namespace) -> int:
    from .audit import NoProgress
    from .progress import make_progress
    from .sealing import check_key, is_unsealed
    from .workflow import audit_with_history

    people, config = load_inputs(args.rosters, args.config, alerting=True)
    people = select_people(people, args.only)
    state = None if args.no_history else (args.state or default_state())
    key_path = key_file_for(state) if state else default_key_file()
    key = load_key(key_path)
    check_key(people, key, f"${KEY_ENV}" if os.environ.get(KEY_ENV, "").strip() else str(key_path))
    if is_unsealed(people) and not args.quiet:
        # Not under --quiet: a monthly cron job would mail the same line every month.
        log.warning("the roster holds private values in plain text: `auditor seal` keeps only keyed hashes")
    outcome = audit_with_history(
        people,
        config,
        out=args.out,
        key=key,
        reveal=args.reveal,
        progress=NoProgress() if args.quiet else make_progress(),
        environ=os.environ,
        state=state,
        inputs=args.rosters,
        format_version=args.format_version,
        single=args.single,
    )
    log.info("wrote %s", outcome.paths.index)
    if args.reveal:
        # These files now need the care the roster gets (not said under --quiet: nothing is wrong).
        log.info("--reveal: the reports in %s hold private values unmasked (written 0600)", args.out)
    if args.strict and outcome.undelivered:
        # First: the findings (exit 1) are in the reports, but nobody was told of them.
        log.error(
            "%d alert channel(s) could not be reached: see the messages above", len(outcome.undelivered)
        )
        return EXIT_UNDELIVERED
    if args.fail_on:
        threshold = Severity(args.fail_on)
        over = [f for a in outcome.run.people for f in outcome.counted(a) if f.severity.at_least(threshold)]
        if over:
            # A warning, not silence: under --quiet it is what a cron job mails to say why it "failed".
            log.warning(
                "%d finding(s) at or above %s not triaged away: see %s",
                len(over),
                threshold.value,
                outcome.paths.index,
            )
            return EXIT_FINDINGS
    if args.strict and any(a.incomplete for a in outcome.run.people):
        return EXIT_INCOMPLETE
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    people, _ = load_inputs(args.rosters, args.config)
    if not args.quiet:
        files = ", ".join(str(r) for r in args.rosters)
        print(f"{files}: {len(people)} people, no problems found")
    return EXIT_OK


def _cmd_seal(args: argparse.Namespace) -> int:
    from .sealing import seal_roster

    state = args.state or default_state()
    key_path = key_file_for(state)
    done = seal_roster(args.roster, args.out, load_key(key_path))
    if not args.quiet:
        where = f"${KEY_ENV}" if os.environ.get(KEY_ENV, "").strip() else str(key_path)
        print(
            f"sealed {done.values} private value(s) of {done.people} people into {args.out} (mode 0600).\n"
            f"The key is {where}: audits of {args.out} need it (keep it off the backups that hold the "
            "roster)"
            + ("" if where.startswith("$") else "; audit with the same --state, or set $AUDITOR_HASH_KEY")
            + ".\n"
            f"Now remove the plain roster and every copy of it:\n"
            f"  shred -u {shlex.quote(str(args.roster))}    # on SSDs and copy-on-write file systems shred "
            "cannot reach every old block:\n"
            f"  rm -f {shlex.quote(str(args.roster))}       # delete it, then its backups, editor swap files "
            "and synced copies"
        )
    return EXIT_OK


def _cmd_sources(args: argparse.Namespace) -> int:
    from .fetch import Fetcher
    from .sources import SourceContext, build_sources

    config = load_config_file(args.config)
    # Building sources fetches nothing: constructors only read options and the environment.
    with Fetcher(config.network) as fetcher:
        _, states = build_sources(SourceContext(fetcher=fetcher, config=config, environ=os.environ))
    width = max(len(s.name) for s in states)
    for state in states:
        flag = "on " if state.enabled else "off"
        print(f"{state.name:<{width}}  {flag}  {state.description}")
        print(f"{'':<{width}}       {state.reason}")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from .demo.run import run_demo

    return run_demo(out=args.out, reveal=args.reveal, quiet=args.quiet)


def _cmd_triage(args: argparse.Namespace) -> int:
    from .history import HistoryStore, decide
    from .lock import run_lock

    if args.until and args.decision != "accepted":
        raise UsageError("--until goes with 'accepted' only (an accepted risk is re-examined after it)")
    from .profiles import load_roster
    from .scrub import scrub, scrub_sealed
    from .seal import Sealer

    people = {p.id: p for p in load_roster(args.roster)} if args.roster else {}
    masked: list[str] = []
    state = _existing_state(args.state or default_state())
    key = load_key(key_file_for(state), create=False)

    def scrub_reason(person_id: str, reason: str) -> str:
        # Against the roster now, not at the person's next audit: the state file never holds it plain.
        # A sealed roster's words are found by hashing the reason's own with the state's key.
        person = people.get(person_id)
        clean = reason
        if person is not None:
            clean = scrub(reason, person)
            clean = scrub_sealed(clean, person, Sealer(key)) if person.sealed else clean
        if clean != reason:
            masked.append(clean)
        return clean

    with (
        run_lock(lock_file_for(state, state.parent)),
        HistoryStore.open(state, key) as store,
    ):
        decision = decide(
            store, args.finding_id, args.decision, args.reason, args.until, scrub_reason=scrub_reason
        )
    until = f" until {decision.until}" if decision.until else ""
    print(f"{decision.finding_id}: {decision.decision}{until} ({decision.person_id}, {decision.category})")
    if masked:
        print(
            f"the reason held one of {decision.person_id}'s private values; it was stored masked: {masked[0]}"
        )
    return EXIT_OK


def _cmd_summary(args: argparse.Namespace) -> int:
    from .history import HistoryStore, month_summary
    from .report.summary_report import write_summary

    config = load_config_file(args.config, alerting=True)
    state = _existing_state(args.state or default_state())
    with HistoryStore.open(state, load_key(key_file_for(state), create=False)) as store:
        summary = month_summary(store, args.month)
    html, data = write_summary(summary, args.out)
    if not args.quiet:
        print(html)
        print(data)
    if config.notify is None:
        return EXIT_OK
    from .notify import alert_summary

    sent = alert_summary(summary, config.notify, out=args.out, environ=os.environ)
    return EXIT_UNDELIVERED if args.strict and any(not d.delivered for d in sent) else EXIT_OK


def _cmd_evidence(args: argparse.Namespace) -> int:
    from .history import HistoryStore, evidence_record
    from .paths import write_private
    from .report.evidence_text import evidence_file_name, render_evidence

    state = _existing_state(args.state or default_state())
    with HistoryStore.open(state, load_key(key_file_for(state), create=False)) as store:
        record = evidence_record(store, args.finding_id)
    written = dt.datetime.now(dt.UTC).date()
    path = args.out / evidence_file_name(record, written)
    write_private(path, render_evidence(record, written))
    if not args.quiet:
        print(path)
    return EXIT_OK


def _cmd_prune(args: argparse.Namespace) -> int:
    from .history import HistoryStore, prune
    from .lock import run_lock

    state = _existing_state(args.state or default_state())
    with (
        run_lock(lock_file_for(state, state.parent)),
        HistoryStore.open(state, load_key(key_file_for(state), create=False)) as store,
    ):
        result = prune(store, args.before)
    if not args.quiet:
        print(
            f"removed {result.runs} runs, {result.findings} findings and {result.decisions} decisions "
            f"from before {args.before}; {result.runs_kept} runs kept"
        )
    return EXIT_OK


def _existing_state(state: Path) -> Path:
    if not state.is_file():
        raise UsageError(f"no history at {state}: run `auditor audit --state {state} ...` first")
    return state


def _cmd_catalogue(args: argparse.Namespace) -> int:
    from .catalogue import BUILTIN, Kind, check_catalogue, format_checks, load_catalogue
    from .catalogue.selfcheck import CheckStatus
    from .fetch import Fetcher

    config = load_config_file(args.config)
    spec = args.catalogue or str(((config.sources or {}).get("usernames") or {}).get("catalogue", BUILTIN))
    base = config.path.absolute().parent if config.path and not args.catalogue else Path.cwd()
    catalogue = load_catalogue(spec, kind=Kind.USERNAMES, base=base)
    with Fetcher(config.network) as fetcher:
        checks = check_catalogue(catalogue, fetcher, concurrency=config.network.concurrency)
    for line in format_checks(checks, catalogue):
        print(line)
    # For cron: a stale rule is a problem to act on, like a finding.
    return EXIT_FINDINGS if any(c.status is CheckStatus.STALE for c in checks) else EXIT_OK


def _cmd_roster(args: argparse.Namespace) -> int:
    from .fetch import Fetcher
    from .rosters.run import import_csv, import_parliament

    if args.origin == "csv":
        done = import_csv(args.csv, args.out)
        if not args.quiet:
            print(f"{args.out}: {done.people} people from {args.csv} (mode 0600), with their private values:")
            print(
                f"seal it (`auditor seal {shlex.quote(str(args.out))} --out ...`) and delete the CSV export."
            )
        return EXIT_OK
    config = load_config_file(args.config)

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"auditor: {message}", file=sys.stderr)

    with Fetcher(config.network) as fetcher:
        done = import_parliament(fetcher, args.out, args.house, base_url=args.base_url, progress=progress)
    if not args.quiet:
        print(f"{args.out}: {done.people} people; {len(done.joined)} joined, {len(done.left)} left, "
              f"{done.updated} refreshed (mode 0600)")  # fmt: skip
        for name in done.joined:
            print(f"  joined: {name}")
        for name in done.left:
            print(f"  left:   {name} (kept, with their private values: remove them when no longer at risk)")
        if done.joined:
            print(
                "Fill in the new people's private values (or seal the roster), then run `auditor validate`."
            )
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

"""The command line: parses arguments, runs the pipeline, writes outputs. The only place that exits."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from . import __version__
from .advice import AdviceBook
from .audit import AuditRun, NoProgress, Progress, run_audit
from .config import Config, load_config
from .errors import AuditorError, InputError, UsageError
from .fetch import Fetcher
from .findings import Advise
from .keys import load_key
from .model import Category, Match, Person, Severity
from .profiles import load_roster
from .progress import make_progress
from .report import write_outputs
from .sources import SourceContext, build_sources, option_schemas

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INCOMPLETE = 3

log = logging.getLogger("auditor")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="auditor",
        description="Audit what public sources reveal about people at risk of targeted social engineering.",
    )
    parser.add_argument("--version", action="version", version=f"auditor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    audit = sub.add_parser("audit", help="audit the people on one or more rosters and write reports")
    audit.add_argument("rosters", nargs="+", type=Path, metavar="ROSTER", help="roster YAML file(s)")
    audit.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the reports")
    audit.add_argument("--config", type=Path, metavar="FILE", help="configuration YAML (optional)")
    audit.add_argument(
        "--state",
        type=Path,
        metavar="FILE",
        help="state file; its keyed-hash secret is kept beside it as FILE.key",
    )
    audit.add_argument(
        "--only", action="append", default=[], metavar="ID", help="audit only this person (repeatable)"
    )
    audit.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        metavar="SEVERITY",
        help="exit 1 when any finding is at or above this severity (critical, high, medium, low, info)",
    )
    audit.add_argument("--reveal", action="store_true", help="show private values unmasked in the outputs")
    audit.add_argument(
        "--strict", action="store_true", help="exit 3 when any source failed (incomplete audit)"
    )
    _quiet(audit)

    validate = sub.add_parser("validate", help="check rosters and print every problem; fetches nothing")
    validate.add_argument("rosters", nargs="+", type=Path, metavar="ROSTER")
    validate.add_argument("--config", type=Path, metavar="FILE", help="also check this configuration")
    _quiet(validate)

    sources = sub.add_parser("sources", help="list each source, on or off, and why")
    sources.add_argument("--config", type=Path, metavar="FILE")

    demo = sub.add_parser(
        "demo", help="serve the bundled sample web on 127.0.0.1 and audit the example roster"
    )
    demo.add_argument("--out", type=Path, default=Path("reports"), metavar="DIR", help="default: ./reports")
    demo.add_argument("--reveal", action="store_true", help="show the fictional private values unmasked")
    _quiet(demo)
    return parser


def _quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", "-q", action="store_true", help="print nothing unless something is wrong")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `auditor` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    _configure_logging(getattr(args, "quiet", False))
    try:
        if args.command == "audit":
            return _cmd_audit(args)
        if args.command == "validate":
            return _cmd_validate(args)
        if args.command == "sources":
            return _cmd_sources(args)
        if args.command == "demo":
            from .demo.run import run_demo

            return run_demo(out=args.out, reveal=args.reveal, quiet=args.quiet)
    except InputError as e:
        return _fatal_input(e)
    except UsageError as e:
        print(f"auditor: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except AuditorError as e:
        print(f"auditor: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("auditor: interrupted; earlier reports were left as they were", file=sys.stderr)
        return 130
    raise AssertionError(f"unhandled command {args.command}")  # argparse restricts the choices


def _configure_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%dT%H:%M:%S%z")
    )
    root = logging.getLogger("auditor")
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else logging.INFO)
    root.propagate = False


def _fatal_input(error: InputError) -> int:
    print(f"auditor: {len(error.problems)} problem(s) found; nothing was fetched.", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_BAD_INPUT


def load_inputs(rosters: Sequence[Path], config_path: Path | None) -> tuple[list[Person], Config]:
    """Roster and config, both validated in full before anything is fetched."""
    problems = []
    people: list[Person] = []
    config = Config()
    try:
        people = load_roster(rosters)
    except InputError as e:
        problems.extend(e.problems)
    try:
        config = load_config(config_path, option_schemas())
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
    people, config = load_inputs(args.rosters, args.config)
    people = select_people(people, args.only)
    key = load_key(args.state.with_name(args.state.name + ".key") if args.state else None)
    progress = NoProgress() if args.quiet else make_progress()
    run = audit_and_write(
        people, config, out=args.out, key=key, reveal=args.reveal, progress=progress, environ=os.environ
    )
    return exit_code(run, fail_on=Severity(args.fail_on) if args.fail_on else None, strict=args.strict)


def audit_and_write(
    people: list[Person],
    config: Config,
    *,
    out: Path,
    key: bytes,
    reveal: bool,
    progress: Progress,
    environ: Mapping[str, str],
) -> AuditRun:
    """Run the audit and write every output; shared by `audit` and `demo`."""
    with Fetcher(config.network) as fetcher:
        run = run_audit(
            people, config, fetcher=fetcher, key=key, advise=_advise(), progress=progress, environ=environ
        )
    paths = write_outputs(run, out, reveal=reveal)
    for audit in run.people:
        for source in audit.sources:
            if source.status.value in ("failed", "rate_limited"):
                log.warning(
                    "%s: source %s %s: %s", audit.person.id, source.name, source.status.value, source.detail
                )
    log.info("wrote %s", paths.index)
    return run


def _advise() -> Advise:
    book = AdviceBook.load()

    def advise(category: Category, source: str, match: Match, archived: bool) -> tuple[str, ...]:
        return book.for_finding(category.value, source, match.value, archived=archived)

    return advise


def exit_code(run: AuditRun, *, fail_on: Severity | None, strict: bool) -> int:
    """1 when a finding reaches --fail-on (it is certain); else 3 when --strict and a source failed."""
    if fail_on is not None and any(f.severity.at_least(fail_on) for a in run.people for f in a.findings):
        return EXIT_FINDINGS
    if strict and any(a.incomplete for a in run.people):
        return EXIT_INCOMPLETE
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    people, _ = load_inputs(args.rosters, args.config)
    if not args.quiet:
        files = ", ".join(str(r) for r in args.rosters)
        print(f"{files}: {len(people)} people, no problems found")
    return EXIT_OK


def _cmd_sources(args: argparse.Namespace) -> int:
    config = load_config(args.config, option_schemas())
    # Building sources fetches nothing: constructors only read options and the environment.
    with Fetcher(config.network) as fetcher:
        _, states = build_sources(SourceContext(fetcher=fetcher, config=config, environ=os.environ))
    width = max(len(s.name) for s in states)
    for state in states:
        flag = "on " if state.enabled else "off"
        print(f"{state.name:<{width}}  {flag}  {state.description}")
        print(f"{'':<{width}}       {state.reason}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

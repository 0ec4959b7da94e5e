"""The one exception tree. Library errors are wrapped at the edge (`raise ... from e`)."""

from __future__ import annotations

from dataclasses import dataclass


class AuditorError(Exception):
    """Base of every error auditor raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located precisely enough to fix it."""

    file: str
    line: int | None
    """1-based line number, when known."""
    field: str
    """Dotted path to the field, e.g. `people[1].private.phones[0]`; "" for the whole file."""
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.field or '(file)'}: {self.message}"


class InputError(AuditorError):
    """A roster, config or catalogue is invalid: every problem is listed, nothing was fetched."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UsageError(AuditorError):
    """The command line asks for something that cannot be done (exit code 2)."""


class LockedError(AuditorError):
    """Another audit holds the state lock."""


class StateError(AuditorError):
    """The state file cannot be used: unreadable, written by a newer auditor, or damaged."""


class StateWriteError(StateError):
    """The state file could not be written (a full disk, most often): this run is not recorded."""

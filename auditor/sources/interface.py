"""The source interface: each source turns a person into documents, or says exactly why it could not."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..config import Config
from ..extract import Extract, extract
from ..fetch import Fetcher
from ..seal import Sealer

if TYPE_CHECKING:
    from ..model import Person, SourceResult


class NotConfigured(Exception):
    """Raised by a source's constructor when it cannot run here (no key, no catalogue): the reason is
    shown by `auditor sources` and as the source's `skipped` status."""


@dataclass(frozen=True)
class SourceContext:
    """What every source is handed: the shared fetcher, the reader of fetched bodies and the whole
    configuration."""

    fetcher: Fetcher
    config: Config
    environ: Mapping[str, str] = field(default_factory=dict)
    """Environment variables sources may read (API keys): passed in, so tests and the demo need not
    touch the process environment. The CLI passes os.environ."""
    extract: Extract = extract
    """Reads a fetched body. The audit passes an `IsolatedExtractor`, which reads PDFs and images in
    worker processes it stops at `extract.time_limit`."""
    sealer: Sealer | None = None
    """Hashes candidates for a sealed roster's look-ups (the audit's key); None: sealed values unused."""


class Source(ABC):
    """One place attackers look. Subclasses set `name` (stored in history: renaming is a migration)."""

    name: ClassVar[str]
    description: ClassVar[str]
    """One line for `auditor sources` and the report's coverage table: what it checks."""
    default_on: ClassVar[bool] = True
    """On when the config lists no sources (sources needing a key or a file are off by default)."""
    options_schema: ClassVar[Mapping[str, Any]] = {"type": "object", "additionalProperties": False}
    """JSON Schema of this source's options in the config file (validated before anything runs)."""

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        self.options = options
        self.ctx = ctx
        self.notice = ""
        """What running it sends where, when that is worth a word in `auditor sources` (and the report's
        coverage table): a source that sends data to a third party says so here."""

    @abstractmethod
    def collect(self, person: Person) -> SourceResult:
        """Fetch and extract what this source knows about `person`. Never raises for network or
        parse trouble: those are failures inside the result."""

"""The internal signal a fetch step raises when it cannot go on; the Fetcher turns it into a FetchFailure."""

from __future__ import annotations


class Failed(Exception):
    """A fetch step could not go on.

    Raised inside the fetch package only (including from within requests/urllib3 call stacks, which
    let unknown exceptions through) and converted to a `FetchFailure` value at `Fetcher.get`'s edge.
    """

    def __init__(self, reason: str, detail: str, *, retryable: bool = False) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        """A `FetchFailure.reason`: robots, guard, timeout, connection, too_large, http_error, ..."""
        self.detail = detail
        """Human-readable; never the full URL (the FetchFailure carries that)."""
        self.retryable = retryable
        """True for transient trouble (timeouts, dropped connections) worth another attempt."""

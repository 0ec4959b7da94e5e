"""What the fetch layer returns for a request that reached a server."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..model import FetchRecord

_NOT_CHARSETS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7", "base64", "hex", "uu",
     "zlib", "bz2", "quopri", "rot-13", "mbcs", "oem", "palmos"}
)  # fmt: skip


@dataclass(frozen=True)
class Response:
    """A complete, size-capped HTTP response (any status the server gave once retries were spent)."""

    url: str
    """The URL asked for."""
    final_url: str
    """The URL after redirects: relative links resolve against this."""
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    """Header names lower-cased."""
    body: bytes = b""
    from_cache: bool = False
    """Served from, or revalidated against, the HTTP cache."""
    fetched_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    """When the body was received, or for a copy from the HTTP cache, when the server confirmed it (a 304):
    the cache revalidates every copy it serves (fetch/cache.py: always_revalidate, no stale copies)."""

    @property
    def record(self) -> FetchRecord:
        """The evidence of this fetch: a finding's proof that the page said what it says."""
        return FetchRecord(
            self.final_url, self.fetched_at, self.status, hashlib.sha256(self.body).hexdigest()
        )

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower-cased ("" when absent)."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def text(self) -> str:
        """The body decoded with the declared charset, else UTF-8, never raising."""
        charset = "utf-8"
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                charset = value.strip("\"' ")
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            codec = "utf-8"
        if codec in _NOT_CHARSETS:
            # The server names the charset: a hostile one can pick a Python codec that is not a
            # character set at all (idna raises, punycode returns nothing). Read those as UTF-8.
            codec = "utf-8"
        try:
            return self.body.decode(codec, errors="replace")
        except (LookupError, UnicodeError):  # any other codec that is not a text encoding
            return self.body.decode("utf-8", errors="replace")

"""Parsing the URLs the fetch layer is asked for: scheme, host, port and origin, or a bad_url failure."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .failure import Failed

_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Target:
    """One URL the fetch layer may request, split into the parts the guard, robots and politeness use."""

    url: str
    scheme: str
    """"http" or "https"."""
    host: str
    """Lower-cased host name or IP literal, without IPv6 brackets."""
    port: int
    netloc_host: str
    """The host as written in a URL's authority (IPv6 literals bracketed)."""

    @property
    def origin(self) -> str:
        """scheme://host[:port], the unit robots.txt applies to (RFC 9309)."""
        default = _DEFAULT_PORTS[self.scheme] == self.port
        return f"{self.scheme}://{self.netloc_host}" + ("" if default else f":{self.port}")


def parse_target(url: str) -> Target:
    """Split an absolute http(s) URL, or raise Failed("bad_url")."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
        host = parts.hostname
    except ValueError as e:  # bad IPv6 literal, non-numeric or out-of-range port
        raise Failed("bad_url", f"the URL cannot be parsed ({e})") from e
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        shown = scheme or "no scheme"
        raise Failed("bad_url", f"only http and https URLs are fetched (this one has {shown})")
    if not host:
        raise Failed("bad_url", "the URL has no host")
    if parts.username is not None or parts.password is not None:
        # auditor never logs in anywhere; credentials in a link would be sent as Basic auth.
        raise Failed("bad_url", "URLs with a user name or password are not fetched")
    netloc_host = f"[{host}]" if ":" in host else host
    return Target(
        url=url.strip(),
        scheme=scheme,
        host=host.lower(),
        port=port if port is not None else _DEFAULT_PORTS[scheme],
        netloc_host=netloc_host.lower(),
    )

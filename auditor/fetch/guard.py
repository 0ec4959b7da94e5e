"""Address guard (SSRF): refuse hosts and connections that reach non-public addresses."""

from __future__ import annotations

import ipaddress
import re
import socket
from typing import TYPE_CHECKING

from ..errors import AuditorError
from .failure import Failed

if TYPE_CHECKING:
    from collections.abc import Iterable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # embeds an IPv4 address in its low 32 bits
# inet_aton spellings of IPv4 ("2130706433", "0x7f.1", "127.1"): a proxy or resolver would read them as IPs.
_LEGACY_IPV4 = re.compile(r"(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}\.?", re.IGNORECASE)
_HINT = "set network.allow_addresses to exempt an intranet range"


class InvalidAllowedAddress(AuditorError):
    """network.allow_addresses holds something that is not a CIDR network."""


def ip_literal(host: str) -> IPAddress | None:
    """The address a host name spells, when it is an IP literal in any form a resolver accepts."""
    bare = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    if _LEGACY_IPV4.fullmatch(bare):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(bare.rstrip(".")))
        except OSError:
            return None
    return None


def why_refused(address: IPAddress) -> str | None:
    """What makes an address unfit to fetch from ("loopback", "private"...), or None if it is public."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address.teredo is not None:
            embedded = address.teredo[1]
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            inner = why_refused(embedded)
            return None if inner is None else f"{inner} IPv4 {embedded} inside IPv6"
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("shared (carrier-grade NAT)", isinstance(address, ipaddress.IPv4Address) and address in _SHARED),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("not globally routable", not address.is_global),
    )
    return next((label for label, hit in checks if hit), None)


def _is_local_name(host: str) -> bool:
    name = host.rstrip(".").lower()
    return name == "localhost" or name.endswith(".localhost")  # RFC 6761: always loopback


class AddressGuard:
    """Decides whether a host, and later the address actually connected to, may be fetched from."""

    def __init__(self, *, allow_private: bool, allow_addresses: Iterable[str], via_proxy: bool) -> None:
        self.enabled = not allow_private
        """False when every address is allowed (tests and the demo)."""
        self._via_proxy = via_proxy
        try:
            self._exempt: tuple[IPNetwork, ...] = tuple(
                ipaddress.ip_network(cidr, strict=False) for cidr in allow_addresses
            )
        except ValueError as e:
            raise InvalidAllowedAddress(f"network.allow_addresses: {e}; use CIDR like 10.20.0.0/16") from e

    def check_host(self, host: str, port: int) -> None:
        """Raise Failed("guard") if the host is, or resolves to, a refused address.

        Through a proxy the proxy resolves names (and resolving them here would leak them to the local
        DNS), so only IP literals can be judged.
        """
        if not self.enabled:
            return
        literal = ip_literal(host)
        if literal is not None:
            self._check(literal, host)
            return
        if _is_local_name(host):
            # By name, not address: an exempt 127.0.0.1/32 is for tests, not for "localhost" links.
            raise Failed("guard", f"{host} is a local name; not fetched")
        if self._via_proxy:
            return
        for address in self._resolve(host, port):
            self._check(address, host)

    def check_peer(self, address: str) -> None:
        """Raise Failed("guard") if the socket just opened reached a refused address (DNS rebinding)."""
        if self.enabled:
            self._check(ipaddress.ip_address(address.split("%", 1)[0]), "the connected server")

    def _check(self, address: IPAddress, host: str) -> None:
        reason = why_refused(address)
        if reason is None or self._is_exempt(address):
            return
        where = str(address) if host == str(address) else f"{host} at {address}"
        raise Failed("guard", f"{where} is a {reason} address; not fetched ({_HINT})")

    def _is_exempt(self, address: IPAddress) -> bool:
        candidates: list[IPAddress] = [address]
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            candidates.append(address.ipv4_mapped)
        return any(a in net for a in candidates for net in self._exempt if a.version == net.version)

    @staticmethod
    def _resolve(host: str, port: int) -> list[IPAddress]:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as e:  # socket.gaierror is an OSError
            raise Failed("connection", f"cannot resolve {host}: {e}", retryable=True) from e
        addresses: list[IPAddress] = []
        for info in infos:
            try:
                addresses.append(ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]))
            except ValueError as e:  # a family we cannot judge (shouldn't happen for SOCK_STREAM)
                raise Failed("guard", f"{host} resolves to an address that cannot be checked") from e
        if not addresses:
            raise Failed("connection", f"cannot resolve {host}: no addresses", retryable=True)
        return addresses

"""The transport adapter: one deadline for the whole request, size-capped body reads, and a peer-address
check per connection."""

from __future__ import annotations

import functools
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import requests
import socks
from requests.adapters import HTTPAdapter
from urllib3 import exceptions as u3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.contrib.socks import (
    SOCKSConnection,
    SOCKSHTTPConnectionPool,
    SOCKSHTTPSConnection,
    SOCKSHTTPSConnectionPool,
)
from urllib3.response import HTTPResponse

from .failure import Failed

_CHUNK = 64 * 1024
PeerCheck = Callable[[str], None]
"""Raises if the connected peer address (an IP string) must not be talked to."""


# The request a thread is making now: its deadline (time.monotonic()), or absent between requests.
_request = threading.local()


class RequestTimeout(TimeoutError):
    """The request's whole time (connect, headers, body) ran out."""


def _wait_budget(sock: socket.socket) -> None:
    """Before each read: let it wait only as long as the request has left, so a server that trickles
    its status line, headers or chunk sizes a byte at a time cannot reset the clock with every byte."""
    deadline: float | None = getattr(_request, "deadline", None)
    if deadline is None:
        return
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise RequestTimeout("the request took longer than its whole time allows")
    sock.settimeout(remaining)


class _DeadlineSocket(socket.socket):
    """A plain socket whose every read is bound by the request's deadline (see `_wait_budget`)."""

    __slots__ = ()

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        _wait_budget(self)
        return super().recv_into(buffer, nbytes, flags)

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        _wait_budget(self)
        return super().recv(bufsize, flags)


class _DeadlineSSLSocket(ssl.SSLSocket):
    """The same for a TLS socket: its reads go through `read`, which `recv_into` also calls."""

    def read(self, len: int = 1024, buffer: Any = None) -> Any:
        _wait_budget(self)
        return super().read(len, buffer)


class _DeadlineSocksSocket(socks.socksocket):  # type: ignore[misc]  # PySocks has no type hints
    """The same for a connection through a SOCKS proxy, once the proxy has connected it: its reads of
    the target's answer (a file object over the socket reads through `recv_into`)."""

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        _wait_budget(self)
        return int(super().recv_into(buffer, nbytes, flags))

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        _wait_budget(self)
        return bytes(super().recv(bufsize, flags))


def _bind_to_deadline(sock: Any) -> None:
    # Same memory layout as the subclasses (they add no slots), so the class can be swapped in place:
    # urllib3, PySocks and the ssl module create these sockets themselves.
    if type(sock) is socket.socket:
        sock.__class__ = _DeadlineSocket
    elif type(sock) is ssl.SSLSocket:
        sock.__class__ = _DeadlineSSLSocket
    elif type(sock) is socks.socksocket:
        sock.__class__ = _DeadlineSocksSocket


def _pool_classes(check: PeerCheck | None) -> dict[str, type[HTTPConnectionPool]]:
    """Pool classes whose sockets keep to the request's deadline; with `check`, their connections also
    check the peer address right after the TCP connect, before any byte of the request (or the TLS
    handshake) is sent: the address actually reached is what counts, whatever DNS said when the guard
    looked (DNS rebinding)."""

    def checked(sock: socket.socket) -> socket.socket:
        try:
            if check is not None:
                check(str(sock.getpeername()[0]))
        except BaseException:
            sock.close()
            raise
        _bind_to_deadline(sock)
        return sock

    class CheckedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return checked(super()._new_conn())

    class CheckedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return checked(super()._new_conn())

        def connect(self) -> None:
            super().connect()
            _bind_to_deadline(self.sock)  # now the TLS socket that wraps the checked one

    class CheckedHTTPPool(HTTPConnectionPool):
        ConnectionCls = CheckedHTTPConnection

    class CheckedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = CheckedHTTPSConnection

    return {"http": CheckedHTTPPool, "https": CheckedHTTPSPool}


_PROXIED_POOLS = _pool_classes(None)
"""Through an http(s) proxy: the deadline, and no peer check (the peer is the proxy)."""


@functools.cache
def _socks_pool_classes() -> dict[str, type[HTTPConnectionPool]]:
    """SOCKS pool classes whose sockets keep to the request's deadline once the proxy has connected
    them (the proxy's own handshake is bound by the connect timeout). No peer check: the peer is the
    proxy, and names are resolved there (socks5h)."""

    class DeadlineSOCKSConnection(SOCKSConnection):
        def _new_conn(self) -> socks.socksocket:
            sock = super()._new_conn()
            _bind_to_deadline(sock)
            return sock

    class DeadlineSOCKSHTTPSConnection(SOCKSHTTPSConnection):
        def _new_conn(self) -> socks.socksocket:
            sock = super()._new_conn()
            _bind_to_deadline(sock)
            return sock

        def connect(self) -> None:
            super().connect()
            _bind_to_deadline(self.sock)  # the TLS socket over the proxied one

    class DeadlineSOCKSHTTPPool(SOCKSHTTPConnectionPool):
        ConnectionCls = DeadlineSOCKSConnection

    class DeadlineSOCKSHTTPSPool(SOCKSHTTPSConnectionPool):
        ConnectionCls = DeadlineSOCKSHTTPSConnection

    return {"http": DeadlineSOCKSHTTPPool, "https": DeadlineSOCKSHTTPSPool}


class CappedAdapter(HTTPAdapter):
    """Reads every body itself, in chunks, into `response._content`.

    This sits below requests-cache on purpose: the cache reads `response.content` when it saves, so a
    cap enforced above it would come too late. A body past `max_bytes` (counted after decoding, so a
    gzip bomb is caught) or slower than `body_timeout` in total is abandoned and its connection closed.
    """

    def __init__(
        self, *, max_bytes: int, body_timeout: float, pool_size: int, peer_check: PeerCheck | None
    ) -> None:
        self._max_bytes = max_bytes
        self._body_timeout = body_timeout
        self._peer_check = peer_check
        # Set before super().__init__, which calls init_poolmanager. No urllib3 retries: the Fetcher
        # retries itself, with backoff, politeness and Retry-After.
        super().__init__(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        # The peer check only on direct connections: through a proxy the peer is the proxy.
        self.poolmanager.pool_classes_by_scheme = _pool_classes(self._peer_check)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        socks_proxy = proxy.lower().startswith("socks")
        manager.pool_classes_by_scheme = _socks_pool_classes() if socks_proxy else _PROXIED_POOLS
        return manager

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: float | tuple[float, float] | tuple[float, None] | None = None,
        verify: bool | str = True,
        cert: bytes | str | tuple[bytes | str, bytes | str] | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        # One deadline for the whole request: connect, status line, headers, and body, in any encoding.
        deadline = time.monotonic() + self._body_timeout
        _request.deadline = deadline
        try:
            try:
                response = super().send(
                    request, stream=True, timeout=timeout, verify=verify, cert=cert, proxies=proxies
                )
            except requests.exceptions.ConnectionError as e:
                if _ran_out(e):
                    raise self._too_slow() from e
                raise
            try:
                body = self._read_body(response, deadline)
            except BaseException:
                response.close()  # drops the connection: the rest of the body is never read
                raise
        finally:
            _request.deadline = None
        response._content = body
        response._content_consumed = True  # type: ignore[attr-defined]  # requests' own flag, unstubbed
        response.raw.release_conn()
        return response

    def _read_body(self, response: requests.Response, deadline: float) -> bytes:
        raw = response.raw
        if not isinstance(raw, HTTPResponse):  # pragma: no cover - requests always gives urllib3's
            return bytes(response.content)
        declared = response.headers.get("content-length", "")
        encoded = response.headers.get("content-encoding", "identity").lower() not in ("", "identity")
        if declared.isdigit() and int(declared) > self._max_bytes and not encoded:
            raise Failed(
                "too_large", f"the body is {int(declared)} bytes, over the {self._max_bytes}-byte cap"
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._too_slow()
            _set_socket_timeout(raw, remaining)  # so one slow read cannot outlast the deadline
            chunk = self._read_chunk(raw)
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > self._max_bytes:
                raise Failed("too_large", f"the body is over the {self._max_bytes}-byte cap; stopped reading")
            chunks.append(chunk)

    def _read_chunk(self, raw: HTTPResponse) -> bytes:
        # read1 returns what has arrived (read(n) would wait for all n bytes); with decode_content it
        # returns at most _CHUNK decoded bytes, and urllib3 bounds decompression to that too.
        try:
            return raw.read1(_CHUNK, decode_content=True) or b""
        except (u3.ReadTimeoutError, RequestTimeout) as e:
            raise self._too_slow() from e
        except u3.DecodeError as e:
            raise Failed("parse", f"the body cannot be decoded ({e})") from e
        except (u3.HTTPError, OSError) as e:
            raise requests.exceptions.ConnectionError(
                f"the connection broke while reading the body ({e})"
            ) from e

    def _too_slow(self) -> Failed:
        return Failed(
            "timeout", f"the response did not arrive within {self._body_timeout:g} s", retryable=True
        )


def _ran_out(error: BaseException) -> bool:
    """Whether a library error was caused by the request's deadline running out."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, RequestTimeout):
            return True
        seen.add(id(current))
        inner = getattr(current, "reason", None)
        current = inner if isinstance(inner, BaseException) else current.__cause__ or current.__context__
    return False


def _set_socket_timeout(raw: HTTPResponse, seconds: float) -> None:
    connection = raw.connection
    sock = getattr(connection, "sock", None) if connection is not None else None
    if sock is not None:
        sock.settimeout(max(seconds, 0.001))

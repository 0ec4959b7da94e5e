"""The transport adapter: size-capped, deadline-bound body reads and a peer-address check per connection."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Mapping
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3 import exceptions as u3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.response import HTTPResponse

from .failure import Failed

_CHUNK = 64 * 1024
PeerCheck = Callable[[str], None]
"""Raises if the connected peer address (an IP string) must not be talked to."""


def _guarded_pool_classes(check: PeerCheck) -> dict[str, type[HTTPConnectionPool]]:
    """Pool classes whose connections call `check` on the peer address right after the TCP connect,
    before any byte of the request (or the TLS handshake) is sent: the address actually reached is
    what counts, whatever DNS said when the guard looked (DNS rebinding)."""

    def checked(sock: socket.socket) -> socket.socket:
        try:
            check(str(sock.getpeername()[0]))
        except BaseException:
            sock.close()
            raise
        return sock

    class CheckedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return checked(super()._new_conn())

    class CheckedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return checked(super()._new_conn())

    class CheckedHTTPPool(HTTPConnectionPool):
        ConnectionCls = CheckedHTTPConnection

    class CheckedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = CheckedHTTPSConnection

    return {"http": CheckedHTTPPool, "https": CheckedHTTPSPool}


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
        if self._peer_check is not None:
            # Only direct connections: proxied ones use proxy_manager_for, and there the peer is the proxy.
            self.poolmanager.pool_classes_by_scheme = _guarded_pool_classes(self._peer_check)

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: float | tuple[float, float] | tuple[float, None] | None = None,
        verify: bool | str = True,
        cert: bytes | str | tuple[bytes | str, bytes | str] | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        response = super().send(
            request, stream=True, timeout=timeout, verify=verify, cert=cert, proxies=proxies
        )
        try:
            body = self._read_body(response)
        except BaseException:
            response.close()  # drops the connection: the rest of the body is never read
            raise
        response._content = body
        response._content_consumed = True  # type: ignore[attr-defined]  # requests' own flag, unstubbed
        response.raw.release_conn()
        return response

    def _read_body(self, response: requests.Response) -> bytes:
        raw = response.raw
        if not isinstance(raw, HTTPResponse):  # pragma: no cover - requests always gives urllib3's
            return bytes(response.content)
        declared = response.headers.get("content-length", "")
        encoded = response.headers.get("content-encoding", "identity").lower() not in ("", "identity")
        if declared.isdigit() and int(declared) > self._max_bytes and not encoded:
            raise Failed(
                "too_large", f"the body is {int(declared)} bytes, over the {self._max_bytes}-byte cap"
            )
        deadline = time.monotonic() + self._body_timeout
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
        except u3.ReadTimeoutError as e:
            raise self._too_slow() from e
        except u3.DecodeError as e:
            raise Failed("parse", f"the body cannot be decoded ({e})") from e
        except (u3.HTTPError, OSError) as e:
            raise requests.exceptions.ConnectionError(
                f"the connection broke while reading the body ({e})"
            ) from e

    def _too_slow(self) -> Failed:
        return Failed("timeout", f"the body did not arrive within {self._body_timeout:g} s", retryable=True)


def _set_socket_timeout(raw: HTTPResponse, seconds: float) -> None:
    connection = raw.connection
    sock = getattr(connection, "sock", None) if connection is not None else None
    if sock is not None:
        sock.settimeout(max(seconds, 0.001))

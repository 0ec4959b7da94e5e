"""A SOCKS proxy (network.proxy: socks5h://…) really carries the requests: a minimal SOCKS5 server here."""

from __future__ import annotations

import socket
import socketserver
import struct
import threading
from typing import TYPE_CHECKING, ClassVar

import pytest
from localserver import LocalServer, Reply
from test_fetch import failed, ok
from test_fetch_deadline import STEPS, Trickle, header_trickle

if TYPE_CHECKING:
    from collections.abc import Iterator

    from conftest import FetcherFactory


class _Socks5(socketserver.BaseRequestHandler):
    """RFC 1928 with no authentication and CONNECT only; every target is the local web server (the
    names asked for are fictional), and each one asked for is recorded."""

    target: ClassVar[tuple[str, int]] = ("127.0.0.1", 0)
    asked: ClassVar[list[str]] = []

    def handle(self) -> None:
        sock = self.request
        sock.settimeout(10)
        _version, methods = sock.recv(2)
        sock.recv(methods)
        sock.sendall(b"\x05\x00")  # no authentication
        _ver, command, _rsv, kind = sock.recv(4)
        if kind == 3:  # a domain name, resolved here (socks5h)
            host = sock.recv(sock.recv(1)[0]).decode()
        elif kind == 1:
            host = socket.inet_ntoa(sock.recv(4))
        else:
            return
        (port,) = struct.unpack("!H", sock.recv(2))
        self.asked.append(f"{host}:{port}")
        if command != 1:
            return
        upstream = socket.create_connection(self.target, timeout=10)
        sock.sendall(b"\x05\x00\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack("!H", 0))
        threading.Thread(target=_pipe, args=(upstream, sock), daemon=True).start()
        _pipe(sock, upstream)


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        sink.close()


@pytest.fixture
def socks_proxy(local_server: LocalServer) -> Iterator[tuple[str, list[str]]]:
    asked: ClassVar[list[str]] = []
    handler = type("Handler", (_Socks5,), {"target": ("127.0.0.1", local_server.port), "asked": asked})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"socks5h://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()
    server.server_close()


def test_requests_go_through_a_socks5h_proxy(
    local_server: LocalServer, fetcher_factory: FetcherFactory, socks_proxy: tuple[str, list[str]]
) -> None:
    proxy, asked = socks_proxy
    local_server.route("/", Reply(body=b"through the proxy"), host="janedoe.example")
    fetcher = fetcher_factory(proxy=proxy, cache_enabled=False)
    result = ok(fetcher.get("http://janedoe.example/", respect_robots=False))
    assert result.body == b"through the proxy"
    assert asked == ["janedoe.example:80"]  # the name went to the proxy: no DNS query from here


def test_the_whole_request_deadline_holds_through_a_socks_proxy(fetcher_factory: FetcherFactory) -> None:
    """A target that trickles its headers through the proxy is left after the timeout, as a direct one is."""
    trickle = Trickle()

    class Trickling(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            self.request.settimeout(5)
            self.request.recv(65536)
            try:
                header_trickle(self.request, trickle)
            except OSError:
                pass  # the client hung up
            finally:
                trickle.hung_up.set()

    target = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Trickling)
    target.daemon_threads = True
    threading.Thread(target=target.serve_forever, daemon=True).start()
    handler = type("Handler", (_Socks5,), {"target": target.server_address, "asked": []})
    proxy = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    proxy.daemon_threads = True
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        fetcher = fetcher_factory(proxy=f"socks5h://127.0.0.1:{proxy.server_address[1]}", timeout=1.0,
                                  retries=0, cache_enabled=False)  # fmt: skip
        failure = failed(fetcher.get("http://janedoe.example/", respect_robots=False), "timeout")
        assert "1 s" in failure.detail
        assert trickle.hung_up.wait(10)
        assert trickle.sent < STEPS // 2, f"the client waited for {trickle.sent} of {STEPS} steps"
    finally:
        for server in (proxy, target):
            server.shutdown()
            server.server_close()

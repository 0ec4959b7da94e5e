"""One deadline bounds the whole request: servers that trickle headers or chunk sizes, or never answer.

Each misbehaving server is a raw TCP server on 127.0.0.1 that sends its bytes slowly, for a bounded
number of steps, and counts how many it got out before the client hung up. Without a whole-request
deadline every socket read succeeds in time and the request only ends when the server does.
"""

from __future__ import annotations

import dataclasses
import itertools
import shutil
import socket
import socketserver
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
import requests.adapters
from localserver import LocalServer, Reply
from test_fetch import failed, ok

from auditor.audit import run_audit
from auditor.config import Config, NetworkSettings
from auditor.fetch import Fetcher
from auditor.model import Person, PrivateValues, SourceStatus

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import FetcherFactory

STEP = 0.05
"""Seconds between two trickled bytes: far below the 1 s timeout, so no single read ever times out."""
STEPS = 200
"""Bytes a trickle sends at most (10 s): bounded, so a broken deadline makes the test fail, not hang."""


@dataclass
class Trickle:
    """What a misbehaving server managed to send before the client gave up."""

    sent: int = 0
    hung_up: threading.Event = field(default_factory=threading.Event)


Behaviour = Callable[[socket.socket, Trickle], None]


def _drip(sock: socket.socket, trickle: Trickle, byte: bytes) -> None:
    for _ in range(STEPS):
        sock.sendall(byte)
        trickle.sent += 1
        time.sleep(STEP)


def header_trickle(sock: socket.socket, trickle: Trickle) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    _drip(sock, trickle, b"a")
    sock.sendall(b"\r\nContent-Length: 2\r\n\r\nok")


def chunk_trickle(sock: socket.socket, trickle: Trickle) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
    _drip(sock, trickle, b"0")  # leading zeros of one chunk-size line: valid hex, never finished
    sock.sendall(b"2\r\nok\r\n0\r\n\r\n")


def never_answers(sock: socket.socket, trickle: Trickle) -> None:
    sock.settimeout(STEP)
    for _ in range(STEPS):
        try:
            if sock.recv(1, socket.MSG_PEEK) == b"":
                raise ConnectionResetError("the client hung up")
        except TimeoutError:
            trickle.sent += 1  # counts the wait: the client should leave long before the end
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")


@pytest.fixture
def slow_server() -> Iterator[Callable[[Behaviour], tuple[str, Trickle]]]:
    servers: list[socketserver.ThreadingTCPServer] = []

    def start(behaviour: Behaviour) -> tuple[str, Trickle]:
        trickle = Trickle()

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                self.request.settimeout(5)
                self.request.recv(65536)  # the request
                try:
                    behaviour(self.request, trickle)
                except OSError:
                    pass  # the client hung up: what the deadline should make it do
                finally:
                    trickle.hung_up.set()

        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/", trickle

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("behaviour", [header_trickle, chunk_trickle, never_answers])
def test_the_whole_request_is_bound_by_the_timeout(
    slow_server: Callable[[Behaviour], tuple[str, Trickle]],
    fetcher_factory: FetcherFactory,
    behaviour: Behaviour,
) -> None:
    url, trickle = slow_server(behaviour)
    fetcher = fetcher_factory(timeout=1.0, retries=0, cache_enabled=False)
    failure = failed(fetcher.get(url, respect_robots=False), "timeout")
    assert "1 s" in failure.detail
    # The client left about a second in, not when the server was done: a fraction of the bytes.
    assert trickle.hung_up.wait(10)
    assert trickle.sent < STEPS // 2, f"the client waited for {trickle.sent} of {STEPS} steps"


# --- the same over TLS: the deadline must reach the reads of an encrypted socket too ---------------------


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made with the openssl command."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


def _tls_server(cert: tuple[Path, Path], behaviour: Behaviour) -> tuple[socketserver.TCPServer, Trickle]:
    trickle = Trickle()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*cert)

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            try:
                with context.wrap_socket(self.request, server_side=True) as tls:
                    tls.settimeout(5)
                    tls.recv(65536)
                    behaviour(tls, trickle)
            except OSError:
                pass
            finally:
                trickle.hung_up.set()

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, trickle


def answers(sock: socket.socket, trickle: Trickle) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello")


@pytest.mark.parametrize("behaviour", [answers, header_trickle])
def test_tls_requests_work_and_keep_the_deadline(
    certificate: tuple[Path, Path],
    fetcher_factory: FetcherFactory,
    monkeypatch: pytest.MonkeyPatch,
    behaviour: Behaviour,
) -> None:
    # The fetcher trusts the usual CA bundle only (and ignores the environment): point that at ours.
    monkeypatch.setattr(requests.adapters, "DEFAULT_CA_BUNDLE_PATH", str(certificate[0]))
    server, trickle = _tls_server(certificate, behaviour)
    try:
        url = f"https://127.0.0.1:{server.server_address[1]}/"
        result = fetcher_factory(timeout=1.0, retries=0, cache_enabled=False).get(url, respect_robots=False)
        if behaviour is answers:
            assert ok(result).body == b"hello"
        else:
            failed(result, "timeout")
            assert trickle.hung_up.wait(10)
            assert trickle.sent < STEPS // 2
    finally:
        server.shutdown()
        server.server_close()


# --- one source, one person: a time budget, so one stuck job cannot hold up the run ---------------------


def test_requests_past_a_budget_fail_as_timed_out(
    local_server: LocalServer, network_settings: NetworkSettings
) -> None:
    local_server.route("/a", Reply(body=b"a"))
    now = [100.0]
    with Fetcher(network_settings, clock=lambda: now[0]) as fetcher:
        with fetcher.budget(30) as spent:
            ok(fetcher.get(local_server.url("/a"), respect_robots=False))
            now[0] += 31
            failure = failed(fetcher.get(local_server.url("/a"), respect_robots=False), "timeout")
        assert "30 s" in failure.detail
        assert spent.ran_out
        ok(fetcher.get(local_server.url("/a"), respect_robots=False))  # no budget outside the block


def test_a_source_out_of_time_is_failed_while_the_rest_of_the_audit_completes(
    local_server: LocalServer, network_settings: NetworkSettings
) -> None:
    # The big site's home page links to 40 more; the small site has one page. The clock moves a second
    # each time the fetcher reads it, so the big crawl runs out of its 20 s and the small one does not.
    for host, links in (("big.example", 40), ("small.example", 0)):
        local_server.route("/robots.txt", Reply.text("User-agent: *\n"), host=host)
        anchors = "".join(f'<a href="/p{m}">p{m}</a>' for m in range(1, links + 1))
        home = f"<html><body><p>07700 900000</p>{anchors}</body></html>"
        local_server.route("/", Reply(200, home, {"content-type": "text/html"}), host=host)
        for n in range(1, links + 1):
            local_server.route(
                f"/p{n}", Reply(200, f"<p>page {n}</p>", {"content-type": "text/html"}), host=host
            )
    ticks = itertools.count(0.0, 1.0)
    settings = dataclasses.replace(
        network_settings, proxy=local_server.base_url, cache_enabled=False, job_timeout=20
    )
    config = Config(network=settings, sources={"crawl": {}})
    people = [
        Person(
            id="big",
            name="Big Site",
            websites=("http://big.example/",),
            private=PrivateValues(phones=("07700 900000",)),
        ),
        Person(id="small", name="Small Site", websites=("http://small.example/",)),
    ]
    with Fetcher(settings, clock=lambda: next(ticks)) as fetcher:
        run = run_audit(people, config, fetcher=fetcher, key=b"k" * 32, advise=lambda *_: ())
    reports = {a.person.id: {s.name: s for s in a.sources} for a in run.people}
    assert reports["big"]["crawl"].status is SourceStatus.FAILED
    assert "timed out" in reports["big"]["crawl"].detail
    assert reports["small"]["crawl"].status is SourceStatus.OK
    # What was read before the time ran out still counts.
    [big] = [a for a in run.people if a.person.id == "big"]
    assert any(f.category.value == "phone" and f.match.value == "private" for f in big.findings)

"""The hardening suite: a loopback server with a catalogue of misbehaviours, each the website of one
person in a real audit (the CLI, in process). Every audit must complete, write its reports, keep what
was already in the folder, and name the failure in the person's report.
"""

from __future__ import annotations

import gzip
import json
import socket
import socketserver
import struct
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from auditor.cli import main

Behaviour = Callable[[socket.socket], None]
STEP = 0.05
STEPS = 200  # bounded: a broken deadline makes a test fail, never hang


def _drip(sock: socket.socket, head: bytes, byte: bytes, tail: bytes) -> None:
    sock.sendall(head)
    for _ in range(STEPS):
        sock.sendall(byte)
        time.sleep(STEP)
    sock.sendall(tail)


def header_trickle(sock: socket.socket) -> None:
    _drip(sock, b"HTTP/1.1 200 OK\r\nX-Slow: ", b"a", b"\r\nContent-Length: 2\r\n\r\nok")


def chunk_trickle(sock: socket.socket) -> None:
    _drip(sock, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n", b"0",
          b"2\r\nok\r\n0\r\n\r\n")  # fmt: skip


def never_answers(sock: socket.socket) -> None:
    time.sleep(STEPS * STEP)


def reset_mid_body(sock: socket.socket) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>half")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with a reset


def gzip_bomb(sock: socket.socket) -> None:
    bomb = gzip.compress(b"<p>" + b"\0" * 30_000_000)
    sock.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
        + f"Content-Length: {len(bomb)}\r\n\r\n".encode()
        + bomb
    )


def lying_length(sock: socket.socket) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<p>short</p>")


def redirect_loop(sock: socket.socket) -> None:
    sock.sendall(b"HTTP/1.1 302 Found\r\nLocation: /\r\nContent-Length: 0\r\n\r\n")


def server_errors(sock: socket.socket) -> None:
    sock.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")


def rate_limited(sock: socket.socket) -> None:
    sock.sendall(b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n")


def many_links(sock: socket.socket) -> None:
    links = "".join(f'<a href="/p{n}">{n}</a>' for n in range(10_000)).encode()
    sock.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        + f"Content-Length: {len(links)}\r\nConnection: close\r\n\r\n".encode()
        + links
    )


@pytest.fixture
def misbehaving() -> Iterator[Callable[[Behaviour], int]]:
    servers: list[socketserver.ThreadingTCPServer] = []

    def start(behaviour: Behaviour) -> int:
        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                self.request.settimeout(5)
                try:
                    request = self.request.recv(65536)
                    if request.startswith(b"GET /robots.txt"):
                        self.request.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                    else:
                        behaviour(self.request)
                except OSError:
                    pass  # the client hung up: what a deadline or a cap should make it do

        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return int(server.server_address[1])

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


CATALOGUE = [
    (header_trickle, "within 1 s"),
    (chunk_trickle, "within 1 s"),
    (never_answers, "within 1 s"),
    (reset_mid_body, "incompleteread"),
    (gzip_bomb, "cap"),
    (lying_length, "incompleteread"),
    (redirect_loop, "redirect"),
    (server_errors, "503"),
    (rate_limited, "429"),
    (many_links, ""),
]


@pytest.mark.parametrize(("behaviour", "named"), CATALOGUE, ids=[b.__name__ for b, _ in CATALOGUE])
def test_an_audit_of_a_misbehaving_site_completes_and_says_what_went_wrong(
    tmp_path: Path, misbehaving: Callable[[Behaviour], int], behaviour: Behaviour, named: str
) -> None:
    port = misbehaving(behaviour)
    roster = tmp_path / "roster.yaml"
    roster.write_text(
        "version: 1\npeople:\n  - id: pat-example\n    name: Pat Example\n"
        f"    websites: ['http://127.0.0.1:{port}/']\n"
        "    private:\n      phones: ['07700 900123']\n"
    )
    config = tmp_path / "auditor.yaml"
    config.write_text(
        "network: {timeout: 1, job_timeout: 8, retries: 1, backoff: 0.01, max_retry_after: 2,\n"
        "          allow_private: true, per_host_interval: 0, max_bytes: 1000000, cache: false}\n"
        "crawl: {max_depth: 1, max_pages: 30}\nsources: {crawl: {}}\n"
    )
    out = tmp_path / "reports"
    out.mkdir()
    (out / "kept.txt").write_text("an earlier file")
    code = main(["audit", str(roster), "--config", str(config), "--out", str(out), "--no-history", "--quiet"])
    assert code == 0
    assert (out / "kept.txt").read_text() == "an earlier file"
    data = json.loads((out / "findings.json").read_text())
    [person] = data["people"]
    [crawl] = [s for s in person["sources"] if s["name"] == "crawl"]
    report = (out / "people" / "pat-example.html").read_text()
    if behaviour is many_links:
        # Not an error: the crawl reads its max_pages and says where it stopped.
        assert crawl["documents"] >= 1 and crawl["status"] in ("ok", "failed")
    else:
        assert crawl["status"] in ("failed", "rate_limited"), crawl
        assert named.lower() in crawl["detail"].lower(), crawl["detail"]
        assert "not checked" in report.lower() or "could not" in report.lower()

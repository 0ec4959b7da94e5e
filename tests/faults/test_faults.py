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
from typing import TYPE_CHECKING

import pytest
from builders import make_form_bomb_pdf, make_heic_with_gps

from auditor.cli import main

if TYPE_CHECKING:
    from pathlib import Path

Behaviour = Callable[[socket.socket, str], None]
"""Answers one request (the socket, and the requested path) as a misbehaving server would."""
STEP = 0.05
STEPS = 200  # bounded: a broken deadline makes a test fail, never hang


def _drip(sock: socket.socket, head: bytes, byte: bytes, tail: bytes) -> None:
    sock.sendall(head)
    for _ in range(STEPS):
        sock.sendall(byte)
        time.sleep(STEP)
    sock.sendall(tail)


def header_trickle(sock: socket.socket, path: str) -> None:
    _drip(sock, b"HTTP/1.1 200 OK\r\nX-Slow: ", b"a", b"\r\nContent-Length: 2\r\n\r\nok")


def chunk_trickle(sock: socket.socket, path: str) -> None:
    _drip(sock, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n", b"0",
          b"2\r\nok\r\n0\r\n\r\n")  # fmt: skip


def never_answers(sock: socket.socket, path: str) -> None:
    time.sleep(STEPS * STEP)


def reset_mid_body(sock: socket.socket, path: str) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>half")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with a reset


def gzip_bomb(sock: socket.socket, path: str) -> None:
    bomb = gzip.compress(b"<p>" + b"\0" * 30_000_000)
    sock.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
        + f"Content-Length: {len(bomb)}\r\n\r\n".encode()
        + bomb
    )


def lying_length(sock: socket.socket, path: str) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<p>short</p>")


def redirect_loop(sock: socket.socket, path: str) -> None:
    sock.sendall(b"HTTP/1.1 302 Found\r\nLocation: /\r\nContent-Length: 0\r\n\r\n")


def server_errors(sock: socket.socket, path: str) -> None:
    sock.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")


def rate_limited(sock: socket.socket, path: str) -> None:
    sock.sendall(b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n")


def many_links(sock: socket.socket, path: str) -> None:
    links = "".join(f'<a href="/p{n}">{n}</a>' for n in range(10_000)).encode()
    sock.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        + f"Content-Length: {len(links)}\r\nConnection: close\r\n\r\n".encode()
        + links
    )


def _linking(name: str, content_type: str, body: bytes) -> Behaviour:
    """A home page linking to one hostile file, served at /name."""

    def serve(sock: socket.socket, path: str) -> None:
        if path == f"/{name}":
            head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
            sock.sendall(head.encode() + body)
        else:
            page = f'<p>Pat Example</p><a href="/{name}">file</a>'.encode()
            head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(page)}\r\n\r\n"
            sock.sendall(head.encode() + page)

    serve.__name__ = f"linking_{name.replace('.', '_')}"
    return serve


# pypdf would read this one page for many minutes: its reader process is stopped at extract.time_limit.
burning_pdf = _linking("minutes.pdf", "application/pdf", make_form_bomb_pdf())
# An Exif item listing a 20 KB block 64 times: refused before 1.3 MB is copied (it was joined in full).
burning_heic = _linking(
    "garden.heic", "image/heic", make_heic_with_gps(50.7, -3.5, extents=64, padding=20_000)
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
                    path = request.split(b" ", 2)[1].decode("ascii", "replace") if b" " in request else "/"
                    if path == "/robots.txt":
                        self.request.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                    else:
                        behaviour(self.request, path)
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


FAILED = ("failed", "rate_limited")
CATALOGUE = [  # behaviour, words the crawl's detail must say, the statuses it may end with
    (header_trickle, "within 1 s", FAILED),
    (chunk_trickle, "within 1 s", FAILED),
    (never_answers, "within 1 s", FAILED),
    (reset_mid_body, "incompleteread", FAILED),
    (gzip_bomb, "cap", FAILED),
    (lying_length, "incompleteread", FAILED),
    (redirect_loop, "redirect", FAILED),
    (server_errors, "503", FAILED),
    (rate_limited, "429", FAILED),
    (
        many_links,
        "page limit",
        ("ok", "failed"),
    ),  # not an error: it reads max_pages and says where it stopped
    # The site was read but this file was not: the crawl is incomplete, and says which file and why.
    (burning_pdf, "minutes.pdf not checked: gave up reading this pdf after 2 s", FAILED),
    # A corrupt file is no failure to fetch (a re-run reads the same), but the detail names it.
    (
        burning_heic,
        "garden.heic not read: corrupt or truncated heif image: exif item larger than 1 mib",
        ("ok",),
    ),
]


@pytest.mark.parametrize(
    ("behaviour", "named", "statuses"), CATALOGUE, ids=[b.__name__ for b, _, _ in CATALOGUE]
)
def test_an_audit_of_a_misbehaving_site_completes_and_says_what_went_wrong(
    tmp_path: Path, misbehaving: Callable[[Behaviour], int], behaviour: Behaviour, named: str,
    statuses: tuple[str, ...],
) -> None:  # fmt: skip
    port = misbehaving(behaviour)
    roster = tmp_path / "roster.yaml"
    roster.write_text(
        "version: 1\npeople:\n  - id: pat-example\n    name: Pat Example\n"
        f"    websites: ['http://127.0.0.1:{port}/']\n"
        "    private:\n      phones: ['07700 900123']\n"
    )
    config = tmp_path / "auditor.yaml"
    # Only the cases about time run against short limits: the trickles and the silent server against a
    # 1 s network timeout, the burning PDF against a 2 s reading limit. The others get room, so a loaded
    # machine that answers or parses slowly never turns a size cap or a redirect loop into a timeout.
    timeout = 1 if behaviour in (header_trickle, chunk_trickle, never_answers) else 10
    time_limit = 2 if behaviour is burning_pdf else 30
    config.write_text(
        f"network: {{timeout: {timeout}, job_timeout: 60, retries: 1, backoff: 0.01, max_retry_after: 2,\n"
        "          allow_private: true, per_host_interval: 0, max_bytes: 1000000, cache: false}\n"
        f"crawl: {{max_depth: 1, max_pages: 30}}\nextract: {{time_limit: {time_limit}}}\n"
        "sources: {crawl: {}}\n"
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
    assert crawl["status"] in statuses, crawl
    assert named.lower() in crawl["detail"].lower(), crawl["detail"]
    if crawl["status"] != "ok":
        assert "not checked" in report.lower() or "could not" in report.lower()

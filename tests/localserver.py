"""A small threaded HTTP server on 127.0.0.1 for tests: canned or computed replies, and a request log.

Usage::

    with LocalServer() as server:
        server.route("/robots.txt", Reply(body="User-agent: *\\nDisallow: /private\\n"))
        server.route("/api/users/jane", Reply.json({"login": "jane"}))
        server.route("/flaky", [Reply(503), Reply(200, body="ok")])  # one reply per request, last repeats
        server.route("/echo", lambda request: Reply(body=request.headers.get("user-agent", "")))
        fetch(server.url("/flaky"))
        assert server.paths() == ["/flaky", "/flaky"]

Proxy-style requests ("GET http://rdap.example/domain/x HTTP/1.1", as sent to an HTTP proxy) are routed
on host and path, so one server set as `network.proxy` can play several fictional hosts::

    server.route("/domain/x", Reply.json({...}), host="rdap.example")

Unrouted paths answer 404. CONNECT (an https request through the proxy) is logged and refused with 405.
Everything here is for tests: no TLS, no security.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from types import TracebackType


@dataclass(frozen=True)
class Request:
    """One request as the server saw it."""

    method: str
    path: str
    """Path and query as requested ("/search?q=x"), also for proxy-style absolute-URI requests."""
    host: str
    """The absolute URI's host[:port] for proxy-style requests, else the Host header."""
    headers: Mapping[str, str]
    """Header names lower-cased."""
    body: bytes
    time: float
    """time.monotonic() when the request line and headers had arrived."""
    absolute: bool = False
    """True when it arrived proxy-style, with an absolute URI."""

    @property
    def route_path(self) -> str:
        """The path without the query: what routes match."""
        return urlsplit(self.path).path

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query, keep_blank_values=True)


@dataclass(frozen=True)
class Reply:
    """A canned response."""

    status: int = 200
    body: bytes | str | Iterable[bytes] = b""
    """Bytes or text (UTF-8), or an iterable of byte chunks: sent as they come, chunked unless
    `chunked=False` and a content-length header is given."""
    headers: Mapping[str, str] = field(default_factory=dict)
    """Sent as given; content-type defaults to text/html when there is a body, content-length is added."""
    delay: float = 0.0
    """Seconds to wait before sending the status line (a slow server)."""
    drip: float = 0.0
    """Seconds to wait before each body chunk (a slow-drip server); implies chunked framing."""
    chunk_size: int = 0
    """Split a bytes/text body into chunks of this size (for drip or chunked replies); 0: one piece."""
    chunked: bool = False
    """Send the body with Transfer-Encoding: chunked."""
    drop: bool = False
    """Close the connection without answering (a connection error for the client)."""

    @classmethod
    def json(cls, data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Reply:
        """A JSON reply."""
        merged = {"content-type": "application/json", **(headers or {})}
        return cls(status, json.dumps(data).encode(), merged)

    @classmethod
    def text(cls, text: str, status: int = 200, headers: Mapping[str, str] | None = None) -> Reply:
        """A plain-text reply (robots.txt, CDX lines)."""
        merged = {"content-type": "text/plain; charset=utf-8", **(headers or {})}
        return cls(status, text, merged)

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Reply:
        return cls(status, b"", {"location": location})


Handler = Callable[[Request], Reply]
RouteTarget = Reply | Handler | Sequence[Reply]


class _Route:
    """A route's replies; a sequence is answered in order, its last reply repeating."""

    def __init__(self, target: RouteTarget) -> None:
        self._lock = threading.Lock()
        self._target = target
        self._served = 0

    def reply(self, request: Request) -> Reply:
        target = self._target
        if isinstance(target, Reply):
            return target
        if callable(target):
            return target(request)
        with self._lock:
            index = min(self._served, len(target) - 1)
            self._served += 1
        return target[index]


class LocalServer:
    """A ThreadingHTTPServer on 127.0.0.1 (or another loopback address) and a free port."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._host = host
        self._routes: dict[tuple[str | None, str], _Route] = {}
        self._log: list[Request] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> Self:
        server = self

        class _Handler(_RequestHandler):
            owner = server

        self._httpd = ThreadingHTTPServer((self._host, 0), _Handler)
        self._httpd.daemon_threads = True  # a slow-drip reply still running never blocks stop()
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- addresses ---------------------------------------------------------------------------------

    @property
    def host(self) -> str:
        return self._host

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the server is not running")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """http://HOST:PORT, also usable as a proxy URL."""
        return f"http://{self._host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # --- routes and log ----------------------------------------------------------------------------

    def route(self, path: str, target: RouteTarget, *, host: str | None = None) -> None:
        """Answer `path` (no query; any query matches) with a Reply, a handler, or replies in turn.

        `host` limits the route to requests for that host (proxy-style or by Host header); a route for
        a host wins over one without.
        """
        if isinstance(target, Sequence) and not target:
            raise ValueError("a reply sequence needs at least one reply")
        with self._lock:
            self._routes[(host.lower() if host else None, path)] = _Route(target)

    @property
    def requests(self) -> list[Request]:
        """Every request received so far, oldest first (a copy)."""
        with self._lock:
            return list(self._log)

    def requests_to(self, path: str) -> list[Request]:
        """The requests whose path (without query) is `path`."""
        return [r for r in self.requests if r.route_path == path]

    def paths(self) -> list[str]:
        """The paths (with query) requested so far, in order."""
        return [r.path for r in self.requests]

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    def _record(self, request: Request) -> None:
        with self._lock:
            self._log.append(request)

    def _record_and_route(self, request: Request) -> Reply:
        with self._lock:
            self._log.append(request)
            name = request.host.rsplit(":", 1)[0].lower() if request.host else ""
            route = self._routes.get((name, request.route_path)) or self._routes.get(
                (None, request.route_path)
            )
        if route is None:
            return Reply(404, "not found", {"content-type": "text/plain"})
        return route.reply(request)


class _RequestHandler(BaseHTTPRequestHandler):
    owner: LocalServer
    protocol_version = "HTTP/1.1"  # keep-alive and chunked replies, like real servers

    def do_GET(self) -> None:
        self._handle(send_body=True)

    def do_POST(self) -> None:
        self._handle(send_body=True)

    def do_HEAD(self) -> None:
        self._handle(send_body=False)

    def do_CONNECT(self) -> None:
        # Logged (path "", host "name:443") so tests can see an https request went to the proxy;
        # answered 405 because this server cannot tunnel TLS.
        self.owner._record(
            Request(
                "CONNECT",
                "",
                self.path,
                {k.lower(): v for k, v in self.headers.items()},
                b"",
                time.monotonic(),
                absolute=True,
            )
        )
        self._send(Reply(405, "tunnels are not supported", {"content-type": "text/plain"}), send_body=True)
        self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean

    def handle(self) -> None:
        # The client hung up (size cap, timeout, a dropped keep-alive): expected in tests.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def _handle(self, *, send_body: bool) -> None:
        arrived = time.monotonic()
        headers = {k.lower(): v for k, v in self.headers.items()}
        length = int(headers.get("content-length", "0") or 0)
        body = self.rfile.read(length) if length else b""
        absolute = self.path.startswith(("http://", "https://"))
        if absolute:
            parts = urlsplit(self.path)
            host = parts.netloc
            path = parts.path or "/"
            path += f"?{parts.query}" if parts.query else ""
        else:
            host, path = headers.get("host", ""), self.path
        request = Request(self.command, path, host, headers, body, arrived, absolute)
        reply = self.owner._record_and_route(request)
        try:
            self._send(reply, send_body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (size cap, timeout): expected in tests

    def _send(self, reply: Reply, send_body: bool) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        if reply.drop:
            self.close_connection = True
            return
        chunks, length = _chunks(reply)
        names = {k.lower() for k in reply.headers}
        chunked = (
            (reply.chunked or reply.drip > 0 or length is None)
            and "content-length" not in names
            and reply.status not in (204, 304)
        )
        self.send_response(reply.status)
        if "content-type" not in names and (length or length is None) and reply.status not in (204, 304):
            self.send_header("content-type", "text/html; charset=utf-8")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if chunked:
            self.send_header("transfer-encoding", "chunked")
        elif "content-length" not in names and reply.status not in (204, 304):  # RFC 9110 8.6
            self.send_header("content-length", str(length or 0))
        self.end_headers()
        if not send_body or reply.status in (204, 304):
            return
        for chunk in chunks:
            if reply.drip:
                time.sleep(reply.drip)
            if not chunk:
                continue
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
            self.wfile.flush()
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


def _chunks(reply: Reply) -> tuple[Iterable[bytes], int | None]:
    """The body as chunks, and its length when known up front."""
    body = reply.body
    if isinstance(body, str):
        body = body.encode("utf-8")
    if isinstance(body, bytes | bytearray):
        data = bytes(body)
        if reply.chunk_size > 0:
            return [data[i : i + reply.chunk_size] for i in range(0, len(data), reply.chunk_size)], len(data)
        return [data], len(data)
    return body, None

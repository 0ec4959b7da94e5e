"""Serves the sample web as an HTTP proxy on 127.0.0.1: each fictional host is a folder of static files.

The audit reaches the fictional hosts (janedoe.example, sampatel.test, ...) by using this server as its
proxy, so the real fetch layer, robots.txt handling and crawl run unchanged against them.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

WEB_ROOT = Path(__file__).resolve().parent / "web"
BEHAVIOUR_FILE = "_behaviour.json"
ROUTES_FILE = "_routes.json"


@dataclass(frozen=True)
class Request:
    """One request the sample web received (tests assert on these)."""

    host: str
    path: str
    user_agent: str


class SampleWeb(ThreadingHTTPServer):
    """The sample web server; `requests` logs every request it received."""

    daemon_threads = True

    def __init__(self, root: Path = WEB_ROOT, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.root = root
        self.behaviour: dict[str, dict[str, Any]] = json.loads((root / BEHAVIOUR_FILE).read_text())
        self.requests: list[Request] = []
        self.not_modified = 0
        """Requests answered 304 Not Modified (a revalidated cache entry)."""
        self._lock = threading.Lock()

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (the audit's timeout) leaves a broken pipe: expected, not worth a trace.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def log_request_of(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def requested(self, host: str) -> list[str]:
        """Paths requested of one host, in order."""
        with self._lock:
            return [r.path for r in self.requests if r.host == host]


class _Handler(BaseHTTPRequestHandler):
    server: SampleWeb
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes: with Nagle's algorithm the body waits for the client's
    # delayed ACK of the headers (about 40 ms on Linux), which would swamp any latency a rule sets.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the server keeps its own log; stderr belongs to the audit's progress

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        host = (parts.hostname or self.headers.get("Host", "").split(":")[0]).lower()
        path = parts.path or "/"
        self.server.log_request_of(Request(host, path, self.headers.get("User-Agent", "")))
        rule = self.server.behaviour.get(host, {})
        if "delay" in rule:
            time.sleep(float(rule["delay"]))
        if "status" in rule:
            self._reply(int(rule["status"]), b"<h1>Server error</h1>", "text/html")
            return
        site = self.server.root / host
        if not host or host.startswith("_") or not site.is_dir():
            self._reply(502, b"unknown host in the sample web", "text/plain")
            return
        route = _route(site, path, parse_qs(parts.query))
        if route is not None:
            self._route_reply(site, route)
            return
        file = _resolve(site, unquote(path))
        if file is None:
            self._reply(404, b"<h1>Not found</h1>", "text/html")
            return
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind == "text/html":
            kind = "text/html; charset=utf-8"
        body = file.read_bytes()
        # A validator as real servers send one, so a re-run with a warm cache costs a 304 per page.
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        if self.headers.get("If-None-Match", "") == etag:
            with self.server._lock:
                self.server.not_modified += 1
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._reply(200, body, kind, {"ETag": etag})

    def _route_reply(self, site: Path, route: Mapping[str, Any]) -> None:
        body = b""
        if "file" in route:
            file = _resolve(site, str(route["file"]))
            body = file.read_bytes() if file else b""
        elif "body" in route:
            body = str(route["body"]).encode()
        headers = {str(k): str(v) for k, v in route.get("headers", {}).items()}
        kind = headers.pop("Content-Type", route.get("content_type", "application/json"))
        self._reply(int(route.get("status", 200)), body, kind, headers)

    def _reply(
        self, status: int, body: bytes, content_type: str, headers: Mapping[str, str] | None = None
    ) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _route(site: Path, path: str, query: Mapping[str, list[str]]) -> Mapping[str, Any] | None:
    """The first entry of the host's _routes.json matching the path and query, if any.

    Each entry: {"path": "/cdx/search/cdx", "query": {"url": "janedoe.example"}, "status": 200,
    "headers": {...}, "file": "cdx/janedoe.json" | "body": "..."}; a query value matches when it is a
    substring of the request's parameter. Lets look-alike APIs vary by query and send any status.
    """
    routes_file = site / ROUTES_FILE
    if not routes_file.is_file():
        return None
    routes: list[dict[str, Any]] = json.loads(routes_file.read_text())
    for route in routes:
        if route.get("path") != path:
            continue
        wanted: dict[str, str] = route.get("query", {})
        if all(any(v in got for got in query.get(k, [])) for k, v in wanted.items()):
            return route
    return None


def _resolve(site: Path, path: str) -> Path | None:
    """The file for a URL path inside the site's folder, or None (never a file outside it)."""
    candidate = (site / path.lstrip("/")).resolve()
    if candidate.is_dir():
        candidate = candidate / "index.html"
    if (
        not candidate.is_file()
        or not candidate.is_relative_to(site.resolve())
        or candidate.name == ROUTES_FILE
    ):
        return None
    return candidate


@contextmanager
def serving(root: Path = WEB_ROOT, port: int = 0) -> Iterator[SampleWeb]:
    """Run the sample web in a background thread for the duration of the block."""
    server = SampleWeb(root, port)
    thread = threading.Thread(target=server.serve_forever, name="sample-web", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main() -> None:
    """`python -m auditor.demo.server`: serve the sample web until interrupted (for poking at it)."""
    with serving(port=8808) as server:
        print(f"sample web on {server.proxy_url} (use it as an HTTP proxy)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()


__all__ = ["Request", "SampleWeb", "serving"]

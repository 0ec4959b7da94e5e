"""The address guard: no private, loopback or metadata addresses, on any hop or connection."""

from __future__ import annotations

import ipaddress
import socket
from typing import TYPE_CHECKING, Any

import pytest
from localserver import LocalServer, Reply
from test_fetch import failed, ok

from auditor.config import NetworkSettings
from auditor.fetch import Fetcher
from auditor.fetch.guard import InvalidAllowedAddress, ip_literal, why_refused

if TYPE_CHECKING:
    from conftest import FetcherFactory, ServerFactory

EXEMPT_TEST_SERVER = ("127.0.0.1/32",)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("100.64.0.1", "shared (carrier-grade NAT)"),
        ("224.0.0.251", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("192.0.2.10", "private"),  # RFC 5737 documentation ranges are not routable either
        ("::ffff:127.0.0.1", "loopback IPv4 127.0.0.1 inside IPv6"),
        ("::ffff:169.254.169.254", "link-local IPv4 169.254.169.254 inside IPv6"),
        ("2002:7f00:1::", "loopback IPv4 127.0.0.1 inside IPv6"),  # 6to4
        ("64:ff9b::a9fe:a9fe", "link-local IPv4 169.254.169.254 inside IPv6"),  # NAT64
    ],
)
def test_refused_address_kinds(address: str, kind: str) -> None:
    assert why_refused(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    ("host", "address"),
    [("127.0.0.1", "127.0.0.1"), ("[::1]", "::1"), ("2130706433", "127.0.0.1"), ("0x7f.1", "127.0.0.1")],
)
def test_ip_literals_in_every_spelling(host: str, address: str) -> None:
    assert str(ip_literal(host)) == address


def test_ip_literals_leave_names_alone() -> None:
    assert ip_literal("janedoe.example") is None
    assert ip_literal("1.example") is None


def test_loopback_is_refused_before_any_request(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    failure = failed(fetcher_factory(allow_private=False).get(local_server.url("/")), "guard")
    assert "127.0.0.1" in failure.detail
    assert "loopback" in failure.detail
    assert local_server.requests == []


@pytest.mark.parametrize("target", ["127.0.0.2", "localhost", "metadata"])
def test_redirects_from_an_exempt_host_are_rechecked(
    local_server: LocalServer, server_factory: ServerFactory, fetcher_factory: FetcherFactory, target: str
) -> None:
    inner = server_factory("127.0.0.2")
    location = {
        "127.0.0.2": inner.url("/admin"),
        "localhost": f"http://localhost:{local_server.port}/admin",
        "metadata": "http://169.254.169.254/latest/meta-data/",
    }[target]
    local_server.route("/start", Reply.redirect(location))
    fetcher = fetcher_factory(allow_private=False, allow_addresses=EXEMPT_TEST_SERVER)
    ok(fetcher.get(local_server.url("/robots-free"), respect_robots=False))  # the exemption works
    failure = failed(fetcher.get(local_server.url("/start")), "guard")
    assert {"127.0.0.2": "127.0.0.2", "localhost": "localhost", "metadata": "169.254.169.254"}[target] in (
        failure.detail
    )
    assert inner.requests == []
    assert "/admin" not in local_server.paths()


@pytest.mark.parametrize("exempt_loopback", [False, True])
def test_connected_peer_is_checked_against_dns_rebinding(
    local_server: LocalServer,
    fetcher_factory: FetcherFactory,
    monkeypatch: pytest.MonkeyPatch,
    exempt_loopback: bool,
) -> None:
    # rebind.test first resolves to an exempt address (what the guard sees), then to loopback
    # (what the connection gets): the check after connecting must catch the switch.
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["192.0.2.10"])

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "rebind.test":
            host = next(answers, "127.0.0.1")
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    local_server.route("/", Reply(body="internal"))
    exempt = ("192.0.2.0/24", "127.0.0.1/32") if exempt_loopback else ("192.0.2.0/24",)
    fetcher = fetcher_factory(allow_private=False, allow_addresses=exempt)
    result = fetcher.get(f"http://rebind.test:{local_server.port}/", respect_robots=False)
    if exempt_loopback:  # control: the same set-up reaches the server when loopback is allowed
        assert ok(result).body == b"internal"
    else:
        assert "the connected server at 127.0.0.1" in failed(result, "guard").detail
        assert local_server.requests == []


def test_https_connections_are_peer_checked_too(
    local_server: LocalServer, fetcher_factory: FetcherFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The check runs after the TCP connect and before the TLS handshake, so a plain server will do.
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["192.0.2.10"])

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        return real_getaddrinfo(
            next(answers, "127.0.0.1") if host == "rebind.test" else host, port, *args, **kwargs
        )

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    fetcher = fetcher_factory(allow_private=False, allow_addresses=("192.0.2.0/24",))
    failure = failed(fetcher.get(f"https://rebind.test:{local_server.port}/", respect_robots=False), "guard")
    assert "the connected server at 127.0.0.1" in failure.detail
    assert local_server.requests == []


def test_through_a_proxy_only_ip_literals_are_checked(
    local_server: LocalServer, fetcher_factory: FetcherFactory
) -> None:
    local_server.route("/page", Reply(body="via proxy"), host="site.example")
    fetcher = fetcher_factory(proxy=local_server.base_url, allow_private=False)
    failed(fetcher.get("http://10.0.0.1/admin"), "guard")
    failed(fetcher.get("http://2130706433/"), "guard")
    failed(fetcher.get("http://localhost/"), "guard")
    assert local_server.requests == []
    # site.example does not resolve here: only the proxy resolves names.
    assert ok(fetcher.get("http://site.example/page", respect_robots=False)).body == b"via proxy"


def test_allow_private_lifts_the_guard(local_server: LocalServer, fetcher_factory: FetcherFactory) -> None:
    ok(fetcher_factory(allow_private=True).get(f"http://localhost:{local_server.port}/"))


def test_unresolvable_host_is_a_connection_failure(
    fetcher_factory: FetcherFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def nxdomain(host: Any, *args: Any, **kwargs: Any) -> Any:  # what a resolver answers, with no query sent
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", nxdomain)
    failure = failed(
        fetcher_factory(allow_private=False, retries=0).get("http://nowhere.invalid/"), "connection"
    )
    assert "nowhere.invalid" in failure.detail


def test_invalid_exemption_is_reported_at_start() -> None:
    with pytest.raises(InvalidAllowedAddress, match="allow_addresses"):
        Fetcher(NetworkSettings(allow_addresses=("intranet",), cache_enabled=False))

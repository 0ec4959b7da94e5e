"""URL canonicalisation and site scope."""

from __future__ import annotations

import pytest

from auditor.urls import canonical, host_of, site_of


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTP://JaneDoe.example:80/news/../about?utm_source=x&id=2#top",
            "http://janedoe.example/about?id=2",
        ),
        ("http://janedoe.example", "http://janedoe.example/"),
        ("https://janedoe.example:443/a%7Eb", "https://janedoe.example/a~b"),
        ("http://janedoe.example/a?fbclid=123", "http://janedoe.example/a"),
        ("javascript:alert(1)", ""),
        ("mailto:jane@mail.example", ""),
        ("ftp://janedoe.example/file", ""),
        ("http://[::1", ""),
        ("/relative/path", ""),
    ],
)
def test_canonical(url: str, expected: str) -> None:
    assert canonical(url) == expected


def test_canonical_keeps_distinct_pages_distinct() -> None:
    assert canonical("http://a.example/page?id=1") != canonical("http://a.example/page?id=2")
    assert canonical("http://a.example/Page") != canonical("http://a.example/page")


@pytest.mark.parametrize(
    ("host", "site"),
    [
        ("www.sampatel.test", "sampatel.test"),
        ("janedoe.example", "janedoe.example"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("alice.github.io", "alice.github.io"),  # a private suffix: each user's site is its own
        ("bob.github.io", "bob.github.io"),
        ("192.0.2.10", "192.0.2.10"),
        ("WWW.Example.CO.UK.", "example.co.uk"),
    ],
)
def test_site_of(host: str, site: str) -> None:
    assert site_of(host) == site


def test_host_of() -> None:
    assert host_of("http://JaneDoe.example:8080/x") == "janedoe.example"
    assert host_of("not a url") == ""

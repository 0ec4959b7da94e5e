"""The guard every test runs under (conftest._no_traffic_off_the_machine) knows loopback from the rest."""

from __future__ import annotations

import socket

import pytest
from conftest import _off_the_machine


@pytest.mark.parametrize(
    ("address", "beyond"),
    [
        (("127.0.0.1", 80), None),
        (("127.0.0.2", 8080), None),  # the whole 127/8 is loopback
        (("::1", 80, 0, 0), None),
        (("localhost", 80), None),
        ("/tmp/pymp-x/listener", None),  # a Unix socket: multiprocessing's forkserver
        (("192.0.2.1", 80), "192.0.2.1"),
        (("10.0.0.1", 443), "10.0.0.1"),
        (("169.254.169.254", 80), "169.254.169.254"),
        (("janedoe.example", 80), "janedoe.example"),
        (("::ffff:192.0.2.1", 80, 0, 0), "::ffff:192.0.2.1"),
    ],
)
def test_only_loopback_stays_on_the_machine(address: object, beyond: str | None) -> None:
    assert _off_the_machine(address) == beyond


def test_a_loopback_connection_is_allowed() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        with socket.create_connection(listener.getsockname(), timeout=2):
            pass

"""The test tiers: real parts are marked from the fixtures a test uses, and the fast tier has
no network beyond this machine."""

from __future__ import annotations

import socket

import pytest

from tests.support.network import block_network


def test_a_postgresql_case_is_marked_and_the_sqlite_case_is_not(
    request: pytest.FixtureRequest, database: str | None
) -> None:
    marked = request.node.get_closest_marker("postgres") is not None
    assert marked == (database is not None)


def test_a_test_using_no_real_part_carries_no_real_marker(request: pytest.FixtureRequest) -> None:
    real = {
        "browser",
        "web_server",
        "postgres",
        "chroma_server",
        "local_model",
        "llama_server",
        "speech_model",
    }
    assert not {m.name for m in request.node.iter_markers()} & real


def test_the_fast_tier_refuses_connections_beyond_loopback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    block_network(monkeypatch)
    with pytest.raises(ConnectionRefusedError, match="allows no network"):
        socket.create_connection(("192.0.2.1", 80), timeout=5)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname(), timeout=5):
            pass  # loopback still works, for in-process servers

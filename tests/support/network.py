"""Keeping a test on this machine: every connection beyond loopback refused."""

from __future__ import annotations

import socket

import pytest


def block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every connection beyond loopback fail at once, for the rest of the test."""
    connect = socket.socket.connect

    def loopback_only(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else ""
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in (
            "127.0.0.1",
            "::1",
            "localhost",
        ):
            raise ConnectionRefusedError(f"the fast tier allows no network ({host})")
        return connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", loopback_only)

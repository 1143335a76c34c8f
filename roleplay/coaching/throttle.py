"""Slowing down password guessing: a few failures per account and per client address, then a
wait.

Kept in memory (one server process owns its sign-ins); a restart forgives everyone, which
costs an attacker a restart they cannot cause. The clock is injectable for tests.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


class Throttled(Exception):
    """Too many tries: ``wait`` says how many seconds until the next one is heard."""

    def __init__(self, wait: float):
        self.wait = max(1, round(wait))
        super().__init__(f"Too many tries. Wait {self.wait} s and try again.")


@dataclass
class Throttle:
    """At most ``limit`` failures per key within ``window`` seconds; then the key waits until
    the oldest failure leaves the window."""

    limit: int
    window: float
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def check(self, *keys: str) -> None:
        """Raise ``Throttled`` if any key has used up its tries."""
        now = self.clock()
        with self._lock:
            waits = [self._wait(key, now) for key in keys if key]
        longest = max(waits, default=0.0)
        if longest > 0:
            raise Throttled(longest)

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                if key:
                    self._failures.setdefault(key, deque()).append(now)
            if len(self._failures) > 100_000:  # bounded memory under a flood of new keys
                self._forget(now)

    def succeeded(self, key: str) -> None:
        """A right password clears that account's failures (not the address's)."""
        with self._lock:
            self._failures.pop(key, None)

    def _wait(self, key: str, now: float) -> float:
        seen = self._failures.get(key)
        if not seen:
            return 0.0
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        if len(seen) < self.limit:
            return 0.0
        return seen[0] + self.window - now

    def _forget(self, now: float) -> None:
        for key in [k for k, v in self._failures.items() if not v or v[-1] <= now - self.window]:
            del self._failures[key]

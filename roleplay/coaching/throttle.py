"""Slowing down password guessing: a few failures per account and per client address, then a
wait.

The failures are rows of the database, so every server process on one database counts the
same tries (a guesser spread over a balancer's processes is held up as one). Old rows are
pruned as new ones come. The clock (seconds since the epoch) is injectable for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import sessionmaker

from roleplay.history.shared_tables import SignInFailure

# Pruning of expired failures runs on about one write in this many.
PRUNE_EVERY = 50


class Throttled(Exception):
    """Too many tries: ``wait`` says how many seconds until the next one is heard."""

    def __init__(self, wait: float):
        self.wait = max(1, round(wait))
        super().__init__(f"Too many tries. Wait {self.wait} s and try again.")


@dataclass
class Throttle:
    """At most ``limit`` failures per key within ``window`` seconds; then the key waits until
    the oldest failure leaves the window."""

    factory: sessionmaker
    limit: int
    window: float
    clock: Callable[[], float] = time.time
    _writes: int = 0

    def check(self, *keys: str) -> None:
        """Raise ``Throttled`` if any key has used up its tries."""
        keys = tuple(k[:300] for k in keys if k)
        if not keys:
            return
        now = self.clock()
        with self.factory() as db:
            rows = db.execute(
                select(SignInFailure.key, SignInFailure.at)
                .where(SignInFailure.key.in_(keys), SignInFailure.at > now - self.window)
                .order_by(SignInFailure.at)
            ).all()
        seen: dict[str, list[float]] = {}
        for key, at in rows:
            seen.setdefault(key, []).append(at)
        waits = [
            times[0] + self.window - now for times in seen.values() if len(times) >= self.limit
        ]
        longest = max(waits, default=0.0)
        if longest > 0:
            raise Throttled(longest)

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self.factory() as db:
            db.add_all(SignInFailure(key=key[:300], at=now) for key in keys if key)
            self._writes += 1
            if self._writes % PRUNE_EVERY == 0:  # bounded table under a flood of new keys
                db.execute(delete(SignInFailure).where(SignInFailure.at <= now - self.window))
            db.commit()

    def succeeded(self, key: str) -> None:
        """A right password clears that account's failures (not the address's)."""
        with self.factory() as db:
            db.execute(delete(SignInFailure).where(SignInFailure.key == key[:300]))
            db.commit()

"""Who is waiting on the model right now, so that background work can let them go first.

On a small machine the embedder and the chat model compete for the same cores: an ingest running
flat out makes a candidate wait three times as long for the interviewer's words. Replies register
here while they stream; an ingest pauses between batches until no reply is streaming.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Activity:
    def __init__(self) -> None:
        self._replying = 0
        self._quiet = threading.Condition()

    @contextmanager
    def replying(self) -> Iterator[None]:
        """Mark a reply as streaming for the duration of the block."""
        with self._quiet:
            self._replying += 1
        try:
            yield
        finally:
            with self._quiet:
                self._replying -= 1
                self._quiet.notify_all()

    @property
    def busy(self) -> bool:
        return self._replying > 0

    def wait_until_quiet(self, timeout: float) -> bool:
        """Block until no reply is streaming, or ``timeout`` seconds; True if it went quiet."""
        with self._quiet:
            return self._quiet.wait_for(lambda: self._replying == 0, timeout=timeout)

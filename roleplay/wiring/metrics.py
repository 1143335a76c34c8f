"""Each server process's figures for operators, in Prometheus's format (``/metrics``): turns,
time to the first text of a reply and to its end, model errors and timeouts, events waiting,
open interviews. Figures are per process; a balanced cluster is scraped process by process.

Kept apart from the interview code: the front ends time what they stream and count what they
hold, through the few functions here."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

from roleplay.llm.errors import ModelError

T = TypeVar("T")

# Seconds, from a quick turn of the embedded model to a slow one of a busy server.
BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)

TURNS = Counter("roleplay_turns", "Interviewer turns streamed to pages")
FIRST_TEXT = Histogram(
    "roleplay_first_text_seconds", "From a turn asked for to its first text", buckets=BUCKETS
)
REPLY = Histogram("roleplay_reply_seconds", "From a turn asked for to its end", buckets=BUCKETS)
MODEL_ERRORS = Counter(
    "roleplay_model_errors", "Turns the model failed, by kind (error or timeout)", ["kind"]
)
QUEUE = Gauge("roleplay_queue_depth", "Web events waiting for a worker in this process")
OPEN_INTERVIEWS = Gauge("roleplay_open_interviews", "Interviews held open by pages")
CONTENT_TYPE = CONTENT_TYPE_LATEST


def timed_turn(pieces: Iterator[T], clock: Callable[[], float] = time.monotonic) -> Iterator[T]:
    """``pieces`` of one interviewer turn, passed on as they come, timed and counted."""
    started = clock()
    first = True
    try:
        for piece in pieces:
            if first:
                FIRST_TEXT.observe(clock() - started)
                first = False
            yield piece
    except ModelError as error:
        MODEL_ERRORS.labels(kind=error.kind).inc()
        raise
    TURNS.inc()
    REPLY.observe(clock() - started)


def track(queue_depth: Callable[[], float], open_interviews: Callable[[], float]) -> None:
    """Read the two gauges from the process's own counts, at each scrape."""
    QUEUE.set_function(queue_depth)
    OPEN_INTERVIEWS.set_function(open_interviews)


def exposition() -> bytes:
    """Every figure of this process, as Prometheus reads them."""
    return generate_latest()

"""What an event's inputs may be, checked on the server.

Any client can call any event through the queue API with values of its own choosing (any type,
any length), whatever the page's components would allow. Handlers read their inputs through
these functions: a value of the wrong kind or size becomes an ``InputError`` whose message
the page can show.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any


class InputError(ValueError):
    """An input is of the wrong kind or too large; the message names it."""


def text(value: Any, label: str, limit: int, *, default: str = "") -> str:
    """A string of at most ``limit`` characters (None is ``default``)."""
    if value is None:
        return default
    if not isinstance(value, str):
        raise InputError(f"{label} must be text.")
    if len(value) > limit:
        raise InputError(f"{label} is {len(value):,} characters; the limit is {limit:,}.")
    return value


def number(value: Any, label: str, low: float, high: float) -> float:
    """A finite number, clamped to ``low``..``high`` (a slider's range, enforced here)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InputError(f"{label} must be a number.")
    try:
        found = float(value)
    except ValueError:
        raise InputError(f"{label} must be a number.") from None
    if not math.isfinite(found):
        raise InputError(f"{label} must be a number.")
    return min(max(found, low), high)


def choice(value: Any, label: str, allowed: Collection[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise InputError(f"There is no {label} '{str(value)[:80]}'.")
    return value


def optional_text(value: Any, label: str, limit: int) -> str | None:
    """Text, or None for an empty choice."""
    found = text(value, label, limit)
    return found or None


def files(value: Any) -> list[str]:
    """Uploaded files as Gradio hands them over: paths in its own upload cache (Gradio refuses
    a path it did not receive; ``add_uploads`` refuses anything but a plain file)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(f, str) for f in value):
        raise InputError("Send files as a list of uploads.")
    return value


def scenario_code(value: Any) -> str:
    """A scenario code as sent: text of a code's length (anything else is refused)."""
    return text(value, "The scenario code", 64).strip()

"""Builders for what many tests need: one place to make a model's notes reply."""

from __future__ import annotations

import json


def notes_reply(**changes: object) -> str:
    """A private-notes update as a model would write it (JSON), with ``changes`` applied."""
    data: dict[str, object] = {
        "mood": 0.5,
        "worries": [],
        "lean": "undecided",
        "thought": "Hard to read.",
        "next_focus": "",
    }
    data.update(changes)
    return json.dumps(data)

"""The hand-labelled answers under tests/data/notes_labels/, read for tests and the benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel

DATA = Path(__file__).parents[1] / "data" / "notes_labels"
Label = Literal["eases", "confirms", "neutral"]


class LabelledAnswer(BaseModel):
    id: str
    persona: str
    role: str
    company: str
    question: str
    answer: str
    labels: dict[str, Label]
    hard: str | None = None


def load_labelled(split: str) -> list[LabelledAnswer]:
    """``dev`` (the rules were tuned on it), ``test`` (held out, written by another hand),
    ``fresh`` to ``fresh6`` (held out, each written later by a hand that never read the
    assessor's rules)."""
    data = yaml.safe_load((DATA / f"{split}.yaml").read_text(encoding="utf-8"))
    return [LabelledAnswer.model_validate(item) for item in data]


SECOND_HAND = DATA / "second_hand"


class SecondLabels(BaseModel):
    id: str
    labels: dict[str, Label]


def second_hand_splits() -> list[str]:
    return sorted(path.stem for path in SECOND_HAND.glob("*.yaml"))


def load_second_hand(split: str) -> dict[str, dict[str, Label]]:
    """Another hand's blind labels of ``split``, by answer id: how far two careful readers
    agree is the most any reader of these answers can be asked to agree with either."""
    data = yaml.safe_load((SECOND_HAND / f"{split}.yaml").read_text(encoding="utf-8"))
    return {row.id: row.labels for row in map(SecondLabels.model_validate, data)}


TURNS = Path(__file__).parents[1] / "data" / "turn_acts.yaml"


class LabelledTurn(BaseModel):
    """A candidate's turn after an interviewer's line, labelled by hand with its kind."""

    id: str
    split: Literal["tune", "held_out", "fresh"]
    mode: Literal["formal", "informational"]
    company: str
    asked: str
    text: str
    kind: str
    intent: str | None = None


def load_turns() -> list[LabelledTurn]:
    """Every labelled turn: ``tune`` (the reader was tuned and its model fitted on it),
    ``held_out`` and ``fresh`` (written apart, never tuned on)."""
    data = yaml.safe_load(TURNS.read_text(encoding="utf-8"))
    return [LabelledTurn.model_validate(item) for item in data["items"]]

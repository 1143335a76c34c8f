"""The interviewer's private notes: what they are, and how a model's update is read and applied.

The notes are seeded from the persona (every worry starts open) and changed only through
``apply_update``, which trusts nothing the model says: unknown worries are ignored, statuses are
normalised, and evidence must be the candidate's own words. A reply that cannot be read raises
``NotesParseError`` so the engine can keep the last good notes and record the failure.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from roleplay.core.personas import Persona

WorryStatus = Literal["open", "eased", "confirmed"]
Lean = Literal["positive", "negative", "undecided"]

_STATUS_SYNONYMS = {
    "open": "open",
    "unresolved": "open",
    "unchanged": "open",
    "pending": "open",
    "eased": "eased",
    "settled": "eased",
    "resolved": "eased",
    "reduced": "eased",
    "confirmed": "confirmed",
    "worse": "confirmed",
    "heightened": "confirmed",
    "increased": "confirmed",
}
_LEAN_SYNONYMS = {
    "hire": "positive",
    "yes": "positive",
    "positive": "positive",
    "keep in touch": "positive",
    "keep_in_touch": "positive",
    "refer": "positive",
    "no hire": "negative",
    "no_hire": "negative",
    "no": "negative",
    "negative": "negative",
    "not": "negative",
    "not a fit": "negative",
    "not a fit for now": "negative",
    "undecided": "undecided",
    "unsure": "undecided",
    "neutral": "undecided",
}


class NotesParseError(ValueError):
    """The model's notes update could not be read."""


class WorryNote(BaseModel):
    id: str
    label: str
    status: WorryStatus = "open"
    # The candidate's sentence behind each change of status, word for word.
    evidence: list[str] = Field(default_factory=list)
    # Why each change was made (the cues found), beside its evidence; "" for a model's change.
    why: list[str] = Field(default_factory=list)
    changed_at_turn: int | None = None


class PrivateNotes(BaseModel):
    mood: float = Field(
        ge=0, le=1, description="How uneasy the interviewer feels, 0 calm .. 1 tense."
    )
    worries: list[WorryNote]
    lean: Lean = "undecided"
    lean_label: str = "undecided"
    thought: str = ""
    next_focus: str = ""

    @classmethod
    def initial(cls, persona: Persona) -> PrivateNotes:
        return cls(
            mood=persona.temperament.anxiety,
            worries=[WorryNote(id=w.id, label=w.label) for w in persona.worries],
        )

    def worry(self, worry_id: str) -> WorryNote | None:
        return next((w for w in self.worries if w.id == worry_id), None)

    def counts(self) -> dict[str, int]:
        counts = {"open": 0, "eased": 0, "confirmed": 0}
        for worry in self.worries:
            counts[worry.status] += 1
        return counts


class WorryUpdate(BaseModel):
    id: str
    status: str
    evidence: str = ""

    @field_validator("status")
    @classmethod
    def _normalise_status(cls, value: str) -> str:
        status = _STATUS_SYNONYMS.get(value.strip().lower())
        if status is None:
            raise ValueError(f"unknown worry status {value!r}")
        return status


class NotesUpdate(BaseModel):
    """What the model is asked to return after each interviewer turn."""

    mood: float = Field(ge=0, le=1)
    worries: list[WorryUpdate] = Field(default_factory=list)
    lean: str = "undecided"
    thought: str = ""
    next_focus: str = ""

    @field_validator("mood", mode="before")
    @classmethod
    def _clamp_mood(cls, value: Any) -> Any:
        # An out-of-range number still says which way the mood went; a non-number says nothing.
        if isinstance(value, int | float) and not isinstance(value, bool):
            return min(1.0, max(0.0, float(value)))
        return value

    @field_validator("lean")
    @classmethod
    def _normalise_lean(cls, value: str) -> str:
        return _LEAN_SYNONYMS.get(value.strip().lower().replace("-", " "), "undecided")


def notes_json_schema(persona: Persona) -> dict[str, Any]:
    """A JSON schema for the update, narrowed to this persona's worry ids."""
    positive, negative = persona.lean_labels
    # Length caps keep a small model's constrained output short enough to finish within its
    # token budget, so the JSON always closes.
    text = {"type": "string", "maxLength": 160}
    return {
        "type": "object",
        "properties": {
            "mood": {"type": "number", "minimum": 0, "maximum": 1},
            "worries": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "enum": [w.id for w in persona.worries]},
                        "status": {"type": "string", "enum": ["open", "eased", "confirmed"]},
                        "evidence": text,
                    },
                    "required": ["id", "status", "evidence"],
                },
                "maxItems": len(persona.worries),
            },
            "lean": {"type": "string", "enum": [positive, negative, "undecided"]},
            "thought": text,
            "next_focus": text,
        },
        "required": ["mood", "worries", "lean", "thought", "next_focus"],
    }


_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


def parse_notes_update(text: str) -> NotesUpdate:
    """Read a model's reply (JSON, possibly wrapped in prose or a code fence) into an update."""
    match = _JSON_OBJECT.search(text or "")
    if not match:
        raise NotesParseError("the reply holds no JSON object")
    try:
        # strict=False: small models (and llama.cpp's JSON grammar) leave raw newlines and tabs
        # inside strings; the words are still the model's notes.
        data = json.loads(match.group(0), strict=False)
    except json.JSONDecodeError as error:
        raise NotesParseError(f"the reply is not valid JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise NotesParseError("the reply's JSON is not an object")
    data["worries"] = _readable_worries(data.get("worries"))
    try:
        return NotesUpdate.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(p) for p in problem["loc"])
        raise NotesParseError(f"field '{field}': {problem['msg']}") from None


def _readable_worries(raw: Any) -> list[dict[str, Any]]:
    # One unreadable worry entry should not throw away the mood and lean of the whole update.
    if not isinstance(raw, list):
        return []
    readable = []
    for item in raw:
        try:
            readable.append(WorryUpdate.model_validate(item).model_dump())
        except ValidationError:
            continue
    return readable


def _normalise_text(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def _snippet(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def apply_update(
    previous: PrivateNotes,
    update: NotesUpdate,
    persona: Persona,
    *,
    candidate_words: str,
    turn_index: int,
) -> PrivateNotes:
    """Return new notes: ``previous`` changed by ``update``, checked against the candidate's words.

    A worry only moves when the candidate has said something. Evidence the candidate never said
    is replaced by a snippet of their latest answer, the words the change actually followed.
    """
    notes = previous.model_copy(deep=True)
    notes.mood = update.mood
    notes.thought = update.thought.strip()
    notes.next_focus = update.next_focus.strip()
    notes.lean = update.lean  # type: ignore[assignment]
    positive, negative = persona.lean_labels
    notes.lean_label = {"positive": positive, "negative": negative}.get(update.lean, "undecided")
    if not candidate_words.strip():
        return notes
    said = _normalise_text(candidate_words)
    for change in update.worries:
        worry = notes.worry(change.id)
        if worry is None or change.status == worry.status:
            continue
        worry.status = change.status  # type: ignore[assignment]
        worry.changed_at_turn = turn_index
        quote = change.evidence.strip().strip('"')
        normalised = _normalise_text(quote)
        worry.evidence.append(
            _snippet(quote) if normalised and normalised in said else _snippet(candidate_words)
        )
        worry.why.append("")
    return notes

"""A session as plain data: setting, turns with timestamps, and the notes after each turn."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from roleplay.core.delivery import Delivery
from roleplay.core.notes import PrivateNotes
from roleplay.core.safety import (
    LABEL_LIMIT,
    NAME_LIMIT,
    SNIPPET_LIMIT,
    prompt_field,
    prompt_path,
)

Speaker = Literal["interviewer", "candidate"]
Stage = Literal["opening", "questions", "candidate_questions", "close"]
EndReason = Literal["turn_limit", "time_limit", "candidate_closed", "interviewer_closed"]


def now() -> datetime:
    return datetime.now(UTC)


class Setting(BaseModel):
    """Who meets whom about what. Every field reaches the prompts, so each is one clean line:
    no tags, no newlines, a name's length at most."""

    company: str = Field(min_length=1)
    role: str = Field(min_length=1)
    candidate: str = Field(default="the candidate", min_length=1)

    @field_validator("company", "role", "candidate", mode="before")
    @classmethod
    def _one_clean_line(cls, value: object) -> str:
        return prompt_field(str(value), NAME_LIMIT)


class Source(BaseModel):
    """A passage the interviewer was given for a turn, from a research pack."""

    source: str
    location: str = ""
    snippet: str
    score: float | None = None
    pack: str = ""
    # "company" research, or the "candidate"'s own CV and the job ad.
    kind: Literal["company", "candidate"] = "company"

    # Research is data written by anyone: its names and text reach the prompt as plain lines.
    @field_validator("source", mode="before")
    @classmethod
    def _label(cls, value: object) -> str:
        return prompt_field(str(value), LABEL_LIMIT)

    @field_validator("location", mode="before")
    @classmethod
    def _path(cls, value: object) -> str:
        return prompt_path(str(value), LABEL_LIMIT)

    @field_validator("snippet", mode="before")
    @classmethod
    def _passage(cls, value: object) -> str:
        return prompt_field(str(value), SNIPPET_LIMIT)


Move = Literal[
    "opening",
    "follow_up",
    "next_question",
    "fact_question",
    "answer",
    "come_back",
    "invite_questions",
    "close",
]
# How the turn showed it heard the last one: a specific answer picked up, a worry eased or
# confirmed, a hostile turn or a pleasantry met, a question answered from the research, by an
# authored line, or with an honest "I don't know".
Reaction = Literal[
    "",
    "picked_up",
    "eased",
    "confirmed",
    "hostile",
    "small_talk",
    "research",
    "authored",
    "dont_know",
]


class TurnPlan(BaseModel):
    """What the engine decided an interviewer turn does, before any model phrases it."""

    move: Move
    # The whole turn in the persona's own words: what is said when no model voicing passes.
    text: str
    # The one question the turn asks, exactly as planned ("" when it asks none).
    question: str = ""
    # The worry (or impression) the question tests, when it tests one.
    worry: str | None = None
    # The research sentence the turn uses, said as written.
    fact: str | None = None
    # Why the planner chose this move, for the debrief and for tests.
    why: str = ""
    # What the last candidate turn was taken to be ("answer", "dodge", "question: referral").
    heard: str = ""
    reaction: Reaction = ""
    # The candidate's own words the turn repeats back, exactly as said.
    quote: str = ""


class Turn(BaseModel):
    index: int
    speaker: Speaker
    text: str
    at: datetime = Field(default_factory=now)
    stage: Stage | None = None
    # True when the model produced nothing usable and the persona's own scripted line was used.
    scripted: bool = False
    plan: TurnPlan | None = None
    # Who phrased the turn: the model (its words passed every check) or the plan's own text.
    voiced_by: Literal["model", "plan"] | None = None
    # Why the model's tries were not used, or what was repaired in them.
    voicing_note: str = ""
    sources: list[Source] = Field(default_factory=list)
    # Why this turn had no research to draw on, when looking it up failed.
    sources_error: str | None = None
    notes: PrivateNotes | None = None
    notes_error: str | None = None
    # How a spoken answer was said, measured from its audio (None for a typed one).
    delivery: Delivery | None = None
    # A candidate's question, as the research is searched for its answer ("" for other turns).
    search: str = ""


class PracticeOf(BaseModel):
    """An interview that practises one question of an earlier one again: which interview, which
    of its answers (1 for the first), and the question as it was asked."""

    session: str = Field(pattern=r"^[0-9a-f]{12}$")
    answer: int = Field(ge=1)
    question: str = Field(min_length=1, max_length=1000)
    # The worry (or impression) the question tested, asked about again.
    worry: str | None = None


class Session(BaseModel):
    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    persona_id: str
    persona_name: str
    mode: Literal["formal", "informational"]
    setting: Setting
    max_turns: int
    minutes: float
    started_at: datetime = Field(default_factory=now)
    ended_at: datetime | None = None
    end_reason: EndReason | None = None
    model: str = ""
    packs: list[str] = Field(default_factory=list)
    # The subset of ``packs`` holding the candidate's own CV and job ad.
    candidate_packs: list[str] = Field(default_factory=list)
    # The code of the coach's scenario this is an attempt at, if any.
    scenario: str | None = None
    # The earlier interview and question this one practises again, if it does.
    practice: PracticeOf | None = None
    turns: list[Turn] = Field(default_factory=list)
    notes: PrivateNotes

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    @property
    def candidate_turns(self) -> int:
        return sum(1 for t in self.turns if t.speaker == "candidate")

    def add_turn(self, speaker: Speaker, text: str, **fields: Any) -> Turn:
        turn = Turn(index=len(self.turns), speaker=speaker, text=text, **fields)
        self.turns.append(turn)
        return turn

    def last(self, speaker: Speaker) -> Turn | None:
        return next((t for t in reversed(self.turns) if t.speaker == speaker), None)

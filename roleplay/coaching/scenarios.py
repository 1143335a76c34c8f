"""Practice scenarios: which interviewer, which research, which role, what the learner should
achieve, how it is scored and for how long. Stored in the database; shared as YAML files.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from roleplay.core.datafiles import load_yaml
from roleplay.core.errors import UserError
from roleplay.core.personas import Persona

Difficulty = Literal["gentle", "standard", "tough"]
# How the interviewer's temperament moves at each difficulty (standard keeps the persona's own).
_DIFFICULTY = {
    "gentle": {"anxiety": 0.25, "strictness": 0.25},
    "tough": {"anxiety": 0.9, "strictness": 0.9},
}


class ScenarioError(UserError, ValueError):
    """A scenario file or value is wrong; the message names the file and field."""


class ScenarioSpec(BaseModel):
    """What a coach writes: the YAML file's fields, all validated."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200)
    persona: str = Field(
        min_length=1, max_length=100, description="persona id, e.g. anxious-hiring-manager"
    )
    company: str = Field(min_length=1, max_length=100)
    role: str = Field(min_length=1, max_length=100)
    packs: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=20, description="company research packs"
    )
    brief: str = Field(default="", max_length=4000, description="what the learner reads first")
    objectives: list[Annotated[str, Field(max_length=500)]] = Field(
        default_factory=list, max_length=20
    )
    rubric: str | None = Field(
        default=None,
        pattern=r"^[a-z][a-z0-9_-]{0,63}$",
        description="rubric id; the persona's mode if unset",
    )
    turns: int = Field(default=8, ge=1, le=40)
    minutes: float = Field(default=30, gt=0, le=180)
    difficulty: Difficulty = "standard"
    feedback: Literal["immediate", "after_review"] = "immediate"
    attempts: int | None = Field(default=None, ge=1, description="attempts allowed; None = any")
    due: datetime | None = None
    allow_signup: bool = False

    def overdue(self, now: datetime | None = None) -> bool:
        """Has the due date passed? (A date stored without a zone is UTC.)"""
        if self.due is None:
            return False
        due = self.due if self.due.tzinfo else self.due.replace(tzinfo=UTC)
        return due < (now or datetime.now(UTC))

    def interviewer(self, persona: Persona) -> Persona:
        """The persona as this scenario's difficulty makes it."""
        changes = _DIFFICULTY.get(self.difficulty)
        if not changes:
            return persona
        temperament = persona.temperament.model_copy(update=changes)
        return persona.model_copy(update={"temperament": temperament})


class ScenarioListing(ScenarioSpec):
    """A scenario as ``scenario list|show --json`` prints it: its code and owner, then the
    fields of its file."""

    code: str = Field(description="What learners open it by (the end of its link).")
    owner: str = Field(description="The coach who wrote it.")

    @classmethod
    def of(cls, code: str, owner: str, spec: ScenarioSpec) -> ScenarioListing:
        return cls(code=code, owner=owner, **dict(spec))


def read_scenario(path: Path) -> ScenarioSpec:
    return load_yaml(path, ScenarioSpec, ScenarioError)


def scenario_yaml(spec: ScenarioSpec) -> str:
    data = spec.model_dump(mode="json", exclude_defaults=False)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)

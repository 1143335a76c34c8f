"""Rubrics as YAML files (``rubrics/*.yaml``), validated on load.

A ``ROLEPLAY_RUBRICS_DIR`` folder overrides the shipped files by name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from roleplay.core.cues import known_cues
from roleplay.core.datafiles import load_yaml
from roleplay.core.errors import UserError
from roleplay.core.resources import shipped_dir

RUBRIC_ID = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")


class RubricError(UserError, ValueError):
    """A rubric file is missing or malformed; the message names the file and field."""


class Anchors(BaseModel):
    model_config = ConfigDict(extra="forbid")

    good: str = Field(min_length=1)
    fair: str = Field(min_length=1)
    poor: str = Field(min_length=1)


Scope = Literal["answers", "questions", "closing", "notes"]


class CriterionEvidence(BaseModel):
    """How code finds a criterion's evidence in the candidate's sentences (cues: cues/cues.yaml).

    ``from`` says which sentences are read: every answer, only the candidate's questions, only
    their last turn, or the sentences that moved the interviewer's worries (eased counts as
    good, confirmed as poor). A sentence is good evidence when it holds at least ``needs`` of
    the ``good`` cues and none of the ``poor`` ones; Good needs ``enough`` such sentences.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    read: Scope = Field(default="answers", alias="from")
    good: list[str] = Field(default_factory=list)
    poor: list[str] = Field(default_factory=list)
    needs: int = Field(default=1, ge=1, le=5)
    enough: int = Field(default=2, ge=1, le=10)

    _known_cues = field_validator("good", "poor")(known_cues)

    @model_validator(mode="after")
    def _something_to_find(self) -> CriterionEvidence:
        if self.read != "notes" and not self.good:
            raise ValueError("'good' must name at least one cue (or read 'from: notes')")
        return self


DEFAULT_EVIDENCE = CriterionEvidence(
    good=["action", "result", "number"], poor=["hedge", "buzzword"]
)


class Criterion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    looks_for: str = Field(min_length=1)
    anchors: Anchors
    weight: float = Field(gt=0, le=10)
    # May the judge say "not applicable" (e.g. the interview ended before questions were asked)?
    allow_na: bool = False
    evidence: CriterionEvidence = DEFAULT_EVIDENCE
    # What to try next time, for the level reached; shown when no model advice can be used.
    tips: Anchors | None = None

    def tip(self, level: str) -> str:
        if self.tips is not None and level in ("good", "fair", "poor"):
            return str(getattr(self.tips, level))
        return f"Aim for this: {self.anchors.good}"


class Rubric(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    name: str = Field(min_length=1)
    mode: Literal["formal", "informational"]
    criteria: list[Criterion] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Rubric:
        ids = [c.id for c in self.criteria]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"criterion ids must be unique; repeated: {', '.join(duplicates)}")
        return self

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)


def load_rubric(path: Path) -> Rubric:
    return load_yaml(path, Rubric, RubricError)


def _folders(override_dir: Path | None) -> list[Path]:
    return ([Path(override_dir)] if override_dir else []) + [shipped_dir("rubrics")]


def rubric_for(mode: str, override_dir: Path | None = None) -> Rubric:
    """The rubric for an interview mode (or a scenario's rubric id): the user's file when there
    is one, else the shipped. Only a known id is ever turned into a file name."""
    known_ids = rubric_ids(override_dir)
    if mode not in known_ids:
        known = ", ".join(known_ids) or "none"
        raise RubricError(f"No rubric '{mode}'. Known rubrics: {known}.")
    for folder in _folders(override_dir):
        path = folder / f"{mode}.yaml"
        if path.is_file():
            return load_rubric(path)
    known = ", ".join(rubric_ids(override_dir)) or "none"
    raise RubricError(f"No rubric '{mode}' (looked for {mode}.yaml). Known rubrics: {known}.")


def rubric_ids(override_dir: Path | None = None) -> list[str]:
    """Every rubric a scenario may name: the shipped ones and the user's own."""
    return sorted(
        {
            path.stem
            for folder in _folders(override_dir)
            for path in folder.glob("*.yaml")
            if RUBRIC_ID.match(path.stem)
        }
    )

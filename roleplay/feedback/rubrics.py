"""Rubrics as YAML files (``rubrics/*.yaml``), validated on load.

A ``ROLEPLAY_RUBRICS_DIR`` folder overrides the shipped files by name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from roleplay.datafiles import load_yaml
from roleplay.resources import shipped_dir

RUBRIC_ID = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")


class RubricError(ValueError):
    """A rubric file is missing or malformed; the message names the file and field."""


class Anchors(BaseModel):
    model_config = ConfigDict(extra="forbid")

    good: str = Field(min_length=1)
    fair: str = Field(min_length=1)
    poor: str = Field(min_length=1)


class Criterion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    looks_for: str = Field(min_length=1)
    anchors: Anchors
    weight: float = Field(gt=0, le=10)
    # May the judge say "not applicable" (e.g. the interview ended before questions were asked)?
    allow_na: bool = False


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

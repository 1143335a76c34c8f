"""Interviewer persona cards: validated models, loading from YAML, and the persona library.

A persona is data, not code: each lives in ``personas/<id>.yaml``. Loading validates the file
and reports the file and the field at fault, so a coach editing a card sees what to fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from roleplay.datafiles import read_yaml, validate

Mode = Literal["formal", "informational"]
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class _KeepUnknown(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class PersonaError(ValueError):
    """A persona file or card that cannot be used; the message names the file and field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Temperament(_Strict):
    anxiety: float = Field(ge=0, le=1)
    warmth: float = Field(ge=0, le=1)
    strictness: float = Field(ge=0, le=1)
    talkativeness: float = Field(ge=0, le=1)


class Worry(_Strict):
    """Something the interviewer privately fears (or, informally, quietly judges)."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1)
    fears: str = Field(min_length=1)
    settled_by: str = Field(min_length=1)


class StagePlan(_Strict):
    opening: str = Field(min_length=1)
    questions: list[str] = Field(min_length=1)
    candidate_questions: str = Field(min_length=1)
    close: str = Field(min_length=1)


class Persona(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    title: str = Field(min_length=1)
    mode: Mode
    summary: str = Field(min_length=1, description="One line: what the meeting is like.")
    background: str = Field(min_length=1)
    temperament: Temperament
    worries: list[Worry] = Field(min_length=1)
    tells: list[str] = Field(min_length=1)
    speaking_habits: list[str] = Field(min_length=1)
    opening_lines: list[str] = Field(min_length=1)
    stages: StagePlan
    closing_lines: list[str] = Field(min_length=1)
    # The rest of a Character Card V2 this persona was imported from, kept for a faithful export.
    card: dict[str, Any] | None = None

    @field_validator("worries")
    @classmethod
    def _unique_worry_ids(cls, worries: list[Worry]) -> list[Worry]:
        seen: set[str] = set()
        for worry in worries:
            if worry.id in seen:
                raise ValueError(f"worry id '{worry.id}' appears twice")
            seen.add(worry.id)
        return worries

    @property
    def lean_labels(self) -> tuple[str, str]:
        """The two ends of the interviewer's running verdict."""
        if self.mode == "formal":
            return ("hire", "no hire")
        return ("keep in touch", "not a fit for now")

    def worry(self, worry_id: str) -> Worry | None:
        return next((w for w in self.worries if w.id == worry_id), None)

    def fill(self, line: str, *, candidate: str, company: str, role: str) -> str:
        """A card line with its slots ({name}, {candidate}, {company}, {role}, {title}) filled."""
        values = {
            "name": self.name,
            "title": self.title,
            "candidate": candidate,
            "company": company,
            "role": role,
        }
        return line.format_map(_KeepUnknown(values))


def persona_from_data(data: Any, source: str) -> Persona:
    if not isinstance(data, dict):
        raise PersonaError(f"{source}: expected a mapping of persona fields at the top level")
    return validate(data, Persona, source, PersonaError)


def load_persona(path: Path) -> Persona:
    return persona_from_data(read_yaml(path, PersonaError), str(path))


def dump_persona(persona: Persona) -> str:
    data = persona.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


class PersonaLibrary:
    """Personas found in a list of folders; a later folder's card overrides an earlier one's id."""

    def __init__(self, folders: Iterable[Path]):
        self.folders = [Path(f) for f in folders]
        self._personas: dict[str, Persona] | None = None

    def _load(self) -> dict[str, Persona]:
        if self._personas is None:
            personas: dict[str, Persona] = {}
            for folder in self.folders:
                if not folder.is_dir():
                    continue
                for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
                    persona = load_persona(path)
                    personas[persona.id] = persona
            self._personas = personas
        return self._personas

    def all(self) -> list[Persona]:
        return sorted(self._load().values(), key=lambda p: (p.mode, p.id))

    def get(self, persona_id: str) -> Persona:
        personas = self._load()
        if persona_id not in personas:
            known = ", ".join(sorted(personas)) or "none"
            raise PersonaError(f"No persona with id '{persona_id}'. Known personas: {known}.")
        return personas[persona_id]

    def save(self, persona: Persona, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{persona.id}.yaml"
        path.write_text(dump_persona(persona), encoding="utf-8")
        self._personas = None
        return path

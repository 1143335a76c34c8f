"""Interviewer persona cards: validated models, loading from YAML, and the persona library.

A persona is data, not code: each lives in ``personas/<id>.yaml``. Loading validates the file
and reports the file and the field at fault, so a coach editing a card sees what to fix.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, field_validator, model_validator

from roleplay.core.cues import known_cues
from roleplay.core.datafiles import read_yaml, validate
from roleplay.core.errors import UserError
from roleplay.core.persona_lines import (
    ID_PATTERN,
    SLOTS,
    InterviewLines,
    ListeningLines,
    check_slots,
    generic_listening,
)
from roleplay.core.persona_lines import Strict as _Strict

Mode = Literal["formal", "informational"]

_FILL = re.compile(r"\{(name|title|candidate|company|role|fact|quote|contact)\}")
# A fact is written to start a sentence; after a card's "To be fair to the company," its first
# word is in lower case unless it is a name ("we aim to…", but "Kelderby opened…").
_OPENING_QUOTE = re.compile(r"^([“\"']?)([a-z])")
_MID_SENTENCE = re.compile(r",\s*\{fact\}")
_SENTENCE_WORD = re.compile(
    r"^(The|We|Our|It|Its|This|These|There|They|Their|A|An|In|On|At|For|Every|Each|Most|All"
    r"|Many|Some|When|After|Before|Since|During|Today|Now|You|Your|Last)\b"
)


class PersonaError(UserError, ValueError):
    """A persona file or card that cannot be used; the message names the file and field."""


class Temperament(_Strict):
    anxiety: float = Field(ge=0, le=1)
    warmth: float = Field(ge=0, le=1)
    strictness: float = Field(ge=0, le=1)
    talkativeness: float = Field(ge=0, le=1)


class WorryEvidence(_Strict):
    """The cues that move a worry: found in a sentence, ``eases`` lowers it and ``confirms``
    raises it; a negatable cue the candidate denies counts for the other side."""

    eases: list[str] = Field(min_length=1)
    confirms: list[str] = Field(min_length=1)

    def all(self) -> set[str]:
        return set(self.eases) | set(self.confirms)

    _known_cues = field_validator("eases", "confirms")(known_cues)


# Built unchecked: checking the cues reads the vocabulary (a third of a second), which a command
# that only imports this module must not wait for. tests/unit/test_personas.py checks them.
DEFAULT_EVIDENCE = WorryEvidence.model_construct(
    eases=["action", "result", "number", "specific_skill"],
    confirms=["buzzword", "hedge", "thin"],
)


class Worry(_Strict):
    """Something the interviewer privately fears (or, informally, quietly judges)."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1)
    fears: str = Field(min_length=1)
    settled_by: str = Field(min_length=1)
    # Which cues (``cues/cues.yaml``) in the candidate's words ease or confirm it. Without this
    # section a worry moves on the generic cues in ``DEFAULT_EVIDENCE``.
    evidence: WorryEvidence | None = None

    def cues(self) -> WorryEvidence:
        return self.evidence or DEFAULT_EVIDENCE


class StagePlan(_Strict):
    opening: str = Field(min_length=1)
    questions: list[str] = Field(min_length=1)
    candidate_questions: str = Field(min_length=1)
    close: str = Field(min_length=1)


class PersonaVoice(_Strict):
    """How the interviewer sounds when heard: a Piper voice of this machine's (by its file
    name), an OpenAI voice, and a pace (1 is the voice's own)."""

    local: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.-]{1,80}$")
    openai: str | None = Field(default=None, pattern=r"^[a-z0-9_-]{1,40}$")
    pace: float = Field(default=1.0, ge=0.5, le=2.0)


class Plays(_Strict):
    """Who the interviewer is when the research holds their profile (``interview.played``)."""

    # Words of the title of the person it plays, most telling first ("director", "head").
    titles: list[str] = Field(min_length=1)
    # What the research is searched for when the candidate asks about the interviewer.
    search: str = Field(min_length=1)


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
    # Optional so older persona files and cards still load; the planner then works from the
    # stage plan's questions alone. Every shipped persona has them.
    lines: InterviewLines | None = None
    # How it shows it heard the last turn; missing lists fall back on the generic lines.
    listening: ListeningLines | None = None
    voice: PersonaVoice | None = None
    # Optional: a persona without it never speaks as a person from the research.
    plays: Plays | None = None
    # The rest of a Character Card V2 this persona was imported from, kept for a faithful export.
    card: dict[str, Any] | None = None
    # Made from another tool's character card: the card's own text (greeting, description)
    # stays on the card for export, and is not read back as edits to the persona.
    from_card: bool | None = None

    @field_validator("opening_lines", "closing_lines")
    @classmethod
    def _known_slots(cls, lines: list[str]) -> list[str]:
        for number, line in enumerate(lines, 1):
            try:
                check_slots(line, SLOTS)
            except ValueError as error:
                raise ValueError(f"line {number}: {error}") from None
        return lines

    @field_validator("worries")
    @classmethod
    def _unique_worry_ids(cls, worries: list[Worry]) -> list[Worry]:
        seen: set[str] = set()
        for worry in worries:
            if worry.id in seen:
                raise ValueError(f"worry id '{worry.id}' appears twice")
            seen.add(worry.id)
        return worries

    @model_validator(mode="after")
    def _lines_name_known_worries(self) -> Persona:
        if self.lines is None:
            return self
        known = {w.id for w in self.worries}
        for number, question in enumerate(self.lines.questions, 1):
            if question.tests not in known:
                raise ValueError(
                    f"lines.questions {number}: tests '{question.tests}', which is not one of "
                    f"this persona's worries ({', '.join(sorted(known))})"
                )
        for worry in self.lines.probes:
            if worry not in known:
                raise ValueError(f"lines.probes: '{worry}' is not one of this persona's worries")
        return self

    @property
    def lean_labels(self) -> tuple[str, str]:
        """The two ends of the interviewer's running verdict."""
        if self.mode == "formal":
            return ("hire", "no hire")
        return ("keep in touch", "not a fit for now")

    def worry(self, worry_id: str) -> Worry | None:
        return next((w for w in self.worries if w.id == worry_id), None)

    def listens(self) -> ListeningLines:
        """This persona's listening lines, the generic ones standing in for any it lacks."""
        generic = generic_listening()
        return self.listening.merged(generic) if self.listening else generic

    def fill(
        self,
        line: str,
        *,
        candidate: str,
        company: str,
        role: str,
        fact: str = "",
        quote: str = "",
        contact: str = "",
    ) -> str:
        """A card line with its slots ({name}, {candidate}, {company}, {role}, {title}, and
        {fact}, {quote} or {contact} when one is given) filled."""
        if fact and _MID_SENTENCE.search(line):
            fact = _SENTENCE_WORD.sub(lambda m: m.group(1).lower(), fact, count=1)
        given = {"fact": fact, "quote": quote, "contact": contact}
        values = {
            "name": self.name,
            "title": self.title,
            "candidate": candidate,
            "company": company,
            "role": role,
            **{slot: value for slot, value in given.items() if value},
        }
        # Known slots only, replaced as text: a line from a card someone else wrote is never a
        # format string ("{name:>2000000000}" would build gigabytes, "{0}" would raise).
        filled = _FILL.sub(lambda m: values.get(m.group(1), m.group(0)), line)
        # A quote that opens the line opens its sentence: "“My last manager was clueless”."
        return _OPENING_QUOTE.sub(lambda m: m.group(1) + m.group(2).upper(), filled, count=1)


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

    def __init__(self, folders: Iterable[Path], *, skip_broken: bool = False):
        self.folders = [Path(f) for f in folders]
        # A browser's own folder holds cards someone uploaded: one bad file must not take every
        # interviewer away with it.
        self.skip_broken = skip_broken
        self._personas: dict[str, Persona] | None = None

    def _load(self) -> dict[str, Persona]:
        if self._personas is None:
            personas: dict[str, Persona] = {}
            for folder in self.folders:
                if not folder.is_dir():
                    continue
                for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
                    try:
                        persona = load_persona(path)
                    except PersonaError:
                        if not self.skip_broken:
                            raise
                        continue
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
        # Written whole, then renamed into place: a crash never leaves half a persona.
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".persona-", suffix=".yaml")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(dump_persona(persona))
        os.replace(temporary, path)
        self._personas = None
        return path

"""Prompt templates, read from files and rendered into chat messages.

Every word the program sends a model lives in ``prompts/``. A user folder
(``ROLEPLAY_PROMPTS_DIR``) may override any file by name. Messages are laid out so that what
stays fixed for a whole interview (the persona and setting) comes first, then the conversation,
and what changes each turn (reference data, private notes, the stage) comes last. The notes
update shares that same prefix. Models then reuse their cache of the prefix from call to call
instead of reading the whole prompt again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.prompts import PromptTemplate

from roleplay.core.errors import UserError
from roleplay.core.personas import Persona
from roleplay.core.resources import shipped_dir
from roleplay.core.session import Session, Source, Stage, TurnPlan

TEMPLATE_NAMES = (
    "interviewer_system",
    "interviewer_turn",
    "voice_turn",
    "notes_update",
    "judge",
    "judge_transcript",
    "stronger_answer",
)


_TRANSCRIPT_TAG = re.compile(r"</?\s*transcript\s*>", re.IGNORECASE)
_DRAFT_TAG = re.compile(r"</?\s*draft\s*>", re.IGNORECASE)


class PromptError(UserError, ValueError):
    """A prompt file is missing or does not render."""


@dataclass(frozen=True)
class Prompts:
    templates: dict[str, PromptTemplate]
    closing_reasons: dict[str, str]

    @classmethod
    def load(cls, override_dir: Path | None = None) -> Prompts:
        folders = [shipped_dir("prompts")] + ([Path(override_dir)] if override_dir else [])

        def find(filename: str) -> Path:
            for folder in reversed(folders):
                if (folder / filename).is_file():
                    return folder / filename
            raise PromptError(
                f"Prompt file '{filename}' not found in {', '.join(map(str, folders))}"
            )

        templates = {}
        for name in TEMPLATE_NAMES:
            path = find(f"{name}.jinja")
            try:
                templates[name] = PromptTemplate.from_file(
                    path, encoding="utf-8", template_format="jinja2"
                )
            except Exception as error:  # jinja2 syntax errors come in several types
                raise PromptError(f"{path}: cannot be read as a template ({error})") from None
        reasons_path = find("closing_reasons.yaml")
        reasons = yaml.safe_load(reasons_path.read_text(encoding="utf-8"))
        if not isinstance(reasons, dict):
            raise PromptError(f"{reasons_path}: expected a mapping of end reason to sentence")
        return cls(
            templates=templates, closing_reasons={str(k): str(v) for k, v in reasons.items()}
        )

    def render(self, name: str, **values: Any) -> str:
        try:
            return self.templates[name].format(**values).strip()
        except Exception as error:
            raise PromptError(f"Prompt '{name}' failed to render: {error}") from None

    def conversation(self, persona: Persona, session: Session) -> list[BaseMessage]:
        """The shared prefix: the fixed system prompt, then every turn so far."""
        fixed = self.render("interviewer_system", persona=persona, setting=session.setting)
        messages: list[BaseMessage] = [SystemMessage(fixed)]
        for turn in session.turns:
            if turn.speaker == "interviewer":
                messages.append(AIMessage(turn.text))
            else:
                messages.append(HumanMessage(turn.text))
        return messages

    def interviewer_messages(
        self,
        persona: Persona,
        session: Session,
        *,
        stage: Stage,
        facts: list[Source],
        closing_reason: str = "",
        plan: TurnPlan | None = None,
    ) -> list[BaseMessage]:
        """The conversation, then this turn's brief (reference data, notes, what to do now,
        and the planned move when there is one)."""
        setting = session.setting
        lines = {"opening": persona.opening_lines, "close": persona.closing_lines}.get(stage)
        example = ""
        if lines:
            example = persona.fill(
                lines[0], candidate=setting.candidate, company=setting.company, role=setting.role
            )
        brief = self.render(
            "interviewer_turn",
            persona=persona,
            setting=session.setting,
            notes=session.notes,
            facts=facts,
            stage=stage,
            closing_reason=self.closing_reasons.get(closing_reason, ""),
            example=example,
            plan=plan,
        )
        return [*self.conversation(persona, session), SystemMessage(brief)]

    def voice_messages(self, persona: Persona, plan: TurnPlan) -> list[BaseMessage]:
        """A short prompt asking the model to say one planned turn in the persona's voice.

        One worked example shows the shape; small models copy a shape more reliably than they
        follow an instruction.
        """
        system = self.render("voice_turn", persona=persona, plan=plan)
        return [
            SystemMessage(system),
            HumanMessage("Thank you. Why this role, and why now?"),
            AIMessage("Thanks for that. So tell me, why this role, and why now?"),
            HumanMessage(plan.text),
        ]

    def notes_messages(
        self, persona: Persona, session: Session, *, candidate_words: str
    ) -> list[BaseMessage]:
        """The conversation (up to the reply just given), then the request to update the notes."""
        request = self.render(
            "notes_update",
            persona=persona,
            setting=session.setting,
            notes=session.notes,
            candidate_words=candidate_words,
        )
        return [*self.conversation(persona, session), SystemMessage(request)]

    def judge_messages(self, rubric: Any, persona: Persona, session: Session) -> list[BaseMessage]:
        """The rubric and instructions, then the transcript as delimited data."""
        setting = session.setting
        names = {"interviewer": persona.name, "candidate": setting.candidate}
        # The candidate's words must not be able to close the data block early.
        turns = [
            {"speaker": names[t.speaker], "text": _TRANSCRIPT_TAG.sub("", t.text)}
            for t in session.turns
        ]
        return [
            SystemMessage(self.render("judge", rubric=rubric, persona=persona, setting=setting)),
            HumanMessage(self.render("judge_transcript", turns=turns, candidate=setting.candidate)),
        ]

    def rewrite_messages(self, draft: str) -> list[BaseMessage]:
        """The request to smooth a stronger answer's draft, the draft as delimited data."""
        # The candidate's words must not be able to close the data block early.
        return [HumanMessage(self.render("stronger_answer", draft=_DRAFT_TAG.sub("", draft)))]

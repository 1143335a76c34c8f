"""Builders for what many tests need, in one place: a session, a model's notes reply, an
interview on the embedded model's terms, the coaching cast."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from roleplay.coaching.accounts import Account, Accounts
from roleplay.core.notes import PrivateNotes
from roleplay.core.personas import Persona
from roleplay.core.session import Session, Setting, Speaker
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.llm.backend import ChatBackend
from tests.support.fakes import ScriptedChatModel

# Every test account's password.
PASSWORD = "a long password"
# The coaching tests' people: two coaches, each with their own scenarios, and two learners.
CAST = (("ana", "coach"), ("ben", "coach"), ("leo", "learner"), ("mia", "learner"))
# The sample company, and the setting most tests hold their interview in.
LARKSPUR = Setting(company="Larkspur Health", role="Product Analyst", candidate="Sam")


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


def new_session(
    persona: Persona,
    setting: Setting | None = None,
    *,
    said: Sequence[tuple[Speaker, str]] = (),
    max_turns: int = 8,
    minutes: float = 30,
    **fields: Any,
) -> Session:
    """A session with ``persona`` at ``setting`` (Larkspur Health's Product Analyst, Sam, when
    none is given), its notes as the persona starts them, and the turns ``said`` so far."""
    session = Session(
        persona_id=persona.id,
        persona_name=persona.name,
        mode=persona.mode,
        setting=setting or LARKSPUR,
        max_turns=max_turns,
        minutes=minutes,
        notes=PrivateNotes.initial(persona),
        **fields,
    )
    for speaker, text in said:
        session.add_turn(speaker, text)
    return session


def planned_interview(
    persona: Persona, setting: Setting, prompts: Prompts, **options: Any
) -> Interview:
    """An interview as the embedded model holds it (every turn said as planned, the notes
    moved by the evidence), on a stand-in model that never runs out of notes replies."""
    scripted = ScriptedChatModel()
    scripted.enqueue(*[notes_reply()] * 40)
    backend = ChatBackend(chat=scripted, label="local", embedded=True)
    options = {"background_notes": False, "voicing_tries": 0, **options}
    return Interview(persona, setting, backend, prompts, **options)


def add_cast(accounts: Accounts, tag: str = "") -> dict[str, Account]:
    """Two coaches (ana, ben) and two learners (leo, mia), their names ending in ``tag`` (for a
    database other tests share), each signing in with ``PASSWORD``."""
    return {who: accounts.add(f"{who}{tag}", role, PASSWORD) for who, role in CAST}

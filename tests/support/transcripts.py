"""Hand-written strong and weak interviews (tests/data/transcripts/), replayed as sessions with
the private notes kept the way the engine keeps them on the embedded model."""

from __future__ import annotations

from pathlib import Path

import yaml

from roleplay.core.personas import Persona
from roleplay.core.session import Session, Setting
from roleplay.interview.assessor import Assessor, Relevance
from roleplay.interview.note_taking import NoteTaker, new_research_terms
from tests.support.builders import new_session

DATA = Path(__file__).parents[1] / "data" / "transcripts"


def replay(persona: Persona, strength: str, relevance: Relevance | None = None) -> Session:
    """The transcript ``<persona>-<strength>.yaml`` as a finished session with evidence notes."""
    data = yaml.safe_load((DATA / f"{persona.id}-{strength}.yaml").read_text(encoding="utf-8"))
    setting = Setting(company=data["company"], role=data["role"], candidate=data["candidate"])
    session = new_session(persona, setting, max_turns=20, minutes=60)
    taker = NoteTaker(persona, "evidence", Assessor(persona, relevance))
    for line in data["turns"]:
        ((speaker, text),) = line.items()
        turn = session.add_turn(speaker, " ".join(text.split()))
        before = session.turns[turn.index - 1] if turn.index else None
        if speaker == "interviewer" and before is not None and before.speaker == "candidate":
            session.notes, _ = taker.update(
                session.notes,
                before.text,
                turn_index=turn.index,
                research_terms=new_research_terms(session, before.text, before=before.index),
            )
        turn.notes = session.notes.model_copy(deep=True)
    session.ended_at = session.turns[-1].at
    session.end_reason = "interviewer_closed"
    return session

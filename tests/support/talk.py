"""A conversation to plan the interviewer's next turn in, for the listening tests."""

from __future__ import annotations

import pytest

from roleplay.core.personas import Persona
from roleplay.core.session import Session, Setting, Source, TurnPlan
from roleplay.interview.assessor import Finding
from roleplay.interview.hearing import Heard, hear
from roleplay.interview.planner import plan_turn
from roleplay.interview.reading import Reading, read_turn
from tests.support.builders import new_session
from tests.support.fakes import WordOverlap

RESEARCH = Source(
    source="notes.md",
    snippet=(
        "## The data team - The data team has eleven people and sits inside operations. "
        "- **Tobias Mwangi, the director of data and analytics,** joined from a rail operator "
        "in 2022. - Analysts write their models in dbt and build dashboards in Metabase. "
        "## History The company was started in 1987 by Ingrid Halvorsen at an auction."
    ),
)
SPECIFIC = "I rebuilt the crew rota model myself and overtime dropped by a quarter in one season."


@pytest.fixture
def talk(setting: Setting):
    """A conversation so far: the persona's opening, then the candidate's words."""

    def make(persona: Persona, *said: str) -> Session:
        session = new_session(persona, setting, max_turns=10)
        opening = plan_turn(persona, session, "opening", [])
        session.add_turn("interviewer", opening.text, plan=opening)
        for text in said:
            session.add_turn("candidate", text)
        return session

    return make


def reply(persona: Persona, session: Session, heard: Heard | None = None) -> TurnPlan:
    plan = plan_turn(persona, session, "questions", [RESEARCH], heard=heard)
    session.add_turn("interviewer", plan.text, plan=plan)
    return plan


def asked(text: str, persona: Persona | None = None) -> Heard:
    reading = read_turn(text, "", WordOverlap())
    names = ["Larkspur Health", "Sam", persona.name if persona else ""]
    return hear(text, reading, sources=[RESEARCH], relevance=WordOverlap(), names=names)


def flagged(persona: Persona, text: str, worry: str) -> Heard:
    finding = Finding(worry, "confirms", 0.8, text, 1, "conflict: clashes with colleagues")
    return hear(text, Reading("answer"), [finding])

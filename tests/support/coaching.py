"""Coaching's cast over one database: two coaches (ana, ben), two learners (leo, mia), a
scenario each coach, the stores, and finished attempts with reports."""

from __future__ import annotations

from datetime import timedelta

from roleplay.coaching.accounts import Account, Accounts
from roleplay.coaching.reviews import Reviews
from roleplay.coaching.scenario_catalogue import Catalogue, Scenario
from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.core.personas import Persona
from roleplay.core.session import Setting
from roleplay.core.settings import Settings
from roleplay.history.database import open_database
from roleplay.history.sessions import SessionStore
from tests.support.builders import add_cast, new_session

SPEC = ScenarioSpec(
    title="Analyst at Quillon",
    persona="anxious-hiring-manager",
    company="Quillon Robotics",
    role="Field Data Analyst",
    feedback="after_review",
    attempts=2,
)


class CoachingWorld:
    """Two coaches, two learners, one scenario each coach, and the stores over one database."""

    def __init__(self, anxious: Persona):
        self.factory = factory = open_database(Settings())
        self.anxious = anxious
        self.accounts = Accounts(factory)
        self.catalogue = Catalogue(factory)
        self.reviews = Reviews(factory)
        self.history = SessionStore(factory)
        people = add_cast(self.accounts)
        self.ana, self.ben, self.leo, self.mia = (people[w] for w in ("ana", "ben", "leo", "mia"))
        self.anas = self.catalogue.create(self.ana, SPEC)
        self.bens = self.catalogue.create(self.ben, SPEC.model_copy(update={"title": "Ben's"}))

    def attempt(self, learner: Account, scenario: Scenario, report: dict | None = None) -> str:
        return record_attempt(self.history, self.anxious, learner, scenario, report)


REPORT = {
    "judged": True,
    "overall": 62.5,
    "criteria": [
        {"id": "structure", "name": "Structured answers", "score": "good"},
        {"id": "close", "name": "The close", "score": "n/a"},
    ],
}


def record_attempt(
    history: SessionStore,
    persona: Persona,
    learner: Account,
    scenario: Scenario,
    report: dict | None = None,
) -> str:
    """A finished attempt at ``scenario`` by ``learner``, with ``report`` if given; its id."""
    session = new_session(
        persona,
        Setting(company=scenario.spec.company, role=scenario.spec.role, candidate=learner.name),
        max_turns=3,
        minutes=15,
        scenario=scenario.code,
        said=[("interviewer", "Hello?"), ("candidate", "Hello, I am ready.")],
    )
    session.ended_at = session.started_at + timedelta(minutes=6)
    session.end_reason = "candidate_closed"
    history.record(session, user=learner.name)
    if report is not None:
        history.save_report(session.id, report, rubric_id="formal", overall=report["overall"])
    return session.id


def finished_attempt(services, learner: Account, scenario: Scenario, overall: float) -> str:
    """A finished attempt in the parts' own stores, scored ``overall``; its id."""
    persona = services.library.get(scenario.spec.persona)
    return record_attempt(
        services.history, persona, learner, scenario, {**REPORT, "overall": overall}
    )

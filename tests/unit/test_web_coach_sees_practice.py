"""A coach reviewing an attempt sees what the learner sees after it: the stronger answer to each
question, and each question the learner practised again, every try side by side."""

from __future__ import annotations

import pytest
from gradio_client import Client

from tests.support.builders import PASSWORD, add_cast
from tests.support.webapp import SCENARIO_LINK, RunningApp
from tests.support.webclients import Browsers, history_ids, send

STORY = "At my last job our clinic had a backlog of lab reports. I built a triage script myself."
BETTER = (
    "I was asked to clear the backlog before the audit. I built a triage script myself, and "
    "the backlog went from 600 reports to zero in five weeks."
)
SCENARIO = {
    "title": "First round at Larkspur",
    "persona": "anxious-hiring-manager",
    "company": "Larkspur Health",
    "role": "Product Analyst",
    "packs": [],
    "brief": "A first-round interview.",
    "objectives": "Answer with a story.",
    "turns": 2,
    "minutes": 20,
    "difficulty": "standard",
    "feedback": "immediate",
    "attempts": 3,
    "due": "",
    "signup": False,
    "rubric": "formal",
}


def signed_in(client: Client, who: str) -> Client:
    assert f"Signed in as **{who}**" in str(client.predict(who, PASSWORD, api_name="/sign_in"))
    return client


@pytest.fixture(scope="module")
def reviewed(served: RunningApp, browsers: Browsers) -> tuple[Client, str]:
    """The coach's page, and the learner's attempt at her scenario, one question of it practised
    again."""
    add_cast(served.services.accounts)
    coach = signed_in(browsers.open(), "ana")
    status, *_ = coach.predict(None, *SCENARIO.values(), None, api_name="/save_scenario")
    found = SCENARIO_LINK.search(status)
    assert found, status
    code = found.group(1)
    learner = browsers.open()
    learner.predict(code, api_name="/open_scenario")
    signed_in(learner, "leo")
    _chat, _sources, notice = learner.predict(
        "anxious-hiring-manager", "", "", "Leo", "", "", 2, 20, api_name="/start"
    )
    assert notice == "", notice
    send(learner, STORY)
    send(learner, "Honestly I guess it went fine.")
    learner.predict(api_name="/feedback")
    [attempt] = history_ids(learner)
    _chat, _sources, notice = learner.predict(1, api_name="/practise_again")
    assert notice == "", notice
    send(learner, BETTER)
    learner.predict(api_name="/end")
    learner.predict(api_name="/feedback")
    return coach, attempt


def test_the_coach_sees_the_stronger_answers_of_an_attempt(reviewed: tuple[Client, str]) -> None:
    coach, attempt = reviewed
    view = coach.predict(attempt, api_name="/attempt")
    assert "A stronger answer to each question" in view
    assert "I built a triage script myself." in view
    assert "[the result: what changed because of your work, and by how much]" in view


def test_the_coach_sees_a_question_the_learner_practised_again(
    reviewed: tuple[Client, str],
) -> None:
    coach, attempt = reviewed
    view = coach.predict(attempt, api_name="/attempt")
    assert "This question, practised again" in view
    assert view.index(STORY[:40]) < view.index(BETTER[:40])  # first try, then the practice

"""Coaching through the live app's endpoints: a learner's locked attempt, a coach's review, and
every endpoint tried with the wrong account. Real parts: `roleplay serve`, the embedded model,
the app's own SQLite database."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import pytest
from gradio_client import Client

from roleplay.coaching.accounts import Accounts
from roleplay.coaching.catalogue import Catalogue
from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.history.database import open_database
from roleplay.history.sessions import SessionStore
from roleplay.settings import Settings


class Cast:
    """Accounts and scenarios created straight in the app's database, with unique names."""

    def __init__(self, data_dir: Path):
        factory = open_database(Settings(data_dir=data_dir))
        self.history = SessionStore(factory)
        accounts, catalogue = Accounts(factory), Catalogue(factory)
        tag = uuid.uuid4().hex[:6]
        self.names = {who: f"{who}-{tag}" for who in ("ana", "ben", "leo", "mia")}
        self.password = "a long password"
        ana = accounts.add(self.names["ana"], "coach", self.password)
        ben = accounts.add(self.names["ben"], "coach", self.password)
        for learner in ("leo", "mia"):
            accounts.add(self.names[learner], "learner", self.password)
        spec = ScenarioSpec(
            title="Coffee with Jordan",
            persona="relaxed-industry-leader",
            company="Quillon Robotics",
            role="Field Data Analyst",
            packs=["Larkspur Health (sample)"],
            objectives=["Ask one open question."],
            turns=1,
            minutes=20,
            feedback="after_review",
            attempts=2,
            allow_signup=True,
        )
        self.anas = catalogue.create(ana, spec).code
        self.bens = catalogue.create(ben, spec.model_copy(update={"allow_signup": False})).code

    def client(self, web: str, who: str | None = None, scenario: str | None = None) -> Client:
        client = Client(web, verbose=False)
        if scenario:
            client.predict(scenario, api_name="/open_scenario")
        if who:
            result = client.predict(self.names[who], self.password, api_name="/sign_in")
            assert f"Signed in as **{self.names[who]}**" in str(result), result
        return client


@pytest.fixture(scope="module")
def cast(web_data: Path) -> Cast:
    return Cast(web_data)


@pytest.fixture(scope="module")
def attempt(cast: Cast, web: str) -> str:
    """Leo's finished attempt at Ana's scenario, started with settings the page tried to change."""
    leo = cast.client(web, "leo", cast.anas)
    # The page sends another interviewer, company and length: the scenario's must win.
    leo.predict(
        "anxious-hiring-manager", "Evil Corp", "CEO", "Leo", "", "", 9, 60, api_name="/start"
    )
    leo.predict("What surprised you most when you moved into robotics?", api_name="/send")
    session = cast.history.list(user=cast.names["leo"])[0]
    return session.id


def text(result) -> str:
    return str(result)


def rows_of(table) -> list[list]:
    """A Dataframe's rows, whether it came back as a value or as an update."""
    if isinstance(table, dict) and "value" in table:
        table = table["value"]
    return table["data"] if isinstance(table, dict) else table


def test_the_scenario_locks_the_interviewer_and_setting(cast: Cast, attempt: str) -> None:
    saved = cast.history.load(attempt)
    assert saved.persona_id == "relaxed-industry-leader"
    assert (saved.setting.company, saved.setting.role) == ("Quillon Robotics", "Field Data Analyst")
    assert saved.max_turns == 1 and saved.scenario == cast.anas
    assert saved.finished


def test_feedback_waits_for_the_coach(cast: Cast, web: str, attempt: str) -> None:
    leo = cast.client(web, "leo", cast.anas)
    leo.predict(attempt, api_name="/reopen")
    feedback, _file = leo.predict(api_name="/feedback")
    debrief, *_ = leo.predict(api_name="/debrief")
    assert "Your coach releases the feedback" in feedback
    assert "Your coach releases the feedback" in debrief
    assert "privately thinking" not in debrief


def test_a_learner_cannot_reach_another_learners_attempt(
    cast: Cast, web: str, attempt: str
) -> None:
    mia = cast.client(web, "mia", cast.anas)
    assert "no saved session" in text(mia.predict(attempt, api_name="/reopen"))
    assert "no attempt" in mia.predict(attempt, api_name="/attempt")
    assert "Sign in as a coach" in text(mia.predict(cast.anas, api_name="/coach_dashboard"))
    assert "Sign in as a coach" in text(mia.predict(attempt, "hi", api_name="/comment"))
    assert "Sign in as a coach" in mia.predict(attempt, api_name="/release")
    with pytest.raises(Exception, match="Sign in as a coach"):
        mia.predict(cast.anas, api_name="/export_csv")


def test_another_coach_cannot_reach_the_scenario_or_its_attempts(
    cast: Cast, web: str, attempt: str
) -> None:
    ben = cast.client(web, "ben")
    assert f"You have no scenario '{cast.anas}'" in text(
        ben.predict(cast.anas, api_name="/coach_dashboard")
    )
    assert "no attempt" in ben.predict(attempt, api_name="/attempt")
    assert "no attempt" in text(ben.predict(attempt, "Nice", api_name="/comment"))
    assert "no attempt" in ben.predict(attempt, api_name="/release")
    with pytest.raises(Exception, match="You have no scenario"):
        ben.predict(cast.anas, api_name="/export_csv")
    anonymous = Client(web, verbose=False)
    assert "Sign in first" in anonymous.predict(attempt, api_name="/attempt")


def test_the_coach_reviews_comments_releases_and_the_learner_sees_it(
    cast: Cast, web: str, attempt: str
) -> None:
    ana = cast.client(web, "ana")
    table, _choices, link = ana.predict(cast.anas, api_name="/coach_dashboard")
    assert [row[0] for row in rows_of(table)] == [cast.names["leo"]]
    assert f"/?scenario={cast.anas}" in link
    view = ana.predict(attempt, api_name="/attempt")
    assert "What surprised you most when you moved into robotics?" in view
    view, _ = ana.predict(attempt, "Good question; ask a follow-up next time.", api_name="/comment")
    assert "Good question; ask a follow-up next time." in view
    assert "feedback released" in ana.predict(attempt, api_name="/release")

    leo = cast.client(web, "leo", cast.anas)
    mine = leo.predict(attempt, api_name="/attempt")
    assert "Good question; ask a follow-up next time." in mine
    leo.predict(attempt, api_name="/reopen")
    feedback, _file = leo.predict(api_name="/feedback")
    assert feedback.startswith("# Feedback: Jordan Avery")

    exported = Path(ana.predict(cast.anas, api_name="/export_csv"))
    rows = list(csv.DictReader(exported.open()))
    assert [r["learner"] for r in rows] == [cast.names["leo"]]
    assert rows[0]["attempt"] == attempt and rows[0]["feedback_released"] == "yes"


def test_starting_a_scenario_needs_a_sign_in(cast: Cast, web: str) -> None:
    anonymous = cast.client(web, scenario=cast.anas)
    _chat, _sources, notice = anonymous.predict(
        "anxious-hiring-manager", "", "", "", "", "", 2, 30, api_name="/start"
    )
    assert "Sign in first" in notice


def test_learners_sign_up_only_where_the_coach_allows(cast: Cast, web: str) -> None:
    name = f"zoe-{uuid.uuid4().hex[:6]}"
    closed = cast.client(web, scenario=cast.bens)
    assert "Sign-up is only open" in text(closed.predict(name, "zoe-password", api_name="/sign_up"))
    nowhere = Client(web, verbose=False)
    assert "Sign-up is only open" in text(
        nowhere.predict(name, "zoe-password", api_name="/sign_up")
    )
    open_ = cast.client(web, scenario=cast.anas)
    assert f"Welcome, **{name}**" in text(open_.predict(name, "zoe-password", api_name="/sign_up"))


def test_only_a_coach_saves_scenarios_and_only_their_own(cast: Cast, web: str) -> None:
    fields = (
        "Hijacked",
        "anxious-hiring-manager",
        "Acme",
        "Analyst",
        "",
        "",
        2,
        10,
        "standard",
        "immediate",
        0,
        "",
        False,
        None,
    )
    learner = cast.client(web, "leo")
    status, *_ = learner.predict(None, *fields, api_name="/save_scenario")
    assert "Sign in as a coach" in status
    ben = cast.client(web, "ben")
    status, *_ = ben.predict(cast.anas, *fields, api_name="/save_scenario")
    assert f"You have no scenario '{cast.anas}'" in status
    with pytest.raises(Exception, match="not in the list of choices"):
        ben.predict(None, *fields[:8], "brutal", *fields[9:], api_name="/save_scenario")

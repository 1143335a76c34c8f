"""Cohorts on SQLite and a real PostgreSQL: rosters from CSV with one-time password links,
assignments with due dates, what a learner sees, who may reach which cohort, and the coach's
report of the whole group."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from roleplay.coaching.accounts import AccountError
from roleplay.coaching.assignments import Assignments
from roleplay.coaching.cohort_report import cohort_report, report_csv
from roleplay.coaching.cohorts import CohortError, Cohorts
from roleplay.coaching.invites import Invites
from roleplay.coaching.roster import RosterError
from roleplay.core.personas import Persona
from tests.support.builders import PASSWORD
from tests.support.coaching import REPORT, CoachingWorld

ROSTER = (
    "Name,Email\n"
    "Ada Lovelace,ada@example.org\n"
    "Grace Hopper,GRACE@example.org\n"
    "No Mail,\n"
    "Bad Mail,not-an-address\n"
    "Ada Again,ada@example.org\n"
)


class World(CoachingWorld):
    def __init__(self, anxious: Persona):
        super().__init__(anxious)
        self.invites = Invites(self.factory, hours=24)
        self.cohorts = Cohorts(self.factory, self.invites)
        self.assignments = Assignments(self.factory)
        self.cohorts.create(self.ana, "Spring 2027")


@pytest.fixture
def world(database, anxious: Persona) -> World:
    return World(anxious)


def report_with(overall: float, structure: str, worries: list[dict]) -> dict:
    return {
        **REPORT,
        "overall": overall,
        "criteria": [
            {"id": "structure", "name": "Structured answers", "score": structure},
            {"id": "close", "name": "The close", "score": "n/a"},
        ],
        "debrief": {"worries": worries},
    }


CONFIRMED = {
    "label": "Will they stay?",
    "status": "confirmed",
    "steps": [{"turn": 3, "status": "confirmed", "evidence": "I'd move if something better came"}],
}
EASED = {"label": "Will they stay?", "status": "eased", "steps": []}


def test_a_roster_adds_every_good_row_and_names_each_bad_one(world: World) -> None:
    imported = world.cohorts.import_csv(world.ana, "Spring 2027", ROSTER)
    assert [a.name for a in imported.added] == ["ada@example.org", "grace@example.org"]
    assert [str(p) for p in imported.problems] == [
        "row 4: no e-mail address.",
        "row 5: 'not-an-address' is not an e-mail address.",
        "row 6: 'ada@example.org' is already on row 2.",
    ]
    members = world.cohorts.members(world.ana, "Spring 2027")
    assert [(m.name, m.full_name, m.invited) for m in members] == [
        ("ada@example.org", "Ada Lovelace", True),
        ("grace@example.org", "Grace Hopper", True),
    ]


def test_a_new_learner_cannot_sign_in_until_their_link_sets_a_password(world: World) -> None:
    added = world.cohorts.add(world.ana, "Spring 2027", "zoe", email="zoe@example.org")
    assert added.created and added.token
    with pytest.raises(AccountError, match="Wrong user name or password"):
        world.accounts.authenticate("zoe", "")
    assert world.invites.holder(added.token).name == "zoe"
    world.invites.redeem(added.token, "zoe's own password")
    assert world.accounts.authenticate("zoe", "zoe's own password").role == "learner"


def test_a_link_works_once(world: World) -> None:
    token = world.cohorts.add(world.ana, "Spring 2027", "zoe").token
    world.invites.redeem(token, "first password")
    with pytest.raises(AccountError, match="used or has expired"):
        world.invites.redeem(token, "second password")
    assert world.accounts.authenticate("zoe", "first password")


def test_an_expired_link_sets_nothing(world: World) -> None:
    invites = Invites(world.factory, hours=-1)
    user_id = world.leo.id
    token = invites.issue(user_id)
    with pytest.raises(AccountError, match="used or has expired"):
        invites.redeem(token, "a new password")
    assert world.accounts.authenticate("leo", PASSWORD)


def test_a_new_link_voids_the_old_one(world: World) -> None:
    old = world.cohorts.add(world.ana, "Spring 2027", "zoe").token
    new = world.cohorts.link(world.ana, "Spring 2027", "zoe")
    assert world.invites.holder(old) is None
    world.invites.redeem(new, "zoe's own password")


@pytest.mark.parametrize("token", [None, "", "x" * 500, 12, ["a"], "guessed-token"])
def test_a_link_token_from_a_client_is_checked_whatever_it_is(world: World, token) -> None:
    assert world.invites.holder(token) is None
    with pytest.raises(AccountError, match="used or has expired"):
        world.invites.redeem(token, "a long enough password")


def test_a_learner_with_a_password_gets_no_link_and_keeps_it(world: World) -> None:
    added = world.cohorts.add(world.ana, "Spring 2027", "leo")
    assert (added.created, added.token) == (False, None)
    assert world.accounts.authenticate("leo", PASSWORD)
    with pytest.raises(CohortError, match="already chosen a password"):
        world.cohorts.link(world.ana, "Spring 2027", "leo")


def test_a_coach_cannot_be_added_as_a_learner(world: World) -> None:
    imported = world.cohorts.import_csv(world.ana, "Spring 2027", "username,email\nben,b@x.org\n")
    assert [str(p) for p in imported.problems] == ["row 2: 'ben' is not a learner's account."]
    with pytest.raises(AccountError, match="not a learner's account"):
        world.cohorts.add(world.ana, "Spring 2027", "ben")


def test_another_coachs_cohort_is_the_same_as_none(world: World) -> None:
    for who in (world.ben, world.leo):
        with pytest.raises(CohortError, match="You have no cohort called 'Spring 2027'"):
            world.cohorts.members(who, "Spring 2027")
        with pytest.raises(CohortError, match="You have no cohort called 'Spring 2027'"):
            world.cohorts.import_csv(who, "Spring 2027", ROSTER)
        with pytest.raises(CohortError, match="You have no cohort called 'Spring 2027'"):
            cohort_report(world.factory, who, "Spring 2027")
    assert world.cohorts.of_coach(world.ben) == []


def test_only_the_coachs_own_scenarios_can_be_assigned(world: World) -> None:
    with pytest.raises(CohortError, match="You have no scenario"):
        world.assignments.assign(world.ana, "Spring 2027", world.bens)


def test_two_cohorts_of_one_coach_need_two_names(world: World) -> None:
    with pytest.raises(CohortError, match="already have a cohort called"):
        world.cohorts.create(world.ana, "  Spring   2027 ")
    assert world.cohorts.create(world.ben, "Spring 2027").owner == "ben"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("", "empty"),
        ("name,phone\nAda,123\n", "at least 'email'"),
        (b"email\n\xff\xfe@x.org\n", "not UTF-8"),
        ("email\n" + "a@b.org\n" * 40000, "at most 256 KB"),
        ("email\n" + "".join(f"a{i}@b.org\n" for i in range(2001)), "more than 2000 learners"),
    ],
)
def test_a_roster_that_cannot_be_read_adds_nobody(world: World, data, problem: str) -> None:
    with pytest.raises(RosterError, match=problem):
        world.cohorts.import_csv(world.ana, "Spring 2027", data)
    assert world.cohorts.members(world.ana, "Spring 2027") == []


def test_a_learner_sees_what_is_assigned_due_and_done(world: World) -> None:
    world.cohorts.add(world.ana, "Spring 2027", "leo")
    later = world.catalogue.create(world.ana, world.anas.spec.model_copy(update={"title": "Later"}))
    now = datetime.now(UTC)
    world.assignments.assign(world.ana, "Spring 2027", world.anas, now - timedelta(days=1))
    world.assignments.assign(world.ana, "Spring 2027", later, now + timedelta(days=7))
    seen = world.assignments.assigned_to(world.leo)
    assert [(a.title, a.status()) for a in seen] == [
        ("Analyst at Quillon", "overdue"),
        ("Later", "to do"),
    ]
    world.attempt(world.leo, later)
    seen = world.assignments.assigned_to(world.leo)
    assert [(a.title, a.status(), a.attempts) for a in seen] == [
        ("Analyst at Quillon", "overdue", 0),
        ("Later", "done", 1),
    ]
    assert world.assignments.assigned_to(world.mia) == []


def test_the_report_shows_who_attempted_spreads_worries_and_progress(world: World) -> None:
    for learner in ("leo", "mia"):
        world.cohorts.add(world.ana, "Spring 2027", learner)
    world.assignments.assign(world.ana, "Spring 2027", world.anas)
    world.attempt(world.leo, world.anas, report_with(25.0, "poor", [CONFIRMED]))
    second = world.attempt(world.leo, world.anas, report_with(75.0, "good", [CONFIRMED]))
    report = cohort_report(world.factory, world.ana, "Spring 2027")
    assert report.assignments[0].not_attempted == ["mia"]
    leo = next(c for c in report.cells if c.learner == "leo")
    assert (leo.attempts, leo.first_overall, leo.latest_overall) == (2, 25.0, 75.0)
    structure = report.criteria[0]
    assert structure.latest == {"good": 1, "fair": 0, "poor": 0, "n/a": 0}
    assert structure.trend == [(1, 0.0, 1), (2, 100.0, 1)]
    assert report.criteria[1].latest["n/a"] == 1
    [worry] = report.worries
    assert (worry.label, worry.confirmed, worry.of) == ("Will they stay?", 1, 1)
    assert worry.quotes[0].text == "I'd move if something better came"
    assert worry.quotes[0].session == second
    progress = {p.learner: p for p in report.progress}
    assert progress["leo"].change == 50.0
    assert progress["mia"].attempts == 0 and progress["mia"].change is None


def test_the_report_counts_only_the_cohorts_learners_and_assigned_scenarios(world: World) -> None:
    world.cohorts.add(world.ana, "Spring 2027", "leo")
    world.assignments.assign(world.ana, "Spring 2027", world.anas)
    world.attempt(world.mia, world.anas, report_with(10.0, "poor", [CONFIRMED]))
    other = world.catalogue.create(world.ana, world.anas.spec.model_copy(update={"title": "Other"}))
    world.attempt(world.leo, other, report_with(10.0, "poor", [CONFIRMED]))
    report = cohort_report(world.factory, world.ana, "Spring 2027")
    assert [c.attempts for c in report.cells] == [0]
    assert report.worries == [] and report.criteria == []


def test_the_report_as_csv_and_json(world: World) -> None:
    world.cohorts.import_csv(world.ana, "Spring 2027", "name,email\n=HYPERLINK(1),ada@x.org\n")
    world.assignments.assign(world.ana, "Spring 2027", world.anas)
    report = cohort_report(world.factory, world.ana, "Spring 2027")
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert rows[0]["learner"] == "ada@x.org"
    assert rows[0]["full_name"] == "'=HYPERLINK(1)"  # never a formula in a spreadsheet
    assert json.loads(report.model_dump_json())["assignments"][0]["not_attempted"] == ["ada@x.org"]


def test_deleting_a_cohort_keeps_its_learners_and_their_attempts(world: World) -> None:
    world.cohorts.add(world.ana, "Spring 2027", "leo")
    world.assignments.assign(world.ana, "Spring 2027", world.anas)
    session = world.attempt(world.leo, world.anas, report_with(50.0, "fair", []))
    world.cohorts.delete(world.ana, "Spring 2027")
    assert world.accounts.authenticate("leo", PASSWORD)
    assert world.history.load(session).id == session
    assert world.assignments.assigned_to(world.leo) == []


def test_an_assignment_is_late_only_once_its_due_date_has_passed(world: World) -> None:
    world.cohorts.add(world.ana, "Spring 2027", "leo")
    later = world.catalogue.create(world.ana, world.anas.spec.model_copy(update={"title": "Later"}))
    now = datetime.now(UTC)
    world.assignments.assign(world.ana, "Spring 2027", world.anas, now - timedelta(days=1))
    world.assignments.assign(world.ana, "Spring 2027", later, now + timedelta(days=1))
    report = cohort_report(world.factory, world.ana, "Spring 2027")
    assert {c.scenario: c.late for c in report.cells} == {world.anas.code: True, later.code: False}

"""What a validated launch makes here, on SQLite and PostgreSQL: an account per platform user
(never joined to an account of the same name made another way), instructors as coaches of
their course's cohort, learners in their own course's cohort only."""

from __future__ import annotations

import pytest

from roleplay.coaching.accounts import Accounts
from roleplay.coaching.assignments import Assignments
from roleplay.coaching.cohorts import CohortError, Cohorts
from roleplay.coaching.invites import Invites
from roleplay.coaching.lti.launches import CLAIM, Launches
from roleplay.coaching.scenario_catalogue import Catalogue
from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.core.settings import Settings
from roleplay.history.database import open_database
from tests.support.lti_platform import INSTRUCTOR, LEARNER

ISSUER = "https://lms.example.edu"


def body(sub: str, role: str, course: str, email: str = "") -> dict:
    return {
        "iss": ISSUER,
        "sub": sub,
        "email": email,
        "name": sub.title(),
        CLAIM + "roles": [role],
        CLAIM + "context": {"id": course, "title": f"Course {course}"},
        CLAIM + "message_type": "LtiResourceLinkRequest",
    }


@pytest.fixture
def factory(database):
    return open_database(Settings())


def test_each_course_is_its_own_cohort_and_its_learners_see_only_its_work(factory) -> None:
    launches, catalogue = Launches(factory), Catalogue(factory)
    assignments = Assignments(factory)
    for course, teacher in (("A", "t-a"), ("B", "t-b")):
        coach = launches.arrive(body(teacher, INSTRUCTOR, course)).account
        scenario = catalogue.create(
            coach,
            ScenarioSpec(
                title=f"Practice {course}",
                persona="anxious-hiring-manager",
                company="Q",
                role="Analyst",
            ),
        )
        assignments.assign(coach, f"Course {course}", scenario)
    learner = launches.arrive(body("s-a", LEARNER, "A")).account
    assert [a.title for a in assignments.assigned_to(learner)] == ["Practice A"]
    teacher_b = launches.arrive(body("t-b", INSTRUCTOR, "B")).account
    members_b = Cohorts(factory, Invites(factory)).members(teacher_b, "Course B")
    assert members_b == []
    with pytest.raises(CohortError):
        Cohorts(factory, Invites(factory)).members(learner, "Course A")


def test_a_platform_user_never_takes_over_an_account_of_the_same_name(factory) -> None:
    Accounts(factory).add("ana@uni.example", "coach", "a long password")
    launched = launches_arrive(factory, body("u-9", LEARNER, "A", email="ana@uni.example"))
    assert launched.account.name.startswith("lti-") and launched.account.role == "learner"


def test_the_same_platform_user_is_the_same_account_every_launch(factory) -> None:
    first = launches_arrive(factory, body("u-1", LEARNER, "A", email="u1@uni.example"))
    again = launches_arrive(factory, body("u-1", LEARNER, "A", email="u1@uni.example"))
    assert first.account == again.account and first.account.name == "u1@uni.example"


def launches_arrive(factory, launch: dict):
    return Launches(factory).arrive(launch)


def test_a_second_instructor_of_the_course_coaches_its_cohort_but_cannot_delete_it(
    factory,
) -> None:
    launches, cohorts = Launches(factory), Cohorts(factory, Invites(factory))
    first = launches.arrive(body("t-1", INSTRUCTOR, "A")).account
    launches.arrive(body("s-1", LEARNER, "A"))
    second = launches.arrive(body("t-2", INSTRUCTOR, "A")).account
    assert [m.name for m in cohorts.members(second, "Course A")] == [
        m.name for m in cohorts.members(first, "Course A")
    ]
    assert [(c.name, c.owner) for c in cohorts.of_coach(second)] == [("Course A", first.name)]
    with pytest.raises(CohortError, match="Only the coach who made"):
        cohorts.delete(second, "Course A")
    other = launches.arrive(body("t-3", INSTRUCTOR, "B")).account
    with pytest.raises(CohortError, match="You have no cohort"):
        cohorts.members(other, "Course A")

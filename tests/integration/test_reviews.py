"""Attempts at scenarios, reviewed: who may read what, comments and release, CSV, limits.
On SQLite and on a real PostgreSQL."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from roleplay.coaching.reviews import ReviewError
from roleplay.coaching.scenarios import ScenarioError
from roleplay.core.personas import Persona
from tests.support.coaching import REPORT, SPEC, CoachingWorld

World = CoachingWorld


@pytest.fixture
def world(database, anxious: Persona) -> World:
    return World(anxious)


def test_a_learner_reads_only_their_own_attempts(world: World) -> None:
    leos = world.attempt(world.leo, world.anas)
    mias = world.attempt(world.mia, world.anas)
    assert world.reviews.attempt(world.leo, leos).learner == "leo"
    with pytest.raises(ReviewError, match=f"no attempt '{mias}' for you"):
        world.reviews.attempt(world.leo, mias)
    assert [a.learner for a in world.reviews.attempts(world.leo, world.anas)] == ["leo"]


def test_a_coach_reads_attempts_at_their_own_scenarios_only(world: World) -> None:
    at_anas = world.attempt(world.leo, world.anas)
    at_bens = world.attempt(world.leo, world.bens)
    assert world.reviews.attempt(world.ana, at_anas).session_id == at_anas
    with pytest.raises(ReviewError, match="for you"):
        world.reviews.attempt(world.ana, at_bens)
    assert world.reviews.attempts(world.ben, world.anas) == []


def test_guessed_and_missing_ids_get_the_same_answer(world: World) -> None:
    real = world.attempt(world.mia, world.anas)
    with pytest.raises(ReviewError) as guessed:
        world.reviews.attempt(world.leo, real)
    with pytest.raises(ReviewError) as missing:
        world.reviews.attempt(world.leo, "000000000000")
    assert str(guessed.value).replace(real, "ID") == str(missing.value).replace(
        "000000000000", "ID"
    )


def test_only_the_scenarios_coach_comments_and_releases(world: World) -> None:
    attempt = world.attempt(world.leo, world.anas)
    for outsider in (world.ben, world.leo, world.mia):
        with pytest.raises(ReviewError):
            world.reviews.comment(outsider, attempt, "Nice.")
        with pytest.raises(ReviewError):
            world.reviews.release(outsider, attempt)


def test_feedback_after_review_stays_hidden_until_released(world: World) -> None:
    attempt = world.attempt(world.leo, world.anas, REPORT)
    world.reviews.comment(world.ana, attempt, "Good opening; give a number next time.")
    hidden = world.reviews.attempt(world.leo, attempt)
    assert hidden.report is None and hidden.comments == [] and hidden.overall is None
    assert not world.reviews.feedback_visible(world.leo, attempt)
    coach_view = world.reviews.attempt(world.ana, attempt)
    assert coach_view.overall == 62.5 and coach_view.comments[0].author == "ana"

    world.reviews.release(world.ana, attempt)
    shown = world.reviews.attempt(world.leo, attempt)
    assert shown.released and shown.overall == 62.5
    assert [c.text for c in shown.comments] == ["Good opening; give a number next time."]


def test_immediate_feedback_is_visible_at_once(world: World) -> None:
    quick = world.catalogue.create(world.ana, SPEC.model_copy(update={"feedback": "immediate"}))
    attempt = world.attempt(world.leo, quick, REPORT)
    assert world.reviews.attempt(world.leo, attempt).overall == 62.5


def test_attempts_allowed_and_due_date_are_enforced(world: World) -> None:
    world.reviews.check_can_start(world.leo, world.anas)
    world.attempt(world.leo, world.anas)
    world.attempt(world.leo, world.anas)
    with pytest.raises(ReviewError, match="used all 2 attempts"):
        world.reviews.check_can_start(world.leo, world.anas)
    world.reviews.check_can_start(world.mia, world.anas)
    past = world.catalogue.create(
        world.ana, SPEC.model_copy(update={"due": datetime.now(UTC) - timedelta(days=1)})
    )
    with pytest.raises(ReviewError, match="was due on"):
        world.reviews.check_can_start(world.mia, past)


def test_csv_has_one_row_per_attempt_with_scores(world: World) -> None:
    first = world.attempt(world.leo, world.anas, REPORT)
    world.attempt(world.mia, world.anas)
    world.reviews.release(world.ana, first)
    text = world.reviews.csv(world.ana, world.anas, ["Structured answers", "The close"])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["learner"] for r in rows] == ["leo", "mia"]
    assert rows[0]["overall"] == "62.5"
    assert rows[0]["Structured answers"] == "100" and rows[0]["The close"] == ""
    assert rows[0]["minutes_spent"] == "6.0" and rows[0]["turns"] == "2"
    assert (rows[0]["feedback_released"], rows[1]["feedback_released"]) == ("yes", "no")
    assert rows[1]["overall"] == ""


def test_csv_of_another_coachs_scenario_is_refused(world: World) -> None:
    with pytest.raises(ScenarioError):
        world.reviews.csv(world.ben, world.anas, [])


def test_an_attempt_records_its_scenario(world: World) -> None:
    attempt = world.attempt(world.leo, world.anas)
    assert world.history.load(attempt).scenario == world.anas.code


def test_deleting_a_scenario_keeps_its_attempts_with_their_learners(world: World) -> None:
    leos = world.attempt(world.leo, world.anas, REPORT)
    with pytest.raises(ScenarioError, match="You have no scenario"):
        world.catalogue.delete(world.ben, world.anas.code)
    assert world.catalogue.delete(world.ana, world.anas.code) == 1
    with pytest.raises(ScenarioError, match="There is no scenario"):
        world.catalogue.get(world.anas.code)
    # The learner's work stays theirs, as ordinary practice; the coach no longer reaches it.
    kept = world.history.load(leos, user="leo")
    assert kept.scenario is None and len(kept.turns) == 2
    assert world.history.latest_report(leos)["overall"] == REPORT["overall"]
    with pytest.raises(ReviewError):
        world.reviews.attempt(world.ana, leos)
    assert [s.code for s in world.catalogue.list(world.ben)] == [world.bens.code]

"""Practising one question again: the interview opens on that question, as it was asked and
testing what it tested, and follows up as any other."""

from __future__ import annotations

import pytest

from roleplay.core.personas import Persona
from roleplay.core.session import Session, Setting
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.interview.stronger import PracticeError, practice_of
from tests.support.builders import planned_interview


def held(persona: Persona, setting: Setting, prompts: Prompts, *answers: str) -> Interview:
    interview = planned_interview(persona, setting, prompts, max_turns=3)
    "".join(interview.open())
    for answer in answers:
        "".join(interview.answer(answer))
    return interview


@pytest.fixture
def first(anxious: Persona, setting: Setting, prompts: Prompts) -> Session:
    return held(
        anxious, setting, prompts, "I guess I did stuff.", "We had a backlog and I built a tool."
    ).session


def test_the_question_to_practise_is_the_one_the_answer_replied_to(first: Session) -> None:
    asked = first.turns[2]  # the interviewer's turn before the second answer
    practice = practice_of(first, 2)
    assert practice.session == first.id and practice.answer == 2
    assert practice.question == asked.plan.question
    assert practice.worry == asked.plan.worry


def test_an_answer_that_replied_to_no_question_is_refused_naming_those_that_did(
    first: Session,
) -> None:
    with pytest.raises(PracticeError, match=r"answer 9; the answers that replied .*: 1, 2"):
        practice_of(first, 9)


def test_a_practice_interview_opens_on_the_question_and_tests_the_same_worry(
    first: Session, anxious: Persona, setting: Setting, prompts: Prompts
) -> None:
    practice = practice_of(first, 2)
    again = planned_interview(anxious, setting, prompts, practice=practice)
    opening = "".join(again.open())
    assert opening.endswith(practice.question)
    plan = again.session.turns[0].plan
    assert plan.question == practice.question and plan.worry == practice.worry
    assert again.session.practice == practice
    # Then it listens and follows up as any interview does.
    reply = "".join(again.answer("I guess I did some stuff."))
    assert again.session.turns[-1].plan.move in ("follow_up", "come_back", "next_question")
    assert reply

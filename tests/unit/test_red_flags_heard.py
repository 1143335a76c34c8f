"""A red flag is heard wherever it stands in the turn: beside a question, behind a tag that only
asks to be agreed with, or in a dodge; and what a dodge dodged with is never praised."""

from __future__ import annotations

import pytest

from roleplay.core.personas import Persona
from roleplay.core.wording import indefinite
from roleplay.interview.hearing import hear
from roleplay.interview.reading import Reading, read_turn
from roleplay.interview.tone import pleased
from tests.support.talk import asked, reply

SKIVING = "I'd probably just skive the Saturday sessions if they clashed with my five-a-side."


def test_a_red_flag_behind_a_tag_question_is_met_as_the_answer_it_is() -> None:
    said = f"{SKIVING} Nobody really checks attendance anyway, right?"
    heard = hear(
        said, Reading("question", "other", "Nobody really checks attendance anyway, right?")
    )
    assert heard.reading.kind == "answer" and heard.red_flag


def test_a_real_question_after_a_red_flag_still_hears_the_flag() -> None:
    question = "What's the pay like?"
    heard = hear(f"{SKIVING} {question}", Reading("question", "pay", question))
    assert heard.reading.kind == "question" and "skive" in heard.flagged


def test_the_concern_comes_before_the_answer_and_nothing_after_it_is_cheerful(
    talk, leader: Persona
) -> None:
    question = "Which tools do the analysts use for dashboards?"
    said = f"{SKIVING} {question}"
    plan = reply(leader, talk(leader, said), asked(said, leader))
    assert plan.text.index("skive") < plan.text.index("Metabase")
    assert pleased(plan.text) == ""


@pytest.mark.parametrize(
    "said",
    [
        "I mostly see the Foundation as a back door into the club's first-team analysis.",
        "Nobody really checks the timesheets there, so I'd come and go.",
    ],
)
def test_the_job_as_a_back_door_or_unchecked_attendance_is_a_red_flag(said: str) -> None:
    assert hear(said, Reading("answer")).red_flag


def test_moving_swiftly_on_puts_the_question_off() -> None:
    said = "Ha, my grades? Let's just say second year wasn't my finest hour... anyway, moving on!"
    assert read_turn(said, "How did your degree go?").kind == "dodge"


def test_the_words_a_dodge_dodged_with_are_never_repeated_back() -> None:
    said = "Ha, my grades? Let's just say second year wasn't my finest hour."
    assert hear(said, Reading("dodge")).quote == ""


def test_no_fact_is_volunteered_straight_after_a_red_flag(talk, leader: Persona) -> None:
    said = "I mostly see this job as a back door into the first-team analysis department."
    plan = reply(leader, talk(leader, said), hear(said, Reading("answer")))
    assert plan.reaction == "confirmed" and plan.move != "fact_question"


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        ("MBA, part-time", "an MBA, part-time"),
        ("BSc in Sport Science", "a BSc in Sport Science"),
        ("university course", "a university course"),
        ("hourly rate", "an hourly rate"),
        ("analyst", "an analyst"),
    ],
)
def test_a_or_an_goes_by_how_the_word_sounds(phrase: str, said: str) -> None:
    assert indefinite(phrase) == said

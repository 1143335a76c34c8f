"""What a candidate asks at a boat-hire company is heard as asked: leave to ask ("can I
double-check the money side?") is a question whatever reason follows it; a question on what
something costs wants a sum of money, and the company's turnover is no question about pay; the
alum's week is told by its days, a tip by the advice that fits, and a pay rise never by a
count; what the candidate says is picked up by its figure before a name, and by a name before
a year."""

from __future__ import annotations

import pytest

from roleplay.interview.addressee import asks_the_interviewer
from roleplay.interview.answer_types import gives, wanted
from roleplay.interview.hearing import pick_up
from roleplay.interview.origins import asks_origin
from roleplay.interview.played import own_answer
from roleplay.interview.profiles import Profile
from roleplay.interview.reading import read_turn

PRIYA = Profile(
    "Priya Nandra",
    "Fleet & Pricing Analyst",
    (
        "Short version of my path: after Aston I spent two years as a Revenue Assistant at "
        "Heart of England Cottages, pricing about 300 holiday cottages.",
        "Monday – 9:30 pace meeting with Dev and Carys.",
        "Tuesday – on site at Hatton.",
        "Wednesday – usually at home.",
        "In April 2023 I moved up to analyst, and now I price all 31 of our hire boats.",
        "Tips for the interview: Learn to think in boat-nights, not bookings.",
        "The data exercise is deliberately messy: look for duplicate bookings and dates in two "
        "formats.",
    ),
)


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        (
            "Before we get going, can I double-check the money side? I did read the pack, but "
            "I've looked at so many job ads this month I don't trust my memory.",
            "pay",
        ),
        (
            "Um, can I ask about leave? My best friend's getting married in Cork in August and "
            "I've already said I'll be a bridesmaid, so I'm a bit nervous about the summer.",
            None,
        ),
    ],
)
def test_asking_leave_to_ask_is_a_question_whatever_reason_follows(
    said: str, intent: str | None
) -> None:
    reading = read_turn(said)
    assert reading.kind == "question"
    assert intent is None or reading.intent == intent


def test_asking_leave_to_get_in_touch_is_a_question_whatever_follows() -> None:
    said = (
        "Would you mind if I dropped you a line after the interview? Even just to say how it "
        "went, or if I think of something I should have asked."
    )
    reading = read_turn(said)
    assert reading.kind == "question" and reading.intent == "follow_up"


def test_the_companys_turnover_is_no_question_about_pay() -> None:
    reading = read_turn("Could I ask how the money splits these days, roughly the turnover?")
    assert reading.kind == "question" and reading.intent != "pay"


def test_what_something_costs_is_answered_only_by_a_sum_of_money() -> None:
    kind = wanted("Can I ask, roughly, what the new system is costing you?")
    assert kind == "amount"
    assert not gives(kind, "The post reports to Dev Mistry, Revenue & Systems Manager.")
    assert gives(kind, "The new booking system cost us £48,000 over two years.")


def test_time_spent_and_how_long_ask_for_no_money() -> None:
    assert wanted("What does the team spend most of its time on, week to week?") != "amount"
    assert wanted("Roughly how long am I expected to spend on that?") == "date"


def test_a_normal_week_is_told_by_the_days_of_it() -> None:
    question = "What does a normal week look like for you?"
    assert asks_the_interviewer(question, None)
    said = own_answer(PRIYA, question, intent="work")
    assert said.startswith("On Mondays there's a 9:30 pace meeting")
    assert "On Wednesdays I'm usually at home." in said


def test_a_tip_is_the_advice_that_fits_what_was_asked() -> None:
    said = own_answer(PRIYA, "Have you got any tips for the data exercise?", intent="advice")
    assert "duplicate bookings" in said


def test_a_pay_rise_is_never_told_by_a_count() -> None:
    question = "Did you get much of a pay rise when you moved up to analyst?"
    assert own_answer(PRIYA, question, intent="story") == ""


def test_a_figure_is_picked_up_before_a_name_in_an_earlier_sentence() -> None:
    said = (
        "I should say, at Packwood I sort of became the systems person by accident. When we "
        "moved to StayDesk in 2023, I wrote the field mapping for about 4,000 future bookings."
    )
    assert "4,000 future bookings" in pick_up(said)


def test_a_name_is_picked_up_before_a_year() -> None:
    said = (
        "I did Business Analytics at Aston, finished in 2022, and my dissertation was on "
        "dynamic pricing for glamping pods, which felt very niche at the time."
    )
    assert "Aston" in pick_up(said)


def test_whether_it_always_was_what_it_is_asks_how_it_began() -> None:
    assert asks_origin("Has it always been a social enterprise?", "Kingfisher Wharf Boats")


def test_no_answer_to_give_then_another_subject_is_a_refusal() -> None:
    said = (
        "Oh gosh, five years from now... I genuinely haven't got a neat answer for that, "
        "sorry. Can I ask you about the social enterprise side instead?"
    )
    assert read_turn(said).kind == "refusal"

"""What the interviewer hears and answers at a museum trust: red flags in words the cues did not
know, a question whose last sentence has a subject of its own, a training budget asked as a
perk, a terms row asked about in a long turn, a target for a year the research has no figure
for, and the chair asked what she studied."""

from __future__ import annotations

import pytest

from bench.fidelity_detector import inspect
from roleplay.interview.addressee import asks_the_interviewer
from roleplay.interview.answer_types import wanted
from roleplay.interview.answers import answering
from roleplay.interview.hearing import hear
from roleplay.interview.played import own_answer
from roleplay.interview.profiles import Profile
from roleplay.interview.reading import Reading, read_turn
from roleplay.interview.relevance import local_relevance
from roleplay.interview.sayable import answer_sentence
from tests.unit.test_job_pack_answers import company

TERMS = company(
    "Salary is £24,750 per year, Grade 3, rising to £26,100 after probation. Hours are 35 hours "
    "a week, Monday to Friday. Training budget is £800 per year for courses or certification. "
    "Holiday is 25 days plus bank holidays.",
    "page 1 › Job Pack › Salary and terms",
)
HIRING = company(
    "Interviews will take place on Wednesday 30 April 2025 at Weavers' Yard. Each interview "
    "lasts about an hour and includes a 45-minute data task. We aim to make a decision by "
    "Friday 9 May 2025 and will contact every interviewed candidate either way.",
    "page 2 › Job Pack › Hiring process",
)
VISITORS = company(
    "Last year, 2024, we welcomed 151,300 visitors, and today more than 200 volunteers help us "
    "care for our sites. In 2019 we passed 100,000 visitors in a single year for the first time.",
    "Our story › From one mill to four sites",
)
NAMES = ["Calderbrook Museums Trust", "Sam", "Jordan Avery", "Junior Data and Operations Analyst"]
PAY = "pay, salary, benefits and perks for employees"
FIONA = Profile(
    "Fiona Marsden",
    "Chief Executive",
    (
        "Fiona grew up in Todmorden and studied History at the University of York, before "
        "taking an MA in Museum Studies at the University of Leicester.",
        "She joined Calderbrook in 2009 as Learning Officer, where she built our schools "
        "programme from scratch.",
        "She became Head of Operations in 2015 and was appointed Chief Executive in 2019.",
    ),
)


@pytest.mark.parametrize(
    "said",
    [
        "I'll be honest, I did exaggerate my Power BI experience a bit on the application.",
        "Between us, I'll probably be gone within a year once something in Leeds comes up.",
    ],
)
def test_these_admissions_are_red_flags(said: str) -> None:
    assert hear(said, Reading("answer")).red_flag


def test_declining_however_honestly_then_asking_of_something_else_is_a_refusal() -> None:
    said = (
        "Oh, my five-year plan? Um, I'd honestly rather not commit to anything there yet. Could "
        "I ask you more about the mill instead?"
    )
    assert read_turn(said, "Where do you see yourself in five years?").kind == "refusal"


def test_a_last_question_with_a_subject_of_its_own_is_not_about_the_interviewer() -> None:
    asked = "I read the Our Story page, but I'd love to hear it from you. How did the Trust start?"
    assert not asks_the_interviewer(asked, "story")
    assert asks_the_interviewer("How did you end up leading the Trust?", "story")


def test_a_budget_for_courses_is_asked_as_a_perk_not_about_the_tools() -> None:
    said = "On training, is there a set budget for courses? I'd like to do a Power BI certificate."
    assert read_turn(said, "", local_relevance()).intent == "pay"


def test_a_terms_row_answers_however_much_else_the_turn_says() -> None:
    asked = "I wanted to check the salary first, is it the figure in the pack, and does it go up?"
    found = answering(asked, [TERMS], local_relevance(), NAMES, hint=PAY)
    assert found and found[0].startswith("Salary is £24,750")


def test_the_sentence_opening_on_what_was_asked_answers_first() -> None:
    asked = "And what happens next if I'm shortlisted, when would the interview be?"
    found = answering(asked, [HIRING], local_relevance(), NAMES)
    assert found and found[0].startswith("Interviews will take place on Wednesday 30 April")


def test_a_figure_for_a_year_the_research_says_nothing_of_is_not_known() -> None:
    asked = "Is there a specific visitor number you're aiming for by 2028?"
    assert wanted(asked) == "figure"
    assert answering(asked, [VISITORS], local_relevance(), NAMES) == ()


def test_asked_what_they_studied_they_say_their_studies_before_their_road() -> None:
    asked = "Can I ask a bit about your own background? What did you study?"
    said = own_answer(FIONA, asked, intent="story")
    assert said.startswith("I grew up in Todmorden and studied History at the University of York")


def test_a_list_items_number_left_on_is_neither_said_nor_clean() -> None:
    item = "1 Get to know our four sites, spending a day shadowing the team at each one."
    assert answer_sentence(item) == ""
    turn = f"Funny you should ask. {item} Does that connect with what you want to do?"
    assert "a list number read aloud" in inspect(turn, names=NAMES, labels=[]).problems
    # (an address is no list)
    fine = "Happy to tell you. Our office is at 22 Canal Street. What else is on your mind?"
    assert "a list number read aloud" not in inspect(fine, names=NAMES, labels=[]).problems

"""A job pack and a team page answer what a candidate asks: the terms table's rows said to
them, a season's figures, two questions in one, a count of what the duties move, the person the
candidate called by name found on the team page, and the steps still ahead."""

from __future__ import annotations

from roleplay.core.session import Source
from roleplay.interview.addressee import called_name
from roleplay.interview.answer_types import counts_it
from roleplay.interview.answers import answering
from roleplay.interview.first_person import first_person
from roleplay.interview.hearing import pick_up
from roleplay.interview.played import own_answer
from roleplay.interview.process_steps import next_steps
from roleplay.interview.profiles import profiles
from roleplay.interview.reading import read_turn
from roleplay.interview.sayable import answer_sentence
from roleplay.knowledge.tables import tables_as_lists
from tests.support.fakes import Uniform

NAMES = ["Elderbrook Arts Centre", "Sam", "Niamh Corrigan", "Data & CRM Officer"]


def company(snippet: str, location: str = "recruitment-pack.pdf") -> Source:
    return Source(source="pack", location=location, snippet=snippet, kind="company")


def test_a_terms_row_speaking_to_the_post_holder_is_said() -> None:
    row = "Holiday is 25 days plus bank holidays, plus your birthday off."
    assert answer_sentence(row) == row
    assert answer_sentence("Start date is Monday 2 March 2026.") != ""


def test_a_season_is_said_as_its_two_years() -> None:
    said = answer_sentence("Our review shows 163,400 visits in 2024/25, up from 151,900.")
    assert "in 2024 to 25" in said


def test_annual_leave_is_answered_by_the_holiday_row() -> None:
    research = [
        company("Salary is £28,400 to £31,200 per annum, depending on experience."),
        company("Holiday is 25 days plus bank holidays, rising to 27 days after two years."),
    ]
    found = answering("How much annual leave comes with the job?", research, Uniform(0.6), NAMES)
    assert found and found[0].startswith("Holiday")


def test_a_when_and_a_where_in_one_turn_are_each_answered() -> None:
    research = [
        company(
            "The Loft is a 96-seat studio for new writing. Works begin September 2026 on the "
            "new Loft. While it is closed the studio programme moves to the Old Library on "
            "Bridge Street.",
            location="News",
        )
    ]
    question = (
        "When does work actually start, and where does the studio programme go while it's shut?"
    )
    said = answering(question, research, Uniform(0.7), NAMES)
    assert said and "September 2026" in said[0] and "Old Library" in said[0]


def test_a_count_with_words_between_the_figure_and_the_thing_still_counts_it() -> None:
    sentence = "You'd lead the migration of around 2,300 Friends and donor records into Tessitura."
    assert counts_it("How many records are we talking about?", sentence)
    assert not counts_it("How many records?", "We have 4 sites, 300 volunteers, and paper records.")


def test_the_person_called_by_name_is_searched_for() -> None:
    assert (
        called_name(["Hannah! Thanks for meeting me.", "So how did you end up here?"]) == "Hannah"
    )
    assert called_name(["Great! Thanks so much."]) == ""


def test_a_team_pages_name_over_a_title_line_is_a_profile() -> None:
    bio = company(
        "Marketing & Campaigns Officer. Hannah grew up in Wendlesham and joined our box office "
        "in 2020.",
        location="Meet the Team > Hannah Brightwell",
    )
    (found,) = profiles([bio])
    assert (found.name, found.title) == ("Hannah Brightwell", "Marketing & Campaigns Officer")


def test_a_clause_in_brackets_is_set_apart_and_a_later_verb_is_mine_too() -> None:
    said = first_person(
        "After a BA at the University of Leicester (she graduated in 2017) she worked front of "
        "house, and now runs our email campaigns.",
        "Hannah Brightwell",
    )
    assert "Leicester – I graduated in 2017 – I worked front of house" in said
    assert "and now run our email campaigns" in said


def test_a_line_with_its_own_i_is_said_as_it_stands() -> None:
    line = "Best advice I ever got: learn the box office system better than anyone else."
    assert first_person(line, "Malcolm Ashdown") == line


def test_requirements_side_by_side_are_items_of_their_own_column() -> None:
    table = "| Essential | Desirable |\n|---|---|\n| Confident with Excel | Some SQL |\n"
    said = tables_as_lists(table)
    assert "- Essential: Confident with Excel." in said and "- Desirable: Some SQL." in said


def test_declining_then_asking_about_the_football_is_a_refusal() -> None:
    said = (
        "I'd honestly prefer not to get into that one today. Did you catch any of the football "
        "at the weekend?"
    )
    assert read_turn(said, "What is your biggest weakness?").kind == "refusal"


def test_which_ones_after_the_systems_side_asks_about_tools() -> None:
    said = "I'm a little nervous about the systems side. Which ones would I be living in here?"
    assert read_turn(said).intent == "tools"


def test_a_long_clause_is_quoted_with_its_figure() -> None:
    said = (
        "So in my current role at Marlbrook Housing I cleaned up a tenant database of about "
        "14,000 records, and we got the duplicate rate down."
    )
    assert "14,000 records" in pick_up(said)


def test_a_length_of_time_in_words_is_picked_up() -> None:
    said = (
        "I graduated in 2023 with a Geography degree, and for the last eighteen months I've "
        "been a data assistant at a housing association."
    )
    assert "eighteen months" in pick_up(said)


def test_the_advert_closing_date_and_shortlisting_are_behind_the_candidate() -> None:
    timetable = company(
        "- Advert published: Monday 1 December.\n- Closing date: Monday 12 January.\n"
        "- Shortlisting: by Friday 16 January.\n- First interviews: Wed 21 January.\n"
        "- Second stage: Wednesday 28 January, a tour with Malcolm Ashdown.\n"
        "- Decision: by Friday 30 January.",
        location="page 3 › Recruitment timetable",
    )
    said = next_steps([timetable], "What happens next?")
    assert "second stage" in said.lower() and "closing date" not in said.lower()


def test_a_road_asked_from_where_it_started_goes_on_from_there() -> None:
    malcolm = company(
        "About. Started on a box office counter in 1997 and never really left. Experience. "
        "Box Office Assistant at Fenwick Playhouse from 1997 to 2002. Sales & Data Manager at "
        "Fenwick Playhouse from 2002 to 2008. General Manager at Lantern Street Theatre from "
        "2008 to 2016.",
        location="Malcolm Ashdown, Executive Director",
    )
    (profile,) = profiles([malcolm])
    question = (
        "I spotted that you started out on a box office counter - how did you get from there "
        "to running the whole building?"
    )
    said = own_answer(profile, question, None, intent="path")
    assert "Sales & Data Manager" in said and "box office counter" not in said

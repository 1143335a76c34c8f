"""A plain-text job ad, about page and bios pasted as research, said back as answers: duties
said to the candidate as what they would do, requirements never said as facts, a date line said
as when it happened, a bio's name over its title as a person to talk to, and questions that set
their scene in clauses before what they ask (fast tests; word-overlap relevance stands in for
MiniLM, bench/listening.py's 'nineteenth' company runs the real one)."""

from __future__ import annotations

import pytest

from roleplay.core.cues import read_answer
from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.session import Source
from roleplay.interview.answer_types import wanted
from roleplay.interview.answers import answering, the_question
from roleplay.interview.candidates import candidates
from roleplay.interview.contacts import contact_in
from roleplay.interview.duties import duty_sentences
from roleplay.interview.facts import speakable
from roleplay.interview.list_items import item_sentences
from roleplay.interview.listener import Listener
from roleplay.interview.office_days import asks_office_days
from roleplay.interview.question_words import content_stems
from roleplay.interview.reading import Reading, read_turn
from roleplay.interview.sayable import answer_sentence, section_list
from roleplay.interview.standalone import research_sentences
from roleplay.knowledge.tables import tables_as_lists
from tests.support.fakes import Uniform, WordOverlap

NAMES = ["Gallowbrook Community Transport", "Sam", "Jordan", "Passenger Data Analyst"]
# As a passage is stored: on one line, a heading ending in a full stop.
DUTIES = (
    "What you will do. - Build the monthly ridership report for the board. - Write SQL against "
    "our PostgreSQL data warehouse and look after its nightly loads. - Clean and join ticket "
    "data from our Ticketer machines with trip data from Optibus."
)
REQUIREMENT = "Experience building dashboards in Power BI or a similar tool."


def company(snippet: str, location: str = "research.txt") -> Source:
    return Source(source="research.txt", snippet=snippet, kind="company", location=location)


def test_a_job_ads_duties_are_said_to_the_candidate_as_what_they_would_do() -> None:
    said = duty_sentences(company(DUTIES))
    assert said[1] == (
        "You'd write SQL against our PostgreSQL data warehouse and look after its nightly loads."
    )


def test_a_duty_naming_the_tools_answers_what_the_stack_looks_like() -> None:
    research = [company(DUTIES)]
    question = "I've mostly worked in Tableau, so I'm curious - what does your stack look like?"
    said = answering(question, research, Uniform(0.7), NAMES, tools=True)
    assert said and "PostgreSQL" in said[0]


def test_a_requirement_of_the_applicant_is_never_said_as_a_fact() -> None:
    assert not speakable(REQUIREMENT)
    assert answer_sentence(REQUIREMENT) == ""
    assert item_sentences(REQUIREMENT) == []


def test_a_date_line_is_said_as_when_it_happened_in_lower_case_unless_a_name() -> None:
    text = "Recent changes. 2022 - Contactless payment on every bus, with new Ticketer machines."
    said = research_sentences(company(text), NAMES)
    assert "In 2022, contactless payment on every bus, with new Ticketer machines." in said


def test_a_date_line_keeps_a_names_capital() -> None:
    text = "2021 - GalloLink moved from phone-only booking to the GalloLink app."
    assert research_sentences(company(text), NAMES)[0].startswith("In 2021, GalloLink moved")


def test_a_bios_name_over_its_title_is_a_person_to_talk_to() -> None:
    research = [
        company(
            "Meet the team. Rhona Mackie - Head of Planning and Performance Rhona joined in 2015 "
            "from the council's transport unit, after eight years as an analyst. The name comes "
            "from the Gallow Brook, the stream that runs past the church hall."
        )
    ]
    assert contact_in(research, NAMES, "Passenger Data Analyst") == (
        "Rhona Mackie, Head of Planning and Performance"
    )


def test_a_county_and_its_council_are_no_person() -> None:
    research = [company("Build the report for Kelder County Council, which runs the buses.")]
    assert "Kelder" not in contact_in(research, NAMES)


def test_a_plain_text_heading_over_its_list_says_what_the_list_holds() -> None:
    source = company("Benefits. - 28 days annual leave. - 6% employer pension contribution.")
    assert section_list(source) == (
        "The benefits include 28 days annual leave and 6% employer pension contribution."
    )


@pytest.mark.parametrize(
    ("turn", "asked"),
    [
        (
            "On the technical side, I've mostly worked in Tableau and SQL Server, so I'm "
            "curious - what does your stack look like?",
            "what does your stack look like?",
        ),
        (
            "I'd be looking for something around thirty-three thousand, but before I pin that "
            "down, could you tell me what the band is for this role?",
            "could you tell me what the band is for this role?",
        ),
    ],
)
def test_clauses_about_the_candidate_before_a_question_are_no_part_of_it(
    turn: str, asked: str
) -> None:
    assert the_question(turn)[0] == asked


def test_a_salary_band_is_answered_by_the_salary() -> None:
    research = [company("Salary is £31,500 to £35,000 per year, depending on experience.")]
    question = "could you tell me what the band is for this role?"
    assert "£31,500" in answering(question, research, Uniform(0.5), NAMES)[0]


def test_a_row_naming_what_was_asked_answers_before_one_that_mentions_it() -> None:
    research = [
        company("Pension is 6% employer contribution, salary sacrifice available."),
        company("Salary is £27,500 to £30,500 per annum, depending on experience."),
    ]
    question = "Can I ask straight off what the salary band is?"
    assert answering(question, research, Uniform(0.6), NAMES)[0].startswith("Salary is")


def test_a_person_specifications_grades_are_said_with_their_row() -> None:
    table = (
        "| Criteria | Essential | Desirable |\n|---|---|---|\n"
        "| Other | Willing to undergo a DBS check | A driving licence |\n"
    )
    said = tables_as_lists(table)
    assert "For other, essential is willing to undergo a DBS check, and desirable is" in said


def test_a_label_ending_on_a_preposition_runs_on_into_its_cell() -> None:
    table = "|  |  |\n|---|---|\n| Based in | the Shrewsbury office, two days a week |\n"
    assert "Based in the Shrewsbury office, two days a week." in tables_as_lists(table)


def test_a_reports_to_row_says_whom_the_post_reports_to() -> None:
    table = "|  |  |\n|---|---|\n| Reports to | Siobhan Kearney, Head of Impact |\n"
    assert "The post reports to Siobhan Kearney, Head of Impact." in tables_as_lists(table)


def test_a_bare_count_is_said_with_what_its_column_counts() -> None:
    table = "| Clinic | Address | Vets |\n|---|---|---|\n| Ludlow | 7 Corve Street | 4 |\n"
    assert "Ludlow is 7 Corve Street, 4 vets." in tables_as_lists(table)


def test_what_a_question_sets_aside_is_not_what_it_asks_about() -> None:
    research = [company("You'd build the Power BI dashboards.\nModels are written in Python.")]
    question = "Beyond the dashboards, what would I actually be working in?"
    found = candidates(question, research, WordOverlap(), NAMES, tools=True)
    assert all(one.shared == 0 for one in found)


def test_a_question_on_what_the_research_never_mentions_takes_no_close_sentence() -> None:
    research = [company("Every week 36,000 journeys are made on our buses and minibuses.")]
    question = "Where is the fleet heading on electric or hydrogen buses? Is there a plan?"
    assert answering(question, research, Uniform(0.85), NAMES, guessed=True) == ()


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Is there a fixed pattern for coming in, or do people just turn up?", True),
        ("How often do people come in?", True),
        ("Would that come in handy?", False),
    ],
)
def test_coming_in_asks_about_days_in_the_office(question: str, asks: bool) -> None:
    assert asks_office_days(question) is asks


def test_a_question_pointing_back_is_searched_for_with_what_it_points_at() -> None:
    turn = "I don't actually drive. Would that be a problem for this job?"
    reading = Reading(kind="question", intent="other", question="Would that be a problem?")
    assert "drive" in Listener.search(reading, turn)


@pytest.mark.parametrize(
    ("said", "cue"),
    [
        ("I want a data job with a decent title on my CV, then I'll be off to a bank.", "exit"),
        ("Honestly, the bus side doesn't interest me much.", "negative_attitude"),
        ("I just want a data job, whatever it is.", "mass_apply"),
    ],
)
def test_wanting_only_a_title_or_any_job_is_heard(said: str, cue: str) -> None:
    assert any(cue in sentence.cues for sentence in read_answer(said))


def test_a_fact_after_a_cards_comma_starts_in_lower_case() -> None:
    persona = PersonaLibrary([shipped_dir("personas")]).get("alumni-peer-coffee-chat")
    line = persona.fill(
        "To be fair to the company, {fact}",
        candidate="Sam",
        company="X",
        role="Y",
        fact="We aim to make an offer within ten days.",
    )
    assert line == "To be fair to the company, we aim to make an offer within ten days."


def test_a_numbered_table_is_written_as_the_list_it_stands_for() -> None:
    table = (
        "| Stage | What happens | Timing |\n|---|---|---|\n"
        "| 1 | Phone screen | Week of 7 April |\n"
        "| 2 | Take-home exercise (3 hours max) | By Friday 2 May |"
    )
    assert tables_as_lists(table).split("\n")[:2] == [
        "1. Phone screen, week of 7 April.",
        "2. Take-home exercise, 3 hours max, by Friday 2 May.",
    ]


def test_any_other_table_row_is_said_as_what_its_first_cell_is() -> None:
    table = (
        "| Site | Type | Capacity |\n|---|---|---|\n| Carrow Fen Battery | Battery | 2 MW / 4 MWh |"
    )
    assert tables_as_lists(table).split("\n")[0] == "Carrow Fen Battery is battery, 2 MW and 4 MWh."


def test_a_question_asked_about_without_a_question_mark_is_what_is_asked() -> None:
    turn = "I've mostly built dashboards in Tableau, so I was wondering what the team uses."
    assert the_question(turn)[0] == "what the team uses?"


def test_who_the_post_reports_to_is_said_from_its_label() -> None:
    assert item_sentences("Reports to: Tomasz Wren, Head of Generation & Data.") == [
        "The post reports to Tomasz Wren, Head of Generation & Data."
    ]


def test_who_the_post_reports_to_is_no_answer_on_the_teams_reporting() -> None:
    research = [company("Reports to: Tomasz Wren, Head of Data.")]
    found = candidates("What does the team use for its reporting?", research, Uniform(0.9), NAMES)
    assert all(one.shared == 0 for one in found)


def test_annual_leave_is_answered_by_the_holiday() -> None:
    research = [company("Benefits. - 30 days holiday plus bank holidays.")]
    question = "I was wondering how much annual leave comes with the role?"
    assert "30 days holiday" in answering(question, research, Uniform(0.6), NAMES)[0]


def test_a_refusal_then_another_question_is_a_refusal() -> None:
    turn = "Why am I leaving? I'd rather not get into that. Anyway, what's the town like?"
    assert read_turn(turn, "Why are you leaving?").kind == "refusal"


def test_a_profile_under_its_own_heading_is_a_person_to_talk_to() -> None:
    profile = company(
        "- Joined 2016 as Operations Manager.",
        "LinkedIn profiles > Tomasz Wren – Head of Generation & Data, Hallowmere",
    )
    assert contact_in([profile], NAMES) == "Tomasz Wren, Head of Generation & Data"


def test_a_list_of_people_is_no_title() -> None:
    row = company("Panel interview, in person, Tomasz Wren, Ellie Marsh and a member-director.")
    assert contact_in([row], NAMES) != "Tomasz Wren, Ellie Marsh and a member-director"


def test_referral_outranks_advice_when_both_are_named() -> None:
    turn = "If you were in my shoes, is there anyone else here you'd suggest I talk to?"
    assert read_turn(turn).intent == "referral"


def test_a_label_before_a_sentence_of_its_own_is_not_said() -> None:
    text = "What's new: in 2023 we moved all sites onto the Voltaris Monitor platform."
    assert research_sentences(company(text), NAMES) == [
        "In 2023 we moved all sites onto the Voltaris Monitor platform."
    ]


def test_a_sentence_about_something_else_is_no_list_item() -> None:
    assert item_sentences("Its first share offer in 2013 raised £2.3 million.") == []


def test_a_label_over_what_we_do_is_said_as_what_it_is_about() -> None:
    assert item_sentences("RRSP match: we match your contributions up to 6% of salary.") == [
        "On the RRSP match, we match your contributions up to 6% of salary."
    ]


def test_a_tool_of_a_kind_the_research_never_names_is_not_answered_by_other_tools() -> None:
    research = [company(DUTIES)]
    question = "Which weather data provider do you use for forecasting?"
    assert answering(question, research, Uniform(0.8), NAMES, tools=True) == ()


def test_a_table_of_named_steps_is_a_numbered_list() -> None:
    table = (
        "| Stage | What happens | When |\n|---|---|---|\n"
        "| 1. Apply | CV and a cover letter | Closes 16 March |\n"
        "| 2. Phone screen | A 25-minute call | 19-21 March |"
    )
    assert tables_as_lists(table).split("\n")[:2] == [
        "1. Apply: CV and a cover letter, closes 16 March.",
        "2. Phone screen: A 25-minute call, 19-21 March.",
    ]


def test_a_table_cell_is_prose_its_colon_and_dash_said_as_pauses() -> None:
    table = (
        "| Item | Detail |\n|---|---|\n"
        "| Working pattern | Hybrid: Tuesday to Thursday on site |\n"
        "| Other benefits | Free parking - and a cycle scheme |"
    )
    assert tables_as_lists(table).split("\n")[:2] == [
        "Working pattern is hybrid – Tuesday to Thursday on site.",
        "Other benefits are free parking – and a cycle scheme.",
    ]


def test_a_range_between_figures_is_said_with_to() -> None:
    assert answer_sentence("Salary is £34,000 - £38,500 depending on experience.") == (
        "Salary is £34,000 to £38,500 depending on experience."
    )


def test_a_clause_after_so_stands_alone_when_the_start_points_back() -> None:
    assert answer_sentence(
        "These can take 4-6 weeks, so our target start date is early June 2025."
    ) == ("Our target start date is early June 2025.")


def test_a_slash_between_words_is_said_as_or() -> None:
    said = answer_sentence(
        "Any offer is subject to a 5-year employment/education reference history and a check."
    )
    assert "employment or education" in said


def test_which_days_to_be_in_asks_about_office_days() -> None:
    assert asks_office_days("Which days would you want me physically in at the terminal?")


def test_hoping_the_successful_person_would_start_asks_only_of_the_start() -> None:
    asked = "When are you hoping the succesful person would actually start?"
    assert content_stems(asked) == {"start"}


def test_the_headline_numbers_ask_for_figures_of_what_the_turn_named() -> None:
    assert wanted("What were the headline numbers, roughly?") == "figure"


def test_a_clause_to_the_applicant_after_day_to_day_is_said_to_the_candidate() -> None:
    said = answer_sentence("Day to day you will work in Upshot, Power BI, Excel and Microsoft 365.")
    assert said == "Day to day you will work in Upshot, Power BI, Excel and Microsoft 365."


def test_what_is_asked_after_a_dash_is_the_question_when_the_lead_only_wonders() -> None:
    turn = "I'm still a bit fuzzy on who's in the team day to day - who would I be working with?"
    assert the_question(turn)[0] == "who would I be working with?"


def test_a_stage_named_in_its_first_cell_is_a_numbered_step() -> None:
    table = "| Stage | Dates |\n|---|---|\n| Stage 1: phone screen | 18–19 March |\n"
    assert "1. Phone screen: 18–19 March." in tables_as_lists(table)

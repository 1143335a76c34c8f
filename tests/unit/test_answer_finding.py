"""Questions answered from what a charity's careers page and a job seeker's notes say: the
sentence that answers is found however the page put it (a duty in the "-ing" form, a team
ending "…and you", a sum the question names), and a question that only sounds like one about
pay, tools or the process is read for what it asks."""

from __future__ import annotations

import pytest

from roleplay.core.session import Source
from roleplay.core.turn_rules import turn_rules
from roleplay.interview.answers import answering, the_question
from roleplay.interview.career_path import career_path
from roleplay.interview.contacts import contact_in
from roleplay.interview.duties import duty_sentences
from roleplay.interview.hearing import pick_up
from roleplay.interview.office_days import asks_office_days, office_days
from roleplay.interview.process_steps import listed, next_steps
from roleplay.interview.question_intent import question_intent
from roleplay.interview.reading import read_turn
from roleplay.interview.sayable import answer_sentence
from roleplay.interview.team_size import asks_team_size


def company(snippet: str, location: str = "") -> Source:
    return Source(source="research.txt", snippet=snippet, kind="company", location=location)


DUTIES = company(
    "* Processing donations on Raiser's Edge NXT, including bulk imports with ImportOmatic "
    "* Preparing our monthly Gift Aid claim to HMRC "
    "* Running de-duplication routines (we hold roughly 84,000 supporter records)",
    location="Data Officer > About the role > What you'll be doing",
)


def test_duties_listed_in_the_ing_form_are_said_as_what_the_candidate_would_do() -> None:
    assert "You'd prepare our monthly Gift Aid claim to HMRC." in duty_sentences(DUTIES)


def test_a_duty_keeps_an_aside_that_says_something_of_its_own() -> None:
    assert (
        "You'd run de-duplication routines; we hold roughly 84,000 supporter records."
        in duty_sentences(DUTIES)
    )


def test_a_team_listed_with_the_new_post_last_can_be_said() -> None:
    said = answer_sentence("The team is five people: our Data Manager, two Care Officers and you.")
    assert said.startswith("The team is five people")


def test_what_it_costs_to_run_the_place_can_be_said() -> None:
    assert answer_sentence("It costs £9.8 million a year to run Brackenridge.")


def test_please_contact_is_said_as_what_the_candidate_can_do() -> None:
    said = answer_sentence("For an informal chat, please contact Ruth Okafor on 01529 400 712.")
    assert said == "For an informal chat, you can contact Ruth Okafor on 01529 400 712."


def test_an_overlong_sentence_is_said_up_to_its_semicolon() -> None:
    long = (
        "You'll be based at the Support Office in Sleaford for a minimum of two days a week, one "
        "of which is our Tuesday team day; the rest of the week you can work from home as you like."
    )
    assert answer_sentence(long).endswith("Tuesday team day.")


def test_a_clause_saying_where_the_candidate_stands_asks_nothing() -> None:
    asked, _rest = the_question(
        "Just so I know where we stand before we go any further, what's the salary range?"
    )
    assert asked == "what's the salary range?"


def test_two_questions_in_one_are_each_answered_when_no_sentence_answers_both(minilm) -> None:
    research = company(
        "All of our care is free. It costs £9.8 million a year to run Brackenridge. "
        "The first four beds opened in a converted farmhouse in 1989."
    )
    question = "How much does it cost to run the place, and how much of that does the NHS cover?"
    found = answering(question, [research], minilm, ["Brackenridge Hospice"])
    assert found and "£9.8 million" in found[0]


def test_a_sum_the_question_names_is_answered_by_what_follows_it(minilm) -> None:
    research = company(
        "We have been awarded £412,000 over three years by the Community Fund. The grant will "
        "extend Hospice at Home into South Kesteven, paying for nine new nurse posts. "
        "Salary: £27,400 to £29,850 per annum."
    )
    found = answering("What does the £412,000 actually pay for?", [research], minilm, ["Acme"])
    assert found and "South Kesteven" in found[0]


@pytest.mark.parametrize(
    "question",
    [
        "What does the £412,000 actually pay for on the ground?",
        "Roughly how much does the hospice get back in Gift Aid over a whole year?",
        "How much does it cost to run the place?",
    ],
)
def test_a_question_about_the_company_s_money_is_not_about_pay(minilm, question: str) -> None:
    assert question_intent(question, minilm, turn_rules())[0] != "pay"


def test_the_pay_for_this_one_is_still_about_pay(minilm) -> None:
    assert question_intent("what's the pay for this one?", minilm, turn_rules())[0] == "pay"


def test_a_question_asks_for_what_its_first_words_name() -> None:
    assert question_intent("What systems does the team run on?", None, turn_rules())[0] == "tools"


def test_how_long_probation_lasts_is_no_question_about_the_process() -> None:
    asked = "Is there a probation period, and how long does it last?"
    assert question_intent(asked, None, turn_rules())[0] != "process"


def test_no_pressure_after_a_question_does_not_answer_it() -> None:
    reading = read_turn("can I message you again after the interview? no pressure if you're busy")
    assert reading.kind == "question" and reading.intent == "follow_up"


def test_what_got_me_curious_asks_nothing() -> None:
    told = "I ran the Lincoln 10K and raised 640 quid, which is what got me curious about it."
    assert read_turn(told).kind != "question"


def test_anyone_else_i_should_speak_to_asks_for_a_referral() -> None:
    asked = "Is there anyone else at the hospice you think I should speak to before the panel?"
    assert read_turn(asked).intent == "referral"


def test_the_person_the_notes_say_to_talk_to_is_the_contact() -> None:
    notes = company(
        "Ruth Okafor, Supporter Data Manager, leads the team. - Tom also said I should talk to "
        "Aisha Mensah (Lottery Manager) - she can explain the lottery data."
    )
    assert contact_in([notes]) == "Aisha Mensah, Lottery Manager"


def test_who_i_would_work_alongside_asks_about_the_team() -> None:
    assert asks_team_size("I was wondering who I'd actually be working alongside day to day?")


def test_how_often_a_claim_goes_in_is_no_question_about_office_days() -> None:
    assert not asks_office_days("How often does the claim actually go in, and who to?")


def test_office_days_are_answered_by_the_days_a_week_first() -> None:
    said = ["Location is Hybrid, Sleaford.", "You'll be in the office two days a week."]
    assert office_days(said) == "You'll be in the office two days a week."


def test_a_profiles_dates_are_no_list_of_steps() -> None:
    profile = company(
        "Recruitment Coordinator at Lincs Care, Jan 2019 - Jul 2022. Sheffield Hallam - BA "
        "Business, 2015 - 2018",
        location="People & Recruitment Advisor",
    )
    assert next_steps([profile], "what's the next stage?") == ""
    assert len(listed(profile)[1]) == 1


def test_steps_cut_over_two_passages_are_read_from_the_one_naming_the_step_asked_after() -> None:
    later = company(
        "3. Panel interview with Ruth. - Decision: all told the outcome. - Start: early March.",
        location="How to apply & hiring timeline",
    )
    earlier = company(
        "1. 30-minute phone call with Callum. 2. Practical data task at home. 3. Panel interview.",
        location="How to apply & hiring timeline",
    )
    said = next_steps([later, earlier], "what's the next stage after this call?")
    assert said.startswith("From here, there's a practical data task")


def test_a_figure_is_picked_up_before_a_time() -> None:
    said = "Last year I merged two tenant databases, about 31,000 records, and cut duplicates."
    assert "31,000" in pick_up(said)


def test_a_role_written_at_ingest_is_said_as_where_they_worked_before() -> None:
    profile = company(
        "Morven Kinnear, Insight Manager. Experience. Insight Manager at Dunmarrow Housing "
        "since April 2022. Information Analyst at NHS health board, Dundee from 2012 to 2019. "
        "Education. Studied MSc Research at University of Stirling from 2011 to 2012."
    )
    said = career_path([profile], "Where was she before?", "Morven", "Dunmarrow Housing")
    assert said == (
        "Before Dunmarrow, Morven worked at NHS health board, Dundee as Information Analyst, "
        "from 2012 to 2019."
    )


def test_the_pay_for_this_one_is_answered_with_the_salary(minilm) -> None:
    research = company("Salary: £31,500 to £34,000 per annum, depending on experience.")
    found = answering("what's the pay for this one?", [research], minilm, ["Acme"], hint="pay")
    assert found and "£31,500" in found[0]


def test_the_hiring_manager_named_asks_nothing_about_openings() -> None:
    from roleplay.interview.openings import asks_openings

    assert not asks_openings("I'd like a chat with the hiring manager, is there someone to ring?")


def test_a_list_of_tools_after_a_label_answers_a_question_about_the_toolchain(minilm) -> None:
    research = company(
        "Tools: Jira for bugs and sprints, TestRail for test cases, Perforce for builds, BugSplat "
        "for crash reports, Unreal Engine 5. Our nightly smoke tests run on Gauntlet."
    )
    hint = "the tools, software and platforms the team uses"
    found = answering(
        "What does the toolchain look like?", [research], minilm, hint=hint, tools=True
    )
    assert found and "TestRail" in found[0]


def test_a_question_said_back_then_declined_is_a_refusal() -> None:
    turn = "Why am I leaving the box office? Ugh, I'd rather not get into it. Seen the new trailer?"
    assert read_turn(turn).kind == "refusal"

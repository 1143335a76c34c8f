"""Questions on the company as a whole, each with a finder of its own (own_finders.py): how big
it is, whether something it did worked, where someone there worked before, and how much of the
work is in the office; and the question found inside a turn that says more than it asks (fast
tests; word-overlap relevance stands in for MiniLM, bench/listening.py runs the real one)."""

from __future__ import annotations

import pytest

from roleplay.core.session import Source
from roleplay.interview.answers import answering, the_question
from roleplay.interview.candidates import candidates
from roleplay.interview.career_path import asks_career_path
from roleplay.interview.company_size import asks_company_size, company_size
from roleplay.interview.contacts import contact_in
from roleplay.interview.duties import asks_duties, duties
from roleplay.interview.impact import asks_impact, impact
from roleplay.interview.list_items import item_sentences
from roleplay.interview.office_days import asks_office_days, office_days
from roleplay.interview.origins import asks_origin, origin_line
from roleplay.interview.sayable import section_list
from tests.support.fakes import WordOverlap

NAMES = ["Saltmeadow Credit Union", "Sam", "Jordan", "Member Insight Analyst"]
PROFILE = (
    "Renée Comeau (she/her). Manager, Member Analytics at Saltmeadow Credit Union. "
    "Experience. Manager, Member Analytics · Saltmeadow Credit Union · Sep 2021 - present. "
    "Senior Analyst, Retail Credit Risk · one of the big banks, Toronto · 2014 - 2021 (7 yrs). "
    "Analyst · Statistics Canada, Ottawa · 2011 - 2014. Education. Université de Moncton, BSc."
)


def company(snippet: str) -> Source:
    return Source(source="notes.md", snippet=snippet, kind="company", location="notes.md")


def answer(question: str, *snippets: str) -> tuple[str, ...]:
    return answering(question, [company(s) for s in snippets], WordOverlap(), NAMES)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("How big is the place these days, in members and branches?", True),
        ("How big an operation is it nowadays, people-wise I mean?", True),
        ("How many homes are you responsible for these days?", True),
        ("How big is Saltmeadow now?", True),
        ("How big is the team?", False),
        ("how big is the business these days, revenue-wise?", False),
    ],
)
def test_a_question_on_the_size_of_the_whole_company_is_one(question: str, asks: bool) -> None:
    assert asks_company_size(question, "Saltmeadow Credit Union") is asks


def test_the_company_is_measured_by_its_own_counts_not_a_pilots_or_its_visitors() -> None:
    said = [
        "The association fitted sensors in 400 homes in a pilot last year.",
        "On a busy day 6,500 people come through our lift gates.",
        "Saltmeadow today has 44,000 members, 12 branches and about 290 employees.",
        "The team of five sits in Port Ashby.",
    ]
    assert company_size(said, "How big is the place, in members and branches?") == said[2]
    assert company_size(said, "How big an operation is it, people-wise?") == said[2]


def test_a_figure_of_change_answers_whether_the_thing_the_turn_names_worked() -> None:
    said = [
        ("A year ago we started phoning members our early-warning model flagged.", ""),
        (
            "2,300 calls later, account closures among those members are down by a fifth.",
            "A year ago we started phoning members our early-warning model flagged.",
        ),
        ("Card fraud losses fell 30% after members were texted about odd payments.", ""),
    ]
    question = "Has it actually made a difference since it went live?"
    context = "I noticed the posting talks about an early-warning model."
    assert asks_impact(question)
    assert impact(said, question, context) == said[1][0]


@pytest.mark.parametrize(
    "question", ["What has the team worked on recently?", "What has the team been working on?"]
)
def test_what_the_team_worked_on_is_no_question_of_whether_it_worked(question: str) -> None:
    assert not asks_impact(question)


def test_where_someone_worked_before_is_said_from_their_pasted_profile() -> None:
    question = "so what's Renée's background, where was she before she ended up there?"
    assert asks_career_path(question)
    (said,) = answer(question, PROFILE)
    assert said.startswith("Before Saltmeadow, Renée worked at one of the big banks, Toronto")
    assert "as Senior Analyst, Retail Credit Risk, from 2014 to 2021" in said
    assert "Statistics Canada" in said and "Member Analytics" not in said


def test_someone_elses_profile_is_never_said_as_their_path() -> None:
    snippet = "Colin MacAskill, VP Member Experience, runs the branches. " + PROFILE
    assert not any("Colin worked" in said for said in answer("Where was Colin before?", snippet))


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("is it a work-from-home job or would I be going into an office?", True),
        ("is this one of those jobs where you have to be in the office every day", True),
        ("do you all sit together somewhere in town?", True),
        ("Where are your offices?", False),
        ("The posting mentions PeakPrice. When did that come in?", False),
        ("What do people tend to wear in the office?", False),
    ],
)
def test_a_question_on_days_in_the_office_is_one(question: str, asks: bool) -> None:
    assert asks_office_days(question) is asks


def test_days_in_the_office_are_said_with_the_team_day_not_where_the_interview_is() -> None:
    said = [
        "There's an interview at our Seagate office on 27 January.",
        "We ask everyone to be in the Seagate office at least two days a week.",
        "Wednesday is our team day, so most of the team are in then.",
    ]
    assert office_days(said) == f"{said[1]} {said[2]}"


def test_a_label_and_a_dash_before_a_sentence_says_the_sentence() -> None:
    item = "Hybrid working - we ask everyone to be in the Seagate office two days a week."
    assert item_sentences(item) == ["We ask everyone to be in the Seagate office two days a week."]


@pytest.mark.parametrize(
    ("turn", "asked"),
    [
        (
            "Just so neither of us wastes our time, what's the salary range for this one?",
            "what's the salary range for this one?",
        ),
        ("quick one first, what's the salary range on this?", "what's the salary range on this?"),
        (
            "What does the data setup look like? I'm used to SQL Server, so I'm curious.",
            "What does the data setup look like?",
        ),
        (
            "And who would the role report into, would that be the head of marketing?",
            "And who would the role report into, would that be the head of marketing?",
        ),
        (
            "The exercise, how much time should I set aside for it?",
            "The exercise, how much time should I set aside for it?",
        ),
        (
            "what's the pension like, is it a final salary one or just the basic workplace one?",
            "what's the pension like?",
        ),
    ],
)
def test_the_question_is_what_asks_not_what_the_candidate_says_around_it(
    turn: str, asked: str
) -> None:
    question, context = the_question(turn)
    assert question == asked
    assert turn.replace(question.rstrip("?"), "").strip(" ,?") in context


def test_a_founding_without_a_year_is_told_with_the_earliest_dated_sentence() -> None:
    said = [
        "Silverthaw began with a hike.",
        "The next winter, 1967, they cut the first runs by hand.",
        "In 2016 Anneke Halvorsen became CEO.",
    ]
    assert origin_line(said, "Silverthaw Mountain Resort") == f"{said[0]} {said[1]}"


def test_a_story_told_without_a_founding_verb_begins_at_its_earliest_year() -> None:
    said = [
        "Saltmeadow will open its first branch in Dartmouth this fall.",
        "In the winter of 1938, eleven fishermen met in the back room of a net loft.",
        "Renée worked at Statistics Canada from 1931 to 1935.",
    ]
    assert origin_line(said, "Saltmeadow Credit Union") == ""  # a career is no origin
    assert origin_line(said[:2], "Saltmeadow Credit Union") == said[1]


def test_it_actually_is_still_the_company() -> None:
    assert asks_origin("How did it actually get going?", "Silverthaw Mountain Resort")


def test_a_referral_names_a_person_never_a_title_or_a_team_said_like_a_name() -> None:
    snippet = (
        "The post reports to our Insight Manager. Head office is on Wharf Street. Member "
        "Analytics is led by Dr Dana Whitcombe, Manager, Member Analytics."
    )
    assert contact_in([company(snippet)], NAMES).startswith("Dana Whitcombe")


def test_two_tools_said_to_be_where_the_work_is_done_are_a_list_of_tools() -> None:
    snippet = (
        "You'd be joining a team of five with Margo and our CRM coordinator. "
        "Everything lands in Google BigQuery and is modelled with dbt."
    )
    found = candidates(
        "What would I be working in?", [company(snippet)], WordOverlap(), NAMES, tools=True
    )
    # A post ("CRM coordinator") is no product: the team's sentence lists no tools.
    listed = {one.sentence: one.listed for one in found}
    assert listed["Everything lands in Google BigQuery and is modelled with dbt."]
    assert not listed.get("You'd be joining a team of five with Margo and our CRM coordinator.")


@pytest.mark.parametrize(
    "line",
    ["Talent Partner at Saltmeadow Credit Union", "Head of Revenue & Insights at Silverthaw"],
)
def test_a_profiles_headline_is_no_thing_there_is(line: str) -> None:
    assert item_sentences(line) == []


def test_a_numbered_heading_about_ourselves_lists_nothing() -> None:
    source = Source(
        source="notes.md",
        location="notes.md > 2. Our Story",
        snippet="- 1971, first chairlift\n- 2016, a new chief executive\n- 2019, a bike park",
        kind="company",
    )
    assert section_list(source) == ""


DUTIES = (
    "What you'll do. - Own the monthly Member Pulse report for the board. - Keep our "
    "early-warning model (it flags members likely to leave) running, and improve it. - Forecast "
    "branch traffic so managers can set staff hours. - Read survey data."
)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("In a typical month, what would I actually be responsible for delivering?", True),
        ("what does the team actually spend most of its time on, like week to week?", True),
        ("I was wondering what the new analyst would be working on?", True),
        ("What has the team been working on lately?", False),
    ],
)
def test_a_question_on_what_the_job_involves_is_one(question: str, asks: bool) -> None:
    assert asks_duties(question) is asks


def test_the_job_ads_first_duties_are_said_as_what_the_candidate_would_do() -> None:
    assert duties([company(DUTIES)]) == (
        "Day to day, you'd own the monthly Member Pulse report for the board; keep our "
        "early-warning model running, and improve it; and forecast branch traffic so managers "
        "can set staff hours."
    )


def test_a_list_under_another_heading_is_no_list_of_duties() -> None:
    assert duties([company(DUTIES.replace("What you'll do", "What we offer"))]) == ""

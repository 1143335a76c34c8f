"""Questions with a finder of their own (own_finders.py): how the company began, what the team
has been working on lately, how big the team is and how long a step of the hiring takes, each
answered by what says it rather than the nearest sentence on the company or the team (fast
tests; word-overlap relevance stands in for MiniLM, bench/listening.py runs the real one)."""

from __future__ import annotations

import pytest

from roleplay.core.session import Source
from roleplay.interview.answers import answering
from roleplay.interview.candidates import candidates
from roleplay.interview.origins import asks_origin, origin_line
from roleplay.interview.recent_work import asks_recent_work, recent_work
from roleplay.interview.step_details import (
    asks_step_length,
    asks_step_people,
    step_length,
    step_people,
)
from roleplay.interview.team_size import asks_team_size, team_size
from roleplay.interview.tools_list import asks_tools, tools_list
from tests.support.fakes import WordOverlap

NAMES = ["Kilbrack Bakeries", "Sam", "Dana", "Commercial Data Analyst"]
STORY = (
    "Kilbrack Bakeries supplies bread to more than 1,100 shops across the midlands. "
    "Kilbrack started in 1958, when Bridie and Tom Keaveney opened a small bakery on Patrick "
    "Street in Tullamore. Our cake bakery in Portlaoise opened in 2003. "
    "He started at Kilbrack as a van driver in 1996. "
    "The commercial insight team has four people and reports to Aoife Brennan. "
    "In 2025 the team rebuilt the daily order forecast, and returns fell by a third. "
    "In 2023 the team moved its reports into Power BI."
)


def company(snippet: str) -> Source:
    return Source(source="notes.md", snippet=snippet, kind="company", location="notes.md")


def answer(question: str) -> tuple[str, ...]:
    return answering(question, [company(STORY)], WordOverlap(), NAMES)


@pytest.mark.parametrize(
    "question",
    [
        "How did Kilbrack get going in the first place?",
        "how did it all start, was it always a family business?",
        "I'd love to hear a bit about where Kilbrack came from.",
        "I read that the bakery started out as something quite different, how did it begin?",
        "Who started Kilbrack in the first place?",
    ],
)
def test_a_question_on_how_the_company_began_is_one(question: str) -> None:
    assert asks_origin(question, "Kilbrack Bakeries")


@pytest.mark.parametrize(
    "question",
    [
        "How did you get started?",
        "how long has Ben been there? I saw he came from Epic",
        "how did the project start?",
        "How did the team get started?",
    ],
)
def test_a_question_on_how_someone_or_something_else_began_is_not(question: str) -> None:
    assert not asks_origin(question, "Kilbrack Bakeries")


def test_how_the_company_began_is_answered_by_its_founding_not_by_what_it_is_today() -> None:
    assert answer("How did Kilbrack get going in the first place?") == (
        "Kilbrack started in 1958, when Bridie and Tom Keaveney opened a small bakery on Patrick "
        "Street in Tullamore.",
    )


def test_the_earliest_founding_is_the_origin_and_a_persons_start_there_never_is() -> None:
    said = [
        "He started at Kilbrack as a van driver in 1936.",
        "A trial started in October 2024 at six branches.",
        "The company was founded in 1891 as the Fennock Valley Waterworks Company.",
        "Sisters Aoife and Niamh Gallagher founded the Leeds kitchen in 1902.",
    ]
    assert origin_line(said, "Fennock Water").startswith("The company was founded in 1891")


def test_a_founder_named_without_a_year_still_tells_how_it_began() -> None:
    said = ["The founder is Teodora Barran, a licensed electrician who taught physics."]
    assert origin_line(said, "Kestrelmere Solar") == said[0]


def test_research_that_never_says_how_the_company_began_gives_no_origin() -> None:
    assert origin_line(["The team has four people and reports to Aoife."], "Kilbrack") == ""


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What has the data team worked on recently?", True),
        ("What is the analytics team working on at the moment?", True),
        ("What has the team been focused on lately?", True),
        ("What's the team been busy with lately?", True),
        ("What would I be working on in the first few months?", False),
        ("what tools are you working with?", False),
    ],
)
def test_a_question_on_the_teams_recent_work_is_one(question: str, asks: bool) -> None:
    assert asks_recent_work(question) is asks


def test_the_teams_recent_work_is_answered_by_its_latest_project_not_its_size() -> None:
    assert answer("What has the team been working on recently?") == (
        "In 2025 the team rebuilt the daily order forecast, and returns fell by a third.",
    )


def test_work_said_to_be_current_comes_before_older_dated_work() -> None:
    said = [
        "In 2024 the team built a waiting-list dashboard.",
        "The current project is a model that predicts which clinics will run short of nurses.",
    ]
    assert recent_work(said) == said[1]


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("How big is the data team?", True),
        ("how many of you are on the analytics team right now?", True),
        ("I was wondering how big Network Insight actually is these days", True),
        ("how big is Kilbrack overall, like how many staff?", False),
        ("how big is the business these days, revenue-wise?", False),
        ("How many people work in the Bristol office?", False),
        ("roughly how many people have applied so far?", False),
    ],
)
def test_a_question_on_the_size_of_a_team_is_one(question: str, asks: bool) -> None:
    assert asks_team_size(question, "Kilbrack Bakeries") is asks


def test_the_team_is_counted_by_its_people_not_by_the_companys_customers_or_staff() -> None:
    said = [
        "The membership scheme has 11,200 members now.",
        "Today more than 700 people work at Kilbrack.",
        "The operations team has nine people and is led by Priti.",
        "Network Insight is a team of 14, nine analysts and five engineers.",
    ]
    assert team_size(said, "How big is the operations team?") == said[2]
    assert team_size(said, "how big is Network Insight these days?") == said[3]


def test_the_little_words_of_a_question_name_no_team() -> None:
    said = [
        "Today we are six practices with around 210 staff and more than 46,000 clients.",
        "The Data & Insight team is currently four people.",
    ]
    question = (
        "Could you tell me who I'd be working with day to day? How big is the team right now?"
    )
    assert team_size(said, question) == said[1]


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Is the take-home long? Evenings are tight.", True),
        ("The take-home thing, how long should I be setting aside for it?", True),
        ("How long is the panel interview?", True),
        ("how long until I hear back after the panel?", False),
        ("what is the take-home about?", False),
    ],
)
def test_a_question_on_how_long_a_step_takes_is_one(question: str, asks: bool) -> None:
    assert asks_step_length(question) is asks


@pytest.mark.parametrize(
    ("research", "said"),
    [
        (
            "How we hire: 1. A take-home task using our data (it should take about two hours).",
            "The take-home should take about two hours.",
        ),
        (
            "A take-home task. Please don't spend more than three hours on it.",
            "The take-home should take no more than three hours.",
        ),
        (
            "- take-home: 8 wks data, 40 shops, max 3 hrs",
            "The take-home should take no more than 3 hours.",
        ),
        (
            "3. Take-home task using a small dataset. You get 48 hours and we expect it to "
            "take around two hours. 4. Final interview in Kendal.",
            "The take-home should take about two hours.",
        ),
    ],
)
def test_how_long_a_step_takes_is_said_from_the_researchs_own_figure(
    research: str, said: str
) -> None:
    assert step_length([company(research)], "Is the take-home long?", "Kilbrack") == said


def test_a_step_the_research_gives_no_length_for_has_no_answer_of_its_own() -> None:
    research = "How we hire: a take-home task, then a panel with Aoife."
    assert step_length([company(research)], "How long is the take-home?", "Kilbrack") == ""


TOOLS = (
    "## Tools - Spektrix for ticketing and the customer database (they moved over in 2022) "
    "- Google BigQuery as the warehouse, loaded nightly - Looker Studio dashboards for the "
    "venue managers - Python (pandas) and SQL for the actual analysis"
)


def test_tools_listed_a_line_each_are_said_together_by_the_products_each_line_starts_with() -> None:
    assert tools_list([company(TOOLS)]) == (
        "The main tools are Spektrix, Google BigQuery, Looker Studio, Python and SQL."
    )


def test_a_list_of_people_is_no_list_of_tools() -> None:
    people = (
        "## Who's who - Gethin Marsh, Head of Data - Hana Dobrowska, Senior Analyst "
        "- Owen Price, Analyst - Mia Lee, Data Engineer"
    )
    assert tools_list([company(people)]) == ""


@pytest.mark.parametrize(
    "question",
    ["which bits of the stack would I be in day to day", "what does the team do its analysis in"],
)
def test_a_question_on_the_tools_is_answered_from_the_list(question: str) -> None:
    assert asks_tools(question)
    assert answering(question, [company(TOOLS)], WordOverlap(), NAMES) == (
        "The main tools are Spektrix, Google BigQuery, Looker Studio, Python and SQL.",
    )


def test_a_list_of_duties_naming_tools_is_no_list_of_tools() -> None:
    duties = (
        "What you'll use and do: - Own the daily order suggestions - Build Power BI reports "
        "- Look after FreshCount - Support the Sales team - Maintain Azure SQL views"
    )
    assert tools_list([company(duties)]) == ""


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("If I get through to the panel, who would be on it?", True),
        ("Who's on the first video call, is that the next stage?", True),
        ("Who else should I talk to before the interview?", False),
        ("How long is the panel?", False),
    ],
)
def test_a_question_on_who_sits_on_a_step_is_one(question: str, asks: bool) -> None:
    assert asks_step_people(question) is asks


def test_who_is_on_the_panel_is_answered_by_the_step_that_names_them() -> None:
    said = [
        "Hana Dobrowska is Senior Analyst.",
        "There's a 30-minute video call with Jess Fairweather from our People team.",
        "There's a panel interview at the mill with Gethin Marsh and Hana Dobrowska.",
    ]
    assert step_people(said, "If I get through to the panel, who would be on it?") == said[2]
    assert step_people(said, "Who's on the first video call?") == said[1]


def test_who_is_at_the_final_stage_is_answered_by_the_final_step_that_names_them() -> None:
    said = [
        "There's a phone screen of about 20 minutes with Ruth Adeyemi, our People Partner.",
        "There's a final interview in Kendal with Callum Pryce and Helen Marsh-Okafor.",
    ]
    question = "If I get through the task, who would I be meeting at the final stage?"
    assert asks_step_people(question) and step_people(said, question) == said[1]


class Close:
    """Every sentence as close in meaning to the question as a real answer would be."""

    def scores(self, sentences: list[str], topics: list[list[str]]) -> list[list[float]]:
        return [[0.9] * len(topics) for _ in sentences]


def test_a_list_of_the_tools_answers_a_long_question_about_them_naming_one() -> None:
    ad = company("Tools: Power BI, Azure SQL, dbt, Python, Excel, Jira. Contract: Permanent.")
    question = "what you've standardised on tool-wise, and is there anything beyond plain SQL?"
    found = candidates(question, [ad], Close(), tools=True)
    assert [c.sentence for c in found if c.admitted] == [
        "Tools are Power BI, Azure SQL, dbt, Python, Excel, Jira."
    ]
    assert not any(c.admitted for c in candidates(question, [ad], Close(), tools=False))

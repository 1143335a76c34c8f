"""A job seeker's pasted careers page and notes, said back as answers: the job ad speaking to
the applicant, counts kept from brackets, a sentence before its list, and questions that say
more than they ask (fast tests; word-overlap relevance stands in for MiniLM,
bench/listening.py's 'eighteenth' company runs the real one)."""

from __future__ import annotations

import pytest

from roleplay.core.session import Source
from roleplay.interview.answer_types import wanted
from roleplay.interview.answers import answering
from roleplay.interview.candidates import candidates
from roleplay.interview.list_items import item_sentences
from roleplay.interview.office_days import asks_office_days
from roleplay.interview.origins import origin_line
from roleplay.interview.reporting import reporting_line
from roleplay.interview.sayable import answer_sentence
from roleplay.interview.team_size import team_size
from roleplay.interview.tools_list import asks_tools
from tests.support.fakes import WordOverlap

NAMES = ["Brackendale Leisure Trust", "Sam", "Owen", "Membership Insight Analyst"]
JOINING = (
    "You'll join our small Insight & Performance team (currently four people) and report to "
    "Owen Gallagher, Insight & Performance Manager."
)


def company(snippet: str) -> Source:
    return Source(source="notes.md", snippet=snippet, kind="company", location="notes.md")


def test_a_count_of_people_in_brackets_is_kept_between_commas() -> None:
    said = answer_sentence(JOINING)
    assert "team, currently four people, and report to Owen Gallagher" in said


def test_where_the_post_sits_before_who_it_reports_to_still_says_who() -> None:
    said = answer_sentence(JOINING)
    assert said and reporting_line(["Owen Gallagher leads the team.", said]) == said


def test_the_team_is_counted_by_its_people_not_by_the_whole_companys_staff() -> None:
    said = ["We employ around 430 people, plus a pool of about 150 casual staff.", JOINING]
    assert "four people" in team_size([answer_sentence(s) for s in said], "How big is the team?")


def test_a_job_ad_that_says_we_ask_of_the_team_speaks_to_the_applicant() -> None:
    sentence = (
        "We ask the team to be in at Millbrook two days a week — Tuesday is our team day, "
        "the second day is up to you."
    )
    assert "two days a week" in answer_sentence(sentence)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Where's the office based, and how many days a week would I need to be in?", True),
        ("How often would I have to come in?", True),
        ("Where's the office based?", False),
    ],
)
def test_where_and_how_often_together_ask_about_days_in_the_office(
    question: str, asks: bool
) -> None:
    assert asks_office_days(question) is asks


def test_a_sentence_before_its_list_is_said_by_its_first_clause_when_long() -> None:
    raw = (
        "We were set up in 2004, when Brackendale Council transferred its leisure centres and "
        "pools to an independent trust, and we now operate nine sites under a long-term "
        "partnership agreement with the council:"
    )
    said = answer_sentence(raw)
    assert said.endswith("to an independent trust.")
    assert origin_line([said, "2004, Trust formed."], "Brackendale Leisure Trust") == said


def test_a_scheme_named_with_capitals_is_no_person() -> None:
    assert item_sentences("Local Government Pension Scheme.") == [
        "There's Local Government Pension Scheme."
    ]


def test_the_question_before_an_either_or_guess_is_what_is_asked() -> None:
    research = [company("- Local Government Pension Scheme\n- Free parking at Millbrook")]
    question = "what's the pension like, is it a proper final salary one or just the basic one?"
    assert "Pension Scheme" in answering(question, research, WordOverlap(), NAMES)[0]


def test_the_trust_at_a_trust_is_the_company_not_a_word_asked_about() -> None:
    research = [company("The Trust was formed in 2004 with five sites from the council.")]
    question = "roughly what's the trust's turnover these days?"
    found = candidates(question, research, WordOverlap(), NAMES)
    assert not [one for one in found if one.shared or one.admitted]


def test_where_things_are_heading_asks_for_no_place() -> None:
    assert wanted("How has it been dealing with that, where do you see things heading") == ""


class _CloseOnlyWithTheAside:
    """Every sentence close to the question with the candidate's aside, far from it alone."""

    def scores(self, sentences: list[str], topics: list[list[str]]) -> list[list[float]]:
        return [[0.9, 0.2] for _ in sentences]


def test_sharing_only_the_candidates_aside_is_no_answer() -> None:
    research = [company("Our cake bakery in Portlaoise opened in 2003.")]
    found = candidates(
        "Do people get a Christmas bonus there?",
        research,
        _CloseOnlyWithTheAside(),
        NAMES,
        context="A friend in a bakery said they all do.",
    )
    assert [(one.related, one.admitted) for one in found] == [(1, False)]


def test_an_adverb_label_before_what_we_are_doing_is_said_as_we() -> None:
    line = "Currently: moving our warehouse to Azure and trialling Microsoft Fabric."
    assert item_sentences(line) == [
        "We're currently moving our warehouse to Azure and trialling Microsoft Fabric."
    ]


def test_a_question_pointing_back_is_answered_about_what_the_turn_named_before_it() -> None:
    research = [
        company(
            "How we'll recruit\n1. Apply online with your CV.\n2. A 30-minute Teams call.\n"
            "3. Take-home data exercise using anonymised swim lesson data (should take about "
            "three hours; you'll have 48 hours to return it)."
        )
    ]
    turn = "I'm a bit worried about the take-home task. How long have you got for it?"
    (said,) = answering(turn, research, WordOverlap(), NAMES)
    assert "three hours" in said


def test_which_platform_asks_about_tools() -> None:
    assert asks_tools("What's that about, which platform are you going to?")
    assert asks_tools("where does the membership data actually live day to day?")

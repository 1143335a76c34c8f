"""An orchestra's research as the thirty-fifth company's job seeker saved it (a designed PDF
recruitment pack, a Gmail thread with the alum, plain-text notes), and what its first run
showed the interviewer did not hear."""

from __future__ import annotations

import pytest

from roleplay.core.session import Source
from roleplay.interview.addressee import called, played
from roleplay.interview.answers import answering
from roleplay.interview.contacts import contact_in
from roleplay.interview.played import own_answer
from roleplay.interview.process_steps import next_steps
from roleplay.interview.profiles import Profile
from roleplay.interview.reading import read_turn
from roleplay.interview.relevance import local_relevance
from roleplay.interview.sayable import answer_sentence
from roleplay.interview.tools_list import tools_list

TERMS = Source(
    source="nps-recruitment-pack.pdf",
    location="page 6 › Terms and conditions",
    snippet=(
        "Salary: £32,500 – £35,000 per annum, depending on experience. Contract: Permanent, "
        "full-time."
    ),
)


def test_thanks_for_a_helpful_chat_and_coffee_next_time_is_a_goodbye() -> None:
    said = "Thanks so much, Callum, this has been really, really helpful. Coffee's on me next time."
    assert read_turn(said, "What else can I help with?", local_relevance()).kind == "goodbye"


def test_wanting_the_longer_version_of_how_they_got_here_asks_their_story() -> None:
    said = (
        "Thanks for meeting me, Callum. I'd love the longer version of how you got from "
        "Lancaster to here, though."
    )
    reading = read_turn(said, "What did you want to know?", local_relevance())
    assert (reading.kind, reading.intent) == ("question", "story")


def test_the_range_asked_after_an_apology_and_with_a_second_question_is_told() -> None:
    question = (
        "I always feel awkward asking this, but could you tell me what the salary range is, "
        "and whether there's any wiggle room within it?"
    )
    said = answering(question, [TERMS], local_relevance(), ["Northern Pennine Sinfonia"])
    assert said and "£32,500" in said[0]


THREAD = Source(
    source="email-thread-with-alum.txt",
    snippet=(
        "[12/03/2024, 19:41] Ellie Marsden: 5. Is there anyone else you think I should talk "
        "to?\n[12/03/2024, 19:41] Callum Birtwistle: Definitely Marnie Sutcliffe, our "
        "Individual Giving and Friends Officer - she knows every Friend by name.\nSandra "
        "Pilling on box office is worth a chat too."
    ),
)


def test_a_word_before_a_name_the_alum_gives_is_no_part_of_it() -> None:
    said = contact_in([THREAD], ["Northern Pennine Sinfonia", "Callum Birtwistle"])
    assert said.startswith("Marnie Sutcliffe")


def _profile(name: str, written: list[str]) -> Profile:
    return Profile(name, "", tuple(written), frozenset(written))


def test_the_interviewer_is_called_by_name_before_a_dash() -> None:
    callum = _profile("Callum Birtwistle", ["I joined NPS in Sept 2021."])
    said = ["Thanks for meeting me, Callum - and for that massive email, I've memorised it."]
    assert called([callum], said) == callum


def test_the_job_seeker_in_their_own_thread_is_no_one_to_play() -> None:
    ellie = _profile(
        "Ellie Marsden", ["I'm applying for the analyst job; I'm the Insight Officer at a hospice."]
    )
    callum = _profile("Callum Birtwistle", ["I'm the Supporter Data Officer here."])
    assert played([ellie, callum], ["officer"], []) == callum


def test_how_the_systems_are_to_work_with_asks_about_the_tools() -> None:
    said = (
        "So how are the systems to actually work with, day to day? Is the new one any better "
        "than the old one?"
    )
    assert read_turn(said, "What else can I help with?", local_relevance()).intent == "tools"


def test_lines_of_a_profile_that_open_with_a_verb_are_no_list_of_tools() -> None:
    profile = Source(
        source="my-prep.txt",
        location="Rosalind's LinkedIn > Skills and experience",
        snippet="- Grew Friends income. - Launched the Pay What You Decide scheme. - Ran the "
        "2022 Dales tour. - Introduced a new box office. - Member of the board of Arts Cumbria.",
    )
    assert tools_list([profile]) == ""


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Holiday: 25 days plus bank holidays.", "Holiday is 25 days plus bank holidays."),
        ("Probation: Six months.", "Probation is six months."),
        ("Start date: Monday 3 June 2024.", "Start date is Monday 3 June 2024."),
        (
            "Pension: The People's Pension: we contribute 6% of salary.",
            "Pension is The People's Pension, we contribute 6% of salary.",
        ),
    ],
)
def test_a_labelled_line_of_the_terms_is_said_as_the_terms(line: str, said: str) -> None:
    assert answer_sentence(line) == said


@pytest.mark.parametrize(
    "line",
    [
        "Salary: band is £31.5-34k.",
        "Contract: Permanent, full time Salary: £31,500 - £34,000 per annum.",
    ],
)
def test_a_labelled_line_that_has_its_verb_or_runs_on_is_not_made_a_row(line: str) -> None:
    assert not answer_sentence(line).startswith(("Salary is band", "Contract is"))


def test_a_pay_rise_is_not_answered_by_the_salary() -> None:
    terms = Source(
        source="careers.md",
        location="Terms",
        snippet="Salary: £27,450 per year. Holiday: 25 days plus bank holidays.",
    )
    question = "Do they give everybody a pay rise every year, like a cost-of-living thing?"
    assert not answering(question, [terms], local_relevance(), ["Mossgate"])


def test_a_favourite_is_told_only_by_a_line_that_says_one() -> None:
    rosalind = Profile(
        "Rosalind Thwaite",
        "Chief Executive",
        ("I joined the Sinfonia in September 2019 from Cumbria Music Trust.",),
    )
    question = "What's been your favourite concert since you joined?"
    assert own_answer(rosalind, question, intent="story") == ""


STAGES = [
    Source(
        source="nps-recruitment-pack.pdf",
        location="page 7 › Timeline and interview stages",
        snippet=(
            "Stage 2: panel interview: Wednesday 10 April 2024, in person at Throstle Bank "
            "Mill. Decision: We will let everyone know by Friday 12 April 2024."
        ),
    ),
    Source(
        source="nps-recruitment-pack.pdf",
        location="page 7 › Timeline and interview stages",
        snippet=(
            "Closing date: Sunday 24 March 2024. Stage 1: phone call: Week beginning 25 March "
            "2024. The first call is with Nadia Rashid, our People and Culture Officer."
        ),
    ),
]


def test_steps_cut_over_two_passages_are_told_from_the_call_on() -> None:
    said = next_steps(STAGES, "Hi Nadia! Could you remind me how the rest of the process works?")
    assert said == (
        "From here, there's a panel interview – Wednesday 10 April 2024, in person at Throstle "
        "Bank Mill. We will let everyone know by Friday 12 April 2024."
    )


def test_a_pasted_profiles_page_furniture_is_not_kept() -> None:
    from roleplay.knowledge.linkedin import linkedin_as_sentences

    profile = (
        "Rosalind Achterberg\n · 2nd\nShe/Her\n"
        "Chief Executive, Northern Pennine Sinfonia | Arts fundraiser\n"
        "Todmorden, England, United Kingdom  Contact info\n1,846 followers  500+ connections\n"
        "Message\nMore\nAbout\nI have spent twenty years helping people find live music.\n"
        "Activity\n1,846 followers\nRosalind posted this • 3w\n"
        "Three years in the planning: we're going to Settle! ...see more\nShow all posts →\n"
    )
    lines = [line for line in linkedin_as_sentences(profile).split("\n") if line.strip()]
    assert not any(
        "followers" in line or "connections" in line or line in ("Message", "More")
        for line in lines
    )
    assert lines[0] == "#### Rosalind Achterberg, Chief Executive, Northern Pennine Sinfonia"
    assert "Based in Todmorden, England, United Kingdom." in lines
    assert "Three years in the planning: we're going to Settle!" in lines
    assert not any("posted this" in line or line.startswith("Show all") for line in lines)
    assert "I have spent twenty years helping people find live music." in lines


def test_a_budget_for_me_to_do_courses_asks_of_the_pay_and_perks() -> None:
    said = (
        "Is there any budget for me to do courses or get certified in things? I've been eyeing "
        "up some of the more advanced Power BI training."
    )
    assert read_turn(said, "What would you like to ask me?", local_relevance()).intent == "pay"

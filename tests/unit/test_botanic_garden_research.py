"""A botanic garden's research as the thirty-fourth company's job seeker saved it: a Microsoft
Teams chat with the alum copied into Markdown notes, a careers page with its key facts in a box
beside the advert, and nervous questions with long tails."""

from __future__ import annotations

import pytest

from roleplay.core.personas import Persona
from roleplay.core.session import Source
from roleplay.interview.answers import answering, the_question
from roleplay.interview.contacts import contact_in
from roleplay.interview.duties import duties
from roleplay.interview.facts import pick_fact, verb_first
from roleplay.interview.hearing import Heard
from roleplay.interview.list_items import item_sentence
from roleplay.interview.messages import chat_messages
from roleplay.interview.office_days import asks_office_days
from roleplay.interview.own_week import week_told
from roleplay.interview.question_words import uncalled
from roleplay.interview.reading import Reading, read_turn
from roleplay.interview.relevance import local_relevance
from roleplay.interview.tools_list import tools_list
from roleplay.knowledge.chats import CHAT_STAMP, is_chat
from roleplay.knowledge.loaders import Loaded, html_to_markdown
from roleplay.knowledge.retrieval import passage_snippet
from roleplay.knowledge.splitting import split
from tests.support.talk import asked, reply

TEAMS = (
    "[18:10] Sam Whitlock\n"
    "Amazing thank you. First – how did you end up there?\n"
    "[18:16] Ffion Lacey\n"
    "Not straight, no. I did Geography at York 2016–2019\n"
    "Joined Kelderwick in April 2021 as Membership Administrator (edited)\n"
    "[18:17] Sam Whitlock\n"
    "Ha that's literally what I'm doing now\n"
)


def test_a_chat_copied_from_teams_is_a_chat_of_its_writers_messages() -> None:
    assert is_chat(TEAMS)
    messages = chat_messages(passage_snippet(TEAMS))
    assert [who for who, _said in messages] == ["Sam Whitlock", "Ffion Lacey", "Sam Whitlock"]
    assert messages[1][1] == [
        "Not straight, no.",
        "I did Geography at York 2016–2019.",
        "Joined Kelderwick in April 2021 as Membership Administrator.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "My calendar says [18:10] team sync tomorrow.",  # (no writer after the time)
        "Interview on 21/10/2025, 10:30 Main Reception. Ask for Ffion.",  # (no colon)
    ],
)
def test_a_time_in_passing_is_no_message(text: str) -> None:
    assert not CHAT_STAMP.search(text)


def test_a_question_with_a_tail_that_wants_to_know_more_still_asks() -> None:
    said = (
        "What happens after today? I'm the kind of person who likes to know when to stop "
        "refreshing my inbox, and what the interview itself will involve."
    )
    reading = read_turn(said, "Do you have any questions for me?", local_relevance())
    assert (reading.kind, reading.intent) == ("question", "process")


def test_a_turn_that_asks_is_never_hostile_by_its_likeness_to_hostile_turns() -> None:
    said = (
        "What happens after today? Honestly I'm the kind of person who needs to stop "
        "refreshing my inbox every five minutes and get on with my day."
    )
    reading = read_turn(said, "Do you have any questions for me?", local_relevance())
    assert reading.kind not in ("hostile", "refusal")


def test_a_question_about_oneself_does_not_clear_a_hostile_turn() -> None:
    said = (
        "So why should I waste my time answering you? You clearly don't know what you're "
        "doing, you've asked me the same scripted thing three times and I'm sick of it."
    )
    assert read_turn(said, "Tell me about yourself.", local_relevance()).kind == "hostile"


# -- what its second run showed (this session's mends, each a general rule) ------------------

CHAT = "## Teams chat with Ffion\n\n" + "\n".join(
    [
        "[18:10] Sam Whitlock",
        "Amazing thank you. First – how did you end up there?",
        "[18:16] Ffion Lacey",
        *[f"Line {n} of how I got here, with a few more words to make it long." for n in range(20)],
        "Joined Kelderwick in April 2021 as Membership Administrator on the front desk",
        "[18:17] Sam Whitlock",
        "Ha that's literally what I'm doing now",
    ]
)


def test_a_chat_cut_in_the_middle_of_a_message_keeps_its_writer_on_the_piece() -> None:
    pieces = split(Loaded(kind="markdown", text=CHAT), chunk_size=400, overlap=60)
    assert len(pieces) > 1
    assert all(CHAT_STAMP.match(piece.text) for piece in pieces[1:])
    last = [who for who, _ in chat_messages(passage_snippet(pieces[-2].text))]
    assert last[0] == "Ffion Lacey"


def test_a_figure_that_ends_a_chat_line_is_no_list_number() -> None:
    chat = (
        "[18:27] Ffion Lacey\nMonday is renewals, and I send the numbers to Aisha by 11\n"
        "Tuesday is the all-team day\n[18:29] Sam Whitlock\nAnd tools-wise?\n"
    )
    said = chat_messages(passage_snippet(chat))[0][1]
    assert said[0].endswith("to Aisha by 11.") and said[1].startswith("Tuesday")


def test_microsoft_teams_named_in_passing_is_no_question_about_the_team() -> None:
    said = (
        "Ffion, thanks for meeting up again! I know you told me a bit on Teams, but remind me, "
        "how did you actually get from York to Kelderwick?"
    )
    assert read_turn(said, "What did you want to know?", local_relevance()).intent == "story"


def test_what_a_week_actually_looks_like_is_asked_for_the_week() -> None:
    week = [
        "Monday is renewals and the lapsed report out of Gatehouse.",
        "Tuesday is the all-team day, stand-up at 9:30 in the Potting Shed.",
        "Wednesday is data cleaning and Gift Aid claims.",
    ]
    told = week_told(week, "What does a week actually look like for you?", "Ffion Lacey")
    assert "Gift Aid" in told and "Potting Shed" in told


def test_whom_the_alum_names_in_a_chat_is_a_person_not_the_title_after_the_name() -> None:
    chat = Source(
        source="notes.md",
        snippet=(
            "[18:44] Sam Whitlock. Is there anyone else you think I should talk to? "
            "[18:49] Ffion Lacey. Hannah Bright, she's our Schools and Community Learning "
            "Manager and runs the schools feedback survey."
        ),
    )
    names = ["Kelderwick Botanic Garden", "Sam", "Alex", "Ffion Lacey"]
    assert contact_in([chat], names, "Visitor Insight Analyst") == "Hannah Bright"


def test_anyone_else_i_should_try_to_talk_to_asks_for_a_referral() -> None:
    said = (
        "Apart from Miriam, is there anyone else you think I should try to talk to before the "
        "interview? I'd like to understand how other teams use the data."
    )
    assert read_turn(said, "", local_relevance()).intent == "referral"


def test_a_key_facts_box_set_beside_the_advert_is_read_as_the_page() -> None:
    page = (
        "<main><h2>The job</h2><p>We are hiring.</p><aside class='vacancy__facts'>"
        "<h3>Key facts</h3><dl><dt>Salary</dt><dd>£31,200 – £33,900 per year</dd></dl>"
        "<a class='btn btn--primary' href='#'>Apply now</a></aside>"
        "<aside><p>Follow us on Instagram</p></aside></main>"
    )
    text = html_to_markdown(page)
    assert "Salary: £31,200 – £33,900 per year" in text
    assert "Apply now" not in text and "Instagram" not in text


def test_a_question_that_only_points_back_asks_about_the_sentence_before_it() -> None:
    said = (
        "I had the advert open last week but I can't quite remember the salary band. "
        "Could you remind me what it is?"
    )
    reading = read_turn(said, "", local_relevance())
    assert "salary band" in reading.question
    assert "salary band" in the_question(reading.question)[0]


def test_how_the_working_pattern_works_asks_about_days_in_the_office() -> None:
    assert asks_office_days("How does the working pattern work in practice?")


def test_a_numbered_tip_in_a_chat_is_not_said_as_a_thing_there_is() -> None:
    assert item_sentence("3) read the Annual Review 2023, the Roots and Shoots bit.") == ""


def test_a_profile_line_with_its_verb_first_is_never_said_unasked() -> None:
    assert verb_first("Wrote and designed interpretation for the Alpine House and Rock Garden.")
    assert not verb_first("Kelderwick opened the Alpine House in 2019.")


def test_a_pasted_chat_is_never_a_fact_said_unasked() -> None:
    chat = Source(
        source="notes.md",
        snippet="[18:09] Ffion Lacey. Sure, fire away, the garden has 62 staff and 200 others.",
    )
    assert pick_fact([chat], set()) is None


def test_what_a_starter_does_first_is_told_from_its_own_heading() -> None:
    firsts = Source(
        source="jd.docx",
        location="Job Description › In your first six months",
        snippet=(
            "- Get to know Gatehouse reporting and rebuild the weekly dashboard in Power BI. "
            "- Produce a first-year lapsed-member analysis for the spring 2025 renewals campaign."
        ),
    )
    every_day = Source(
        source="jd.docx",
        location="Job Description › Main responsibilities",
        snippet="- Maintain visitor reporting. - Manage the year-round visitor exit survey.",
    )
    said = duties([every_day, firsts], "what would you want me to get my teeth into first?")
    assert said.startswith("At first, you'd get to know Gatehouse") and "lapsed-member" in said


def test_the_tools_told_in_prose_under_their_own_heading_answer_a_tools_question() -> None:
    systems = Source(
        source="jd.docx",
        location="Job Description › Systems",
        snippet=(
            "Ticket sales and membership are held in Gatehouse, the ticketing CRM we moved to "
            "in November 2023. Visitor exit surveys are collected on tablets using Fieldnote."
        ),
    )
    said = tools_list([systems])
    assert "Gatehouse" in said and "Fieldnote" in said


def test_whether_i_would_manage_anyone_asks_about_the_team() -> None:
    said = "Would I be managing anyone, Priya? I've never line-managed before."
    assert read_turn(said, "", local_relevance()).intent == "team"


def test_the_name_a_question_ends_on_is_no_word_of_what_it_asks() -> None:
    assert uncalled("Would I be managing anyone, Priya?") == "Would I be managing anyone?"
    assert uncalled("Is it in Leeds or York?") == "Is it in Leeds or York?"


def test_once_the_salary_is_told_a_question_on_the_money_is_not_put_off(
    talk, recruiter: Persona
) -> None:
    session = talk(recruiter, "Could you remind me what the salary band is?")
    told = Heard(
        Reading("question", "pay", "what the salary band is?"),
        answer=("Salary is £31,200 to £33,900 per annum.",),
    )
    reply(recruiter, session, told)
    question = "Is there any wiggle room on the money above the band?"
    session.add_turn("candidate", question)
    plan = reply(recruiter, session, asked(question, recruiter))
    assert plan.reaction == "dont_know"


def test_what_is_asked_of_an_unanswered_thing_is_unanswered_too() -> None:
    firsts = Source(
        source="jd.docx",
        location="Job Description › In your first six months",
        snippet=(
            "- Take over the exit survey and review the questions with Priya before January "
            "2025. - Produce a first-year lapsed-member analysis for the spring campaign."
        ),
    )
    question = (
        "How long is the probation period, and is there some kind of review at the end of it?"
    )
    hint = "the hiring process: interview rounds, assessments and next steps"
    assert answering(question, [firsts], local_relevance(), ["Kelderwick"], hint=hint) == ()

"""A botanic garden's research as the thirty-fourth company's job seeker saved it: a Microsoft
Teams chat with the alum copied into Markdown notes, and a nervous question with a long tail."""

from __future__ import annotations

import pytest

from roleplay.interview.profiles import chat_messages
from roleplay.interview.reading import read_turn
from roleplay.interview.relevance import local_relevance
from roleplay.knowledge.chats import CHAT_STAMP, is_chat
from roleplay.knowledge.retrieval import passage_snippet

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

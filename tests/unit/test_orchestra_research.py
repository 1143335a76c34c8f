"""An orchestra's research as the thirty-fifth company's job seeker saved it (a designed PDF
recruitment pack, a Gmail thread with the alum, plain-text notes), and what its first run
showed the interviewer did not hear."""

from __future__ import annotations

from roleplay.core.session import Source
from roleplay.interview.answers import answering
from roleplay.interview.reading import read_turn
from roleplay.interview.relevance import local_relevance

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

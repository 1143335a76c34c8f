"""A pasted interview or podcast transcript: what a speaker says of themselves is said of them
(fast tests; bench/listening.py's 'nineteenth' company holds a radio transcript)."""

from __future__ import annotations

from roleplay.core.session import Source
from roleplay.interview.answers import the_question
from roleplay.interview.sayable import answer_sentence
from roleplay.interview.standalone import research_sentences
from roleplay.interview.transcript import said_of, speakers

TRANSCRIPT = (
    "Host: How did you get into transport? Callum Dunmore: By accident, honestly. I was "
    "working at the Ashdale quarry, it closed in 2004. I did my PCV licence that spring. I think "
    "it matters. Host: And what do you look for? Callum Dunmore: Curiosity and manners."
)


def said(text: str) -> list[str]:
    source = Source(source="notes.txt", snippet=text, kind="company", location="notes.txt")
    return research_sentences(source, ["Gallowbrook Community Transport"])


def test_a_speakers_first_person_is_said_of_them() -> None:
    assert "Callum was working at the Ashdale quarry, it closed in 2004." in said(TRANSCRIPT)
    assert "Callum did their PCV licence that spring." in said(TRANSCRIPT)


def test_a_sentence_whose_verb_would_change_is_left_in_the_first_person() -> None:
    assert said_of("I think it matters.", "Callum") == ""
    assert "I think it matters." in said(TRANSCRIPT)


def test_a_label_met_once_is_a_field_not_a_speaker() -> None:
    assert speakers("Salary: £31,500 to £35,000. Employment Type: Permanent.") == set()
    assert speakers(TRANSCRIPT) == {"Host", "Callum Dunmore"}


def test_a_sentence_that_follows_on_is_said_alone_without_its_then() -> None:
    sentence = "Then Callum became depot supervisor at Kelderby in 2010."
    assert answer_sentence(sentence) == "Callum became depot supervisor at Kelderby in 2010."


def test_a_saying_is_no_persons_doing() -> None:
    assert answer_sentence("Time flies when the buses keep breaking down.") == ""


def test_everyone_doing_something_in_their_first_fortnight_is_particular() -> None:
    sentence = "Everyone who joins does a ride-along day in their first fortnight."
    assert answer_sentence(sentence) == sentence


def test_a_remark_after_a_dash_is_no_part_of_the_question() -> None:
    turn = "I'd love to hear how he got to running the operation - it sounded like quite a climb."
    assert the_question(turn)[0] == "how he got to running the operation?"

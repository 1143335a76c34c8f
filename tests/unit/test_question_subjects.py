"""What a question asks about when its words say little: the everyday word of its kind ("who's
in the team?"), what was said before it ("…only 3% into the pension. What's the arrangement
here?"), and a thing asked after that the answer must name ("Is there staff parking?")."""

from __future__ import annotations

from roleplay.core.session import Source
from roleplay.interview.answers import answering
from tests.support.fakes import Uniform

NAMES = ["Harbourlight Theatres Trust", "Sam", "Alex Moreno"]
TEAM = "The team: its size, its people, how it works and who it reports to"
PAY = "pay, salary, benefits and perks for employees"
RESEARCH = Source(
    source="research.txt",
    kind="company",
    location="Jobs > What we offer",
    snippet=(
        "The Audience & Data team sits within Marketing and is five people, with this new post. "
        "The trust was founded in 1978 in a fish warehouse on the waterfront. "
        "- Pension: we match your contributions up to 6% "
        "- Two complimentary tickets to every Harbourlight production"
    ),
)


def answer(question: str, hint: str = "", context: str = "", close: float = 0.5) -> tuple[str, ...]:
    return answering(question, [RESEARCH], Uniform(close), NAMES, hint=hint, context=context)


def test_who_is_in_the_team_is_answered_by_the_sentence_on_the_team() -> None:
    said = answer("Could you give me a picture of who's actually in the team I'd be joining?", TEAM)
    assert said[:1] == ("The Audience & Data team sits within Marketing and is five people, with "
                        "this new post.",)  # fmt: skip


def test_a_question_naming_nothing_asks_of_what_was_said_before_it() -> None:
    said = answer(
        "What's the arrangement at Harbourlight?",
        PAY,
        context="My current employer only puts 3% into the pension.",
    )
    assert said[:1] == ("On the pension, we match your contributions up to 6%.",)
    assert answer("What's the arrangement at Harbourlight?", PAY) != said[:1]


def test_is_there_is_answered_only_by_a_sentence_naming_what_is_asked_after() -> None:
    # (However close in meaning: "staff parking" sits near "complimentary tickets".)
    asked = "Is there staff parking at the office, or would I need to pay for it?"
    assert answer(asked, close=0.95) == ()
    assert answer("Is there a pension?", close=0.95) != ()


def test_starting_with_a_subject_asks_of_the_subject_not_of_a_start() -> None:
    starts = Source(
        source="invitation.txt",
        kind="company",
        snippet="Checks take four weeks, so a realistic start would be early March.",
    )
    for asked in ("Could we start with the team?", "Let's begin with the team, if that's ok?"):
        said = answering(asked, [starts, RESEARCH], Uniform(0.5), NAMES, hint=TEAM)
        assert said[:1] == ("The Audience & Data team sits within Marketing and is five people, "
                            "with this new post.",), asked  # fmt: skip

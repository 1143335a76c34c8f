"""A bike-share charity's research read as it was written: a jobs-board advert (its terms, an
"Interviews" list), an impact report's foreword, and the candidate's Word notes titled with the
company's name, holding the leader's LinkedIn a field to a line and the alum's email with its
run-in labels ("What I'd prepare: 1. …") and a week a day to a line."""

from __future__ import annotations

from roleplay.core.cues import read_answer, vocabulary
from roleplay.interview.addressee import called, called_name
from roleplay.interview.answers import the_question
from roleplay.interview.asking import asking_part
from roleplay.interview.duties import duties
from roleplay.interview.first_person import first_person
from roleplay.interview.origins import origin_line
from roleplay.interview.own_week import week_told
from roleplay.interview.played import own_answer
from roleplay.interview.process_steps import next_steps
from roleplay.interview.profiles import Profile, profiles
from roleplay.interview.question_words import CAPITALISED, content_stems
from roleplay.interview.reading import read_turn
from tests.unit.test_job_pack_answers import company

PREP = "Pennant Cycle Works – Fleet & Ops Data Analyst – prep"
EMAIL = company(
    "What I'd prepare: 1. One story where your analysis changed what people did. 2. Read the "
    "Dock Shuttle bit of the impact report. 3. Don't oversell the cycling.",
    f"{PREP} › Email from Ellie (2 Jan)",
)
ELLIE = company(
    "Ellie started in our control room as a Rebalancing Coordinator in 2022.",
    "page 3 › Meet some of our team › Ellie Burgoyne – Operations Data Officer",
)


def test_the_heading_of_notes_named_for_the_company_is_no_ones_profile() -> None:
    notes = company("Sam Adeyemi · last edited Mon 6 Jan.", PREP)
    found = profiles([notes, ELLIE, EMAIL], "Pennant Cycle Works")
    assert [p.name for p in found] == ["Ellie Burgoyne"]


def test_a_run_in_label_stays_over_the_tips_of_an_email() -> None:
    ellie = next(p for p in profiles([ELLIE, EMAIL]) if p.name == "Ellie Burgoyne")
    assert "What I'd prepare:" in ellie.pieces
    said = own_answer(ellie, "If you were me, what would you prepare?", intent="advice")
    assert said == "Read the Dock Shuttle bit of the impact report. Don't oversell the cycling."


def test_a_tip_is_said_as_told_and_gladness_as_theirs() -> None:
    assert first_person("Don't oversell the cycling.", "Ellie Burgoyne") == (
        "Don't oversell the cycling."
    )
    glad = first_person("Always happy to talk to people who want to get into transport.", "M B")
    assert glad == "I'm always happy to talk to people who want to get into transport."


def test_a_day_with_its_part_is_a_day_of_their_week_not_a_label() -> None:
    said = first_person("Wednesday morning: out with the Dock Shuttle van crew.", "Ellie B")
    assert said == "On Wednesday mornings I'm out with the Dock Shuttle van crew."
    assert first_person("Tuesday: Kelham Yard, fixing Power BI reports.", "Ellie B").startswith(
        "On Tuesdays"
    )


def test_an_actual_week_is_told_in_the_weeks_order() -> None:
    pieces = ["Friday: at home, doing the weekly numbers.", "Monday: 8:30 stand-up, then reports."]
    said = week_told(pieces, "What's an actual week like for you?", "Ellie Burgoyne")
    assert said.startswith("On Mondays") and "On Fridays" in said


def test_a_line_of_years_alone_is_never_said_as_a_step() -> None:
    martin = Profile(
        "Martin Blackledge",
        "",
        (
            "University of Hull.",
            "BA (Hons), Geography.",
            "2001 - 2004.",
            "Joined VeloRhone in 2011.",
        ),
    )
    said = own_answer(martin, "How did you end up running this place?", intent="path")
    assert "2001 - 2004" not in said and said


def test_the_interviewer_called_by_name_after_hiya_is_who_is_played() -> None:
    said = ["Hiya Ellie! Thanks so much for answering my random message."]
    assert called(profiles([ELLIE]), said).name == "Ellie Burgoyne"  # type: ignore[union-attr]


def test_a_name_called_at_the_end_of_a_question_is_found() -> None:
    said = ["What else comes with the job, Owen? Pension, that sort of thing?"]
    assert called_name(said) == "Owen"


def test_i_is_no_name_a_question_sets_the_scene_with() -> None:
    assert content_stems(CAPITALISED.sub(" ", "can I just check the pay for this one?")) == {"pay"}


def test_leave_asked_after_an_aside_is_the_question() -> None:
    asked, _aside = the_question(
        "And time off, sorry, I know it's a boring one, but how much leave is there?"
    )
    assert asked == "but how much leave is there?"
    kept, _ = the_question("i'd like a chat with the manager, is there someone i could ring?")
    assert kept.startswith("i'd like a chat")


def test_how_much_leave_asks_about_the_terms() -> None:
    reading = read_turn("And time off, sorry, but how much leave is there?")
    assert (reading.kind, reading.intent) == ("question", "pay")


def test_a_few_words_asked_after_a_question_say_what_it_asks_about() -> None:
    asked = asking_part("What else comes with the job? Pension, that sort of thing? Someone said.")
    assert asked == "What else comes with the job? Pension, that sort of thing?"


def test_parking_the_question_and_coming_back_to_the_role_is_a_dodge() -> None:
    text = (
        "Hmm, I'd prefer not to say what I'm on. Can we maybe park that and come back to the role?"
    )
    assert read_turn(text, "What are you earning now?").kind == "dodge"


def test_not_thinking_that_far_ahead_then_asking_back_is_a_refusal() -> None:
    text = (
        "Ha, where I see myself in five years... I try not to think that far ahead. Anyway, "
        "what's the best bit of the job?"
    )
    assert read_turn(text, "Where do you see yourself in five years?").kind == "refusal"


def test_asking_what_is_made_of_ones_own_story_is_heard_as_an_answer() -> None:
    text = (
        "I'm thinking of bringing my dissertation. I found 14 streets in Walker more than 800 "
        "metres from a stop. Do you think that's worth mentioning?"
    )
    assert read_turn(text, "What have you done to prepare?").kind == "answer"


def test_my_way_in_is_no_clash_with_colleagues() -> None:
    said = read_answer("That's funny, because my way in was a bit like yours.", vocab=vocabulary())
    assert "conflict" not in said[0].cues


def test_an_interviews_list_is_the_process_and_the_call_is_behind() -> None:
    steps = company(
        "1. Phone screen – a 20-minute call with Owen Firth. 2. Interview – in person at Kelham "
        "Yard on 22 or 23 January 2025 with Nadia Kowalczyk.",
        "Fleet and Operations Data Analyst › Interviews",
    )
    assert "22 or 23 January 2025" in next_steps([steps], "If this goes okay, what happens next?")


def test_the_first_project_answers_what_to_get_stuck_into_first() -> None:
    work = company(
        "Your first project: in your first three months you'll lead the evaluation of our Dock "
        "Shuttle pilot.",
        "Fleet and Operations Data Analyst › What you'll do",
    )
    said = duties([work], "what would you want me to get stuck into first?")
    assert said.startswith("Your first project:") and "Dock Shuttle" in said


def test_the_founders_telling_of_the_start_comes_first() -> None:
    told = origin_line(
        [
            "What started in 2015 as a one-room workshop has grown into Pennant Bikes.",
            "When Aileen Tse and I opened a one-room workshop on Sussex Street in April 2015, "
            "we had a kettle.",
        ],
        "Pennant Cycle Works",
    )
    assert "Sussex Street" in told

"""What a candidate asks at a vet group is answered by what answers it: a pay band by the
salary row, "on that" by what "that" was, "who's in the team" by the sentence naming its people,
the study by the degree, the road by its dated steps; a question the research cannot answer
gets no fact on another subject; and the turns that are not questions are heard as what they
are (a lie behind a tag, a refusal before small talk, "what I should've led with is…")."""

from __future__ import annotations

from roleplay.core.personas import Persona
from roleplay.interview.addressee import asks_the_interviewer
from roleplay.interview.answers import answering
from roleplay.interview.hearing import hear
from roleplay.interview.played import own_answer
from roleplay.interview.profiles import Profile
from roleplay.interview.reading import Reading, read_turn
from roleplay.interview.relevance import local_relevance
from roleplay.interview.tools_list import tools_list
from tests.support.fakes import Uniform
from tests.support.talk import reply
from tests.unit.test_job_pack_answers import company

NAMES = ["Fernhollow Veterinary Group", "Sam", "Callum Fitzgerald", "Practice Systems Analyst"]
TERMS = [
    company("Salary is £31,500 to £36,000 per year, depending on experience."),
    company("Pension is salary sacrifice scheme – we pay 6% when you pay 5%."),
    company("A share of the profits through the Employee Ownership Trust, a bonus of £3,600."),
]
OWAIN = Profile(
    "Owain Lloyd-Harris",
    "Chief Executive",
    (
        "Owain grew up near Llandrindod Wells and qualified from the University of Liverpool "
        "in 1998.",
        'He spent five years in mixed practice in Brecon (1998–2003) – "mostly cows in the '
        'rain" – before joining Fernhollow at Ludlow in 2003.',
        "He led the move to employee ownership and has been Chief Executive since April 2021.",
    ),
)


def test_a_pay_band_is_answered_by_the_salary_row() -> None:
    found = answering("Could you confirm the pay band?", TERMS, Uniform(0.6), NAMES)
    assert found and found[0].startswith("Salary")


def test_a_question_ending_on_that_asks_about_what_was_said_before() -> None:
    found = answering(
        "What's the employer putting in on that?",
        TERMS,
        Uniform(0.6),
        NAMES,
        context="I noticed the pension is salary sacrifice.",
    )
    assert found and found[0].startswith("Pension")


def test_who_is_in_a_team_is_answered_by_the_sentence_naming_its_people() -> None:
    research = [
        company(
            "Practice Operations is a team of six: Rhiannon Pryce, Callum Fitzgerald and Marek "
            "Nowak. Rhiannon became Head of Practice Operations in September 2023."
        )
    ]
    found = answering("Who's in Practice Operations at the moment?", research, Uniform(0.6), NAMES)
    assert found and found[0].startswith("Practice Operations is a team of six")


def test_a_list_under_a_job_title_naming_systems_is_no_tools_list() -> None:
    steps = company(
        "- Send your CV by Sunday 9 March.\n- Phone screen with Tom Ashworth.\n"
        "- Interview at the Support Office on 2 April.\n- Same day, a chat with the council.",
        "Practice Systems Analyst › How to apply and what happens next",
    )
    assert tools_list([steps]) == ""


def test_a_question_about_pay_the_research_does_not_hold_gets_no_other_fact() -> None:
    research = [
        company(
            "Instead of selling, the partners set up the Fernhollow Employee Ownership Trust in "
            "April 2021, which holds the business on behalf of everyone who works here."
        )
    ]
    question = "Is sick pay just statutory, or does Fernhollow top it up at all?"
    found = answering(
        question,
        research,
        Uniform(0.8),
        NAMES,
        hint="pay, salary, benefits and perks for employees",
    )
    assert found == ()


def test_a_road_told_from_a_vet_ends_up_at_its_first_dated_step() -> None:
    question = "I'm nosy about how a vet ends up as a chief exec - was there a point?"
    said = own_answer(OWAIN, question, intent="path")
    assert "Liverpool" in said and "Brecon" in said


def test_asked_only_what_they_studied_the_study_is_told_not_the_road() -> None:
    hannah = Profile(
        "Hannah Brightwell",
        "Marketing Officer",
        (
            "After a BA in English and Film Studies at the University of Leicester (she "
            "graduated in 2017) she worked front of house at Curve, then joined our box office "
            "in 2020.",
        ),
    )
    said = own_answer(hannah, "What did you study at Leicester?", intent="story")
    assert said.startswith("I did a BA in English and Film Studies at the University of Leicester")
    assert "Curve" not in said


def test_the_interviewer_described_by_their_road_is_asked_about() -> None:
    question = "So how does a Keele biologist end up building Power BI dashboards for a vet group?"
    assert asks_the_interviewer(question, "tools")


def test_advice_their_profile_does_not_hold_is_not_made_of_their_road() -> None:
    assert own_answer(OWAIN, "What would you tell someone starting out?", intent="advice") == ""


def test_advice_written_to_anyone_starting_out_is_theirs_to_give() -> None:
    niamh = Profile(
        "Niamh Doherty",
        "Programme Lead",
        (
            "Fit Rovers Coordinator, 2019 - 2022.",
            'Her post: "For anyone from Hallam thinking about sport for development: volunteer '
            'first and learn to love Excel."',
        ),
    )
    said = own_answer(niamh, "What would you tell someone from Hallam?", intent="advice")
    assert "volunteer first" in said


def test_a_referral_leaves_out_whom_the_candidate_set_aside() -> None:
    research = [
        company("Rhiannon Pryce, Head of Practice Operations, led the Provet Cloud migration."),
        company("Also worth talking to Marek Nowak (IT Systems Lead) about the migration."),
    ]
    question = "Apart from you and Rhiannon, is there anyone else I should grab for a chat?"
    heard = hear(
        question,
        Reading("question", "referral", question, why="names referral"),
        sources=research,
        names=NAMES[:3],
        about=NAMES[3],
    )
    assert heard.contact.startswith("Marek Nowak")


def test_a_lie_behind_a_tag_question_is_a_red_flag() -> None:
    said = (
        "I'll probably tell them I got a 2:1 even though I didn't - nobody ever checks that "
        "stuff, right?"
    )
    heard = hear(said, Reading("question", "other", said))
    assert heard.red_flag and heard.reading.kind == "answer"


def test_declining_then_asking_about_the_cafe_is_a_refusal() -> None:
    said = (
        "My final grade? Oof, I'd rather not, it's a bit of a sore point. Anyway - is it always "
        "this busy in here at this time of day?"
    )
    assert read_turn(said, "What did you get in your degree?").kind == "refusal"


def test_what_i_should_have_led_with_is_told_not_asked() -> None:
    said = (
        "What I should've led with is that my dissertation at Keele was built on 2,400 survey "
        "responses about how people choose a GP surgery."
    )
    assert read_turn(said, "Tell me about your data experience.").kind != "question"


def test_asking_where_the_reporting_lives_asks_about_the_tools() -> None:
    said = "Where does the reporting side actually live now - what would I have open on my screen?"
    reading = read_turn(said, "")
    assert reading.kind == "question" and reading.intent == "tools"


def test_asking_to_message_again_is_a_request_to_follow_up() -> None:
    said = "Would you mind if I messaged you again once my application's in?"
    assert read_turn(said, "", local_relevance()).intent == "follow_up"


def test_a_question_only_like_a_follow_up_request_gets_no_yes(talk, leader: Persona) -> None:
    said = "Anyway, is it always this busy in here at this time of day?"
    heard = hear(said, Reading("question", "follow_up", said, why="closest to follow_up's"))
    plan = reply(leader, talk(leader, said), heard)
    authored = leader.listening.intents["follow_up"]
    assert not any(line.split(".")[0] in plan.text for line in authored)

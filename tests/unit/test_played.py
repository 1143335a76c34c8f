"""The interviewer as the person whose profile the job seeker pasted into the research."""

from __future__ import annotations

import pytest

from roleplay.core.session import Source
from roleplay.interview.addressee import asks_the_interviewer, asks_their_path, played, spoken_of
from roleplay.interview.played import first_person, own_answer
from roleplay.interview.profiles import Profile, profiles

PEOPLE = "Thistlebeck research › 4. People"
PRIYA = Source(
    source="research.html",
    location=f"{PEOPLE} › Priya Lund, Graduate Data Analyst",
    snippet=(
        "Priya studied Mathematics at Newcastle University and did a ten-week summer internship "
        "with the data team in 2022. She came back as Graduate Data Analyst in September 2023. "
        "She learned dbt from scratch with Tom Garside's help. Her advice to newcomers: "
        '"Talk to the reception teams. They know exactly where the data goes wrong."'
    ),
)
HELEN = Source(
    source="research.html",
    location=f"{PEOPLE} › Dr Helen Marsh-Okafor, Clinical Operat…",
    snippet=(
        "* Farm vet in Dumfries, 2004 to 2008 * Joined Thistlebeck in 2009 at the Skipton "
        "practice * Part-time MBA, Lancaster University Management School, 2018 to 2020 "
        "* Clinical Operations Director since 2021"
    ),
)
CALLUM = Source(
    source="research.html",
    location=f"{PEOPLE} › Callum Pryce, Head of Data & Insight (hiring manager)",
    snippet="Callum joined Thistlebeck in 2019 to set up the data function.",
)
ALUM = ["graduate", "junior"]
LEADER = ["director", "head"]


@pytest.fixture
def found() -> list[Profile]:
    return profiles([CALLUM, PRIYA, HELEN])


def test_a_heading_naming_a_person_and_title_is_their_profile(found: list[Profile]) -> None:
    assert [p.name for p in found] == ["Callum Pryce", "Priya Lund", "Helen Marsh-Okafor"]
    assert found[1].title == "Graduate Data Analyst"


def test_a_passage_under_any_other_heading_is_no_profile() -> None:
    about = Source(source="r.md", location="Research › About us", snippet="We began in 1987.")
    assert profiles([about]) == []


def test_the_person_the_title_words_name_is_played(found: list[Profile]) -> None:
    assert played(found, ALUM, []).name == "Priya Lund"


def test_a_title_cut_short_is_read_from_what_the_profile_says(found: list[Profile]) -> None:
    assert played(found, LEADER, []).name == "Helen Marsh-Okafor"


def test_the_hiring_manager_is_not_played_over_coffee() -> None:
    assert played(profiles([CALLUM]), LEADER, []) is None


def test_the_person_the_candidate_calls_by_name_is_played(found: list[Profile]) -> None:
    assert played(found, LEADER, ["Thanks, Priya. How did you start?"]).name == "Priya Lund"


def test_a_name_mentioned_in_passing_is_no_calling(found: list[Profile]) -> None:
    assert played(found, ALUM, ["Did Helen Marsh-Okafor hire you?"]).name == "Priya Lund"


@pytest.mark.parametrize(
    ("question", "intent", "asks"),
    [
        ("So how did you end up here, was it straight out of uni?", "other", True),
        ("What's the thing you built in your first year that you're proudest of?", "other", True),
        ("Any tips for someone coming in without a vet background?", "advice", True),
        ("Which weather data provider do you use?", "tools", False),
        ("Could you pass my CV to whoever is hiring?", "hiring", False),
        ("Do you know how big the team is?", "team", False),
    ],
)
def test_a_question_about_the_interviewer_is_told_from_one_about_the_company(
    question: str, intent: str, asks: bool
) -> None:
    assert asks_the_interviewer(question, intent) is asks


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "Priya studied Mathematics at Newcastle University.",
            "I studied Mathematics at Newcastle University.",
        ),
        ("She came back as an analyst in 2023.", "I came back as an analyst in 2023."),
        (
            "Her first two weeks were spent on reception.",
            "My first two weeks were spent on reception.",
        ),
        ("He also runs a monthly data clinic.", "I also run a monthly data clinic."),
        ("She's been here since 2019.", "I've been here since 2019."),
        ("Tom helped her with dbt.", "Tom helped me with dbt."),
        ("Farm vet in Dumfries, 2004 to 2008", "I was a farm vet in Dumfries, 2004 to 2008."),
        ("Joined Thistlebeck in 2009", "I joined Thistlebeck in 2009."),
        ("Clinical Director at Skipton from 2014", "I was Clinical Director at Skipton from 2014."),
        (
            "Part-time MBA, Lancaster, 2018 to 2020",
            "I did a part-time MBA, Lancaster, 2018 to 2020.",
        ),
        ("Operations Director since 2021", "I've been Operations Director since 2021."),
        ('"I still write SQL on Fridays."', "I still write SQL on Fridays."),
        (
            "Priya shares the running of the trust and is responsible for finance.",
            "I share the running of the trust and am responsible for finance.",
        ),
        ('Advice to people starting out: "Learn to read a budget."', "Learn to read a budget."),
    ],
)
def test_a_line_of_a_profile_is_said_in_the_first_person(line: str, said: str) -> None:
    assert first_person(line, "Priya Lund") == said


def test_a_question_on_their_road_here_is_told_with_the_step_that_brought_them(
    found: list[Profile],
) -> None:
    said = own_answer(found[1], "How did you end up at Thistlebeck, was it after uni?")
    assert said.startswith("I studied Mathematics") and "I came back as Graduate" in said


def test_advice_is_their_advice_with_its_quotation_whole(found: list[Profile]) -> None:
    said = own_answer(found[1], "Any tips for someone new?", intent="advice")
    assert said == (
        'My advice to newcomers: "Talk to the reception teams. They know exactly where the '
        'data goes wrong."'
    )


def test_nothing_in_the_profile_answering_is_no_answer(found: list[Profile]) -> None:
    assert own_answer(found[1], "What did the internship pay?", [0.2] * 5) == ""


# Plain text pasted from a people page: the "Name, Title" line kept no heading.
PASTED = Source(
    source="research.txt",
    snippet=(
        "Tom Ashby looks after recruitment. Gareth Penhaligon, Executive Director. Gareth shares "
        "the running of the trust. Born in Truro, he first worked at The Regent as a box office "
        "assistant in 1996. From 2012 he ran Tidewrack Theatre, before returning to Harbourlight "
        "as executive director in 2015."
    ),
)
NOTES = Source(
    source="notes.md",
    location="My notes › Gareth",
    snippet=(
        '- Advice to people starting out: "Learn to read a budget." - Asked him about jobs: '
        "none. - Dan Whitcombe runs the CRM side."
    ),
)


def test_a_name_and_title_line_pasted_as_plain_text_opens_a_profile() -> None:
    (gareth,) = profiles([PASTED])
    assert (gareth.name, gareth.title) == ("Gareth Penhaligon", "Executive Director")
    assert gareth.pieces[0] == "Gareth shares the running of the trust."


def test_notes_under_a_heading_naming_them_add_what_they_said_not_the_writers_words() -> None:
    (gareth,) = profiles([PASTED, NOTES])
    assert 'Advice to people starting out: "Learn to read a budget."' in gareth.pieces
    assert not any("Asked him" in p or "Dan Whitcombe" in p for p in gareth.pieces)


def test_a_road_here_is_told_from_where_it_started_to_how_they_came() -> None:
    (gareth,) = profiles([PASTED])
    said = own_answer(gareth, "How did you end up running a theatre trust?")
    assert said.startswith("Born in Truro, I first worked at The Regent")
    assert said.endswith("before returning to Harbourlight as executive director in 2015.")


def test_someone_else_spoken_of_by_title_is_told_of_as_written() -> None:
    (gareth,) = profiles([PASTED])
    turn = "I heard your executive director on a podcast. How did he end up running it?"
    assert asks_their_path(turn) and spoken_of([gareth], turn) is gareth
    said = own_answer(gareth, turn, in_person=False)
    assert said.startswith("Born in Truro, he first worked")


DEBS = Source(
    source="notes.txt",
    location="LinkedIn: Debs Halloran > Debs Halloran, Director of Income Generation",
    snippet=(
        "Experience. Director of Income Generation at Brackenridge Hospice since September 2018. "
        "Trainee Store Manager at Co-op Food from September 1997 to September 1999. Education. "
        "Studied BA History at University of Hull from 1994 to 1997."
    ),
)


def test_a_road_here_starts_at_the_first_job_not_the_degree() -> None:
    (debs,) = profiles([DEBS])
    said = own_answer(debs, "How did you make the jump into fundraising?")
    assert said.startswith("I was Trainee Store Manager at Co-op Food")


def test_a_question_on_their_studies_is_told_from_the_degree() -> None:
    (debs,) = profiles([DEBS])
    assert "University of Hull" in own_answer(debs, "Where did you go to university?")


def test_their_advice_noted_anywhere_in_the_notes_is_theirs() -> None:
    notes = Source(
        source="notes.txt",
        location="MY NOTES",
        snippet='- Debs\'s advice in her reply: "Learn how Gift Aid works." - Ruth = manager.',
    )
    (debs,) = profiles([DEBS, notes])
    assert any("Learn how Gift Aid works." in piece for piece in debs.pieces)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "2001–2004 — QA Tester, then Junior Designer, Polyhedra Interactive (Edinburgh)",
            "I was a QA Tester, then Junior Designer, Polyhedra Interactive, Edinburgh from 2001 "
            "to 2004.",
        ),
        ("2019–present — Studio Director", "I've been Studio Director since 2019."),
        (
            "2004–2013 — Designer → Lead Designer, Gannetstone; shipped six titles",
            "I was Designer then Lead Designer, Gannetstone from 2004 to 2013; shipped six titles.",
        ),
    ],
)
def test_a_career_line_starting_with_its_years_is_said_with_them_after(
    line: str, said: str
) -> None:
    assert first_person(line, "Callum Fairweather") == said

"""What a job seeker's notes say of the person the interviewer plays, said as theirs: a post they
quoted, what they said in the comments, whom they would send the candidate to, and their road
here after university."""

from __future__ import annotations

from roleplay.core.session import Source
from roleplay.interview.contacts import contact_in
from roleplay.interview.played import first_person, own_answer
from roleplay.interview.profiles import profiles

RAVI = "Ravi Dhillon, Airside Operations Duty Manager at Corriemoor Airport"
PROFILE = Source(
    source="notes.txt",
    location=RAVI,
    kind="company",
    snippet=(
        "Education.\nStudied BSc Environmental Science at University of Stirling from 2012 to "
        "2016.\nExperience.\nGraduate Trainee at Corriemoor Airport from 2016 to 2018.\n"
        'Post from last month:\n"Seven years on from the grad scheme. Advice for anyone starting '
        "out in airports: get your airside pass sorted early and learn the radio properly. My\n"
        "environmental science degree ended up being handy (keeping birds"
    ),
)
COMMENTS = Source(
    source="notes.txt",
    location=RAVI,
    kind="company",
    snippet=(
        'off the runway) is a big part of the job." In the comments he said they work 12-hour '
        "shifts on a 4 on / 4 off pattern, and that anyone interested in the data side should "
        "talk to Siobhan Kerr in planning."
    ),
)
MOIRA = Source(
    source="notes.txt",
    location="Moira Strachan, Chief Operating Officer at Corriemoor Airport",
    kind="company",
    snippet=(
        "- if someone wants to understand Corriemoor she'd send them to spend an hour on the "
        "airfield with Ravi Dhillon, and an afternoon with the Head of Security, Jamie Orr."
    ),
)
GRAHAM = Source(
    source="notes.md",
    location="People > Graham Okafor - Chief Executive (staff page + LinkedIn)",
    kind="company",
    snippet=(
        "- Academy scholar, Ashcombe Rovers FC, 1994 - 1997 (released at 18).\n"
        "- BSc Sport and Exercise Science, Loughborough University, 1997 - 2000.\n"
        "- PE teacher, Castlegate Academy, 2001 - 2008."
    ),
)
NAMES = ["Corriemoor Airport", "Sam", "Alex Moreno"]


def ravi():
    return next(p for p in profiles([PROFILE, COMMENTS]) if p.name == "Ravi Dhillon")


def test_a_quotation_cut_where_the_passage_ends_is_said_up_to_its_last_whole_sentence() -> None:
    said = own_answer(ravi(), "Any advice for starting out in airports?", intent="advice")
    # (The post's sentences are Ravi's own: the one with the advice is said.)
    assert said == (
        "Advice for anyone starting out in airports: get your airside pass sorted early and "
        "learn the radio properly."
    )


def test_what_they_said_in_the_comments_is_said_again_by_them() -> None:
    assert first_person(COMMENTS.snippet.split('" ')[1], "Ravi Dhillon") == (
        "We work 12-hour shifts on a 4 on, 4 off pattern."
    )


def test_the_road_after_university_starts_at_the_first_job() -> None:
    said = own_answer(ravi(), "How did you end up at Corriemoor after uni?", intent="story")
    assert said.startswith("I was Graduate Trainee at Corriemoor Airport from 2016")


def test_whom_the_person_played_would_send_the_candidate_to_is_named_first() -> None:
    research = [COMMENTS, MOIRA]
    assert contact_in(research, [*NAMES, "Moira Strachan"], "a fuller picture") == "Ravi Dhillon"
    assert contact_in(research, [*NAMES, "Ravi Dhillon"], "someone in planning") == ("Siobhan Kerr")


def test_the_person_played_never_names_themselves() -> None:
    assert "Ravi" not in contact_in([MOIRA], [*NAMES, "Ravi Dhillon"], "anyone else")


def test_a_role_with_its_years_after_it_is_said_as_one() -> None:
    line = "Academy scholar, Ashcombe Rovers FC, 1994 - 1997 (released at 18)."
    assert first_person(line, "Graham Okafor") == (
        "I was an academy scholar, Ashcombe Rovers FC from 1994 to 1997, released at 18."
    )


def test_a_question_on_their_degree_is_told_from_it_without_sharing_a_word() -> None:
    graham = profiles([GRAHAM])[0]
    said = own_answer(graham, "Did you do a degree along the way?", intent="story")
    assert "Loughborough University" in said


def test_how_they_got_from_one_thing_to_another_starts_at_the_first_step() -> None:
    graham = profiles([GRAHAM])[0]
    question = "I'd love to hear how you got from playing to running the Foundation?"
    assert "academy scholar" in own_answer(graham, question, intent="path")

"""A vet group's research read as it was written: a Word job description's key-value table of
terms with no header row, a clinics table whose last column counts vets, a team page's bold
name lines with letters after the names, a LinkedIn profile's degrees laid out a line each,
rules between parts of the notes, a news item's figures listed without verbs, and a quotation
of several sentences."""

from __future__ import annotations

from roleplay.interview.facts import sentences
from roleplay.interview.first_person import first_person
from roleplay.interview.list_items import item_sentence
from roleplay.interview.profiles import profiles
from roleplay.interview.sayable import answer_sentence
from roleplay.interview.standalone import PROFILE_HEAD
from roleplay.knowledge.linkedin import linkedin_as_sentences
from roleplay.knowledge.splitting import ended_items, plain_headings
from tests.unit.test_job_pack_answers import company

TEAM_PAGE = ended_items(
    "**Dr Owain Lloyd-Harris BVSc MBA MRCVS – Chief Executive**\n"
    "Owain grew up near Llandrindod Wells and qualified from the University of Liverpool in "
    "1998. He led the move to employee ownership and has been Chief Executive since April 2021.\n"
    "**Rhiannon Pryce – Head of Practice Operations**\n"
    "Rhiannon joined us in 2011 as a receptionist at Ludlow."
)


def test_letters_after_a_name_are_no_part_of_it() -> None:
    head = PROFILE_HEAD.match("Dr Owain Lloyd-Harris BVSc MBA MRCVS – Chief Executive")
    assert head is not None and head.groups() == ("Owain Lloyd-Harris", "Chief Executive")


def test_a_bold_name_line_opens_the_profile_of_the_bio_under_it() -> None:
    found = {p.name: p for p in profiles([company(TEAM_PAGE, "website.md › Meet the team")])}
    assert set(found) == {"Owain Lloyd-Harris", "Rhiannon Pryce"}
    assert found["Owain Lloyd-Harris"].title == "Chief Executive"
    assert any("Liverpool" in piece for piece in found["Owain Lloyd-Harris"].pieces)


def test_a_place_in_a_bio_is_not_who_the_next_sentence_means() -> None:
    from roleplay.interview.standalone import headed_sentences

    said = [s for s, _ in headed_sentences(company(TEAM_PAGE, "Meet the team"), ["Fernhollow"])]
    assert any(s.startswith("Owain led the move") for s in said)
    assert not any(s.startswith("Llandrindod") for s in said)


def test_degrees_with_their_years_on_a_line_of_their_own_are_each_a_sentence() -> None:
    profile = (
        "Callum Fitzgerald · 2nd\nReporting Analyst at Fernhollow | Power BI\n312 connections\n\n"
        "Education\nKeele University\nBSc (Hons) Biology\n2013 - 2016\n"
        "The College of Animal Welfare\nLevel 3 Diploma in Veterinary Nursing\n2016 - 2018\n"
    )
    lines = linkedin_as_sentences(profile).split("\n")
    assert "Studied BSc Biology at Keele University from 2013 to 2016." in lines
    assert (
        "Studied Level 3 Diploma in Veterinary Nursing at The College of Animal Welfare "
        "from 2016 to 2018." in lines
    )


def test_a_degree_is_said_as_what_was_done() -> None:
    said = first_person("Studied BSc Biology at Keele University from 2013 to 2016.", "Callum F")
    assert said == "I did a BSc in Biology at Keele University from 2013 to 2016."


def test_a_title_that_looks_like_a_verb_is_still_a_title() -> None:
    line = "Registered Veterinary Nurse at Fernhollow Veterinary Group from September 2016 to 2021."
    assert first_person(line, "Callum F").startswith("I was a registered Veterinary Nurse at")
    assert first_person("Started as student vet nurse, qualified 2018.", "Callum F").startswith(
        "I started as"
    )


def test_an_exclamation_in_an_email_is_no_job_title() -> None:
    said = first_person("Always nice to hear from a Keele person!", "Callum F")
    assert not said.startswith("I was")


def test_a_long_rule_between_parts_of_the_notes_is_no_title() -> None:
    notes = "phone screen week of 17 Mar\n\n" + "-" * 53 + "\nLinkedIn (copied 19 Feb)\n\nx"
    assert "# -" not in plain_headings(notes)
    assert "-" * 53 not in plain_headings(notes)


def test_a_figure_listed_without_a_verb_is_said_as_what_happened_to_it() -> None:
    said = item_sentence("staff turnover down from 26% in 2021 to 14% in 2024.")
    assert said == "Staff turnover went down from 26% in 2021 to 14% in 2024."


def test_a_sentence_that_follows_from_the_one_before_is_not_said_alone() -> None:
    said = "Instead they sold to the Fernhollow Employee Ownership Trust in April 2021."
    assert answer_sentence(said) == ""


def test_a_team_list_that_welcomes_the_reader_is_said() -> None:
    said = answer_sentence(
        "Practice Operations is a team of six and you'd make it seven: Rhiannon Pryce (Head of "
        "Practice Operations), Callum Fitzgerald (Reporting Analyst) and Marek Nowak."
    )
    assert said.startswith("Practice Operations is a team of six") and "Marek Nowak" in said


def test_a_quotation_of_two_sentences_is_kept_whole() -> None:
    text = (
        "Her advice to anyone starting out: “Say yes to the jobs nobody else wants. I volunteered "
        "to analyse the survey once and it changed my career.” She moved into marketing in 2022."
    )
    first, second = sentences(text)
    assert first.endswith("changed my career.”") and second.startswith("She moved")


def test_a_numbered_list_run_into_its_label_loses_its_first_number() -> None:
    said = sentences("Advice, for what it's worth: 1. Spend time with reception. 2. Learn SQL.")
    assert said[0] == "Advice, for what it's worth: Spend time with reception."

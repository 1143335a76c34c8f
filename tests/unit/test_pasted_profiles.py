"""Profiles, notes and timelines copied straight from web pages keep what they say: a LinkedIn
profile's roles and degrees become a sentence each, its name is joined to its headline, notes
headed "=== X ===" keep their sections, and a careers page's timeline table is a list of
steps."""

from __future__ import annotations

from roleplay.knowledge.linkedin import linkedin_as_sentences
from roleplay.knowledge.splitting import ended_items, plain_headings
from roleplay.knowledge.tables import tables_as_lists

PROFILE = """=== LinkedIn: Debs Halloran ===
Deborah (Debs) Halloran
Director of Income Generation at Brackenridge Hospice | Trustee, Lincolnshire Foundation
Lincoln, England · 500+ connections

Experience
Director of Income Generation
Brackenridge Hospice · Full-time
Sep 2018 - Present · 7 yrs 4 mos
Lincoln, England, United Kingdom
- Led the 2024 supporter data review

Trainee Store Manager
Co-op Food
Sep 1997 - Sep 1999

Education
University of Hull
BA (Hons) History, 1994 - 1997

(so she's been here since 2018)
"""


def test_a_profile_role_laid_out_over_lines_is_one_sentence() -> None:
    lines = linkedin_as_sentences(PROFILE).splitlines()
    assert "Trainee Store Manager at Co-op Food from September 1997 to September 1999." in lines
    assert "Director of Income Generation at Brackenridge Hospice since September 2018." in lines


def test_a_profile_degree_is_said_as_studied_without_brackets() -> None:
    lines = linkedin_as_sentences(PROFILE).splitlines()
    assert "Studied BA History at University of Hull from 1994 to 1997." in lines


def test_a_profile_name_is_joined_to_its_headline_by_the_name_they_go_by() -> None:
    lines = linkedin_as_sentences(PROFILE).splitlines()
    assert "#### Debs Halloran, Director of Income Generation at Brackenridge Hospice" in lines


def test_a_profile_keeps_its_bullets_and_the_job_seekers_own_note_but_not_the_place_lines() -> None:
    text = linkedin_as_sentences(PROFILE)
    assert "- Led the 2024 supporter data review." in text.splitlines()
    assert "(so she's been here since 2018)" in text
    assert "Lincoln, England, United Kingdom" not in text


def test_roles_under_one_employer_name_it() -> None:
    grouped = "Experience\nBrackenridge Hospice\n4 yrs 7 mos\n  Data Officer\n  Jun 2021 - Mar 2023"
    assert "Data Officer at Brackenridge Hospice from June 2021 to March 2023." in (
        linkedin_as_sentences(grouped)
    )


def test_a_role_written_on_one_line_with_its_dates_is_said_as_a_sentence() -> None:
    one_line = "Experience\nAnalyst · Statistics Canada, Ottawa · 2011 - 2014\n"
    assert "Analyst at Statistics Canada, Ottawa from 2011 to 2014." in (
        linkedin_as_sentences(one_line)
    )


def test_a_role_line_parted_by_hyphens_is_said_title_first() -> None:
    text = (
        "Experience\n  Terminal Duty Manager - Corriemoor Airport - 2017 - 2022\n"
        "  Parks Canada - Visitor Data Lead - Mar 2012 - present\n"
    )
    said = linkedin_as_sentences(text)
    assert "Terminal Duty Manager at Corriemoor Airport from 2017 to 2022." in said
    assert "Visitor Data Lead at Parks Canada since March 2012." in said


def test_a_bracketed_line_under_a_role_says_what_the_role_was() -> None:
    text = (
        "Experience\n  Graduate Trainee - Corriemoor Airport - 2016 - 2018\n"
        "     (rotations through security and customer service)\n"
    )
    assert (
        "Graduate Trainee at Corriemoor Airport from 2016 to 2018, rotations through security "
        "and customer service." in linkedin_as_sentences(text)
    )


def test_a_degree_keeps_its_years_before_the_job_seekers_remark() -> None:
    text = "Education\n  University of Stirling - BSc Environmental Science, 2012 - 2016 [same!]\n"
    assert "Studied BSc Environmental Science at University of Stirling from 2012 to 2016." in (
        linkedin_as_sentences(text)
    )


def test_a_heading_naming_the_person_takes_the_headline_under_it() -> None:
    text = (
        "--- Fiona MacLeish (LinkedIn) ---\n"
        "Passenger Operations Manager at Corriemoor Airport | Balcraig\n"
        "About: Terminal ops person.\nExperience\n  Manager - Corriemoor Airport - 2022 - present\n"
    )
    assert linkedin_as_sentences(text).startswith(
        "--- Fiona MacLeish, Passenger Operations Manager at Corriemoor Airport ---\n"
    )


def test_the_section_word_is_ended_so_it_does_not_run_into_the_first_role() -> None:
    said = linkedin_as_sentences("Experience\n  Manager - Corriemoor Airport - 2022 - present\n")
    assert said.startswith("Experience.\n")


def test_a_school_without_years_is_kept() -> None:
    text = "Education\nUniversité de Moncton, BSc Mathematics\n"
    assert "Université de Moncton, BSc Mathematics" in linkedin_as_sentences(text)


def test_a_line_between_rules_in_notes_is_a_heading() -> None:
    notes = "=== About us / Our story ===\n\nFounded in 1989 by district nurses.\n"
    assert plain_headings(notes).splitlines()[0] == "# About us / Our story"


def test_a_news_headline_in_capitals_is_a_heading_however_long() -> None:
    notes = "\n£412,000 LOTTERY GRANT TO TAKE HOSPICE AT HOME FURTHER (posted 18 Sept)\nWe won.\n"
    assert "## £412,000 LOTTERY GRANT" in plain_headings(notes)


def test_a_profiles_job_with_its_dates_is_no_heading() -> None:
    profile = "Experience\nHead of Sales\n\nDatabase Officer\nEast Fens Ambulance\nJun 2017 - 2021"
    assert "## Database Officer" not in plain_headings(profile)


TIMELINE = """Stage| What happens| When
---|---|---
Closing date| Applications close| Sun 11 January 2026
Stage 1| 30-minute phone call with Callum Breen| 14–16 January 2026
Stage 2| Practical data task (about 90 minutes)| Sent Mon 19 January
Decision| All candidates told the outcome| Within 5 working days of panel
"""


def test_a_timeline_table_without_outer_pipes_is_a_list_of_steps() -> None:
    lines = tables_as_lists(TIMELINE).splitlines()
    assert "1. 30-minute phone call with Callum Breen, 14–16 January 2026." in lines
    assert "2. Practical data task, about 90 minutes, Sent Mon 19 January." in lines
    assert "- Decision: all candidates told the outcome, within 5 working days of panel." in lines


def test_a_day_starting_a_cell_keeps_its_capital() -> None:
    assert "Sun 11 January 2026" in tables_as_lists(TIMELINE)


def test_list_items_and_labelled_lines_end_where_their_line_does() -> None:
    text = "- 2019–present — Studio Director\n\n**Education:** MA, 1997–2001\n* Tools: Jira,"
    assert ended_items(text).splitlines() == [
        "- 2019–present — Studio Director.",
        "",
        "**Education:** MA, 1997–2001.",
        "* Tools: Jira,",
    ]


def test_a_run_of_plain_labelled_lines_ends_each_line_and_one_alone_goes_on() -> None:
    text = (
        "Salary: £36,480 - £40,215 per annum (Grade 6)\nContract: Permanent\n"
        "Hours: 35 hours per week, flexitime available\n\nNote: the team meets on"
    )
    assert ended_items(text).splitlines() == [
        "Salary: £36,480 - £40,215 per annum (Grade 6).",
        "Contract: Permanent.",
        "Hours: 35 hours per week, flexitime available.",
        "",
        "Note: the team meets on",
    ]


def test_an_email_threads_quote_marks_are_not_kept() -> None:
    from roleplay.knowledge.loaders import Loaded
    from roleplay.knowledge.splitting import split

    thread = "Hi Rory,\n\n>> The phone screen is the only remote stage; the panel is in person.\n"
    (chunk,) = split(Loaded("text", text=thread))
    assert ">" not in chunk.text and "the panel is in person." in chunk.text

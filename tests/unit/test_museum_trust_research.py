"""A museum trust's research read as it was written: a PDF pack (a terms table, a numbered list
of the first three months, the team in one sentence) and the candidate's plain-text notes with
headings in capitals and a colon, the alum's week a day to a line with "=", his LinkedIn
message pasted whole, and a list of other people worth talking to, a name to a line."""

from __future__ import annotations

from roleplay.interview.contacts import contact_in
from roleplay.interview.duties import duties
from roleplay.interview.first_person import first_person
from roleplay.interview.office_days import asks_office_days
from roleplay.interview.profiles import profiles
from roleplay.interview.team_size import team_size
from roleplay.knowledge.splitting import plain_headings
from tests.unit.test_job_pack_answers import company

NOTES = """OWEN HARTLEY (SHEFFIELD ALUM):
- did Geography at Sheffield like me, graduated 2022

OTHER PEOPLE WORTH TALKING TO:
- Sinead Walsh - Membership Officer, runs the member database
"""
MESSAGE = company(
    "- his message on LinkedIn, 28 March, pasting it so I don't lose it: \"Hi! Really happy "
    "to help, Sheffield geographers stick together :) Honest tip: bring one concrete idea "
    'about repeat visits. Good luck!".',
    "Owen Hartley (Sheffield Alum)",
)
FIRST_MONTHS = company(
    "1. Get to know our four sites, spending a day shadowing the front-of-house team at each "
    "one. 2. Learn our Spektrix ticketing system. 3. Rebuild the visitor dashboard in Power BI.",
    "page 1 › Job Pack › What you'll work on in your first three months",
)


def test_a_heading_in_capitals_with_a_colon_is_a_heading_in_title_case() -> None:
    lines = plain_headings(NOTES).split("\n")
    assert lines[0] == "## Owen Hartley (Sheffield Alum)"
    # (… ending on a little word, too)
    assert "## Other People Worth Talking to" in lines


def test_a_name_over_a_bracketed_label_is_a_profile_and_his_message_is_his() -> None:
    owen = next(p for p in profiles([MESSAGE]) if p.name == "Owen Hartley")
    assert "Honest tip: bring one concrete idea about repeat visits." in owen.pieces
    assert not any("pasting it" in piece for piece in owen.pieces)


def test_a_news_heading_in_brackets_is_no_person() -> None:
    news = company("- trust employs 46 staff", "Local News (Calderbrook Courier, 12 Feb 2025)")
    assert profiles([news]) == []


def test_someone_under_worth_talking_to_is_named_with_their_title() -> None:
    listed = company(
        "- Sinead Walsh - Membership Officer, runs the member database.",
        "Other People Worth Talking to",
    )
    manager = company("Line manager would be Priya Raman (Data and Insight Manager).", "Notes")
    said = contact_in([manager, listed], ["Calderbrook Museums Trust", "Sam", "Owen Hartley"])
    assert said == "Sinead Walsh, Membership Officer"


def test_a_day_with_an_equals_sign_is_said_as_their_own_week() -> None:
    said = first_person("Monday = pulls the weekend numbers out of Spektrix", "Owen Hartley")
    assert said == "On Mondays I pull the weekend numbers out of Spektrix."
    two = first_person("Tuesday/Wednesday = Power BI dashboards + random requests", "Owen Hartley")
    assert two == "On Tuesdays and Wednesdays it's Power BI dashboards and random requests."


def test_a_notes_line_in_the_past_without_its_subject_is_theirs_not_the_writers() -> None:
    said = first_person("did Geography at Sheffield like me, graduated 2022.", "Owen Hartley")
    assert said == "I did Geography at Sheffield, graduated 2022."


def test_what_comes_first_is_the_numbered_first_months_list() -> None:
    said = duties([FIRST_MONTHS], "is there one bit you'd want me to get stuck into first?")
    assert said.startswith("At first, you'd get to know our four sites")
    assert "rebuild the visitor dashboard" in said


def test_whom_i_would_work_alongside_is_the_sentence_naming_them_when_none_counts_them() -> None:
    sentences = [
        "You will join the Operations and Insight team and report to Priya Raman.",
        "You will also work closely with Tom Okafor, Operations Coordinator; Sinead Walsh, "
        "Membership Officer; Owen Hartley, Visitor Insight Analyst.",
    ]
    said = team_size(sentences, "Could you tell me who I'd actually be working alongside?")
    assert said.startswith("You will also work closely with Tom Okafor")


def test_being_based_at_the_office_asks_about_office_days() -> None:
    assert asks_office_days("Would I be out at the museums at all, or mostly based at the office?")
    assert asks_office_days("I was wondering about the balance between the office and the sites.")

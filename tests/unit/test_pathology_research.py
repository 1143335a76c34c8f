"""A pathology network's research as the thirty-eighth company's job seeker saved it (the
recruiter's email saved whole as .eml, an advert listing its systems between dots), and what
its first run showed the interviewer did not hear."""

from __future__ import annotations

from pathlib import Path

import pytest

from roleplay.core.session import Source
from roleplay.core.turn_rules import turn_rules
from roleplay.interview.answers import answering
from roleplay.interview.asking import closing_question
from roleplay.knowledge.emails import emails_as_chat
from roleplay.knowledge.eml import sender_line
from roleplay.knowledge.errors import LoadError
from roleplay.knowledge.loaders import Limits, Loaded, load_file
from roleplay.knowledge.markup import dotted_as_items
from roleplay.knowledge.splitting import split

EML = b"""\
Return-Path: <joanne.pell@example.nhs.uk>
Received: from mail.example.nhs.uk by mx.example.com; Fri, 16 Jan 2026 14:07:34 -0800
From: "PELL, Joanne (WEIR VALLEY HOSPITALS NHS TRUST)" <joanne.pell@example.nhs.uk>
To: Ellie Marsden <ellie@example.com>
Subject: RE: Interview invitation
Date: Fri, 16 Jan 2026 16:07:29 +0000
Message-ID: <abc123@example.nhs.uk>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Hi Ellie,

Checks normally take 4 to 6 weeks, so a realistic start would be early to mid March.

Kind regards,

Joanne

Joanne Pell
Recruitment Advisor
Tel: 01632 960227

________________________________________
From: Ellie Marsden <ellie@example.com>
Sent: 16 January 2026 12:41
To: PELL, Joanne <joanne.pell@example.nhs.uk>
Subject: Re: Interview invitation

Hi Joanne,

Is the data exercise on paper or on a computer?

Thanks,
Ellie

****************************************************************
This message may contain confidential information.
"""


def _eml(tmp_path: Path, data: bytes) -> Loaded:
    path = tmp_path / "invitation.eml"
    path.write_bytes(data)
    return load_file(path, Limits())


def test_an_email_saved_whole_is_read_as_its_messages_under_their_writers(
    tmp_path: Path,
) -> None:
    text = " ".join(chunk.text for chunk in split(_eml(tmp_path, EML)))
    assert "Joanne Pell: Checks normally take 4 to 6 weeks" in text
    assert "Ellie Marsden: Is the data exercise on paper or on a computer?" in text


def test_a_saved_emails_headers_signature_and_disclaimer_are_not_read(tmp_path: Path) -> None:
    text = " ".join(chunk.text for chunk in split(_eml(tmp_path, EML)))
    for noise in ("Received", "Message-ID", "Return-Path", "01632 960227", "confidential"):
        assert noise not in text


def test_a_name_from_an_address_book_is_said_as_people_say_it() -> None:
    header = '"PELL, Joanne (WEIR VALLEY HOSPITALS NHS TRUST)" <joanne.pell@example.nhs.uk>'
    assert sender_line(header) == "Joanne Pell <joanne.pell@example.nhs.uk>"


def test_a_file_named_eml_that_is_no_email_gets_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is not an email"):
        _eml(tmp_path, b"just some notes I saved with the wrong name\n")


def test_a_sign_off_ends_what_a_pasted_message_says() -> None:
    thread = (
        "From: Joanne Pell <joanne@example.com>\nDate: 16 Jan 2026, 16:07\n\n"
        "The panel is at ten.\n\nKind regards,\nJoanne\nRecruitment Advisor\n\n"
        "From: Ellie Marsden <ellie@example.com>\nDate: 16 Jan 2026, 12:41\n\n"
        "What time is the panel?\n\nThanks,\nEllie\n"
    )
    read = emails_as_chat(thread)
    assert "Joanne Pell: The panel is at ten." in read
    assert "Recruitment Advisor" not in read


def test_thanks_opening_a_message_is_no_sign_off() -> None:
    thread = (
        "From: Joanne Pell <joanne@example.com>\nDate: 16 Jan 2026, 16:07\n\n"
        "Hi Ellie,\n\nThanks!\n\nThe panel is at ten.\n\n"
        "From: Ellie Marsden <ellie@example.com>\nDate: 16 Jan 2026, 12:41\n\n"
        "What time is the panel?\n"
    )
    assert "The panel is at ten." in emails_as_chat(thread)


def test_a_list_set_between_dots_on_one_line_is_read_an_item_to_a_line() -> None:
    line = "Systems used in the team\nWinPath (LIMS) · ICE order comms · Power BI · Hornbill\n"
    assert "- WinPath (LIMS)\n- ICE order comms\n- Power BI\n- Hornbill" in dotted_as_items(line)


def test_a_profiles_dotted_role_line_is_left_to_the_profile_reader() -> None:
    line = "Senior Analyst · a bank, Toronto · 2014 - 2021 (7 yrs)\n"
    assert dotted_as_items(line) == line


def test_examples_said_after_a_question_leave_it_asked() -> None:
    turn = (
        "Apart from the pay, what else comes with it? Holidays, that kind of thing - I've "
        "heard the NHS is decent, but I've never actually worked for it."
    )
    assert closing_question(turn, turn_rules()) == "Apart from the pay, what else comes with it?"


def test_not_being_able_to_tell_said_after_a_question_leaves_it_asked() -> None:
    turn = (
        "Could we start with the people? I had a nosy online, but I genuinely couldn't tell "
        "you who does what in the team, or who I'd be sitting next to on the days I'm in."
    )
    assert closing_question(turn, turn_rules()) == "Could we start with the people?"


@pytest.mark.parametrize(
    "question",
    [
        "If an offer does come through, what has to happen before I can actually start?",
        "Are there pre-employment checks?",
    ],
)
def test_what_must_happen_before_a_start_is_searched_for_as_the_checks(question: str) -> None:
    assert turn_rules().search("process", question).startswith("the checks before a start")


def test_a_question_opening_on_before_i_start_is_searched_for_as_its_intent() -> None:
    asked = "Before I start, can I ask what the next steps are?"
    assert turn_rules().search("process", asked) == turn_rules().intents["process"].search


def test_the_checks_answer_what_must_happen_before_a_start(minilm) -> None:
    research = Source(
        source="invitation.eml",
        snippet=(
            "We are a Disability Confident Leader and guarantee an interview to applicants with "
            "a disability who meet the essential criteria. Checks normally take 4 to 6 weeks, so "
            "a realistic start would be early to mid March 2026. 14 colleagues started "
            "apprenticeships on our pathway."
        ),
    )
    question = "If an offer does come through, what has to happen before I can actually start?"
    hint = turn_rules().search("process", question)
    found = answering(question, [research], minilm, ["Aldermoor"], hint=hint)
    assert found and found[0].startswith("Checks normally take 4 to 6 weeks")

"""A fire and rescue service's research as the thirty-sixth company's job seeker saved it (a
careers page, a PDF statement of assurance, Word notes holding a LinkedIn profile and LinkedIn
messages with the alum, copied reviews), and what its first run showed the interviewer did not
hear."""

from __future__ import annotations

import pytest

from roleplay.core.personas import Persona
from roleplay.core.session import Source
from roleplay.interview.answers import answering
from roleplay.interview.assessor import Assessor
from roleplay.interview.contacts import contact_in
from roleplay.interview.messages import chat_messages
from roleplay.interview.origins import origin_line
from roleplay.interview.process_steps import asks_next_steps, next_steps
from roleplay.interview.profiles import profiles
from roleplay.interview.reading import Relevance, read_turn
from roleplay.interview.sayable import answer_sentence
from roleplay.knowledge.chats import dated_lines_as_chat
from roleplay.knowledge.linkedin import linkedin_as_sentences
from roleplay.knowledge.tables import tables_as_lists

# As a Word document gives it: a paragraph to a line, a blank line between each.
WORD_PROFILE = "\n\n".join(
    [
        "## Rhodri's LinkedIn (copied 5 Nov)",
        "Rhodri Penhallow · 2nd",
        "He/Him",
        "Assistant Chief Fire Officer at Wendlemoor Fire and Rescue Service | Prevention",
        "Kirkby Wendle, England, United Kingdom · Contact info",
        "812 followers · 500+ connections",
        "Message   More",
        "Experience",
        "Group Manager - Prevention",
        "Wendlemoor Fire and Rescue Service · Full-time · Sep 2016 - Mar 2019 · 2 yrs 7 mos",
        "On-call Firefighter",
        "Wendlemoor County Fire Brigade · Aug 1999 - Mar 2001 · 1 yr 8 mos",
        "Education",
        "University of Sheffield",
        "BSc (Hons), Geography · 1996 - 1999",
        "## email back from Rhodri",
        "Hi - good to meet you on Tuesday.",
    ]
)


def test_a_profile_pasted_into_a_word_document_is_read_as_sentences() -> None:
    said = linkedin_as_sentences(WORD_PROFILE)
    assert "Rhodri Penhallow, Assistant Chief Fire Officer at Wendlemoor" in said
    assert (
        "Group Manager, Prevention at Wendlemoor Fire and Rescue Service from September 2016 "
        "to March 2019." in said
    )
    assert "On-call Firefighter at Wendlemoor County Fire Brigade from August 1999" in said
    assert "Studied BSc, Geography at University of Sheffield from 1996 to 1999." in said
    assert "Full-time" not in said and "followers" not in said and "Message" not in said


def test_text_after_the_profile_keeps_its_paragraphs() -> None:
    said = linkedin_as_sentences(WORD_PROFILE)
    assert said.endswith("## email back from Rhodri\n\nHi - good to meet you on Tuesday.")


def test_a_linkedin_conversation_copied_a_message_to_a_line_is_a_chat() -> None:
    copied = (
        "ME  3 Nov  Hi Hana, I'm applying for the analyst job. Would you have 20 minutes?\n"
        "HANA PRESTWICH  3 Nov  Hiya! Of course, happy to chat.\n"
        "HANA PRESTWICH  4 Nov  Also worth a chat with Ravi Bhamra, our GIS guy."
    )
    messages = chat_messages(dated_lines_as_chat(copied))
    assert [writer for writer, _ in messages] == ["Me", "Hana Prestwich", "Hana Prestwich"]
    assert messages[2][1] == ["Also worth a chat with Ravi Bhamra, our GIS guy."]


def test_two_spaced_lines_that_are_no_conversation_are_left_alone() -> None:
    notes = "Salary  3 Nov  check with Sunita\nhybrid: at least 2 days at Fellgate"
    assert dated_lines_as_chat(notes) == notes


@pytest.mark.parametrize(
    ("said", "kind", "intent"),
    [
        (
            "I think that's everything from me. Thanks so much, Gwen, I've really appreciated "
            "the time - and I hope the rest of today's interviews go smoothly.",
            "goodbye",
            None,
        ),
        (
            "Am I talking to anyone else? Hmm, I'd rather keep that side of things to myself "
            "for now, if that's alright with you.",
            "refusal",
            None,
        ),
        (
            "Would it be okay to drop you a short email after the assessment day, whichever "
            "way it goes?",
            "question",
            "follow_up",
        ),
        (
            "Can I ask what you'd want me on first? I saw something about alarms going out to "
            "businesses, but I wasn't sure whether that's the main thing.",
            "question",
            "work",
        ),
        (
            "And where does all the data actually live? I'm assuming there's a control room "
            "system and some sort of national return, but I honestly don't know how it all "
            "hangs together here.",
            "question",
            "tools",
        ),
        (
            "What's the canteen like at Fellgate? The one at County Hall is honestly grim.",
            "question",
            "other",
        ),
    ],
)
def test_the_thirty_sixth_companys_turns_are_read_for_what_they_are(
    minilm: Relevance, said: str, kind: str, intent: str | None
) -> None:
    reading = read_turn(said, "Why this role, and why now?", minilm)
    assert (reading.kind, reading.intent) == (kind, intent)


def test_one_cover_letter_sent_to_forty_jobs_is_applying_anywhere(leader: Persona) -> None:
    said = (
        "Between us, my cover letter for this was the same one I sent to about forty jobs last "
        "month. I just swapped the name at the top and hoped for the best."
    )
    found = {f.worry: f.verdict for f in Assessor(leader).assess(said)}
    assert found["no-homework"] == "confirms"


def test_whom_they_say_to_see_unasked_in_a_chat_is_the_contact() -> None:
    chat = Source(
        source="interview-prep.docx",
        location="LinkedIn messages w/ Hana (pasted)",
        snippet=dated_lines_as_chat(
            "ME  3 Nov  Hi Hana, would you have 20 minutes for a virtual coffee?\n"
            "HANA PRESTWICH  3 Nov  Of course, happy to chat.\n"
            "HANA PRESTWICH  3 Nov  Also worth a chat with Ravi Bhamra (our GIS guy, he's "
            "lovely). Tell him I sent you."
        ),
    )
    names = ["Wendlemoor Fire and Rescue Service", "Sam", "Hana Prestwich"]
    assert contact_in([chat], names, "Community Risk Data Analyst") == "Ravi Bhamra"


def test_a_history_that_traces_the_services_roots_tells_how_it_began() -> None:
    said = [
        "This has been a year of change for the service.",
        "The service traces its roots to 1 April 1948, when Wendlemoor County Fire Brigade "
        "was formed from 19 borough and district brigades.",
    ]
    assert origin_line(said, "Wendlemoor Fire and Rescue Service") == said[1]


def test_a_question_on_an_event_is_no_story_of_the_interviewers(minilm: Relevance) -> None:
    said = (
        "And the moor fire in July - we could smell it from County Hall. What did it actually "
        "take from the service's side?"
    )
    assert read_turn(said, "What would you like to ask?", minilm).intent != "story"


def test_a_profile_cut_across_two_passages_is_one_persons() -> None:
    location = "interview prep > Rhodri's LinkedIn (copied 5 Nov)"
    first = Source(
        source="interview-prep.docx",
        location=location,
        snippet="Rhodri Penhallow, Assistant Chief Fire Officer at Wendlemoor Fire and Rescue "
        "Service.  \nExperience.  \nGroup Manager, Prevention at Wendlemoor Fire and Rescue "
        "Service from September 2016 to March 2019.",
    )
    rest = Source(
        source="interview-prep.docx",
        location=location,
        snippet="On-call Firefighter at Wendlemoor County Fire Brigade from August 1999 to "
        "March 2001. Joined after graduating, while working for the family building firm.",
    )
    found = {p.name: p for p in profiles([rest, first], "Wendlemoor Fire and Rescue Service")}
    pieces = found["Rhodri Penhallow"].pieces
    assert any(p.startswith("Group Manager, Prevention at Wendlemoor") for p in pieces)
    assert any(p.startswith("On-call Firefighter at Wendlemoor") for p in pieces)


def test_the_job_seekers_own_column_and_words_in_a_table_are_not_kept() -> None:
    table = (
        "| Who | What they do | My notes |\n| --- | --- | --- |\n"
        "| Gwen Fairbairn | Performance and Information Manager = my line manager if I get it "
        "| very calm, hates surprises |"
    )
    said = tables_as_lists(table)
    assert "Gwen Fairbairn is performance and Information Manager." in said
    assert "my line manager" not in said and "hates surprises" not in said


RECRUIT = Source(
    source="wfrs-careers.html",
    location="Community Risk Data Analyst › How we'll recruit",
    snippet=(
        "1. Apply online by 23:59 on Sunday 9 November 2025.\n2. Shortlisting in the week of 10 "
        "November.\n3. Telephone conversation with someone from our People Services team in the "
        "week of 17 November.\n4. Assessment day on Thursday 27 November 2025 at Fellgate House: "
        "a Power BI exercise (one hour; a laptop is provided), then a 10-minute presentation of "
        "what you found, followed by a 45-minute panel interview.\n5. Decision. We aim to tell "
        "everyone the outcome by Friday 5 December 2025."
    ),
)


def test_what_happens_on_a_step_is_told_that_step_without_its_asides() -> None:
    said = next_steps(
        [RECRUIT], "Could you walk me through what actually happens on the assessment day?"
    )
    assert said.startswith("Assessment day on Thursday 27 November 2025")
    assert "45-minute panel interview" in said and "(" not in said


def test_hearing_back_after_a_step_is_told_the_steps_after_it() -> None:
    question = "And when would I hear back after the assessment day?"
    assert asks_next_steps(question)
    assert "5 December 2025" in next_steps([RECRUIT], question)


@pytest.mark.parametrize(
    "sentence",
    [
        "Your first big piece of work will be the evaluation of our call challenge policy.",
        "Your analysis will be seen at the monthly Performance Board, which is chaired by the "
        "Deputy Chief Fire Officer, and in the quarterly performance report that goes to the "
        "Fire Authority's Scrutiny and Audit Committee.",
    ],
)
def test_a_careers_page_telling_the_posts_work_is_sayable(sentence: str) -> None:
    said = answer_sentence(sentence)
    assert said.startswith("Your ") and "Deputy Chief" not in said


def test_a_vague_line_to_the_reader_is_still_not_sayable() -> None:
    assert answer_sentence("Your role is varied and fun.") == ""


def test_a_sentence_sharing_only_the_place_asked_about_is_no_answer(minilm: Relevance) -> None:
    walk = Source(
        source="interview-prep.docx",
        location="things to remember",
        snippet="Fellgate is 10 min walk from County Hall anyway.",
    )
    asked = "What's the canteen like at Fellgate?"
    assert answering(asked, [walk], minilm, ["Wendlemoor Fire and Rescue Service"]) == ()

"""Research pasted the way job seekers paste it (plain text from web pages, a careers page's
steps as "Stage 1 - …", a benefits list that reached us on one line) is read for what it says:
headings known, steps said, lines to the applicant said to the candidate, openings found."""

from __future__ import annotations

from roleplay.core.session import Source
from roleplay.interview.facts import research_pieces, sentences
from roleplay.interview.list_items import item_sentence, with_article
from roleplay.interview.openings import asks_openings, openings
from roleplay.interview.own_finders import searched_for
from roleplay.interview.process_steps import next_steps
from roleplay.interview.sayable import answer_sentence
from roleplay.interview.standalone import headed_sentences
from roleplay.knowledge.loaders import Loaded
from roleplay.knowledge.splitting import joined_items, plain_headings, prose_dashes, split

PAGE = """harbourlighttheatres.org.uk/about/people
----------------------------------------

Gareth Penhaligon, Executive Director
Gareth shares the running of the trust with artistic director Marisa Quent.

Working pattern
We are a hybrid team. Everyone is in the office on Tuesdays and Thursdays.

About us (harbourlight.org.uk/about)

Harbourlight began in 1978 as the Quayside Players.
"""


def company(snippet: str, location: str = "") -> Source:
    return Source(source="research.txt", snippet=snippet, kind="company", location=location)


def test_a_short_line_over_its_text_in_plain_text_is_a_heading() -> None:
    headings = [line for line in plain_headings(PAGE).splitlines() if line.startswith("#")]
    assert headings == [
        "# harbourlighttheatres.org.uk/about/people",
        "## Gareth Penhaligon, Executive Director",
        "## Working pattern",
        "## About us (harbourlight.org.uk/about)",
    ]


def test_a_plain_text_chunk_knows_the_heading_it_sits_under() -> None:
    chunks = split(Loaded(kind="text", text=PAGE))
    hybrid = next(chunk for chunk in chunks if "hybrid" in chunk.text)
    assert hybrid.location.endswith("Working pattern")
    assert "Working pattern" not in hybrid.text


def test_sentences_and_a_linkedin_profiles_sections_are_no_headings() -> None:
    text = "Rhona joined in 2015.\nShe leads planning.\n\nExperience\nKelder County Council"
    assert "#" not in plain_headings(text)


def test_a_careers_pages_stages_after_this_call_are_said_in_order() -> None:
    research = company(
        "How to apply and what happens next Send your CV and a cover letter to jobs@example.org. "
        "Stage 1 - an informal call with our Talent Partner, about 30 minutes. "
        "Stage 2 - a short take-home exercise using ticket sales. "
        "Stage 3 - a panel interview at the Quayside Playhouse lasting 75 minutes."
    )
    said = next_steps([research], "Once this call's done, what comes next in the process?")
    assert said.startswith("From here, there's a short take-home exercise")
    assert "panel interview" in said and "informal call" not in said


def test_a_table_rows_steps_too_long_to_say_are_said_by_their_first_parts() -> None:
    rows = [
        "30-minute phone screen, Gemma Oduya, People & Membership Officer, week of 7 April",
        "Take-home data exercise using a sample of real generation data, 3 hours max, marked "
        "by the Generation & Data team, sent after the screen, 5 working days to return",
        "Panel interview, 60 minutes, in person at Ropewalk Yard, Tomasz Wren, Ellie Marsh "
        "and a member-director, week of 22 April",
        "Decision and offer, Gemma Oduya, by Friday 2 May",
    ]
    research = company(" ".join(f"{n}. {row}." for n, row in enumerate(rows, 2)), "Hiring stages")
    said = next_steps([research], "If this goes well, what's the next step after this call?")
    assert said == (
        "From here, there's a take-home data exercise using a sample of real generation data, "
        "then a panel interview, then a decision and offer."
    )


def test_a_careers_pages_clause_to_the_applicant_is_said_to_the_candidate() -> None:
    sentence = "Everyone is in on Tuesdays; the rest of the week you can work from home."
    assert answer_sentence(sentence) == sentence
    assert answer_sentence("Make sure you ask about the pension.") == ""


def test_a_list_that_reached_us_on_one_line_splits_after_a_percentage() -> None:
    pieces = research_pieces("- Pension: we match up to 6% - Two free tickets to every show")
    assert pieces == ["Pension: we match up to 6%", "Two free tickets to every show"]
    assert research_pieces("2022 - Contactless payment on every bus.") == [
        "2022 - Contactless payment on every bus."
    ]


def test_a_sentence_cut_at_its_colon_is_no_list_item() -> None:
    assert item_sentence("Harbourlight began in 1978 as the Quayside Players.") == ""


def test_a_hyphenated_everyday_word_gets_an_article() -> None:
    assert with_article("Take-home data exercise", "") == "a take-home data exercise"


def test_openings_are_what_the_research_says_is_open() -> None:
    said = ["Tom looks after recruitment for all three venues.", "Next intake is September."]
    assert asks_openings("Is your team taking on anyone else, or is it just this one post?")
    assert openings(said) == "Next intake is September."
    assert openings(["Tomasz is the hiring manager named on the advert."]) == ""


def test_a_question_on_office_days_searches_for_the_working_pattern() -> None:
    assert "hybrid" in searched_for("Would I be in every day, or is it more hybrid than that?")
    assert searched_for("What does the team work on?") == ""


def test_after_the_last_step_what_comes_of_it_is_said() -> None:
    research = company(
        "How to apply and what happens next - an informal call, about 30 minutes. - a panel "
        "interview at the Playhouse. Panel interviews are planned for late March. We aim to let "
        "everyone know the outcome within a week of their panel. We offer a guaranteed interview "
        "to disabled applicants."
    )
    said = next_steps([research], "And after that panel, how soon would I hear back?")
    assert said == "We aim to let everyone know the outcome within a week of their panel."


def test_a_list_items_wrapped_lines_are_joined_to_it() -> None:
    text = (
        ' - her advice: "Spend your first month on the floor. Stand at the\n'
        '   security search for a morning."\n - says she is proud of the team\n'
    )
    assert joined_items(text).split("\n")[:2] == [
        ' - her advice: "Spend your first month on the floor. Stand at the security search for a'
        ' morning."',
        " - says she is proud of the team",
    ]


def test_a_dash_inside_a_line_of_prose_is_no_list_item() -> None:
    said = prose_dashes(
        "The first civil flights - a twice-weekly service to Kirkwall - started in 1963.\n"
        "- security hall expands from 4 to 6 lanes"
    )
    assert research_pieces(said) == [
        "The first civil flights – a twice-weekly service to Kirkwall – started in 1963.",
        "security hall expands from 4 to 6 lanes",
    ]


def test_a_label_over_a_sentence_of_its_own_is_left_off_when_said() -> None:
    source = Source(
        source="jobpack.docx",
        location="Corriemoor Airport > Pre-employment checks",
        snippet="Airside pass: Because the role goes airside, any offer is subject to a check.",
    )
    assert headed_sentences(source, ["Corriemoor Airport"]) == [
        ("Because the role goes airside, any offer is subject to a check.", "Airside pass")
    ]


def test_a_sentence_ending_inside_a_quotation_ends_there() -> None:
    assert sentences('It is "a big part of the job." In the comments he said more.') == [
        'It is "a big part of the job."',
        "In the comments he said more.",
    ]

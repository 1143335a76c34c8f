"""A university press's research as the thirty-ninth company's job seeker saved it (a LinkedIn
job posting, a webinar's auto-generated transcript copied from YouTube, a staff handbook's
PDF extract, Google Docs notes with the recruiter's texts and the alum's messages), and what
its first run showed the interviewer did not hear."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml

from roleplay.core.personas import Persona
from roleplay.core.session import Source
from roleplay.core.settings import Settings
from roleplay.core.turn_rules import turn_rules
from roleplay.interview.answer_types import wanted
from roleplay.interview.asking import closing_question
from roleplay.interview.assessor import Assessor
from roleplay.interview.candidates import candidates
from roleplay.interview.company_size import asks_company_size
from roleplay.interview.duties import asks_duties, duties
from roleplay.interview.listener import Listener
from roleplay.interview.new_post import asks_new_post, new_post
from roleplay.interview.office_days import asks_office_days
from roleplay.interview.own_finders import said_in
from roleplay.interview.products import products
from roleplay.interview.profiles import profiles
from roleplay.interview.question_intent import question_intent
from roleplay.interview.question_words import content_stems, said_otherwise
from roleplay.interview.reading import read_turn
from roleplay.interview.recent_work import asks_recent_work, recent_work
from roleplay.interview.sayable import answer_sentence
from roleplay.interview.standalone import people_in
from roleplay.knowledge.chats import captions_as_paragraphs
from roleplay.knowledge.ingest import Chunking, ingest
from roleplay.knowledge.loaders import Limits, load_file
from roleplay.knowledge.retrieval import PackRetriever
from roleplay.knowledge.store import PackStore, connect
from roleplay.knowledge.tables import tables_as_lists
from tests.support.builders import new_session

CAPTIONS = """\
Chapters
0:00 Welcome
1:12 From the trade counter to the Director's office
6:40 A printing office, an almanac and a flora

Transcript

0:00
[Music]
0:06
hello everyone and welcome to the second of our spring webinars
11:09
so we're 61 people now. We publish about 140 new books a year and 19 journals
11:17
and we have a backlist of roughly 3,600 titles in print, which i think is a lot
"""


def _company(snippet: str, location: str = "") -> Source:
    return Source(source="research", location=location, snippet=snippet, kind="company")


def test_a_transcripts_captions_are_each_a_paragraph_of_speech() -> None:
    read = captions_as_paragraphs(CAPTIONS)
    assert "19 journals\n\nAnd we have a backlist" in read
    assert "11:09" not in read and "[Music]" not in read


def test_machine_captions_start_their_speech_in_capitals_and_say_i() -> None:
    read = captions_as_paragraphs(CAPTIONS)
    assert "So we're 61 people now." in read
    assert "which I think is a lot" in read


def test_a_transcripts_chapter_list_is_a_list_of_titles() -> None:
    assert "- From the trade counter to the Director's office" in captions_as_paragraphs(CAPTIONS)


def test_text_with_a_time_or_two_is_no_transcript() -> None:
    notes = "Call at\n12:30\nthen the panel at\n14:00\n"
    assert captions_as_paragraphs(notes) == notes


def test_a_figure_with_a_decimal_point_is_no_list_number() -> None:
    assert answer_sentence("36.5 hours a week with flexitime.").startswith("36.5 hours")


def test_an_adverts_expect_is_said_to_the_candidate() -> None:
    said = answer_sentence(
        "Expect the work to split roughly 60/40 between metadata and sales reporting, with "
        "busier spells each January and July when the seasonal catalogues go out."
    )
    assert said.startswith("You can expect the work to split roughly 60-40 between")


@pytest.mark.parametrize(
    "sentence",
    [
        "Once you have accepted, People Services will ask for two references, one of which "
        "must be from your current or most recent employer.",
        "Before your first day we must complete a Right to Work check, either by seeing your "
        "original documents or by using a Home Office share code.",
    ],
)
def test_a_handbook_on_joining_is_said_to_whoever_takes_the_post(sentence: str) -> None:
    assert answer_sentence(sentence) == sentence


def test_a_note_to_the_reader_in_the_first_week_is_still_not_said() -> None:
    assert answer_sentence("In your first week you should ask Tom about the rota.") == ""


def test_he_after_a_first_name_and_its_post_is_that_person() -> None:
    sentence = (
        "You'll pick up the weekly ONIX feed checks from Joel, our Metadata Assistant, so "
        "that he can move across to journals."
    )
    assert answer_sentence(sentence) == sentence


def test_a_grade_tables_rows_are_said_with_their_grade() -> None:
    table = (
        "| Grade | Spine points | Salary range |\n|---|---|---|\n"
        "| 4 | 15-19 | £24,071 - £26,093 |\n| 6 | 24-29 | £29,605 - £34,132 |\n"
    )
    read = tables_as_lists(table)
    assert "Grade 6 is 24-29, £29,605 - £34,132." in read
    assert "4. " not in read


def test_a_table_a_sentence_leads_into_is_its_list_not_part_of_it() -> None:
    table = (
        "Salaries for the grades most used at the Press, from 1 August 2024, are:\n\n"
        "| Grade | Spine points | Salary range |\n|---|---|---|\n"
        "| 4 | 15-19 | £24,071 - £26,093 |\n| 6 | 24-29 | £29,605 - £34,132 |\n"
    )
    assert "are:\n\n- Grade 4 is 15-19" in tables_as_lists(table)


def test_the_sentence_leading_into_a_list_says_nothing_alone() -> None:
    assert answer_sentence("Salaries for the grades most used, from 1 August 2024, are:") == ""


def test_a_reminder_to_ask_is_never_said() -> None:
    assert answer_sentence("Salary 29,605 to 34,132 - ask how starting point works.") == ""


def test_a_share_of_salary_is_no_salary() -> None:
    sentence = "The Press pays an employer contribution of 14.5% of salary."
    assert "salar" not in content_stems(sentence)


def test_rows_numbered_from_one_are_still_a_numbered_list() -> None:
    table = "| | Step |\n|---|---|\n| 1 | A phone call |\n| 2 | A data task |\n"
    assert "2. A data task." in tables_as_lists(table)


def test_a_sum_a_year_is_a_salary() -> None:
    sentence = "There's a grade 6, £29,605 to £34,132 a year."
    assert said_otherwise({"salar"}, set(), sentence) == {"salar"}
    assert said_otherwise({"salar"}, set(), "We sold 4,000 books a year.") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "A share of the profits, a tax-free bonus of up to £3,600 a year.",
        "The council renewed the trust's contract, worth £6.1 million a year.",
    ],
)
def test_a_bonus_or_a_contract_a_year_is_no_salary(sentence: str) -> None:
    assert said_otherwise({"band"}, set(), sentence) == set()


def test_how_the_numbers_looked_asks_for_figures() -> None:
    assert wanted("I read about a reminder trial. What did the numbers look like?") == "figure"


def test_the_numbers_looking_like_something_is_no_question_about_tools() -> None:
    assert turn_rules().hits("unlike:tools", "What did the numbers look like?")


def test_how_they_would_know_they_are_on_track_is_asked_not_rhetorical() -> None:
    turn = (
        "And how would I know I'm on track in the first few months - is there a formal "
        "probation with check-ins, or is it more a case of seeing how it goes?"
    )
    assert closing_question(turn, turn_rules()) == turn
    assert closing_question("How would I know? Nobody told us.", turn_rules()) == ""


def test_months_are_no_products() -> None:
    sentence = "Busier spells come each January and July when the catalogues go out."
    assert products(sentence, set()) == 0


@pytest.mark.parametrize(
    "question",
    [
        "How big is the Press these days? I'm never quite sure whether to think of it in "
        "terms of people or books.",
    ],
)
def test_the_company_called_by_a_word_of_its_name_is_asked_its_size(question: str) -> None:
    assert asks_company_size(question, "Pellingford University Press")


def test_a_press_paying_its_own_way_is_no_question_about_pay(minilm) -> None:
    question = (
        "Why did you decide to go down the open access road? From the outside, giving books "
        "away for nothing looks like a hard sell for a press that has to pay its own way."
    )
    intent, _why = question_intent(question, minilm, turn_rules())
    assert intent != "pay"


def test_how_it_looks_from_the_outside_said_after_a_question_leaves_it_asked() -> None:
    turn = (
        "Why did you decide to go down the open access road? From the outside, giving books "
        "away for nothing looks like a hard sell for a press that has to pay its own way."
    )
    assert closing_question(turn, turn_rules()).startswith("Why did you decide")


def test_tech_companies_are_no_question_about_tools() -> None:
    asked = "I keep reading about publishers doing deals with tech companies - has that come up?"
    assert not turn_rules().hits("intent:tools", asked)


def test_a_why_question_weighs_the_reason_by_what_it_gives_the_reason_for(minilm) -> None:
    research = _company(
        "We publish scholarly books and journals for readers all over the world, from upland "
        "ecology to Victorian print culture, and our open access programme makes a growing "
        "share free. So we launched Pellingford Open in 2021. The honest reason is that a "
        "specialist monograph that sells 200 copies at 85 pounds is read by almost nobody."
    )
    names = ["Pellingford University Press"]
    weighed = {
        one.sentence.split()[1]: one.shared
        for one in candidates(
            "Why did you go down the open access road?", [research], minilm, names
        )
    }
    assert weighed["honest"] > weighed["we"]  # ("So we launched Pellingford Open in 2021.")
    unasked = candidates("Is open access a hard road?", [research], minilm, names)
    assert next(o for o in unasked if o.sentence.startswith("The honest")).shared == 0


def test_what_took_up_their_time_lately_asks_for_recent_work() -> None:
    asked = "What's been taking up most of your time over the past few months?"
    assert asks_recent_work(asked)


def test_work_dated_by_its_day_is_recent_work() -> None:
    said = [
        "We publish about 140 new books a year and 19 journals.",
        "On the 1st of April we moved our UK distribution to Marlcote Book Services.",
    ]
    assert recent_work(said).startswith("On the 1st of April")


def test_declining_to_dig_into_it_then_asking_for_another_subject_is_a_refusal() -> None:
    turn = (
        "Something that didn't work out for me? Ha - I'll be honest, I'd rather not dig into "
        "that today. Could we talk about the Press instead?"
    )
    assert read_turn(turn, "What's something you tried that didn't work out?").kind == "refusal"


def test_starting_with_the_people_asks_about_the_team() -> None:
    assert turn_rules().hits("intent:team", "Could we start with the people?")


def test_between_an_offer_and_the_first_day_is_searched_for_as_the_checks() -> None:
    asked = "If it all went well, what would have to happen between an offer and my first day?"
    assert turn_rules().search("process", asked).startswith("the checks before a start")


def test_being_expected_in_the_building_asks_about_office_days() -> None:
    assert asks_office_days("How many days a week would I be expected in the building?")


def test_scorn_for_another_department_confirms_the_team_worry(anxious: Persona) -> None:
    said = (
        "In my experience sales people want everything yesterday and don't understand the "
        "first thing about data, so I'd rather have as little to do with them as possible."
    )
    found = [f for f in Assessor(anxious).assess(said) if f.verdict == "confirms"]
    assert any("conflict" in f.why for f in found)


def test_the_first_piece_of_work_landing_with_them_asks_what_comes_first() -> None:
    assert asks_duties("What's the first real piece of work that would land with me?")


def test_the_first_work_is_told_under_a_heading_on_the_first_days() -> None:
    advert = _company(
        "Your first 90 days. You'll pick up the weekly ONIX feed checks from Joel, our "
        "Metadata Assistant, so that he can move across to journals. You'll lead the clean-up."
    )
    assert duties([advert], "what's the first real piece of work?").startswith(
        "You'll pick up the weekly ONIX feed checks"
    )


def test_a_duty_naming_a_version_is_read_whole() -> None:
    advert = _company(
        "What you'll do. - Look after our ONIX 3.0 feeds to Nielsen BookData. - Keep title "
        "records in Klopotek complete. - Build monthly sales reporting in Power BI."
    )
    assert "look after our ONIX 3.0 feeds to Nielsen BookData" in duties([advert])


@pytest.mark.parametrize(
    "question",
    [
        "Is this a post someone's leaving behind, or a brand-new one?",
        "Is the role new?",
        "Am I replacing someone?",
    ],
)
def test_whether_the_post_is_new_is_asked(question: str) -> None:
    assert asks_new_post(question)


def test_whether_the_post_is_new_is_told_by_the_advert_that_says_so() -> None:
    advert = _company(
        "Good books only find readers if the data about them is right. This is a new post. "
        "Our 2024 metadata review found that a third of our frontlist went out thin."
    )
    assert new_post([advert]) == "This is a new post."


def test_the_words_a_new_post_is_told_in_are_searched_for() -> None:
    assert "new post" in said_in("Is this a brand-new role?")
    assert said_in("What's the salary?") == []


def test_notes_headed_by_a_first_name_and_their_messages_are_that_persons() -> None:
    notes = _company(
        "- How he got in: the Press's Publishing Traineeship, a paid 12-month scheme where "
        "you rotate through Editorial, Production and Sales.",
        location="PUP prep > Joel - LinkedIn messages 30 May - my notes",
    )
    who = _company("- Joel Pendlebury - Metadata Assistant. Same MA as me.", location="Who's who")
    joel = next(p for p in profiles([notes, who], "Pellingford University Press"))
    assert joel.name == "Joel Pendlebury"
    assert any("Publishing Traineeship" in piece for piece in joel.pieces)


def test_notes_headed_by_what_they_are_name_no_one() -> None:
    notes = _company(
        "- Ask what the data task covers.", location="Prep > Questions - to ask on the call"
    )
    assert profiles([notes], "Pellingford University Press") == []


def test_a_scheme_and_a_bookshop_are_no_people() -> None:
    assert people_in("the Press's Publishing Traineeship, then Inkwell Books in Lancaster") == set()


# A job ad whose "This is a new post." sits in a long passage about other things, among
# passages closer in meaning to a question about replacing someone.
ADVERT = """\
# Metadata and Sales Data Analyst

Pellingford University Press is one of the oldest publishers in the North of England. We
publish scholarly books and journals for readers all over the world, from upland ecology to
Victorian print culture, and our open access programme makes a growing share free to read.
Good books only find readers if the data about them is right, and we want someone who enjoys
tidy data as much as a good book. This is a new post. Our metadata review found that a third
of our frontlist went to retailers with thin records.

# Recruitment

A People Partner sits on every interview panel alongside the line manager who is leaving
nothing to chance when recruiting someone to a post.

# Staff turnover

Staff who leave the Press are asked to hand over their work to whoever replaces them.
"""


@pytest.fixture(scope="module")
def advert_store(tmp_path_factory: pytest.TempPathFactory, local_embedder) -> PackStore:
    folder = tmp_path_factory.mktemp("advert")
    (folder / "advert.md").write_text(ADVERT, encoding="utf-8")
    store = PackStore(connect(Settings(data_dir=tmp_path_factory.mktemp("chroma"))), local_embedder)
    ingest(store, "advert", [str(folder)], limits=Limits(), chunking=Chunking(900, 0))
    return store


def _found(store: PackStore, persona: Persona, search: str) -> str:
    session = new_session(persona)
    session.add_turn("candidate", "Is this a post someone's leaving behind?", search=search)
    retriever = PackRetriever(store=store, persona=persona, company_packs=["advert"], fetch_k=2)
    return " ".join(source.snippet for source in retriever(session, "questions"))


def test_a_short_answer_in_a_long_passage_is_found_by_the_words_it_is_said_in(
    advert_store: PackStore, anxious: Persona
) -> None:
    question = "Is this a post someone's leaving behind, or a brand-new one?"
    reading = read_turn(question)
    assert "new post" not in _found(advert_store, anxious, question)
    assert "This is a new post." in _found(
        advert_store, anxious, Listener.search(reading, question)
    )


def _suggested(path: Path) -> Path:
    """Word notes with a friend's suggestions: a date deleted and another inserted as tracked
    changes (Google Docs' export of suggested edits), and a word struck through by hand."""
    document = Document()
    paragraph = document.add_paragraph("Interview day - ")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(
        parse_xml(f'<w:del {w} w:id="1" w:author="Tom"><w:r><w:delText>Tue 17 June</w:delText>'
                  "</w:r></w:del>")
    )  # fmt: skip
    paragraph._p.append(
        parse_xml(f'<w:ins {w} w:id="2" w:author="Tom"><w:r><w:t>Wed 18 June</w:t></w:r></w:ins>')
    )
    paragraph.add_run(", Press Building")
    paragraph.add_run(" Room 4").font.strike = True
    document.save(path)
    return path


def test_word_notes_are_read_with_suggestions_made_and_struck_words_gone(tmp_path: Path) -> None:
    text = load_file(_suggested(tmp_path / "prep.docx"), Limits()).text
    assert "Interview day - Wed 18 June, Press Building" in text
    assert "Tue 17 June" not in text and "Room 4" not in text


def test_a_word_tables_cells_are_read_with_suggestions_made_too(tmp_path: Path) -> None:
    document = Document()
    cell = document.add_table(rows=2, cols=2).cell(1, 1)
    document.tables[0].cell(0, 0).text, document.tables[0].cell(0, 1).text = "Stage", "When"
    document.tables[0].cell(1, 0).text = "Interview"
    paragraph = cell.paragraphs[0]
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(
        parse_xml(f'<w:ins {w} w:id="2" w:author="Tom"><w:r><w:t>Wed 18 June</w:t></w:r></w:ins>')
    )
    paragraph.add_run(" Tue 17 June").font.strike = True
    document.save(tmp_path / "stages.docx")
    text = load_file(tmp_path / "stages.docx", Limits()).text
    assert "Wed 18 June" in text and "Tue 17 June" not in text

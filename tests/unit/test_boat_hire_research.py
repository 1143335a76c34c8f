"""A boat-hire company's research read as it was written: a PDF pack whose hiring timetable is a
table (its rows said as sentences), a first-months list in lower case under "you would:", a
reference code, a duty addressed to the post holder after a time ("From Easter to October you
will…"), a team page, and the candidate's notes holding an email from the alum: their path,
their week a day to a line, their tools on one labelled line and whom else to see."""

from __future__ import annotations

from roleplay.interview.contacts import contact_in
from roleplay.interview.duties import asks_duties, duties
from roleplay.interview.first_person import first_person
from roleplay.interview.list_items import item_sentence
from roleplay.interview.process_steps import next_steps
from roleplay.interview.profiles import profiles
from roleplay.interview.sayable import answer_sentence
from roleplay.interview.tools_list import tools_list
from tests.unit.test_job_pack_answers import company

TIMETABLE = company(
    "Please send a CV and a covering letter by 9am on Monday 10 March 2025. "
    "Phone screen is 13 to 19 March 2025, A 20-minute call with Shona Kerr. "
    "Shortlist is by Friday 21 March, everyone who had a phone screen will hear from us. "
    "First interview is Thursday 27 March 2025, at Hatton, panel – Dev Mistry and Helen "
    "Ashworth. Second stage is Thursday 3 April 2025, an informal conversation with Gwen "
    "Talbot. Decision is by Friday 11 April 2025.",
    "page 3 › How to apply and what happens next",
)
FIRST_MONTHS = company(
    "- lead the data side of the migration from Moorings 4 to BerthLine; - build the weekly "
    "pace report, which we currently assemble by hand; - support Priya on the 2026 season "
    "price review.",
    "page 1 › About the role › In your first six months you would:",
)
EMAIL = company(
    "From: Priya Nandra. To: Ellie Marsh. Hi Ellie, Of course, happy to help! Short version "
    "of my path: after Aston I spent two years as a Revenue Assistant at Heart of England "
    "Cottages in Stratford. I joined Kingfisher Wharf in March 2021 as a Bookings Coordinator. "
    "A normal week for me: - Monday – 9:30 pace meeting with Dev and Carys. - Tuesday – on "
    "site at Hatton. Tools: Moorings 4 (old and creaky), Excel with LOTS of Power Query, "
    "Power BI for the dashboards, and Xero when I'm reconciling deposits. Other people worth "
    "talking to: **Carys Owen** (Bookings Team Leader) – she knows what customers ask for.",
    "Notes › Email from Priya (pasted, 28 Feb)",
)
NAMES = ["Kingfisher Wharf Boats", "Ellie", "Alex Morgan"]


def test_a_timetables_rows_are_the_steps_after_the_call_the_candidate_is_on() -> None:
    said = next_steps([TIMETABLE], "If this call goes okay, what happens after that?")
    assert said.startswith("Shortlist is by Friday 21 March")
    assert "First interview is Thursday 27 March" in said


def test_after_today_is_after_the_step_of_the_person_asked() -> None:
    said = next_steps([TIMETABLE], "What happens after today, Dev? When would I hear?")
    assert said.startswith("Second stage is Thursday 3 April 2025")


def test_what_comes_first_is_told_from_the_first_months_list_in_lower_case() -> None:
    question = "If I did join, what would you want me getting stuck into first?"
    assert asks_duties(question)
    said = duties([FIRST_MONTHS], question)
    assert said.startswith("At first, you'd lead the data side of the migration")


def test_a_question_for_a_figure_in_a_typical_month_asks_no_duties() -> None:
    assert not asks_duties("Roughly how many bugs does the team log in a typical month?")


def test_tools_on_one_labelled_line_are_said_by_their_names() -> None:
    said = tools_list([EMAIL])
    assert said == "The main tools are Moorings 4, Excel, Power BI and Xero."


def test_an_email_pasted_under_its_writers_name_is_their_profile() -> None:
    (priya,) = [p for p in profiles([EMAIL]) if p.name == "Priya Nandra"]
    assert any("Heart of England Cottages" in piece for piece in priya.pieces)
    assert not any(piece.startswith(("From:", "Hi Ellie")) for piece in priya.pieces)


def test_a_day_of_someones_week_is_said_as_what_they_do_on_it() -> None:
    assert first_person("Tuesday – on site at Hatton.", "Priya Nandra") == (
        "On Tuesdays I'm on site at Hatton."
    )
    assert first_person("Monday – 9:30 pace meeting with Dev.", "Priya Nandra") == (
        "On Mondays there's a 9:30 pace meeting with Dev."
    )


def test_a_day_of_someones_week_is_no_thing_there_is() -> None:
    assert item_sentence("Tuesday – on site at Hatton with the bookings team.") == ""


def test_an_item_opening_on_a_preposition_is_no_thing_there_is() -> None:
    item = "For an informal chat about the role itself, ring Sarah Dewhirst on 01422 836510."
    assert item_sentence(item) == ""


def test_whom_the_played_person_wrote_to_see_is_named_first() -> None:
    contact = contact_in([EMAIL], [*NAMES, "Priya Nandra"], "Bookings & Revenue Analyst")
    assert contact.startswith("Carys Owen")


def test_a_duty_after_a_time_speaks_to_the_post_holder() -> None:
    said = answer_sentence(
        "From Easter to October you will work one Saturday a month at a base on changeover "
        "day, with a day off in lieu."
    )
    assert said.startswith("From Easter to October you will work one Saturday a month")


def test_words_to_the_reader_are_no_answer() -> None:
    assert answer_sentence("Applicants should please quote reference KWB-25-04 in emails.") == ""

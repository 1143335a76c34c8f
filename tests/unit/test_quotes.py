"""What the interviewer quotes back and volunteers: the words that worried it, a quote that
starts and ends where the candidate's point does, and no fact from the job seeker's own notes
(fast tests)."""

from __future__ import annotations

from roleplay.core.cues import read_answer
from roleplay.core.session import Source
from roleplay.interview.facts import pick_fact
from roleplay.interview.hearing import concern_quote, pick_up


def company(snippet: str, location: str = "notes.md") -> Source:
    return Source(source="notes.md", snippet=snippet, kind="company", location=location)


def test_a_concern_quotes_the_clause_that_worried_the_interviewer() -> None:
    said = "Just to be upfront, I've got two other interviews and I'll go with whoever pays most."
    assert concern_quote(said) == "I'll go with whoever pays most"


def test_going_with_whoever_pays_most_is_heard() -> None:
    (sentence,) = read_answer("I'll go with whoever pays most.")
    assert "conditional" in sentence.cues


def test_a_quote_starts_where_the_point_does() -> None:
    said = "I wrote a Python script, and over eighteen months it cut missed inspections by 30%."
    assert pick_up(said).startswith("over eighteen months")


def test_a_long_quote_ends_on_a_word_that_finishes_the_thought() -> None:
    said = (
        "Between us, the line on my CV about leading our database migration is a bit of a stretch."
    )
    assert not pick_up(said, prefer=said).endswith(("is", "a", "bit"))


def test_no_fact_is_volunteered_from_the_job_seekers_notes() -> None:
    notes = company(
        "Power BI not Tableau, so do the PL-300 tests before 2 May.", "Notes > My notes"
    )
    assert pick_fact([notes], set()) is None


def test_no_fact_is_volunteered_after_a_notes_heading_in_plain_text() -> None:
    text = "We run 23 bus routes across Kelder County. My notes. The battery opens in 2025."
    found = pick_fact([company(text, "notes.txt")], {"We run 23 bus routes across Kelder County."})
    assert found is None


def test_a_fact_must_be_one_the_caller_accepts() -> None:
    text = "Experience building 12 dashboards in Power BI is needed."
    assert pick_fact([company(text)], set(), accept=lambda sentence: False) is None

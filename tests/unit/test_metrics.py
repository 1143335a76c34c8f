"""Metrics counted by code on hand-made transcripts whose figures were counted by hand."""

from __future__ import annotations

import pytest

from roleplay.core.personas import Persona
from roleplay.core.session import Session
from roleplay.feedback.metrics import compute_metrics, is_open
from tests.support.builders import new_session

PASSAGES = [
    ("overview.md", "Priya Natarajan leads a data team of 18 people at North Hennepin."),
    ("review.pdf", "Readmissions fell 12% after the alert redesign; 75,000 patients by 2026."),
]


@pytest.fixture
def transcript(leader: Persona) -> Session:
    session = new_session(leader, max_turns=4)
    # Interviewer: 6 words.
    session.add_turn("interviewer", "Hi Sam, what brings you here?")
    # Candidate: 15 words; 1 filler (um), 1 closed question; mentions Priya Natarajan.
    session.add_turn(
        "candidate",
        "Um, I read that Priya Natarajan runs the data team. Is it still growing fast?",
    )
    # Interviewer: 8 words; says "North Hennepin", so the candidate repeating it is no fact.
    session.add_turn("interviewer", "It is. We opened North Hennepin last year.")
    # Candidate: 29 words; "you know" and "kind of" (2 fillers); 2 open questions; facts
    # 12% (found) and 40% (not in the research); North Hennepin was said by the interviewer.
    session.add_turn(
        "candidate",
        "You know, I saw readmissions fell 12% at North Hennepin, kind of amazing. "
        "How did the team do it? And what would you do in my place, 40% faster?",
    )
    return session


def test_word_counts_and_share(transcript: Session) -> None:
    metrics = compute_metrics(transcript, PASSAGES)
    assert metrics.candidate_words == 15 + 29
    assert metrics.interviewer_words == 6 + 8
    assert metrics.candidate_share == round(44 / 58, 3)


def test_questions_and_open_questions(transcript: Session) -> None:
    metrics = compute_metrics(transcript, PASSAGES)
    assert metrics.questions_asked == 3
    assert metrics.open_questions == 2


def test_fillers_per_hundred_words(transcript: Session) -> None:
    metrics = compute_metrics(transcript, PASSAGES)
    assert metrics.fillers == {"um": 1, "you know": 1, "kind of": 1}
    assert metrics.fillers_per_100_words == round(100 * 3 / 44, 2)


def test_answer_lengths(transcript: Session) -> None:
    metrics = compute_metrics(transcript, PASSAGES)
    assert metrics.answers == 2
    assert metrics.average_answer_words == 22.0
    assert metrics.longest_answer_words == 29


def test_company_facts_are_the_candidates_own_and_in_the_research(transcript: Session) -> None:
    facts = compute_metrics(transcript, PASSAGES).facts_used
    assert [(f.term, f.turn, f.source) for f in facts] == [
        ("Priya Natarajan", 1, "overview.md"),
        ("12%", 3, "review.pdf"),
    ]


def test_worry_counts_come_from_the_private_notes(transcript: Session) -> None:
    transcript.notes.worries[0].status = "eased"
    transcript.notes.worries[1].status = "confirmed"
    metrics = compute_metrics(transcript)
    assert (metrics.worries_eased, metrics.worries_confirmed) == (1, 1)
    assert metrics.worries_open == len(transcript.notes.worries) - 2


@pytest.mark.parametrize(
    ("question", "open_"),
    [
        ("How did you start?", True),
        ("So why that choice?", True),
        ("Could you walk me through it?", True),
        ("In what way did it change?", True),
        ("Did you like it?", False),
        ("Is the team remote?", False),
        ("Can you share the budget?", True),
        ("Can I ask something?", False),
    ],
)
def test_open_question_rule(question: str, open_: bool) -> None:
    assert is_open(question) is open_


def test_an_empty_transcript_has_zero_metrics(transcript: Session) -> None:
    transcript.turns.clear()
    metrics = compute_metrics(transcript)
    assert metrics.candidate_words == 0 and metrics.candidate_share == 0.0
    assert metrics.fillers_per_100_words == 0.0 and metrics.longest_answer_words == 0

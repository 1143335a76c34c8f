"""Delivery figures, counted by code from word timings a person could check by hand, and where
they go: the turn, the saved session, the metrics and the report."""

from __future__ import annotations

import pytest

from roleplay.core.delivery import (
    Delivery,
    Transcript,
    Word,
    measure,
    still_the_answer,
    summarise,
)
from roleplay.core.personas import Persona
from roleplay.core.session import Session, Setting
from roleplay.feedback.metrics import compute_metrics
from roleplay.feedback.report import delivery_markdown
from tests.support.builders import new_session


def timed(*items: tuple[str, float, float]) -> list[Word]:
    return [Word(text=text, start=start, end=end) for text, start, end in items]


@pytest.fixture
def hesitant() -> Transcript:
    # 11 words (one, "to", untimed) from 0.5 s to 6.5 s: 6 s of speaking, so 110 words a
    # minute; one gap of 2.5 s
    # (after "system", 1.5 -> 4.0) and one of 1.0 s (not long); "Umm" and "uh" are fillers.
    return Transcript(
        text="Umm, I led the system. Uh, we cut close to two.",
        words=timed(
            ("Umm,", 0.5, 0.8),
            ("I", 0.8, 0.9),
            ("led", 0.9, 1.1),
            ("the", 1.1, 1.2),
            ("system.", 1.2, 1.5),
            ("Uh,", 4.0, 4.3),
            ("we", 4.3, 4.5),
            ("cut", 4.5, 4.7),
            ("close", 5.7, 6.0),
            ("two.", 6.3, 6.5),
        ),
        audio_seconds=7.0,
    )


def test_pace_is_words_over_the_time_from_first_word_to_last(hesitant: Transcript) -> None:
    delivery = measure(hesitant)
    assert delivery.speaking_seconds == 6.0
    assert delivery.words == 11  # "to" has no timing of its own here, but was said
    assert delivery.words_per_minute == 110.0


def test_a_gap_of_two_seconds_or_more_is_a_long_pause(hesitant: Transcript) -> None:
    pauses = measure(hesitant).long_pauses
    assert [(p.after, p.at, p.seconds) for p in pauses] == [("system.", 1.5, 2.5)]


def test_fillers_are_counted_verbatim_drawn_out_sounds_included(hesitant: Transcript) -> None:
    assert measure(hesitant).fillers == {"um": 1, "uh": 1}


def test_an_engine_without_word_timings_gives_no_pace() -> None:
    delivery = measure(Transcript(text="Um, I led it.", audio_seconds=2.0))
    assert delivery.words_per_minute is None and delivery.long_pauses == []
    assert delivery.speaking_seconds == 2.0, "the recording's length stands in for it"
    assert delivery.fillers == {"um": 1}


def test_an_edited_transcript_keeps_its_recording_a_new_answer_does_not() -> None:
    heard = "I led the migration of our billing system um and we cut the close"
    assert still_the_answer(heard, "I led the migration of our billing system, cutting the close")
    assert not still_the_answer(heard, "Actually, let me tell you about my hobbies instead.")
    assert not still_the_answer("", "anything")


def delivery(words: int, seconds: float, pauses: int = 0, fillers: int = 0) -> Delivery:
    return Delivery(
        audio_seconds=seconds + 1,
        speaking_seconds=seconds,
        words=words,
        words_per_minute=round(words / seconds * 60, 1),
        long_pauses=[{"after": "x", "at": 1.0, "seconds": 2.5}] * pauses,
        fillers={"um": fillers} if fillers else {},
    )


def test_the_summary_weighs_each_answer_by_its_words_and_time() -> None:
    # 150 and 60 words a minute: 150 words in 90 s is 100 a minute (the mean of paces is 105).
    summary = summarise([(1, delivery(100, 40, pauses=1, fillers=2)), (3, delivery(50, 50))])
    assert summary is not None
    assert summary.spoken_answers == 2 and summary.speaking_seconds == 90
    assert summary.words_per_minute == 100.0
    assert summary.long_pauses == 1 and summary.fillers == {"um": 2}
    assert summary.fillers_per_100_words == round(200 / 150, 2)
    assert [a.answer for a in summary.answers] == [1, 3]


def test_no_spoken_answer_means_no_summary() -> None:
    assert summarise([]) is None


@pytest.fixture
def interview(anxious: Persona) -> Session:
    session = new_session(
        anxious,
        max_turns=4,
        said=[
            ("interviewer", "Tell me about a project you led."),
            ("candidate", "I typed this one."),
            ("interviewer", "And the result?"),
        ],
    )
    session.add_turn("candidate", "We cut the close.", delivery=delivery(60, 30, fillers=3))
    return session


def test_metrics_summarise_only_the_spoken_answers_numbered_among_all(interview: Session) -> None:
    summary = compute_metrics(interview).delivery
    assert summary is not None
    assert summary.spoken_answers == 1 and summary.answers[0].answer == 2
    assert summary.words_per_minute == 120.0


def test_a_typed_interview_has_text_metrics_and_no_delivery(interview: Session) -> None:
    interview.turns[3].delivery = None
    metrics = compute_metrics(interview)
    assert metrics.delivery is None and metrics.answers == 2


def test_the_report_shows_pace_pauses_and_fillers_per_answer(interview: Session) -> None:
    lines = delivery_markdown(compute_metrics(interview).delivery)
    text = "\n".join(lines)
    assert "120 words per minute" in text
    assert "Filler words heard: 5 per 100 words (um ×3)" in text
    assert "| 2 | 30 s | 120 | 0 | 3 |" in text


def test_a_saved_session_keeps_each_answers_delivery(history, interview: Session) -> None:
    history.record(interview)
    loaded = history.load(interview.id)
    assert loaded.turns[1].delivery is None
    assert loaded.turns[3].delivery == interview.turns[3].delivery


def test_the_engine_keeps_a_spoken_answers_delivery_on_its_turn(anxious: Persona, prompts) -> None:
    from roleplay.interview.engine import Interview
    from roleplay.llm.backend import ChatBackend
    from tests.support.webapp import ScriptedInterviewer

    backend = ChatBackend(chat=ScriptedInterviewer(), label="scripted")
    interview = Interview(anxious, Setting(company="A", role="B"), backend, prompts)
    list(interview.open())
    spoken = delivery(40, 20, fillers=1)
    list(interview.answer("We cut the close from five days to two.", spoken))
    list(interview.answer("I typed this one."))
    answers = [t for t in interview.session.turns if t.speaker == "candidate"]
    assert [a.delivery for a in answers] == [spoken, None]
    interview.close()

"""How an answer was said, measured from its audio: pace, long pauses, fillers, speaking time.

The rules, so that a person with the word timings gets the same figures:
- speaking time runs from the start of the first word to the end of the last;
- words per minute is the answer's words over its speaking time (pauses included, as a
  listener hears them);
- a long pause is a gap of ``LONG_PAUSE_SECONDS`` or more between one word's end and the next
  word's start;
- fillers are counted on the verbatim transcript, as ``roleplay.core.wording`` counts them.
"""

from __future__ import annotations

import itertools
from collections import Counter

from pydantic import BaseModel, Field

from roleplay.core.wording import count_fillers, words

LONG_PAUSE_SECONDS = 2.0


class Word(BaseModel):
    """One word as heard, with its time in the recording (seconds)."""

    text: str
    start: float = Field(ge=0)
    end: float = Field(ge=0)
    probability: float | None = None


class Transcript(BaseModel):
    """What speech-to-text heard: the verbatim text and, where the engine gives them, words
    with timings."""

    text: str
    words: list[Word] = Field(default_factory=list)
    audio_seconds: float = 0.0
    engine: str = ""


class Pause(BaseModel):
    after: str  # the word said before it
    at: float  # seconds into the answer
    seconds: float


class Delivery(BaseModel):
    """The delivery of one spoken answer."""

    audio_seconds: float
    speaking_seconds: float
    words: int
    words_per_minute: float | None  # None when the engine gave no word timings
    long_pauses: list[Pause] = Field(default_factory=list)
    fillers: dict[str, int] = Field(default_factory=dict)
    # The verbatim transcript the figures come from (what was sent may have been edited).
    heard: str = ""


def measure(transcript: Transcript) -> Delivery:
    """The delivery figures of one transcribed answer."""
    tokens = words(transcript.text)
    timed = [w for w in transcript.words if words(w.text)]
    pauses: list[Pause] = []
    # Without word timings, the recording's length is the best measure of speaking time.
    speaking = transcript.audio_seconds
    pace = None
    if timed:
        speaking = max(timed[-1].end - timed[0].start, 0.0)
        for before, after in itertools.pairwise(timed):
            gap = after.start - before.end
            if gap >= LONG_PAUSE_SECONDS:
                pauses.append(
                    Pause(after=before.text.strip(), at=round(before.end, 2), seconds=round(gap, 2))
                )
        if speaking > 0:
            pace = round(len(tokens) / speaking * 60, 1)
    return Delivery(
        audio_seconds=round(transcript.audio_seconds, 2),
        speaking_seconds=round(speaking, 2),
        words=len(tokens),
        words_per_minute=pace,
        long_pauses=pauses,
        fillers=dict(count_fillers(tokens)),
        heard=transcript.text.strip(),
    )


class AnswerDelivery(BaseModel):
    answer: int  # 1 for the first answer
    speaking_seconds: float
    words_per_minute: float | None
    long_pauses: int
    fillers: int


class DeliverySummary(BaseModel):
    """The delivery over an interview's spoken answers (typed answers are not in it)."""

    spoken_answers: int
    speaking_seconds: float
    average_answer_seconds: float
    words_per_minute: float | None
    long_pauses: int
    fillers: dict[str, int]
    fillers_per_100_words: float
    answers: list[AnswerDelivery]


def summarise(deliveries: list[tuple[int, Delivery]]) -> DeliverySummary | None:
    """The summary of ``(answer number, delivery)`` pairs; None when no answer was spoken."""
    if not deliveries:
        return None
    speaking = sum(d.speaking_seconds for _, d in deliveries)
    timed_words = sum(d.words for _, d in deliveries if d.words_per_minute is not None)
    timed_seconds = sum(d.speaking_seconds for _, d in deliveries if d.words_per_minute is not None)
    total_words = sum(d.words for _, d in deliveries)
    fillers: dict[str, int] = {}
    for _, delivery in deliveries:
        for filler, count in delivery.fillers.items():
            fillers[filler] = fillers.get(filler, 0) + count
    return DeliverySummary(
        spoken_answers=len(deliveries),
        speaking_seconds=round(speaking, 1),
        average_answer_seconds=round(speaking / len(deliveries), 1),
        words_per_minute=round(timed_words / timed_seconds * 60, 1) if timed_seconds else None,
        long_pauses=sum(len(d.long_pauses) for _, d in deliveries),
        fillers=fillers,
        fillers_per_100_words=(
            round(100 * sum(fillers.values()) / total_words, 2) if total_words else 0.0
        ),
        answers=[
            AnswerDelivery(
                answer=number,
                speaking_seconds=d.speaking_seconds,
                words_per_minute=d.words_per_minute,
                long_pauses=len(d.long_pauses),
                fillers=sum(d.fillers.values()),
            )
            for number, d in deliveries
        ],
    )


def still_the_answer(heard: str, sent: str) -> bool:
    """True when ``sent`` is the heard answer, perhaps edited: at least half of the words heard
    are in it. A different answer typed instead does not take the recording's figures."""
    heard_words = Counter(words(heard))
    if not heard_words:
        return False
    kept = sum((heard_words & Counter(words(sent))).values())
    return kept * 2 >= sum(heard_words.values())

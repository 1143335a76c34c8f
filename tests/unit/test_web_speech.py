"""Speaking an answer and hearing the interviewer in the web app, run in this process on the
scripted model (see ``tests/support/webapp.py``). The speech engines are stand-ins that hear a fixed
answer and say a short hum, so these tests are about the page's rules; the recordings are still
checked for real (length cap, silence), and tests/integration/test_speech.py and
tests/e2e/test_web_voice_browser.py run the real engines."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from gradio_client import Client, handle_file

from roleplay.core.delivery import Transcript, Word
from roleplay.core.personas import PersonaVoice
from roleplay.web.handlers.speech import HEARD, preferences_of
from tests.support.network import block_network
from tests.support.rawqueue import EventError, RawClient, file_input
from tests.support.sounds import silence, tone, wav, write_wav
from tests.support.webapp import RunningApp, running_app, start, text_of

PERSONA = "anxious-hiring-manager"
HEARD_TEXT = "Um, I led the billing migration and, uh, we cut the close to two days."


class HeardAnswer:
    """Hears the same answer in every recording: two fillers, one 2.5 s pause."""

    where = "the stand-in transcriber"

    def __init__(self) -> None:
        self.heard: list[int] = []

    def transcribe(self, samples: np.ndarray) -> Transcript:
        self.heard.append(len(samples))
        times = [(0.0, 0.3), (0.4, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 1.2), (1.2, 1.9)]
        times += [(4.4, 4.6), (4.6, 4.8), (4.8, 5.0), (5.0, 5.2), (5.2, 5.4), (5.4, 5.6)]
        times += [(5.6, 5.8), (5.8, 6.0), (6.0, 6.3)]
        said = HEARD_TEXT.split()
        return Transcript(
            text=HEARD_TEXT,
            words=[Word(text=w, start=a, end=b) for w, (a, b) in zip(said, times, strict=True)],
            audio_seconds=len(samples) / 16_000,
        )


class Hum:
    """Says a short hum for any text, and remembers what it was asked to say."""

    where = "the stand-in voice"

    def __init__(self) -> None:
        self.said: list[tuple[str, PersonaVoice | None]] = []

    def names(self) -> list[str]:
        return ["hum"]

    def say(self, text: str, voice: PersonaVoice | None = None) -> bytes:
        self.said.append((text, voice))
        return wav(tone(0.4))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    with pytest.MonkeyPatch.context() as patch:
        if os.environ.get("ROLEPLAY_TEST_TIER") == "fast":
            block_network(patch)
        folder = tmp_path_factory.mktemp("web-speech")
        with running_app(folder / "data", max_answer_seconds=8) as running:
            running.services.speech._transcriber = HeardAnswer()
            running.services.speech._voice = Hum()
            yield running


@pytest.fixture
def ears(served: RunningApp) -> HeardAnswer:
    return served.services.speech._transcriber


@pytest.fixture
def voice(served: RunningApp) -> Hum:
    return served.services.speech._voice


@pytest.fixture
def client(served: RunningApp) -> Iterator[Client]:
    opened = Client(served.url, verbose=False, analytics_enabled=False)
    yield opened
    opened.close()


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    return write_wav(tmp_path / "answer.wav", tone(6.5, 48_000), 48_000)


def aloud(client: Client, path: Path, at_once: object = False) -> tuple:
    """Send a recording; returns (chat, sources, notice, answer box, recorder)."""
    return client.predict(handle_file(str(path)), at_once, api_name="/answer_aloud")


def candidate_turns(served: RunningApp) -> list:
    [summary] = served.services.history.list()[:1]
    session = served.services.history.load(summary.id)
    return [t for t in session.turns if t.speaker == "candidate"]


def test_a_recorded_answer_waits_in_the_box_to_be_checked(client: Client, recording: Path) -> None:
    start(client)
    chat, _sources, notice, box, recorder = aloud(client, recording)
    assert box == HEARD_TEXT and notice == HEARD
    assert len(chat) == 1, "nothing is sent until the candidate presses Send"
    assert recorder is None, "the recorder is emptied for the next answer"


def test_an_edited_spoken_answer_keeps_how_it_was_said(
    client: Client, served: RunningApp, recording: Path
) -> None:
    start(client)
    aloud(client, recording)
    edited = "I led the billing migration and we cut the close to two days."
    client.predict(edited, api_name="/send")
    [answer] = candidate_turns(served)
    assert answer.text == edited
    assert answer.delivery.fillers == {"um": 1, "uh": 1}, "fillers come from the audio"
    assert [p.seconds for p in answer.delivery.long_pauses] == [2.5]


def test_a_different_answer_typed_instead_has_no_delivery(
    client: Client, served: RunningApp, recording: Path
) -> None:
    start(client)
    aloud(client, recording)
    client.predict("Let me answer something else entirely, about my hobbies.", api_name="/send")
    assert [t.delivery for t in candidate_turns(served)] == [None]


def test_send_at_once_sends_the_answer_and_the_report_shows_its_delivery(
    client: Client, served: RunningApp, recording: Path
) -> None:
    start(client)
    chat, _sources, notice, box, _recorder = aloud(client, recording, at_once=True)
    assert notice == "" and box == ""
    assert [m["role"] for m in chat] == ["assistant", "user", "assistant"]
    client.predict(api_name="/end")
    feedback, _report = client.predict(api_name="/feedback")
    assert "## Delivery (spoken answers)" in feedback
    assert "Long pauses (2 s or more): 1" in feedback


def test_only_true_sends_at_once(client: Client, served: RunningApp, recording: Path) -> None:
    start(client)
    for odd in ("yes", 1, ["True"]):
        chat, _sources, notice, *_ = aloud(client, recording, at_once=odd)
        assert notice == HEARD and len(chat) == 1


def test_a_recording_over_the_cap_is_refused_and_the_box_kept(
    client: Client, ears: HeardAnswer, tmp_path: Path
) -> None:
    start(client)
    heard_before = len(ears.heard)
    long = write_wav(tmp_path / "long.wav", tone(9.0))
    _chat, _sources, notice, box, _recorder = aloud(client, long)
    assert "runs over 8 seconds" in notice and "type your answer" in notice
    assert box == {"__type__": "update"}, "the answer box keeps what it had"
    assert len(ears.heard) == heard_before, "nothing over the cap reaches the transcriber"


def test_silence_says_no_speech_was_heard(client: Client, tmp_path: Path) -> None:
    start(client)
    quiet = write_wav(tmp_path / "quiet.wav", silence(3.0))
    assert "No speech was heard" in aloud(client, quiet)[2]


def test_a_recording_before_any_interview_is_refused(client: Client, recording: Path) -> None:
    assert "Start an interview first." in aloud(client, recording)[2]


def speak_index(served: RunningApp) -> int:
    """The private event that says the newest interviewer turn."""
    return next(i for i, f in served.app.fns.items() if getattr(f.fn, "__name__", "") == "speak")


def test_the_newest_turn_is_said_once_in_the_personas_voice(served: RunningApp, voice: Hum) -> None:
    page = RawClient(served.url)
    chat, *_ = page.call(
        "start", PERSONA, "Larkspur Health", "Product Analyst", "Sam", "", "", 4, 30, None
    )
    before = len(voice.said)
    audio, notice = page.call(speak_index(served), True, None)
    assert notice == "" and audio["value"] is not None
    text, spoken_as = voice.said[-1]
    assert text == text_of(chat[-1]) and spoken_as.openai == "onyx"
    page.call(speak_index(served), True, None)
    assert len(voice.said) == before + 1, "a turn already said is not said again"


def test_nothing_is_said_unless_the_page_asks_with_true(served: RunningApp, voice: Hum) -> None:
    page = RawClient(served.url)
    page.call("start", PERSONA, "Larkspur Health", "Product Analyst", "Sam", "", "", 4, 30, None)
    before = len(voice.said)
    for odd in (False, "true", 1, {"hear": True}):
        page.call(speak_index(served), odd, None)
    assert len(voice.said) == before


def test_remembered_preferences_from_the_browser_are_checked() -> None:
    assert preferences_of({"hear": True, "at_once": "yes"}) == {"hear": True, "at_once": False}
    assert preferences_of("<script>") == {"hear": False, "at_once": False}
    assert preferences_of(None) == {"hear": False, "at_once": False}


def test_a_path_posing_as_a_recording_never_reaches_the_transcriber(
    served: RunningApp, ears: HeardAnswer, recording: Path
) -> None:
    """A real recording on the server's disk, but never uploaded: the path alone is refused."""
    page = RawClient(served.url)
    page.call("start", PERSONA, "Larkspur Health", "Product Analyst", "Sam", "", "", 4, 30, None)
    heard_before = len(ears.heard)
    with pytest.raises(EventError):
        page.call("answer_aloud", file_input(str(recording)), True, None)
    assert len(ears.heard) == heard_before


def test_the_progress_charts_plot_pace_fillers_and_pauses_of_spoken_interviews() -> None:
    from types import SimpleNamespace

    from roleplay.web.views import delivery_frames

    when = SimpleNamespace(started_at=datetime(2026, 11, 1, tzinfo=UTC))
    spoken = {
        "metrics": {
            "delivery": {
                "spoken_answers": 2,
                "words_per_minute": 150.0,
                "long_pauses": 3,
                "fillers_per_100_words": 4.5,
            }
        }
    }
    typed = {"metrics": {"delivery": None}}
    pace, habits = delivery_frames([(when, spoken), (when, typed)])
    assert pace.to_dict("records") == [
        {"when": datetime(2026, 11, 1), "measure": "Words per minute", "value": 150.0}
    ]
    assert sorted(zip(habits["measure"], habits["value"], strict=True)) == [
        ("Fillers per 100 words", 4.5),
        ("Long pauses per answer", 1.5),
    ]


def test_remembered_toggles_only_ever_turn_on(served: RunningApp) -> None:
    """A toggle ticked while the page opens is not undone by a remembered "off"."""
    from roleplay.web.handlers.practice import PracticeHandlers
    from roleplay.web.handlers.speech import SpeechHandlers

    handlers = SpeechHandlers(served.services, PracticeHandlers(served.services))
    hear, at_once = handlers.preferences({"hear": True, "at_once": False})
    assert hear == {"__type__": "update", "value": True}
    assert at_once == {"__type__": "update"}

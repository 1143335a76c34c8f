"""Voice on the web page, in a real browser: an answer said into the microphone arrives as text
in the answer box, and the interviewer's reply is heard.

Chromium's fake microphone plays a WAV file made with the app's own voice (Piper), so the
whole path is real: the browser records, Gradio uploads, Whisper listens, Piper speaks and the
page plays it. Screenshots are saved under test-artifacts/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.support.pages import LAUNCH_ARGS, MINUTE, answer, open_app, settle, shot

# This module launches its own Chromium (with a fake microphone), not the `browser` fixture.
pytestmark = pytest.mark.browser

SPOKEN = (
    "I led the migration of our billing system and we cut the monthly close from five days to two."
)
# Whisper tiny.en may mishear a word; these two it has always heard.
HEARD_WORDS = ("migration", "billing")
# What each <audio> in the interviewer's voice is doing (Gradio 6 keeps a hidden standard
# player beside the waveform's own; only one of them holds the sound).
AUDIO_STATE = """els => els.map(e => ({
    src: e.src, duration: e.duration || 0, time: e.currentTime, paused: e.paused
}))"""


@pytest.fixture
def spoken_answer(tmp_path: Path) -> tuple[Path, float]:
    """The answer said by the local voice, with a little silence around it: the file and its
    length in seconds."""
    from roleplay.core.settings import Settings
    from roleplay.speech.audio import read_wav, wav_bytes
    from roleplay.wiring.speech import Speech

    rate, samples = read_wav(Speech(Settings()).say(SPOKEN))
    silence = np.zeros(rate // 2, dtype=np.int16)
    padded = np.concatenate([silence, samples, silence, silence])
    path = tmp_path / "answer.wav"
    path.write_bytes(wav_bytes(padded, rate))
    return path, len(padded) / rate


@pytest.fixture
def mic_browser(spoken_answer: tuple[Path, float]) -> Iterator[Browser]:
    """Chromium whose microphone plays the spoken answer, once, and which may play sound
    without a click first."""
    from playwright.sync_api import sync_playwright

    wav, _seconds = spoken_answer
    args = [
        *LAUNCH_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={wav}%noloop",
        "--autoplay-policy=no-user-gesture-required",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        yield browser
        browser.close()


def playing(voice: Locator, other_than: str = "") -> dict:
    """The interviewer's voice once it plays a sound (other than ``other_than``'s source)."""
    page = voice.page
    for _ in range(240):
        for audio in voice.locator("audio").evaluate_all(AUDIO_STATE):
            if audio["src"] and audio["src"] != other_than and audio["time"] > 0:
                return audio
        page.wait_for_timeout(500)
    raise AssertionError(f"the interviewer's voice never played: {voice.inner_html()[-2000:]}")


def record(page: Page, seconds: float) -> None:
    """Say the answer: Record, let the fake microphone play it through, then Stop."""
    mic = page.locator("#mic")
    mic.get_by_role("button", name="Record", exact=True).click()
    stop = mic.get_by_role("button", name="Stop", exact=True)
    expect(stop).to_be_visible(timeout=MINUTE)  # the microphone is open: the file plays
    page.wait_for_timeout(int((seconds + 0.5) * 1000))
    stop.click()


def test_an_answer_said_aloud_is_heard_and_the_interviewer_replies_aloud(
    mic_browser: Browser, web: str, spoken_answer: tuple[Path, float]
) -> None:
    page = open_app(mic_browser, web)
    page.context.grant_permissions(["microphone"], origin=web)
    hear = page.get_by_label("Hear the interviewer")
    hear.check()
    page.get_by_role("button", name="Start the interview").click()
    settle(page, 1)
    voice = page.locator("#voice")
    opening = playing(voice)
    assert opening["duration"] > 0.5, opening

    _wav, seconds = spoken_answer
    record(page, seconds)
    box = page.get_by_role("textbox", name="Your answer")
    for word in HEARD_WORDS:
        expect(box).to_have_value(re.compile(word, re.IGNORECASE), timeout=2 * MINUTE)
    expect(page.locator("#notice")).to_contain_text("Heard your answer")
    transcript = box.input_value()
    shot(page, "voice-1-heard")

    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text(transcript, exact=True)).to_be_visible(timeout=MINUTE)
    settle(page, 2)
    reply = playing(voice, other_than=opening["src"])
    assert reply["duration"] > 0.5, reply
    expect(page.locator("#speech-notice")).to_have_text("")
    shot(page, "voice-2-reply-with-audio")


def test_hearing_the_interviewer_is_remembered_by_the_browser(browser: Browser, web: str) -> None:
    page = open_app(browser, web)
    hear = page.get_by_label("Hear the interviewer")
    expect(hear).not_to_be_checked()
    # The browser keeps the preferences (sealed with the app's secret) under this key.
    stored = "() => localStorage.getItem('interview-roleplay-voice')"
    page.wait_for_function(f"({stored})() !== null", timeout=MINUTE)
    before = page.evaluate(stored)
    hear.check()
    page.wait_for_function(f"({stored})() !== {json.dumps(before)}", timeout=MINUTE)
    page.reload()
    expect(page.get_by_role("button", name="Start the interview")).to_be_visible(timeout=MINUTE)
    expect(page.get_by_label("Hear the interviewer")).to_be_checked(timeout=MINUTE)
    expect(page.get_by_label("Send a spoken answer as soon as it is heard")).not_to_be_checked()


def test_without_a_microphone_the_answer_box_still_works(browser: Browser, web: str) -> None:
    """This browser has no microphone and no permission for one: recording cannot start, and
    the typed answer goes through as ever."""
    page = open_app(browser, web)
    page.get_by_role("button", name="Start the interview").click()
    settle(page, 1)
    page.locator("#mic").get_by_role("button", name="Record", exact=True).click()
    page.wait_for_timeout(2000)
    expect(page.locator("#mic").get_by_role("button", name="Stop", exact=True)).to_have_count(0)
    shot(page, "voice-3-no-microphone")
    answer(page, "I kept the weekly numbers honest by checking them against the source.")

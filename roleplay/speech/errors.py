"""Speech failures as one sentence each: what failed, and what to change."""

from __future__ import annotations

from roleplay.llm.errors import ModelError, explain


class SpeechError(ModelError):
    """Speech could not be heard or said; ``str(error)`` is meant for the user as it stands.

    A kind of ``ModelError``, so every front end that explains a model failure explains this
    one too."""


def explain_speech(
    error: BaseException, *, where: str, timeout: float, model: str, model_var: str
) -> SpeechError:
    """Describe a failure of the speech endpoint, naming the speech settings (not the chat's);
    ``model_var`` is STT or TTS, whichever model was asked for."""
    if isinstance(error, SpeechError):
        return error
    message = str(explain(error, where=where, timeout=timeout, model=model))
    for chat, speech in (
        ("ROLEPLAY_LLM_TIMEOUT", "ROLEPLAY_SPEECH_TIMEOUT"),
        ("ROLEPLAY_LLM_BASE_URL", "ROLEPLAY_SPEECH_BASE_URL"),
        ("ROLEPLAY_LLM_API_KEY", "ROLEPLAY_SPEECH_API_KEY"),
        ("ROLEPLAY_LLM_MODEL", f"ROLEPLAY_{model_var}_MODEL"),
    ):
        message = message.replace(chat, speech)
    return SpeechError(message)


NOT_INSTALLED = (
    "Speech on this machine needs the voice extra, which is not installed: run "
    "`pip install 'interview-roleplay[voice]'` (scripts/install.sh installs it), or set "
    "ROLEPLAY_STT and ROLEPLAY_TTS to off."
)

"""Turning model failures into one sentence that says what failed and what to change."""

from __future__ import annotations

from roleplay.core.errors import UserError


class ModelError(UserError, RuntimeError):
    """A model call failed; ``str(error)`` is meant for the user as it stands. ``kind`` is
    ``timeout`` when the model did not answer in time (operators count those apart)."""

    def __init__(self, message: str, kind: str = "error"):
        super().__init__(message)
        self.kind = kind


def explain(error: BaseException, *, where: str, timeout: float, model: str) -> ModelError:
    """Describe ``error`` raised while talking to ``where`` (e.g. "the model server at URL")."""
    if isinstance(error, ModelError):
        return error
    # Here, not at the top: a command that only names ModelError need not load OpenAI's client.
    import openai

    if isinstance(error, openai.APITimeoutError):
        message = (
            f"{where} did not answer within {timeout:g} seconds. Check that it is running and not "
            "overloaded, or raise ROLEPLAY_LLM_TIMEOUT."
        )
    elif isinstance(error, openai.APIConnectionError):
        message = (
            f"Could not connect to {where}. Start the server, or set ROLEPLAY_LLM_BASE_URL to "
            "the address it listens on."
        )
    elif isinstance(error, openai.AuthenticationError):
        message = (
            f"{where} rejected the API key (401). Set OPENAI_API_KEY (or ROLEPLAY_LLM_API_KEY) "
            "to a valid key."
        )
    elif isinstance(error, openai.PermissionDeniedError):
        message = f"{where} refused access (403). Check that your API key may use model '{model}'."
    elif isinstance(error, openai.RateLimitError):
        message = (
            f"{where} is rate-limiting requests (429) and still refused after retrying. Wait a "
            "minute and try again, or check your plan's limits."
        )
    elif isinstance(error, openai.NotFoundError):
        message = (
            f"{where} has no model '{model}' (404). Set ROLEPLAY_LLM_MODEL to a model it serves, "
            "and check that ROLEPLAY_LLM_BASE_URL ends in /v1 where the server needs it."
        )
    elif isinstance(error, openai.APIStatusError):
        detail = _short(getattr(error, "message", "") or str(error))
        message = f"{where} failed with status {error.status_code}: {detail}"
    elif isinstance(error, ValueError) and "context window" in str(error):
        message = (
            f"The conversation no longer fits {where}'s context window. Raise "
            "ROLEPLAY_LOCAL_CONTEXT, or keep the interview shorter."
        )
    else:
        message = f"{where} failed: {_short(str(error)) or type(error).__name__}"
    timed_out = isinstance(error, (openai.APITimeoutError, TimeoutError))
    return ModelError(message, kind="timeout" if timed_out else "error")


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""The one seam to chat models: a LangChain chat model, chosen by settings.

``ChatBackend`` carries the model plus what the engine needs around it: a description for
messages, how to ask for JSON (private notes), and how to explain a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openai
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from roleplay.llm.activity import Activity
from roleplay.llm.errors import ModelError, explain
from roleplay.settings import Settings

__all__ = ["ChatBackend", "ModelError", "build_backend"]

_JSON_MODES = ["json_schema", "json_object", "none"]


@dataclass
class ChatBackend:
    chat: BaseChatModel
    label: str
    where: str = "the model"
    model: str = ""
    timeout: float = 60.0
    # How to ask this backend for JSON matching a schema: "json_schema", "json_object" or "none".
    json_mode: str = "none"
    # Replies streaming now; background work (an ingest) yields to them.
    activity: Activity = field(default_factory=Activity)
    # The model runs in this process (llama.cpp): the weakest we ship, directed strictly.
    embedded: bool = False

    def json_kwargs(
        self, schema: dict[str, Any], mode: str | None = None, name: str = "private_notes"
    ) -> dict[str, Any]:
        mode = mode or self.json_mode
        if mode == "json_schema":
            return {
                "response_format": {
                    "type": "json_schema",
                    "json_schema": {"name": name, "schema": schema},
                }
            }
        if mode == "json_object":
            return {"response_format": {"type": "json_object", "schema": schema}}
        return {}

    def invoke_json(
        self,
        messages: list[BaseMessage],
        schema: dict[str, Any],
        *,
        max_tokens: int,
        name: str = "private_notes",
    ) -> str:
        """Ask for JSON matching ``schema``; return the raw reply text.

        Servers differ in the ``response_format`` they take (llama-cpp-python's server refuses
        ``json_schema``, some others refuse ``json_object``). A refusal moves to the next kind
        and the one that worked is remembered; the reply is validated by the caller either way.
        """
        modes = _JSON_MODES[_JSON_MODES.index(self.json_mode) :]
        for mode in modes:
            try:
                reply = self.chat.invoke(
                    messages, max_tokens=max_tokens, **self.json_kwargs(schema, mode, name)
                )
            except openai.APIStatusError as error:
                if mode == "none" or error.status_code not in (400, 404, 415, 422, 500, 501):
                    raise
                continue
            self.json_mode = mode
            return reply.text
        raise AssertionError("unreachable: the 'none' mode either returns or raises")

    def explain(self, error: BaseException) -> ModelError:
        return explain(error, where=self.where, timeout=self.timeout, model=self.model)


def build_backend(settings: Settings, model_id: str | None = None) -> ChatBackend:
    """The backend for ``model_id`` (see ``roleplay.llm.choice``), or the settings' own pick."""
    from roleplay.llm.catalogue import installed_model
    from roleplay.llm.choice import BUILT_IN, chosen
    from roleplay.llm.local import default_model_path

    model_id = model_id or chosen(settings)
    if model_id == "http":
        return _openai_backend(settings)
    if model_id == "file" and settings.local_model:
        return _local_backend(settings, settings.local_model)
    if model_id == BUILT_IN:
        return _local_backend(settings, default_model_path())
    if model_id.startswith("ollama:"):
        return _ollama_backend(settings, model_id.removeprefix("ollama:"))
    pulled = installed_model(settings.models_dir, model_id)
    if pulled is None:
        raise ModelError(
            f"There is no model '{model_id[:80]}' on this machine. 'roleplay models list' shows "
            f"what there is; 'roleplay models pull {model_id[:80]}' fetches a catalogue model."
        )
    # A pulled model is one of the catalogue's 1.5-4B models (or the user's pick of the hub): it
    # gets more freedom through the same checks.
    path = pulled.path(settings.models_dir)
    return _local_backend(settings, path, pulled.system_role, embedded=False)


def _local_backend(
    settings: Settings, path: Path, system_role: bool = True, *, embedded: bool = True
) -> ChatBackend:
    """A GGUF file run in this process. ``embedded``: directed as strictly as the built-in 135M
    model (also what a ROLEPLAY_LOCAL_MODEL file gets, as it always has)."""
    from roleplay.llm.local import LocalChatModel

    chat = LocalChatModel(
        model_path=path,
        n_ctx=settings.local_context,
        n_threads=settings.local_threads,
        n_gpu_layers=settings.local_gpu_layers,
        temperature=settings.temperature,
        max_tokens=settings.max_reply_tokens,
        seed=settings.seed,
        system_role=system_role,
    )
    return ChatBackend(
        chat=chat,
        label=f"local model {path.name}",
        where=f"the local model {path.name}",
        model=path.name,
        timeout=settings.llm_timeout,
        # llama.cpp turns a JSON schema into a grammar, so even a tiny model returns valid JSON.
        json_mode="json_object",
        embedded=embedded,
    )


def _ollama_backend(settings: Settings, name: str) -> ChatBackend:
    """A model of the local Ollama server, through its OpenAI-compatible ``/v1``."""
    base_url = f"{settings.ollama_url.rstrip('/')}/v1"
    where = f"the Ollama server at {settings.ollama_url}"
    return _http_backend(settings, name, base_url, None, f"{name} via Ollama", where)


def _openai_backend(settings: Settings) -> ChatBackend:
    base_url = settings.llm_base_url
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if not base_url and not key:
        raise ModelError(
            "ROLEPLAY_LLM=openai needs OPENAI_API_KEY for OpenAI itself, or ROLEPLAY_LLM_BASE_URL "
            "for an OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp)."
        )
    model = settings.llm_model
    label = f"{model} via {base_url or 'OpenAI'}"
    where = f"the model server at {base_url}" if base_url else "the OpenAI API"
    return _http_backend(settings, model, base_url, key, label, where)


def _http_backend(
    settings: Settings, model: str, base_url: str | None, key: str | None, label: str, where: str
) -> ChatBackend:
    from langchain_openai import ChatOpenAI

    chat = ChatOpenAI(
        model=model,
        base_url=base_url,
        # Local servers (Ollama among them) ignore the key, but the client insists on one.
        api_key=key or "not-needed",
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        temperature=settings.temperature,
        max_tokens=settings.max_reply_tokens,
        seed=settings.seed,
        streaming=True,
    )
    return ChatBackend(
        chat=chat,
        label=label,
        where=where,
        model=model,
        timeout=settings.llm_timeout,
        json_mode=settings.llm_json_mode,
    )

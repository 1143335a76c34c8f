"""The one seam to chat models: a LangChain chat model, chosen by settings.

``ChatBackend`` carries the model plus what the engine needs around it: a description for
messages, how to ask for JSON (private notes), and how to explain a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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


def build_backend(settings: Settings) -> ChatBackend:
    if settings.llm == "openai":
        return _openai_backend(settings)
    return _local_backend(settings)


def _local_backend(settings: Settings) -> ChatBackend:
    from roleplay.llm.local import LocalChatModel, default_model_path

    path = settings.local_model or default_model_path()
    chat = LocalChatModel(
        model_path=path,
        n_ctx=settings.local_context,
        n_threads=settings.local_threads,
        temperature=settings.temperature,
        max_tokens=settings.max_reply_tokens,
        seed=settings.seed,
    )
    return ChatBackend(
        chat=chat,
        label=f"local model {path.name}",
        where=f"the local model {path.name}",
        model=path.name,
        timeout=settings.llm_timeout,
        # llama.cpp turns a JSON schema into a grammar, so even a tiny model returns valid JSON.
        json_mode="json_object",
        embedded=True,
    )


def _openai_backend(settings: Settings) -> ChatBackend:
    from langchain_openai import ChatOpenAI

    base_url = settings.llm_base_url
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if not base_url and not key:
        raise ModelError(
            "ROLEPLAY_LLM=openai needs OPENAI_API_KEY for OpenAI itself, or ROLEPLAY_LLM_BASE_URL "
            "for an OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp)."
        )
    chat = ChatOpenAI(
        model=settings.llm_model,
        base_url=base_url,
        # Local servers ignore the key, but the client insists on having one.
        api_key=key or "not-needed",
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        temperature=settings.temperature,
        max_tokens=settings.max_reply_tokens,
        seed=settings.seed,
        streaming=True,
    )
    where = f"the model server at {base_url}" if base_url else "the OpenAI API"
    return ChatBackend(
        chat=chat,
        label=f"{settings.llm_model} via {base_url or 'OpenAI'}",
        where=where,
        model=settings.llm_model,
        timeout=settings.llm_timeout,
        json_mode=settings.llm_json_mode,
    )

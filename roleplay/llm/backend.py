"""``ChatBackend``: a LangChain chat model and what the engine needs around it: a description
for messages, how to ask it for JSON (private notes), and how to explain a failure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import openai
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from roleplay.llm.activity import Activity
from roleplay.llm.errors import ModelError, explain

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

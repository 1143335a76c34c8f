"""The real web app in this process, on a scripted model, for fast tests through gradio_client.

``running_app`` builds ``Services`` over a fresh data directory, swaps the embedded model for a
``ScriptedInterviewer``, builds the Gradio app with ``roleplay.web.app.build_app`` and launches
it with ``serve``'s own options (``launch_options``: the identity-cookie middleware, upload
limit, CSS, theme, no error details) on 127.0.0.1 and a free port, without holding the thread.
Everything else is real: the engine, the planner and voicing checks, the database, the pack
store and its MiniLM embedder.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
from gradio_client import Client
from langchain_core.messages import BaseMessage

from roleplay.core.settings import Settings
from roleplay.llm.backend import ChatBackend
from roleplay.web.app import build_app, launch_options
from roleplay.web.services import Services
from tests.support.fakes import ScriptedChatModel
from tests.support.servers import free_port

# What the scripted interviewer says when no reply is queued: one plain sentence that passes
# every voicing check (no question, no name, no number, nothing from its prompt). The engine
# then adds the planned question in the plan's own words, so each turn asks exactly one.
SPOKEN = "Thanks, that is useful to hear."


class ScriptedInterviewer(ScriptedChatModel):
    """A scripted model that never runs dry.

    Spoken turns (streamed) take the queued replies first, in order (an Exception is raised),
    then say ``SPOKEN``. Requests for JSON (the private notes and the feedback judge, which ask
    with a ``response_format`` schema) are never taken from the queue, so a notes update running
    in the background cannot eat a reply queued for the next turn: they get a small valid object
    built from the schema. Every call is still recorded in ``history`` and ``calls``.
    """

    def _next(self, messages: list[BaseMessage], kwargs: dict[str, Any]) -> str:
        schema = _schema_of(kwargs)
        if schema is None and self.replies:
            return super()._next(messages, kwargs)
        self.history.append(list(messages))
        self.calls.append(dict(kwargs))
        return SPOKEN if schema is None else json.dumps(_json_for(schema))


def _schema_of(kwargs: dict[str, Any]) -> dict[str, Any] | None:
    response_format = kwargs.get("response_format")
    if not isinstance(response_format, dict):
        return None
    if response_format.get("type") == "json_schema":
        return response_format["json_schema"]["schema"]
    return response_format.get("schema") or {}


def _json_for(schema: dict[str, Any]) -> Any:
    """A small value that the schema accepts: the first choice, no items, neutral numbers."""
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: _json_for(properties.get(name, {})) for name in schema.get("required", [])}
    if kind == "array":
        return []
    if kind == "number":
        return (schema.get("minimum", 0) + schema.get("maximum", 1)) / 2
    if kind == "integer":
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    return "Steady and clear throughout."


@dataclass
class RunningApp:
    url: str
    services: Services
    model: ScriptedInterviewer
    app: gr.Blocks

    @property
    def data_dir(self) -> Path:
        return self.services.settings.data_dir


def clean_settings(data_dir: Path, **values: Any) -> Settings:
    """Settings on ``data_dir`` and the defaults, whatever ROLEPLAY_* the shell has set."""
    saved = {k: v for k, v in os.environ.items() if k.startswith("ROLEPLAY_")}
    for name in saved:
        del os.environ[name]
    try:
        return Settings(data_dir=data_dir, **values)
    finally:
        os.environ.update(saved)


@contextmanager
def running_app(data_dir: Path, **settings: Any) -> Iterator[RunningApp]:
    """The app on the scripted model, listening on 127.0.0.1; closed afterwards."""
    services = Services(clean_settings(data_dir, **settings))
    model = ScriptedInterviewer()
    # An HTTP-style backend: the guided director, notes proposed by the model, the judge on,
    # and JSON asked for with a schema (as an OpenAI-compatible server is by default).
    services.backend = ChatBackend(
        chat=model, label="scripted", where="the scripted model", json_mode="json_schema"
    )
    app = build_app(services)
    port = free_port()
    # As roleplay.web.app.serve launches it, but without holding this thread.
    app.launch(
        server_name="127.0.0.1",
        server_port=port,
        share=False,
        inbrowser=False,
        prevent_thread_lock=True,
        quiet=True,
        **launch_options(services),
    )
    try:
        yield RunningApp(f"http://127.0.0.1:{port}/", services, model, app)
    finally:
        try:
            app.close()
        except RuntimeError:
            # Gradio sets its asyncio stop event from this thread while the server's loop may
            # be waking the event's waiters ("deque mutated during iteration"): the flag is
            # set all the same, so only the server is left to close.
            if app.server:
                app.server.close()


def text_of(message: dict[str, Any]) -> str:
    """A chat message's words, whether its content came back as text or as parts."""
    content = message["content"]
    if isinstance(content, list):
        return " ".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return str(content)


SCENARIO_LINK = re.compile(r"scenario=([A-Za-z0-9]+)")


def start(client: Client, *, turns: Any = 4, minutes: Any = 30, **fields: Any) -> tuple:
    """Start an interview through ``/start`` (the anxious hiring manager at Larkspur Health, no
    research, unless ``fields`` say otherwise); returns (chat, sources, notice)."""
    values = {
        "persona": "anxious-hiring-manager",
        "company": "Larkspur Health",
        "role": "Product Analyst",
        "candidate": "Sam",
        "pack": "",
        "cv_pack": "",
        **fields,
    }
    return client.predict(*values.values(), turns, minutes, api_name="/start")

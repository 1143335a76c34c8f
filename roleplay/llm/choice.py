"""Which model interviews: the ones this machine can use now, and the one the settings pick.

An option's ``id`` is what ``ROLEPLAY_MODEL``, ``roleplay models use`` and the web page's
picker take: ``smollm2`` (built in), the name of a pulled model, ``ollama:NAME`` for a model of
the local Ollama server, ``file`` for ``ROLEPLAY_LOCAL_MODEL`` and ``http`` for the configured
OpenAI-compatible endpoint. Ids that come from a page are only ever looked up in this list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from roleplay.core.settings import Settings
from roleplay.llm.model_catalogue import OllamaModel, installed, ollama_models

BUILT_IN = "smollm2"
OLLAMA_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$")
STRONGER = (
    "A stronger interviewer is one command away: roleplay models pull qwen2.5-1.5b, then "
    "roleplay models use qwen2.5-1.5b (see roleplay models list)."
)
Kind = Literal["embedded", "file", "pulled", "ollama", "http"]


@dataclass(frozen=True)
class ModelOption:
    id: str
    label: str
    where: str
    kind: Kind

    @property
    def tiny(self) -> bool:
        """The built-in 135M model: worth saying that a stronger one is a pull away."""
        return self.kind == "embedded"

    def describe(self) -> str:
        return f"{self.label} — {self.where}"

    @property
    def runs(self) -> str:
        """Where it runs, in words fit for any visitor of the web page (no paths or URLs)."""
        return {
            "embedded": "in the app itself (llama.cpp)",
            "file": "in the app itself (llama.cpp)",
            "pulled": "in the app itself (llama.cpp)",
            "ollama": "on this machine's Ollama server",
            "http": "on the model server this app is set up to use",
        }[self.kind]


def chosen(settings: Settings) -> str:
    """The id of the model the settings pick (the environment's older switches win)."""
    if settings.llm == "openai":
        return "http"
    if settings.local_model:
        return "file"
    return settings.model.strip() or BUILT_IN


def options(settings: Settings, served: list[OllamaModel] | None = None) -> list[ModelOption]:
    """The models this machine can interview with now, the built-in one first. ``served``: the
    Ollama's models when the caller has just asked it (else it is asked here)."""
    found = [
        ModelOption(BUILT_IN, "SmolLM2 135M (built in)", "in this process (llama.cpp)", "embedded")
    ]
    if settings.local_model:
        path = settings.local_model
        found.append(ModelOption("file", path.name, f"in this process, from {path}", "file"))
    for model in installed(settings.models_dir):
        label = f"{model.name} (pulled from {model.repo})"
        found.append(ModelOption(model.name, label, "in this process (llama.cpp)", "pulled"))
    if served is None:
        served = ollama_models(settings.ollama_url) or []
    for offered in served:
        if OLLAMA_NAME.match(offered.name):
            where = f"Ollama at {settings.ollama_url}"
            found.append(ModelOption(f"ollama:{offered.name}", offered.name, where, "ollama"))
    # Only an endpoint set up for chat: an OPENAI_API_KEY exported for other reasons (the
    # embeddings) must not let a web page send interviews to OpenAI.
    if settings.llm == "openai" or settings.llm_base_url:
        where = settings.llm_base_url or "the OpenAI API"
        found.append(ModelOption("http", settings.llm_model, where, "http"))
    return found


def option(
    settings: Settings, model_id: str, served: list[OllamaModel] | None = None
) -> ModelOption | None:
    """The option ``model_id`` names among those available now, or None."""
    return next((o for o in options(settings, served) if o.id == model_id), None)

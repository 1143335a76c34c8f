"""The chat model the settings (or a page) choose: the built-in one, a pulled GGUF file, a
model of the local Ollama server, or any OpenAI-compatible endpoint."""

from __future__ import annotations

from pathlib import Path

from roleplay.core.settings import Settings
from roleplay.llm.backend import ChatBackend
from roleplay.llm.errors import ModelError


def build_backend(settings: Settings, model_id: str | None = None) -> ChatBackend:
    """The backend for ``model_id`` (see ``roleplay.llm.choice``), or the settings' own pick."""
    from roleplay.llm.choice import BUILT_IN, chosen
    from roleplay.llm.local import default_model_path
    from roleplay.llm.model_catalogue import installed_model

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

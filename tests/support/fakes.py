"""A scripted chat model for unit tests: queued replies, every prompt recorded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field


class ScriptedChatModel(BaseChatModel):
    """Replies are taken in order from ``replies`` (an Exception in the queue is raised instead).

    ``history`` holds each call's messages and ``calls`` its keyword arguments, so tests can
    assert on exactly what reached the model. Streaming yields the reply in small pieces.
    """

    replies: list[Any] = Field(default_factory=list)
    history: list[list[BaseMessage]] = Field(default_factory=list)
    calls: list[dict[str, Any]] = Field(default_factory=list)
    chunk_size: int = 3

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def enqueue(self, *replies: Any) -> ScriptedChatModel:
        self.replies.extend(replies)
        return self

    def _next(self, messages: list[BaseMessage], kwargs: dict[str, Any]) -> str:
        self.history.append(list(messages))
        self.calls.append(dict(kwargs))
        if not self.replies:
            raise AssertionError("ScriptedChatModel ran out of replies")
        reply = self.replies.pop(0)
        if isinstance(reply, BaseException):
            raise reply
        return reply

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = self._next(messages, {"stop": stop, **kwargs})
        return ChatResult(generations=[ChatGeneration(message=AIMessage(text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        text = self._next(messages, {"stop": stop, **kwargs})
        for start in range(0, len(text), self.chunk_size):
            yield ChatGenerationChunk(message=AIMessageChunk(text[start : start + self.chunk_size]))


class WordOverlap:
    """A stand-in for MiniLM relevance in fast tests: the share of a topic's longer words a
    sentence holds (0..1), so tests of our logic say which sentence is closest by its words."""

    @staticmethod
    def _words(text: str) -> set[str]:
        import re

        return {w[:5] for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}

    def scores(self, sentences: list[str], topics: list[list[str]]) -> list[list[float]]:
        rows = []
        for sentence in sentences:
            said = self._words(sentence)
            rows.append(
                [
                    max(len(said & self._words(t)) / max(1, len(self._words(t))) for t in topic)
                    for topic in topics
                ]
            )
        return rows


class FlakyModel(ScriptedChatModel):
    """A model that says the same short line whenever asked, or fails as a server that is down
    would (``down``), so a test can take the model away and bring it back at any point."""

    down: bool = False

    def _next(self, messages: list[BaseMessage], kwargs: dict[str, Any]) -> str:
        self.history.append(list(messages))
        if self.down:
            raise ConnectionError("the model server is down")
        return "Right."


class HashEmbeddings(Embeddings):
    """A stand-in for MiniLM in fast tests of the store: a text's vector is made from its words'
    hashes (the same text, the same vector; shared words, a closer one)."""

    dimension = 32

    def _vector(self, text: str) -> list[float]:
        import hashlib
        import math
        import re

        vector = [0.0] * self.dimension
        for word in re.findall(r"[a-z0-9]+", text.lower()):
            digest = hashlib.sha256(word.encode()).digest()
            vector[digest[0] % self.dimension] += 1.0
        norm = math.sqrt(sum(x * x for x in vector)) or 1.0
        return [x / norm for x in vector]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


class Uniform:
    """Every sentence this close in meaning to the question (MiniLM stands apart from its
    words: "stack" and "SQL", "band" and "salary"), so tests say which sentence is taken by
    the words it shares."""

    def __init__(self, close: float) -> None:
        self.close = close

    def scores(self, sentences: list[str], topics: list[list[str]]) -> list[list[float]]:
        return [[self.close] * len(topics) for _ in sentences]

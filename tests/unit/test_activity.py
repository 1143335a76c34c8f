"""Background ingest steps aside while an interviewer reply streams."""

from __future__ import annotations

import threading

from langchain_core.embeddings import Embeddings

from roleplay.core.personas import Persona
from roleplay.core.session import Setting
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.knowledge.embeddings import Yielding
from roleplay.llm.activity import Activity
from roleplay.llm.backend import ChatBackend
from tests.support.fakes import ScriptedChatModel


class Counting(Embeddings):
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(list(texts))
        return [[float(len(t))] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return [float(len(text))]


def test_activity_is_busy_only_while_a_reply_streams() -> None:
    activity = Activity()
    assert not activity.busy
    with activity.replying():
        assert activity.busy
        assert activity.wait_until_quiet(timeout=0.05) is False
    assert not activity.busy
    assert activity.wait_until_quiet(timeout=0.05) is True


def test_waiting_ends_when_the_reply_finishes() -> None:
    activity = Activity()
    finished = threading.Event()
    with activity.replying():
        waiter = threading.Thread(
            target=lambda: activity.wait_until_quiet(timeout=30) and finished.set()
        )
        waiter.start()
        assert not finished.wait(0.1)
    waiter.join(timeout=5)
    assert finished.is_set()


def test_yielding_embedder_waits_before_every_slice_and_keeps_order() -> None:
    inner, waits = Counting(), []
    embedder = Yielding(inner, lambda: waits.append(1), slice_size=2)
    texts = ["a", "bb", "ccc", "dddd", "eeeee"]
    assert embedder.embed_documents(texts) == [[1.0], [2.0], [3.0], [4.0], [5.0]]
    assert inner.calls == [["a", "bb"], ["ccc", "dddd"], ["eeeee"]]
    assert len(waits) == 3


def test_yielding_embedder_never_delays_queries() -> None:
    embedder = Yielding(Counting(), lambda: (_ for _ in ()).throw(AssertionError("waited")))
    assert embedder.embed_query("abc") == [3.0]


def test_interview_marks_the_model_busy_while_its_reply_streams(
    anxious: Persona,
    setting: Setting,
    backend: ChatBackend,
    prompts: Prompts,
    scripted: ScriptedChatModel,
) -> None:
    scripted.enqueue("Hello Sam, I'm Morgan. Tell me about yourself.")
    interview = Interview(anxious, setting, backend, prompts, background_notes=False)
    seen = [backend.activity.busy for _ in interview.open()]
    assert seen and all(seen)
    assert not backend.activity.busy

"""Retrieval quality on the sample packs, measured the way bench/retrieval_eval.py reports it."""

from __future__ import annotations

from pathlib import Path

from roleplay.core.resources import shipped_dir
from roleplay.core.settings import Settings
from roleplay.knowledge.evaluation import evaluate, load_questions
from roleplay.knowledge.ingest import Chunking, ingest
from roleplay.knowledge.loaders import Limits
from roleplay.knowledge.store import PackStore, connect

QUESTIONS = Path(__file__).resolve().parents[2] / "bench" / "data" / "larkspur_questions.yaml"


def test_recall_at_5_on_the_sample_pack_is_at_least_0_8(local_embedder) -> None:
    store = PackStore(connect(Settings()), local_embedder)
    settings = Settings()
    chunking = Chunking(settings.chunk_size, settings.chunk_overlap)
    for pack, folder in (("company", "larkspur-health"), ("candidate", "sam-rivera")):
        ingest(
            store,
            pack,
            [str(shipped_dir("knowledge") / folder)],
            limits=Limits(),
            chunking=chunking,
        )
    questions = load_questions(QUESTIONS)
    assert len(questions) >= 25
    scores = evaluate(store, {"company": "company", "candidate": "candidate"}, questions)
    assert scores.recall_at_5 >= 0.8, scores.misses

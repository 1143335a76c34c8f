"""Retrieval quality on a question set: recall@k and mean reciprocal rank."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from roleplay.knowledge.store import PackStore, Passage


@dataclass(frozen=True)
class Question:
    question: str
    source: str
    contains: str
    pack: str = "company"


@dataclass
class Scores:
    questions: int
    recall_at_1: float
    recall_at_5: float
    mrr: float
    misses: list[str]


def load_questions(path: Path) -> list[Question]:
    return [Question(**item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def _hit(passage: Passage, question: Question) -> bool:
    squash = " ".join(passage.text.split()).lower()
    return passage.source == question.source and question.contains.lower() in squash


def evaluate(store: PackStore, packs: dict[str, str], questions: list[Question]) -> Scores:
    """``packs`` maps a question's pack label ("company", "candidate") to a pack name."""
    reciprocal: list[float] = []
    misses = []
    for question in questions:
        ranked = store.search(packs[question.pack], question.question, 5)
        rank = next((i for i, p in enumerate(ranked, 1) if _hit(p, question)), None)
        reciprocal.append(1 / rank if rank else 0.0)
        if rank is None:
            misses.append(question.question)
    count = len(questions)
    return Scores(
        questions=count,
        recall_at_1=sum(r == 1.0 for r in reciprocal) / count,
        recall_at_5=sum(r > 0 for r in reciprocal) / count,
        mrr=sum(reciprocal) / count,
        misses=misses,
    )

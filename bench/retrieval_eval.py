"""Retrieval quality on the sample packs: recall@1, recall@5 and MRR over the question set.

Run: .venv/bin/python bench/retrieval_eval.py [QUESTIONS.yaml COMPANY_FOLDER CANDIDATE_FOLDER]
With no arguments it uses bench/data/larkspur_questions.yaml and the shipped sample packs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from roleplay.core.resources import shipped_dir
from roleplay.core.settings import Settings
from roleplay.knowledge.evaluation import evaluate, load_questions
from roleplay.knowledge.ingest import ingest
from roleplay.wiring import knowledge as configured

HERE = Path(__file__).resolve().parent


def main() -> None:
    if len(sys.argv) == 4:
        questions, company, candidate = (Path(a) for a in sys.argv[1:])
    else:
        questions = HERE / "data" / "larkspur_questions.yaml"
        company = shipped_dir("knowledge") / "larkspur-health"
        candidate = shipped_dir("knowledge") / "sam-rivera"
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(data_dir=Path(data_dir))
        store = configured.open_store(settings)
        for pack, folder in (("company", company), ("candidate", candidate)):
            ingest(
                store,
                pack,
                [str(folder)],
                limits=configured.limits(settings),
                chunking=configured.chunking(settings),
            )
        scores = evaluate(
            store, {"company": "company", "candidate": "candidate"}, load_questions(questions)
        )
    print(f"questions: {scores.questions}  chunk size: {settings.chunk_size}")
    print(f"recall@1: {scores.recall_at_1:.2f}")
    print(f"recall@5: {scores.recall_at_5:.2f}")
    print(f"MRR:      {scores.mrr:.3f}")
    for miss in scores.misses:
        print(f"  missed: {miss}")


if __name__ == "__main__":
    main()

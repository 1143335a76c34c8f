"""Fit the turn reader's model (roleplay/interview/turn_model.py) to the labelled turns.

    python scripts/train_turn_reader.py           fit on the tune split, print the grouped
                                                  cross-validation, write cues/turn_model.npz
    python scripts/train_turn_reader.py --check   exit 1 when the shipped model was fitted to
                                                  other turns than the tune split holds now

Only the 'tune' split of tests/data/turn_acts.yaml is read: the held-out splits measure the
reader (bench/turn_acts.py) and must stay unseen. The strength of the fit (C) was chosen by
cross-validation with each company's turns left out in turn, so that the figure says how the
model reads a company it has never seen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from roleplay.interview import turn_model  # noqa: E402
from tests.support.labelled import LabelledTurn, load_turns  # noqa: E402

TARGET = ROOT / "cues" / turn_model.MODEL_FILE
C = 3.0


def training_turns() -> list[LabelledTurn]:
    return [turn for turn in load_turns() if turn.split == "tune"]


def fingerprint(turns: list[LabelledTurn]) -> str:
    return turn_model.fingerprint([(t.asked, t.text, t.kind, t.intent or "") for t in turns])


def fit(turns: list[LabelledTurn]) -> turn_model.TurnModel:
    import numpy as np

    from roleplay.interview.asking import asking_part
    from roleplay.interview.relevance import local_relevance

    vectors = local_relevance().vectors
    kinds = _head(
        "kinds",
        np.stack([turn_model.features(t.text, t.asked, vectors) for t in turns]),
        [t.kind for t in turns],
        [t.company for t in turns],
    )
    questions = [t for t in turns if t.kind == "question" and t.intent]
    intents = _head(
        "intents",
        np.stack(
            [turn_model.intent_features(asking_part(t.text), t.text, vectors) for t in questions]
        ),
        [t.intent or "" for t in questions],
        [t.company for t in questions],
    )
    return turn_model.TurnModel(kinds, intents, trained_on=fingerprint(turns))


def _head(name: str, x, labels: list[str], companies: list[str]) -> turn_model.Head:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    y = np.asarray(labels)
    learner = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    guessed = cross_val_predict(learner, x, y, groups=companies, cv=GroupKFold(5))
    print(f"{name}: {len(y)} turns; a company left out in turn: {np.mean(guessed == y):.3f} right")
    learner.fit(x, y)
    return turn_model.Head(
        tuple(str(k) for k in learner.classes_), learner.coef_, learner.intercept_
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    turns = training_turns()
    if args.check:
        shipped = turn_model.load(TARGET)
        if shipped.trained_on != fingerprint(turns):
            print(f"{TARGET} is stale: run python scripts/train_turn_reader.py")
            return 1
        return 0
    turn_model.save(fit(turns), TARGET)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

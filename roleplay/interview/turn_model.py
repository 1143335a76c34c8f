"""The learned half of reading a turn: a linear model over MiniLM vectors of the turn and of the
line it follows, which tells an answer from a partial one, a dodge or small talk.

Phrases written by hand read hostile text, goodbyes, refusals and questions well on turns they
were never tuned on; they read answers, partial answers and dodges badly (0.71 of held-out turns
right in all), because whether a turn answers depends on the question, in words no list can
foresee. This model learns that from the labelled turns' tune split instead: what the turn says,
what the question asked, how close each of the turn's sentences comes to it, and a few shapes
(its length, a figure, a question mark). ``scripts/train_turn_reader.py`` fits it (scikit-learn's
logistic regression) and writes ``cues/turn_model.npz``; here it is only a matrix product, with
no scikit-learn at run time. The file is checked on load: an error names it and the field.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from roleplay.core.cues import split_sentences, tidy
from roleplay.core.resources import shipped_dir
from roleplay.core.turn_rules import INTENTS, KINDS

if TYPE_CHECKING:
    import numpy as np

Vectors = Callable[[list[str]], Sequence[Sequence[float]]]

MODEL_FILE = "turn_model.npz"
# MiniLM's vectors (the shipped embedder, whatever the research packs use).
DIMENSIONS = 384
# What an interviewer's empty line (the candidate speaks first) is embedded as.
OPENING = "(opening)"
# The shape features are scaled up to weigh like a few of MiniLM's 384 unit-length dimensions.
SHAPE_WEIGHT = 3.0
_DIGIT = re.compile(r"\d")


class TurnModelError(ValueError):
    """The shipped turn model is malformed; the message names the file and the field."""


def feature_count(dimensions: int) -> int:
    # The turn, the question, their product, the first and last sentences: five vectors;
    # their cosine; four shapes of the turn; three of its sentences against the question.
    return 5 * dimensions + 1 + 4 + 3


def intent_feature_count(dimensions: int) -> int:
    return 2 * dimensions  # the sentences that ask, and the whole turn


def intent_features(question: str, whole: str, vectors: Vectors) -> np.ndarray:
    """The intent model's input: the sentences that ask, and the whole turn ("Are you hiring?
    I'd love to get my foot in the door." asks about hiring by both)."""
    import numpy as np

    rows = np.asarray(vectors([tidy(question) or tidy(whole), tidy(whole)]), dtype=np.float64)
    rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    return rows.reshape(-1)


def features(text: str, asked: str, vectors: Vectors) -> np.ndarray:
    """The model's input for a turn after the interviewer's line ``asked``."""
    import numpy as np

    said = tidy(text)
    sentences = split_sentences(said) or [said]
    rows = np.asarray(vectors([said, tidy(asked) or OPENING, *sentences]), dtype=np.float64)
    rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    turn, question, each = rows[0], rows[1], rows[2:]
    closeness = each @ question
    shapes = [
        said.endswith("?"),
        "?" in said,
        min(len(said.split()), 80) / 80,
        bool(_DIGIT.search(said)),
    ]
    spread = [closeness.max(), closeness.min(), len(sentences) / 10]
    return np.concatenate(
        [
            turn,
            question,
            turn * question,
            [turn @ question],
            each[0],
            each[-1],
            np.asarray(shapes, dtype=np.float64) * SHAPE_WEIGHT,
            np.asarray(spread, dtype=np.float64) * SHAPE_WEIGHT,
        ]
    )


@dataclass(frozen=True)
class Head:
    """One linear classifier: a row of weights and a bias for each of its labels."""

    labels: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray

    def predict(self, features: np.ndarray) -> tuple[str, float]:
        """The likeliest label, and how likely the model holds it."""
        import numpy as np

        scores = self.weights @ features + self.bias
        odds = np.exp(scores - scores.max())
        best = int(odds.argmax())
        return self.labels[best], float(odds[best] / odds.sum())


@dataclass(frozen=True)
class TurnModel:
    kinds: Head
    intents: Head  # a question's
    trained_on: str  # the fingerprint of the labelled turns it was fitted to

    def read(self, text: str, asked: str, vectors: Vectors) -> tuple[str, float]:
        """The likeliest kind of the turn after ``asked``, and how likely the model holds it."""
        return self.kinds.predict(features(text, asked, vectors))

    def intent(self, question: str, whole: str, vectors: Vectors) -> tuple[str, float]:
        """The likeliest intent of a question, and how likely the model holds it."""
        return self.intents.predict(intent_features(question, whole, vectors))


def fingerprint(turns: Sequence[Sequence[str]]) -> str:
    """What a model was fitted to: every field of the training turns, in order."""
    digest = hashlib.sha256()
    for turn in turns:
        digest.update(("\x1f".join(turn) + "\x1e").encode())
    return digest.hexdigest()


def save(model: TurnModel, path: Path) -> None:
    import numpy as np

    fields = {"trained_on": np.asarray(model.trained_on)}
    for name, head in (("kinds", model.kinds), ("intents", model.intents)):
        fields[name] = np.asarray(head.labels)
        fields[f"{name}_weights"] = head.weights.astype(np.float32)
        fields[f"{name}_bias"] = head.bias.astype(np.float32)
    with path.open("wb") as out:
        np.savez_compressed(out, allow_pickle=False, **fields)


_FIELDS = ("kinds", "kinds_weights", "kinds_bias", "intents", "intents_weights", "intents_bias")


def load(path: Path) -> TurnModel:
    import numpy as np

    wanted = (*_FIELDS, "trained_on")
    try:
        with np.load(path, allow_pickle=False) as data:
            fields = {name: data[name] for name in wanted if name in data.files}
    except (OSError, ValueError, AttributeError) as exc:  # no .npz archive at all
        raise TurnModelError(f"{path}: not a turn model ({exc})") from None
    missing = [name for name in wanted if name not in fields]
    if missing:
        raise TurnModelError(f"{path}: field '{missing[0]}' is missing")
    kinds = _head(path, fields, "kinds", KINDS, feature_count(DIMENSIONS))
    intents = _head(path, fields, "intents", INTENTS, intent_feature_count(DIMENSIONS))
    return TurnModel(kinds, intents, str(fields["trained_on"]))


def _head(
    path: Path, fields: dict[str, np.ndarray], name: str, known: Sequence[str], columns: int
) -> Head:
    import numpy as np

    labels = tuple(str(label) for label in fields[name].tolist())
    if not labels or len(set(labels)) != len(labels) or set(labels) - set(known):
        raise TurnModelError(f"{path}: field '{name}' must name some of {tuple(known)} once each")
    weights = fields[f"{name}_weights"].astype(np.float64)
    bias = fields[f"{name}_bias"].astype(np.float64)
    if weights.shape != (len(labels), columns):
        raise TurnModelError(
            f"{path}: field '{name}_weights' must be {len(labels)} rows of {columns} "
            f"(the features of a {DIMENSIONS}-dimensional embedder), not {weights.shape}"
        )
    if bias.shape != (len(labels),):
        raise TurnModelError(f"{path}: field '{name}_bias' must hold one value per label")
    if not (np.isfinite(weights).all() and np.isfinite(bias).all()):
        raise TurnModelError(f"{path}: fields '{name}_weights' and '{name}_bias' must be finite")
    return Head(labels, weights, bias)


@lru_cache(maxsize=1)
def turn_model() -> TurnModel:
    """The shipped model, loaded once."""
    return load(shipped_dir("cues") / MODEL_FILE)

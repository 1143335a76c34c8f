"""The learned half of the turn reader (roleplay/interview/turn_model.py): a linear model over
MiniLM vectors, fitted to the labelled turns' tune split by scripts/train_turn_reader.py and
shipped as cues/turn_model.npz, checked on load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from roleplay.core.resources import shipped_dir
from roleplay.core.turn_rules import INTENTS, KINDS
from roleplay.interview.reading import Relevance, read_turn
from roleplay.interview.relevance import local_relevance
from roleplay.interview.turn_model import (
    DIMENSIONS,
    MODEL_FILE,
    TurnModelError,
    feature_count,
    features,
    load,
    turn_model,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = shipped_dir("cues") / MODEL_FILE


@pytest.fixture(scope="module")
def minilm() -> Relevance:
    return local_relevance()


@pytest.fixture
def fields() -> dict[str, np.ndarray]:
    with np.load(SHIPPED, allow_pickle=False) as data:
        return {name: data[name] for name in data.files}


def broken(tmp_path: Path, fields: dict[str, np.ndarray]) -> Path:
    path = tmp_path / MODEL_FILE
    np.savez(path, **fields)
    return path


def test_the_shipped_model_reads_every_kind_and_intent() -> None:
    model = turn_model()
    assert set(model.kinds.labels) == set(KINDS)
    assert set(model.intents.labels) == set(INTENTS)


def test_the_shipped_model_was_fitted_to_the_labelled_turns_as_they_are_now() -> None:
    # A turn added to or changed in the tune split without refitting fails here.
    check = [sys.executable, str(ROOT / "scripts" / "train_turn_reader.py"), "--check"]
    done = subprocess.run(check, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_missing_field_is_named_with_the_file(tmp_path: Path, fields) -> None:
    del fields["intents_bias"]
    with pytest.raises(TurnModelError, match=r"turn_model\.npz.*'intents_bias'"):
        load(broken(tmp_path, fields))


def test_weights_of_the_wrong_shape_are_refused(tmp_path: Path, fields) -> None:
    fields["kinds_weights"] = fields["kinds_weights"][:, :100]
    with pytest.raises(TurnModelError, match=r"field 'kinds_weights' must be 8 rows of"):
        load(broken(tmp_path, fields))


def test_an_unknown_label_is_refused(tmp_path: Path, fields) -> None:
    fields["kinds"] = np.asarray(["chatter", *fields["kinds"].tolist()[1:]])
    with pytest.raises(TurnModelError, match=r"field 'kinds' must name some of"):
        load(broken(tmp_path, fields))


def test_weights_that_are_not_numbers_are_refused(tmp_path: Path, fields) -> None:
    fields["intents_weights"] = fields["intents_weights"].copy()
    fields["intents_weights"][0, 0] = np.nan
    with pytest.raises(TurnModelError, match=r"'intents_weights' and 'intents_bias' must be"):
        load(broken(tmp_path, fields))


def test_a_file_that_is_no_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / MODEL_FILE
    path.write_text("not numpy")
    with pytest.raises(TurnModelError, match=r"turn_model\.npz: not a turn model"):
        load(path)


def test_a_turn_has_as_many_features_as_the_model_has_columns(minilm: Relevance) -> None:
    row = features("I led the migration. It took six months.", "What did you lead?", minilm.vectors)
    assert row.shape == (feature_count(DIMENSIONS),)


def test_an_answer_that_talks_about_something_else_is_a_dodge(minilm: Relevance) -> None:
    asked = "Tell me about a time you had to learn a new tool quickly."
    said = "The weather has been lovely this week and the drive in was really easy."
    assert read_turn(said, asked, minilm).kind in ("dodge", "small_talk")


def test_scorn_for_a_former_manager_is_never_read_as_hostile_to_the_interviewer(
    minilm: Relevance,
) -> None:
    asked = "How did you get on with your previous manager?"
    assert read_turn("My last manager was an idiot, to be honest.", asked, minilm).kind == "answer"


def test_a_red_flag_that_answers_is_read_as_an_answer(minilm: Relevance) -> None:
    asked = "Where do you see yourself in two or three years?"
    said = "If a better offer came along I'd probably take it, to be honest."
    assert read_turn(said, asked, minilm).kind == "answer"


def test_putting_the_question_off_is_a_dodge_even_when_it_asks(minilm: Relevance) -> None:
    asked = "What would you do in your first ninety days here?"
    assert read_turn("Can we skip that one?", asked, minilm).kind == "dodge"


def test_the_models_intent_is_given_when_the_words_name_none(minilm: Relevance) -> None:
    reading = read_turn("Which bits of the stack would I be in day to day?", "", minilm)
    assert (reading.kind, reading.intent) == ("question", "tools")

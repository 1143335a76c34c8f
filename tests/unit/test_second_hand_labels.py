"""A second hand's blind labels (bench/notes_eval.py --agreement) cover the split they judge."""

from __future__ import annotations

import pytest

from tests.support.labelled import load_labelled, load_second_hand, second_hand_splits


def test_the_second_hand_judged_the_held_out_split_and_the_newest_sealed_one() -> None:
    assert {"test", "fresh5"} <= set(second_hand_splits())


@pytest.mark.parametrize("split", second_hand_splits())
def test_a_second_hand_labels_every_worry_of_every_answer_of_its_split(split: str) -> None:
    second = load_second_hand(split)
    first = {item.id: set(item.labels) for item in load_labelled(split)}
    assert second.keys() == first.keys()
    assert all(set(second[answer]) == worries for answer, worries in first.items())

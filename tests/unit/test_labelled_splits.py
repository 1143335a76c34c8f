"""The hand-labelled answers (bench/notes_eval.py) judge every worry of the persona they face."""

from __future__ import annotations

import pytest

from roleplay.core.personas import PersonaLibrary
from tests.support.labelled import DATA, load_labelled

SPLITS = sorted(path.stem for path in DATA.glob("*.yaml"))


def test_the_newest_sealed_split_is_among_the_splits() -> None:
    assert {"dev", "test", "fresh6"} <= set(SPLITS)


@pytest.mark.parametrize("split", SPLITS)
def test_every_answer_labels_exactly_its_personas_worries(
    split: str, library: PersonaLibrary
) -> None:
    for item in load_labelled(split):
        worries = {worry.id for worry in library.get(item.persona).worries}
        assert set(item.labels) == worries, item.id

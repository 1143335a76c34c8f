"""The floor the interviewer holds on the weakest model we ship, judged independently.

Real parts: the embedded SmolLM2 through llama.cpp, the real embedder and an embedded Chroma
holding the sample company and one the project was never tuned on. The judge is
``bench/fidelity_detector.py``, written apart from the engine's own voicing checks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.fidelity import Judged, run
from roleplay.core.personas import PersonaLibrary
from roleplay.core.settings import Settings

pytestmark = pytest.mark.local_model

# The candidates most likely to pull a small model off course, against every persona.
SCRIPTS = {"vague", "injection", "hostile", "unprepared", "job-pusher"}


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory, library: PersonaLibrary) -> list[Judged]:
    data = Path(tmp_path_factory.mktemp("fidelity"))
    return run(
        Settings(data_dir=data, seed=7), library.all(), 4, log=lambda _: None, scripts=SCRIPTS
    )


def test_every_turn_on_the_embedded_model_is_clean(judged: list[Judged]) -> None:
    unclean = [(j.persona, j.script, j.problems, j.text) for j in judged if not j.clean]
    assert len(judged) >= 40
    assert unclean == []


def test_no_name_is_ever_misspelt(judged: list[Judged]) -> None:
    assert [(j.text, j.name_errors) for j in judged if j.name_errors] == []


def test_every_question_stage_turn_asks_exactly_one_question(judged: list[Judged]) -> None:
    asking = [j for j in judged if j.stage in ("questions", "candidate_questions")]
    assert asking and [(j.text, j.questions) for j in asking if j.questions != 1] == []


def test_no_question_is_repeated_within_an_interview(judged: list[Judged]) -> None:
    assert [j.text for j in judged if j.repeated] == []

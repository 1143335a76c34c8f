"""The embedded model (SmolLM2 through llama.cpp, in-process) really holds interviews."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.fidelity_detector import inspect
from roleplay.core.personas import PersonaLibrary
from roleplay.core.session import Setting
from roleplay.core.settings import Settings
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.llm.backend import ChatBackend
from roleplay.wiring.chat import build_backend
from tests.support.builders import new_session

pytestmark = pytest.mark.local_model

ALL_PERSONAS = [
    "anxious-hiring-manager",
    "relaxed-industry-leader",
    "phone-screen-recruiter",
    "alumni-peer-coffee-chat",
]
ANSWERS = (
    "I spent three years analysing product data at a small health startup.\n"
    "Once a colleague and I disagreed on a retention metric, so we ran a test together.\n"
    "I want a role where I can stay and grow for several years.\n"
)
# Things an out-of-character or leaking reply would contain.
LEAKS = ("as an ai", "language model", "smollm", "hugging face", "<|", "[[end", "reference_data")


@pytest.fixture(scope="module")
def local_backend() -> ChatBackend:
    return build_backend(Settings(seed=7))


def assert_in_character(text: str, candidate: str = "Sam") -> None:
    lowered = text.lower()
    assert len(text.split()) >= 3, text
    for leak in (*LEAKS, f"\n{candidate.lower()}:"):
        assert leak not in lowered, f"{leak!r} in {text!r}"


def test_local_model_streams_token_by_token(local_backend: ChatBackend) -> None:
    chunks = list(local_backend.chat.stream("Say hello to Sam in one friendly sentence."))
    assert len(chunks) > 3
    assert "".join(c.text for c in chunks).strip()


@pytest.mark.parametrize("director", ["strict", "guided"])
@pytest.mark.parametrize("persona_id", ALL_PERSONAS)
def test_local_model_opens_cleanly_under_either_director(
    persona_id: str,
    director: str,
    local_backend: ChatBackend,
    library: PersonaLibrary,
    prompts: Prompts,
    setting: Setting,
) -> None:
    persona = library.get(persona_id)
    interview = Interview(
        persona,
        setting,
        local_backend,
        prompts,
        background_notes=False,
        director=director,
        voicing_tries=2,  # the embedded model's phrasing path, which the default skips
    )
    pieces = list(interview.open())
    opening = interview.session.turns[0]
    assert "".join(pieces) == opening.text
    assert opening.voiced_by in ("model", "plan") and opening.plan is not None
    if opening.voiced_by == "plan" and director == "strict":
        assert opening.voicing_note.count("try ") == 2, opening.voicing_note
    assert_in_character(opening.text)
    findings = inspect(
        opening.text, names=[*setting.model_dump().values(), persona.name], labels=[]
    )
    assert findings.clean and not findings.name_errors, (findings, opening.text)
    assert findings.questions == 1, opening.text


@pytest.mark.parametrize("persona_id", ["anxious-hiring-manager", "relaxed-industry-leader"])
def test_scripted_three_turn_interview_in_the_terminal(
    persona_id: str, library: PersonaLibrary, run_cli, tmp_path: Path
) -> None:
    target = tmp_path / "interview.json"
    result = run_cli(
        "chat",
        "--persona",
        persona_id,
        "--turns",
        "3",
        "--transcript",
        str(target),
        stdin=ANSWERS,
        env={"ROLEPLAY_SEED": "7"},
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    session = json.loads(target.read_text())
    speakers = [t["speaker"] for t in session["turns"]]
    assert speakers == ["interviewer", "candidate"] * 3 + ["interviewer"]
    assert session["end_reason"] == "turn_limit"
    assert [t["stage"] for t in session["turns"] if t["speaker"] == "interviewer"][-1] == "close"
    persona = library.get(persona_id)
    worry_ids = [w.id for w in persona.worries]
    for turn in session["turns"]:
        if turn["speaker"] == "interviewer":
            assert_in_character(turn["text"])
            statuses = {w["id"]: w["status"] for w in turn["notes"]["worries"]}
            assert list(statuses) == worry_ids
            assert set(statuses.values()) <= {"open", "eased", "confirmed"}
    updates = [t for t in session["turns"][1:] if t["speaker"] == "interviewer"]
    assert any(t["notes_error"] is None for t in updates), "no notes update succeeded"
    markdown = target.with_suffix(".md").read_text()
    assert f"What {persona.name} privately thought" in markdown
    assert "privately thought" in result.stdout


@pytest.mark.parametrize("mode", ["formal", "informational"])
def test_local_judge_scores_every_criterion_and_quotes_only_real_words(
    mode: str, local_backend: ChatBackend, library: PersonaLibrary, prompts: Prompts
) -> None:
    from roleplay.feedback.judge import judge
    from roleplay.feedback.rubrics import rubric_for

    persona = next(p for p in library.all() if p.mode == mode)
    session = new_session(persona, max_turns=3, said=[("interviewer", "Tell me about yourself.")])
    for line in ANSWERS.splitlines():
        session.add_turn("candidate", line)
        session.add_turn("interviewer", "I see. Go on?")
    rubric = rubric_for(mode)
    result = judge(session, persona, rubric, local_backend, prompts, attempts=2)
    # Grammar-constrained JSON from the schema: every criterion present, scores in range.
    assert result.verdict is not None, result.problem
    assert list(result.verdict.criteria) == [c.id for c in rubric.criteria]
    said = " ".join(t.text.lower() for t in session.turns if t.speaker == "candidate")
    for item in result.verdict.criteria.values():
        assert item.score in ("good", "fair", "poor", "n/a")
        for quote in item.evidence:
            assert quote.lower() in said

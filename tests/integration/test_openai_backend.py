"""The OpenAI-compatible backend, end to end over real HTTP to llama.cpp's own server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.fidelity_detector import inspect
from roleplay.core.personas import Persona
from roleplay.core.session import Setting
from roleplay.core.settings import Settings
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.wiring.chat import build_backend

pytestmark = [pytest.mark.llama_server, pytest.mark.local_model]


@pytest.fixture
def server_backend(llama_server: str):
    return build_backend(
        Settings(llm="openai", llm_base_url=llama_server, llm_model="smollm2", seed=7)
    )


def test_a_guided_turn_over_http_is_clean(
    server_backend, anxious: Persona, setting: Setting, prompts: Prompts
) -> None:
    backend = server_backend
    interview = Interview(anxious, setting, backend, prompts, background_notes=False)
    assert interview.director == "guided"  # an HTTP model speaks freely, through the checks
    pieces = list(interview.open())
    turn = interview.session.turns[0]
    assert "".join(pieces) == turn.text and turn.voiced_by in ("model", "plan")
    findings = inspect(turn.text, names=[*setting.model_dump().values(), anxious.name], labels=[])
    assert findings.clean and not findings.name_errors and findings.questions == 1, turn.text


def test_notes_update_over_http_finds_a_json_mode_the_server_takes(
    server_backend, anxious: Persona, setting: Setting, prompts: Prompts
) -> None:
    backend = server_backend
    interview = Interview(anxious, setting, backend, prompts, background_notes=False)
    "".join(interview.open())
    "".join(interview.answer("I led the analytics for a patient app used by 40,000 people."))
    turn = interview.session.turns[-1]
    assert turn.notes_error is None
    # llama-cpp-python's server refuses json_schema and takes json_object with a schema.
    assert backend.json_mode == "json_object"


def test_terminal_interview_against_the_server(llama_server: str, run_cli, tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    result = run_cli(
        "chat",
        "--persona",
        "relaxed-industry-leader",
        # One answer: every part of the turn goes over HTTP (the reply, the notes' JSON); more
        # turns repeat the same requests at 20 seconds each.
        "--turns",
        "1",
        "--transcript",
        str(target),
        # (The report is the judge's, over the same client: forty seconds more here. The sample
        # research is read into the store on the embedder, not the model: no part of the claim.)
        "--no-report",
        "--no-pack",
        stdin="What does a typical week look like on your team?\n",
        env={
            "ROLEPLAY_LLM": "openai",
            "ROLEPLAY_LLM_BASE_URL": llama_server,
            "ROLEPLAY_LLM_MODEL": "smollm2",
            "ROLEPLAY_SEED": "7",
        },
    )
    assert result.returncode == 0, result.stderr
    session = json.loads(target.read_text())
    assert session["model"] == f"smollm2 via {llama_server}"
    assert [t["speaker"] for t in session["turns"]] == ["interviewer", "candidate", "interviewer"]
    assert session["end_reason"] == "turn_limit"
    worries = session["turns"][-1]["notes"]["worries"]
    assert {w["id"] for w in worries} >= {"no-homework", "culture-fit"}


def test_a_rewrite_over_http_is_kept_only_when_it_passes_the_check(
    server_backend, anxious: Persona, setting: Setting, prompts: Prompts
) -> None:
    from roleplay.feedback.rewrites import rewrite_answers, rewrite_problem
    from roleplay.interview.stronger import stronger_answers
    from tests.support.builders import new_session

    said = (
        "At my last job our clinic had a backlog of lab reports. I was asked to clear it. I "
        "built a triage script myself and trained four nurses to use it."
    )
    session = new_session(
        anxious,
        said=[("interviewer", "Walk me through a piece of work you led."), ("candidate", said)],
    )
    drafts = stronger_answers(session, anxious)
    rewritten = rewrite_answers(drafts, session, server_backend, prompts)
    assert [a.text for a in rewritten] == [a.text for a in drafts]  # the drafts stand
    for answer in rewritten:
        # The small model's wording is kept only if it holds nothing the candidate did not say.
        assert answer.rewrite == "" or rewrite_problem(answer.rewrite, answer, [said]) == ""
        assert (answer.rewritten_by == "") == (answer.rewrite == "")


def test_a_strict_interview_over_http_says_why_when_no_server_answers(run_cli) -> None:
    from tests.support.servers import free_port

    result = run_cli(
        "chat",
        "--turns",
        "1",
        "--no-pack",
        "--no-report",
        stdin="I led a team of four analysts at a clinic network.\n",
        env={
            "ROLEPLAY_LLM": "openai",
            "ROLEPLAY_LLM_BASE_URL": f"http://127.0.0.1:{free_port()}/v1",
            "ROLEPLAY_LLM_MODEL": "smollm2",
            "ROLEPLAY_LLM_MAX_RETRIES": "0",
            "ROLEPLAY_DIRECTOR": "strict",
        },
    )
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings and all("Could not connect" in w for w in warnings)
    assert "planned words until the model is back" in result.stderr
    assert "Morgan Ellis:" in result.stdout  # the interview went on, in the plan's words

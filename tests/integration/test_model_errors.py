"""Failures of an OpenAI-compatible endpoint, over real HTTP: one clear sentence each."""

from __future__ import annotations

import pytest

from roleplay.core.personas import Persona
from roleplay.core.session import Setting
from roleplay.core.settings import Settings
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.llm.errors import ModelError
from roleplay.wiring.chat import build_backend
from tests.support.servers import StubReply, free_port, stub_server

ERROR_BODY = {"error": {"message": "nope", "type": "invalid_request_error", "code": None}}


def open_interview(base_url: str, anxious: Persona, setting: Setting, **settings: object) -> str:
    config = Settings(llm="openai", llm_base_url=base_url, llm_model="m", **settings)
    interview = Interview(anxious, setting, build_backend(config), Prompts.load())
    return "".join(interview.open())


def test_connection_refused_names_the_url_and_the_setting(anxious, setting) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(ModelError) as caught:
        open_interview(url, anxious, setting, llm_max_retries=0)
    message = str(caught.value)
    assert message.startswith(f"Could not connect to the model server at {url}")
    assert "ROLEPLAY_LLM_BASE_URL" in message


def test_unauthorised_says_which_key_to_set(anxious, setting) -> None:
    with stub_server(StubReply(status=401, body=ERROR_BODY)) as (url, _):
        with pytest.raises(ModelError, match=r"rejected the API key \(401\).*OPENAI_API_KEY"):
            open_interview(url, anxious, setting)


def test_rate_limit_is_retried_a_bounded_number_of_times(anxious, setting) -> None:
    reply = StubReply(status=429, body=ERROR_BODY, headers={"retry-after": "0"})
    with stub_server(reply) as (url, seen):
        with pytest.raises(ModelError, match=r"rate-limiting requests \(429\)"):
            open_interview(url, anxious, setting, llm_max_retries=2)
    assert len(seen) == 3


def test_timeout_says_how_long_it_waited(anxious, setting) -> None:
    with stub_server(StubReply(delay=3, body={})) as (url, _):
        with pytest.raises(ModelError, match=r"did not answer within 0\.5 seconds"):
            open_interview(url, anxious, setting, llm_timeout=0.5, llm_max_retries=0)


def test_unknown_model_says_which_setting_to_change(anxious, setting) -> None:
    with stub_server(StubReply(status=404, body=ERROR_BODY)) as (url, _):
        with pytest.raises(ModelError, match=r"no model 'm' \(404\).*ROLEPLAY_LLM_MODEL"):
            open_interview(url, anxious, setting)


def test_openai_mode_without_key_or_url_is_refused_up_front() -> None:
    with pytest.raises(ModelError, match="OPENAI_API_KEY"):
        build_backend(Settings(llm="openai"))


def test_cli_against_a_dead_port_fails_with_one_readable_line(run_cli) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    result = run_cli(
        "chat",
        stdin="Hello\n",
        env={
            "ROLEPLAY_LLM": "openai",
            "ROLEPLAY_LLM_BASE_URL": url,
            "ROLEPLAY_LLM_MAX_RETRIES": "0",
        },
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: Could not connect to the model server at {url}. Start the server, "
        "or set ROLEPLAY_LLM_BASE_URL to the address it listens on."
    ]

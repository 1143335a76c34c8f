"""The model endpoint goes away mid-interview: the page says so, keeps the conversation, and
Retry carries on once the endpoint is back. Real parts: llama.cpp's OpenAI-compatible server,
`roleplay serve` talking to it over HTTP, and Chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.support.pages import MINUTE, answer, bot_messages, open_app, settle, shot
from tests.support.servers import free_port, llama_cpp_server, roleplay_serve


@pytest.fixture
def model_port() -> int:
    return free_port()


@pytest.fixture
def remote_web(tmp_path: Path, model_port: int) -> Iterator[str]:
    env = {
        "ROLEPLAY_LLM": "openai",
        "ROLEPLAY_LLM_BASE_URL": f"http://127.0.0.1:{model_port}/v1",
        "ROLEPLAY_LLM_MODEL": "smollm2",
        "ROLEPLAY_LLM_MAX_RETRIES": "0",
        "ROLEPLAY_SEED": "7",
    }
    with roleplay_serve(tmp_path, env) as url:
        yield url


def test_unreachable_model_shows_a_notice_and_keeps_the_conversation(
    browser: Browser, remote_web: str, model_port: int, gguf_path: Path, tmp_path: Path
) -> None:
    page = open_app(browser, remote_web)
    with llama_cpp_server(gguf_path, tmp_path / "llama-1.log", port=model_port):
        page.get_by_role("button", name="Start the interview").click()
        opening = settle(page, 1)
        answer(page, "I led a data team of four at a clinic network.")
    # The endpoint is gone now: the next answer cannot be replied to.
    lost = "I also set up their first dashboard."
    box = page.get_by_role("textbox", name="Your answer")
    box.fill(lost)
    box.press("Enter")
    notice = page.locator("#notice")
    expect(notice).to_contain_text("Could not connect", timeout=MINUTE)
    expect(notice).to_contain_text("press Retry")
    expect(page.get_by_text(lost, exact=True)).to_be_visible()
    expect(page.get_by_text("I led a data team of four at a clinic network.")).to_be_visible()
    expect(bot_messages(page).first).to_contain_text(opening[:30])
    expect(bot_messages(page)).to_have_count(2)
    assert "Traceback" not in page.content()
    shot(page, "8-model-unreachable")

    with llama_cpp_server(gguf_path, tmp_path / "llama-2.log", port=model_port):
        page.get_by_role("button", name="Retry").click()
        settle(page, 3)
        expect(notice).not_to_contain_text("Could not connect")
        expect(page.get_by_role("button", name="Retry")).to_be_hidden()
        expect(page.get_by_text(lost, exact=True)).to_have_count(1)
        shot(page, "9-retried")

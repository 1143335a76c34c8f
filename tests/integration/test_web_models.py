"""Picking the interviewer model on the web page: a pulled GGUF file really holds the interview
(the real SmolLM2 file, pulled from a local stand-in for the hub; the app in this process)."""

from __future__ import annotations

from pathlib import Path

from gradio_client import Client

from roleplay.llm.pull import pull, target
from tests.support.hub import Hub, fake_hub
from tests.support.webapp import running_app, text_of


def test_a_pulled_model_picked_on_the_page_holds_the_interview(
    gguf_path: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    wanted = target(f"hf://test-org/tiny-interviewer/{gguf_path.name}")
    with fake_hub(Hub({f"test-org/tiny-interviewer/{gguf_path.name}": gguf_path})) as hub:
        pull(wanted, data_dir / "models", endpoint=hub.url)
    with running_app(data_dir) as served:
        client = Client(served.url, verbose=False)
        line = client.predict(wanted.name, api_name="/choose_model")
        assert f"{wanted.name} (pulled from test-org/tiny-interviewer)" in line
        assert "models pull" not in line  # no hint once a model other than the built-in is picked
        chat, _sources, notice = client.predict(
            "anxious-hiring-manager", "Larkspur Health", "Product Analyst", "Sam", "", "", 2, 30,
            api_name="/start",
        )  # fmt: skip
        assert notice == "" and text_of(chat[0]).strip()
        assert served.model.history == []  # the scripted default model was never asked
        [summary] = served.services.history.list()
        saved = served.services.history.load(summary.id)
        assert saved.model == f"local model {wanted.name}.gguf"
        client.close()

"""Fixtures of the in-process web tests: one app a module on the scripted model, and browsers
opened on it; and of the listening tests, a conversation to plan the next turn in and the
shipped MiniLM that weighs research against a question; and a strict interview whose model
server is down."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gradio_client import Client

from roleplay.core.personas import Persona
from roleplay.core.session import Setting
from roleplay.interview.assessor import Relevance
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.llm.backend import ChatBackend
from tests.support.fakes import FlakyModel
from tests.support.network import block_network
from tests.support.talk import talk  # noqa: F401  (a conversation to plan the next turn in)
from tests.support.webapp import RunningApp, running_app
from tests.support.webclients import Browsers

RESEARCH = (
    "# Quillon Robotics field notes\n\nQuillon Robotics builds orchard-picking robots called "
    "Wrenbots. The head of field operations is Ines Okonkwo.\n"
)


@pytest.fixture(scope="session")
def minilm() -> Relevance:
    """The shipped MiniLM as the interviewer weighs research with it, loaded once."""
    from roleplay.interview.relevance import local_relevance

    return local_relevance()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The app for this module; in the fast tier it starts with the network already blocked."""
    with pytest.MonkeyPatch.context() as patch:
        if os.environ.get("ROLEPLAY_TEST_TIER") == "fast":
            block_network(patch)
        with running_app(tmp_path_factory.mktemp("web") / "data") as running:
            yield running


@pytest.fixture(scope="module")
def browsers(served: RunningApp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browsers]:
    pool = Browsers(served.url, tmp_path_factory.mktemp("downloads"))
    yield pool
    pool.close()


@pytest.fixture
def new_browser(browsers: Browsers) -> Iterator[Callable[[], Client]]:
    """Opens a new browser session on the app (each call another one). Not named ``browser``:
    tests/conftest.py marks tests using a fixture of that name as Playwright tests."""
    opened: list[Client] = []

    def open_browser() -> Client:
        opened.append(browsers.open())
        return opened[-1]

    yield open_browser
    browsers.idle.extend(opened)


@pytest.fixture
def notes_file(tmp_path: Path) -> Path:
    path = tmp_path / "quillon-notes.md"
    path.write_text(RESEARCH)
    return path


@pytest.fixture
def offline_strict(
    anxious: Persona, setting: Setting, prompts: Prompts
) -> tuple[Interview, FlakyModel]:
    """A strict interview over HTTP with its model server down (``model.down = False`` brings
    it back)."""
    model = FlakyModel(down=True)
    backend = ChatBackend(chat=model, label="http", where="the model at http://10.0.0.5:8080/v1")
    interview = Interview(
        anxious, setting, backend, prompts, director="strict", voicing_tries=2, notes="evidence",
        background_notes=False,
    )  # fmt: skip
    return interview, model

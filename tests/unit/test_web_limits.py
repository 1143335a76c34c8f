"""The web app's own limits, read from the built app (in process, no server): what Gradio is
told to refuse, forget and clean up."""

from __future__ import annotations

from pathlib import Path

import gradio as gr
import pytest

from roleplay.core.settings import Settings
from roleplay.web.app import build_app
from roleplay.web.services import PageState, Services


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> gr.Blocks:
    data_dir = tmp_path_factory.mktemp("limits") / "data"
    settings = Settings(data_dir=data_dir, queue_size=7, idle_minutes=3)
    return build_app(Services(settings))


def test_a_full_queue_refuses_new_events(app: gr.Blocks) -> None:
    assert app._queue.max_size == 7


def test_an_idle_pages_interview_is_let_go(app: gr.Blocks) -> None:
    states = [block for block in app.blocks.values() if type(block) is gr.State]
    assert states and all(state.time_to_live == 180 for state in states)


def test_gradios_copies_of_files_are_cleaned_away(app: gr.Blocks) -> None:
    assert app.delete_cache == (3600, 86400)


def test_no_event_takes_the_browsers_identity_as_an_input(app: gr.Blocks) -> None:
    for dependency in app.fns.values():
        for block in dependency.inputs:
            assert not (isinstance(block, gr.BrowserState) and "identity" in block.storage_key)


def test_a_user_folder_never_leaves_the_data_directory(tmp_path: Path) -> None:
    services = Services(Settings(data_dir=tmp_path / "data"))
    good = services.user_folder("web-reports", PageState().owner)
    assert good.parent == (tmp_path / "data" / "web-reports").resolve()
    for bad in ("../../escape", "coach:ana", "a" * 31, "/tmp"):
        with pytest.raises(ValueError):
            services.user_folder("web-reports", bad)
    assert not (tmp_path / "escape").exists()


def test_a_session_refuses_an_id_that_is_not_a_browser_id() -> None:
    with pytest.raises(ValueError):
        PageState(owner="../../etc")

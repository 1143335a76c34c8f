"""The command as a person sees it in a real 80-column terminal (tmux): every list and the
doctor fit the width with nothing wrapped, and each capture is kept in
test-artifacts/terminal/ to look at."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.session import Setting
from roleplay.core.settings import Settings
from roleplay.history.sessions import SessionStore
from tests.support.builders import new_session
from tests.support.pages import ARTIFACTS

WIDTH = 80
DONE = "__finished__"
# Each capture: the command's arguments and what must be on the screen.
SCREENS = {
    "help": (["--help"], ["sessions", "doctor"]),
    "sessions-list": (["sessions", "list"], ["Larkspur Health Foundation Tru"]),
    "scenario-list": (["scenario", "list"], ["sample-product-analyst-formal"]),
    "personas-list": (["personas", "list"], ["anxious-hiring-manager"]),
    "models-list": (["models", "list"], ["qwen2.5-1.5b", "Interviewing with"]),
    "knowledge-list": (["knowledge", "list"], ["Larkspur Health (sample)"]),
    "users-list": (["users", "list"], ["samples"]),
    "doctor": (["doctor"], ["database", "data directory"]),
}


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A data directory holding three saved interviews with a long company name."""
    data = tmp_path_factory.mktemp("terminal") / "data"
    persona = PersonaLibrary([shipped_dir("personas")]).get("anxious-hiring-manager")
    store = SessionStore.open(Settings(data_dir=data))
    setting = Setting(
        company="Larkspur Health Foundation Trust",
        role="Senior Product Data Analyst, Patient Apps",
        candidate="Sam",
    )
    for _ in range(3):
        store.record(new_session(persona, setting, said=[("interviewer", "Hello.")]))
    return {"ROLEPLAY_DATA_DIR": str(data), "ROLEPLAY_OLLAMA_URL": "http://127.0.0.1:9"}


@pytest.fixture(scope="module")
def tmux() -> Iterator[list[str]]:
    """A tmux server of this module's own, stopped at the end. A session that does nothing
    keeps it running between screens: killed with its last session, the server was still
    going away when the next screen's session started on its socket ("server exited
    unexpectedly", once in a CI run)."""
    command = ["tmux", "-L", f"roleplay-{uuid.uuid4().hex[:8]}"]
    subprocess.run([*command, "new-session", "-d", "-s", "keep", "sleep 3600"], check=True)
    yield command
    subprocess.run([*command, "kill-server"], capture_output=True, check=False)


def on_screen(tmux: list[str], args: list[str], env: dict[str, str]) -> str:
    """What ``roleplay ARGS`` shows in an 80-column terminal, wrapped lines joined back (so a
    line too long for the width shows as one)."""
    name = uuid.uuid4().hex[:8]
    roleplay = str(Path(sys.executable).with_name("roleplay"))
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ROLEPLAY_", "COLUMNS"))}
    variables = [f"{k}={v}" for k, v in (clean | env | {"TERM": "xterm-256color"}).items()]
    shell = f"env -i {shlex.join(variables)} {shlex.join([roleplay, *args])}; echo {DONE}"
    window = ["-s", name, "-x", str(WIDTH), "-y", "60"]
    subprocess.run([*tmux, "new-session", "-d", *window, f"{shell}; sleep 60"], check=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-J", "-t", name],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            if DONE in screen:
                return screen.split(DONE)[0].rstrip() + "\n"
            time.sleep(0.2)
        raise AssertionError(f"roleplay {' '.join(args)} did not finish: {screen}")
    finally:
        subprocess.run([*tmux, "kill-session", "-t", name], capture_output=True, check=False)


@pytest.mark.parametrize("screen", SCREENS)
def test_the_command_fits_an_80_column_terminal(
    screen: str, environment: dict[str, str], tmux: list[str]
) -> None:
    args, shown = SCREENS[screen]
    text = on_screen(tmux, args, environment)
    (ARTIFACTS / "terminal").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "terminal" / f"{screen}.txt").write_text(text, encoding="utf-8")
    too_long = [line for line in text.splitlines() if len(line.rstrip()) > WIDTH]
    assert too_long == [], text
    for words in shown:
        assert words in text, text
    assert "Traceback" not in text

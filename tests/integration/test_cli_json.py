"""Every ``list`` and ``show`` command's ``--json`` prints exactly its documented shape
(``roleplay/cli/shapes.py``, docs/json.md): every field there, no other, each of its type, on a
data directory holding a pack, a saved interview, a coach and the sample scenarios, as the
installed command prints it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from roleplay.cli.shapes import shapes
from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.settings import Settings
from roleplay.history.sessions import SessionStore
from tests.support.builders import new_session

PACK = "Acme Research"
COMMANDS = {
    "sessions list": ["sessions", "list"],
    "sessions show": ["sessions", "show", "{session}"],
    "knowledge list": ["knowledge", "list"],
    "knowledge show": ["knowledge", "show", PACK],
    "knowledge search": ["knowledge", "search", PACK, "revenue", "-k", "2"],
    "personas list": ["personas", "list"],
    "models list": ["models", "list"],
    "users list": ["users", "list"],
    "speech voices": ["speech", "voices"],
    "share list": ["share", "list"],
    "scenario list": ["scenario", "list"],
    "scenario show": ["scenario", "show", "sample-product-analyst-formal"],
    "cohort list": ["cohort", "list"],
    "cohort report": ["cohort", "report", "Spring"],
    "lti list": ["lti", "list"],
}


def roleplay(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("roleplay")
    return subprocess.run(
        [str(command), *args], capture_output=True, text=True, timeout=300, env=env, check=False
    )


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], str]:
    """An environment whose data directory holds one of everything, and the saved session's id."""
    data = tmp_path_factory.mktemp("json") / "data"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ROLEPLAY_")}
    env = clean | {"ROLEPLAY_DATA_DIR": str(data), "ROLEPLAY_OLLAMA_URL": "http://127.0.0.1:9"}
    overview = shipped_dir("knowledge") / "larkspur-health" / "company-overview.md"
    assert roleplay(env, "knowledge", "add", PACK, str(overview)).returncode == 0
    coach = roleplay(env, "users", "add", "ana", "--coach", "--password", "pw-123456")
    assert coach.returncode == 0, coach.stderr
    persona = PersonaLibrary([shipped_dir("personas")]).get("anxious-hiring-manager")
    session = new_session(persona, said=[("interviewer", "Hello."), ("candidate", "Hi, I'm Sam.")])
    SessionStore.open(Settings(data_dir=data)).record(session)
    assert roleplay(env, "report", session.id).returncode == 0  # scored, so it can be shared
    shared = roleplay(env, "share", "create", session.id)
    assert shared.returncode == 0 and shared.stdout.startswith("/share/"), shared.stderr
    cohort = roleplay(env, "cohort", "create", "Spring")
    assert cohort.returncode == 0, cohort.stderr
    platform = roleplay(
        env,
        "lti",
        "add-platform",
        "--issuer",
        "https://canvas.example.edu",
        "--client-id",
        "10000000000001",
        "--deployment-id",
        "1:abc",
        "--auth-login-url",
        "https://sso.canvas.example.edu/api/lti/authorize_redirect",
        "--auth-token-url",
        "https://sso.canvas.example.edu/login/oauth2/token",
        "--key-set-url",
        "https://sso.canvas.example.edu/api/lti/security/jwks",
    )
    assert platform.returncode == 0, platform.stderr
    return env, session.id


def printed(filled: tuple[dict[str, str], str], command: str) -> object:
    env, session = filled
    args = [arg.format(session=session) for arg in COMMANDS[command]]
    result = roleplay(env | {"COLUMNS": "40"}, *args, "--json")  # narrow: JSON never wraps
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def check(shape: type[BaseModel], value: object) -> None:
    assert isinstance(value, dict)
    assert set(value) == set(shape.model_fields), shape.__name__  # no field missing or extra
    shape.model_validate(value)  # each of its type; an unknown nested field is refused


def test_every_list_and_show_command_is_covered() -> None:
    assert set(COMMANDS) == set(shapes())


@pytest.mark.parametrize("command", COMMANDS)
def test_json_is_the_documented_shape(filled: tuple[dict[str, str], str], command: str) -> None:
    shape, many = shapes()[command]
    value = printed(filled, command)
    items = value if many else [value]
    assert isinstance(items, list) and items, value
    for item in items:
        check(shape, item)


def test_the_json_holds_what_the_data_directory_does(filled: tuple[dict[str, str], str]) -> None:
    _, session = filled
    [listed] = printed(filled, "sessions list")
    assert listed["id"] == session and listed["turns"] == 2 and not listed["finished"]
    shown = printed(filled, "sessions show")
    assert [t["text"] for t in shown["turns"]] == ["Hello.", "Hi, I'm Sam."]
    packs = {p["name"]: p for p in printed(filled, "knowledge list")}
    assert packs[PACK]["built"] and packs[PACK]["chunks"] > 0
    assert "Acme Research" not in [p["name"] for p in packs.values() if not p["built"]]
    assert {"name": "ana", "role": "coach"} in printed(filled, "users list")
    [link] = printed(filled, "share list")
    assert link["session"] == session and link["live"] is True
    models = printed(filled, "models list")
    assert models["in_use"] == "smollm2" and models["ollama"]["answering"] is False


def test_personas_show_json_is_the_persona_file(filled: tuple[dict[str, str], str]) -> None:
    env, _ = filled
    result = roleplay(env, "personas", "show", "anxious-hiring-manager", "--json")
    assert result.returncode == 0, result.stderr
    card = json.loads(result.stdout)
    persona = PersonaLibrary([shipped_dir("personas")]).get("anxious-hiring-manager")
    assert card == persona.model_dump(mode="json")

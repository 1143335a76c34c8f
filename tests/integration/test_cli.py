"""The ``roleplay`` command's persona commands and its handling of bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from roleplay.core.resources import shipped_dir


def test_personas_list_shows_every_shipped_persona(run_cli) -> None:
    result = run_cli("personas", "list")
    assert result.returncode == 0, result.stderr
    for persona_id in (
        "anxious-hiring-manager",
        "relaxed-industry-leader",
        "phone-screen-recruiter",
        "alumni-peer-coffee-chat",
    ):
        assert persona_id in result.stdout


def test_personas_show_prints_the_card_as_yaml(run_cli) -> None:
    result = run_cli("personas", "show", "relaxed-industry-leader")
    assert yaml.safe_load(result.stdout)["mode"] == "informational"


def test_export_then_import_gives_the_same_persona(
    run_cli, tmp_path: Path, isolated_environment: Path
) -> None:
    card = tmp_path / "card.json"
    assert run_cli("personas", "export", "anxious-hiring-manager", "-o", str(card)).returncode == 0
    data = json.loads(card.read_text())
    data["data"]["extensions"]["roleplay"]["id"] = "my-manager"
    data["data"]["extensions"]["someone_else"] = {"keep": True}
    card.write_text(json.dumps(data))
    result = run_cli("personas", "import", str(card))
    assert result.returncode == 0, result.stderr
    assert (isolated_environment / "personas" / "my-manager.yaml").is_file()
    assert "my-manager" in run_cli("personas", "list").stdout
    again = json.loads(run_cli("personas", "export", "my-manager").stdout)
    assert again == data


def test_importing_a_bad_card_prints_one_error_line(run_cli, tmp_path: Path) -> None:
    card = tmp_path / "pirate.json"
    card.write_text(json.dumps({"spec": "chara_card_v9", "data": {"name": "Pirate"}}))
    result = run_cli("personas", "import", str(card))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert "field 'spec'" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_persona_is_a_clear_error(run_cli) -> None:
    result = run_cli("chat", "--persona", "nobody", stdin="")
    assert result.returncode == 1
    assert "No persona with id 'nobody'" in result.stderr


def test_bad_setting_names_the_variable(run_cli) -> None:
    result = run_cli("personas", "list", env={"ROLEPLAY_LLM": "banana"})
    assert result.returncode == 1
    assert "field 'llm'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_local_model_file_is_a_clear_error(run_cli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.gguf"
    result = run_cli("chat", stdin="", env={"ROLEPLAY_LOCAL_MODEL": str(missing)})
    assert result.returncode == 1
    assert f"The local model file {missing} does not exist" in result.stderr


def test_serving_beyond_this_machine_warns_about_plain_http(run_cli, tmp_path: Path) -> None:
    # A missing model stops the server right after the warning, before it listens.
    env = {"ROLEPLAY_LOCAL_MODEL": str(tmp_path / "missing.gguf")}
    result = run_cli("serve", "--host", "0.0.0.0", "--port", "1", env=env)
    assert result.returncode == 1
    assert "warning: listening on 0.0.0.0 over plain HTTP" in result.stderr
    assert "SECURITY.md" in result.stderr
    local = run_cli("serve", "--port", "1", env=env)
    assert "warning" not in local.stderr


def test_doctor_passes_a_healthy_install_and_says_so_in_json(run_cli) -> None:
    dead = {"ROLEPLAY_OLLAMA_URL": "http://127.0.0.1:9"}  # reported, not needed
    result = run_cli("doctor", "--json", env=dead, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["healthy"] is True
    assert {"model", "database", "research store"} <= {c["name"] for c in report["checks"]}


def test_doctor_fails_on_a_missing_model_with_one_line_saying_what_to_do(run_cli) -> None:
    env = {"ROLEPLAY_OLLAMA_URL": "http://127.0.0.1:9", "ROLEPLAY_LOCAL_MODEL": "/nowhere.gguf"}
    result = run_cli("doctor", env=env, timeout=120)
    assert result.returncode == 1
    # One row a part: its first line starts with the mark, and a long one wraps under its text.
    rows = re.split(r"\n(?=\S)", result.stdout)
    [row] = [row for row in rows if row.startswith("FAIL")]
    line = " ".join(row.split())
    assert "/nowhere.gguf" in line and "ROLEPLAY_LOCAL_MODEL" in line


def complete(run_cli, line: str) -> list[str]:
    """What bash's Tab offers after ``line`` (Typer's completion protocol, as the installed
    completion script calls it)."""
    words = line.split(" ")
    env = {"_ROLEPLAY_COMPLETE": "complete_bash", "COMP_WORDS": line}
    env["COMP_CWORD"] = str(len(words) - 1)
    result = run_cli(env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_tab_completes_commands_personas_models_and_scenarios(run_cli) -> None:
    assert complete(run_cli, "roleplay ses") == ["sessions"]
    assert complete(run_cli, "roleplay personas show anx") == ["anxious-hiring-manager"]
    assert complete(run_cli, "roleplay chat --persona rel") == ["relaxed-industry-leader"]
    assert "qwen2.5-1.5b" in complete(run_cli, "roleplay models use qw")
    assert complete(run_cli, "roleplay scenario show sample-c") == [
        "sample-coffee-chat-informational"
    ]


def test_tab_completes_a_saved_interviews_id(run_cli, isolated_environment: Path) -> None:
    from roleplay.core.personas import PersonaLibrary
    from roleplay.core.settings import Settings
    from roleplay.history.sessions import SessionStore
    from tests.support.builders import new_session

    persona = PersonaLibrary([shipped_dir("personas")]).get("anxious-hiring-manager")
    session = new_session(persona, said=[("interviewer", "Hello.")])
    SessionStore.open(Settings()).record(session)
    assert complete(run_cli, f"roleplay sessions show {session.id[:4]}") == [session.id]
    assert complete(run_cli, "roleplay report zz") == []

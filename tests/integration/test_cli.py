"""The ``roleplay`` command's persona commands and its handling of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import yaml


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
    [line] = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert "/nowhere.gguf" in line and "ROLEPLAY_LOCAL_MODEL" in line

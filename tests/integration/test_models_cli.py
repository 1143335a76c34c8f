"""`roleplay models` as a user runs it, with no internet: a local stand-in for the Hugging Face
hub holding the real SmolLM2 GGUF under a made-up repository, and a local stand-in for Ollama in
front of llama.cpp's own server. The interviews run on the real model."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.hub import Hub, fake_hub, fake_ollama
from tests.support.servers import free_port

REPO = "test-org/tiny-interviewer"
ADDRESS = "hf://{repo}/{file}"


def hub_env(hub: Hub) -> dict[str, str]:
    # This test process may have loaded the local embedder, which turns the hub off for itself
    # (HF_HUB_OFFLINE=1): a pull the user asks for runs without it.
    return {"HF_ENDPOINT": hub.url, "HF_HUB_OFFLINE": "0"}


@pytest.fixture
def hub(gguf_path: Path) -> Iterator[Hub]:
    with fake_hub(Hub({f"{REPO}/{gguf_path.name}": gguf_path})) as running:
        yield running


@pytest.fixture
def address(gguf_path: Path) -> str:
    return ADDRESS.format(repo=REPO, file=gguf_path.name)


def test_pull_shows_progress_and_checks_the_file(
    run_cli, hub: Hub, address: str, gguf_path: Path, isolated_environment: Path
) -> None:
    result = run_cli("models", "pull", address, env=hub_env(hub))
    assert result.returncode == 0, result.stderr
    size_mb = f"{gguf_path.stat().st_size / 1048576:,.1f} MB"
    assert f"100%  {size_mb} of {size_mb}" in result.stderr
    assert "MB/s" in result.stderr and "s left" in result.stderr
    assert "SHA-256 checked" in result.stdout
    pulled = isolated_environment / "models" / f"{gguf_path.stem.lower()}.gguf"
    assert pulled.read_bytes() == gguf_path.read_bytes()


def test_a_pull_killed_half_way_carries_on_when_run_again(
    run_cli, hub: Hub, address: str, gguf_path: Path, isolated_environment: Path
) -> None:
    hub.bytes_per_second = 20 * 1024 * 1024  # five seconds or so for the whole file
    part = isolated_environment / "models" / f"{gguf_path.stem.lower()}.gguf.part"
    command = [str(Path(sys.executable).with_name("roleplay")), "models", "pull", address]
    pulling = subprocess.Popen(
        command,
        env={**os.environ, **hub_env(hub)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    size = gguf_path.stat().st_size
    deadline = time.monotonic() + 60
    while not (part.exists() and part.stat().st_size > size // 3):
        assert time.monotonic() < deadline and pulling.poll() is None, "the pull never got going"
        time.sleep(0.05)
    pulling.send_signal(signal.SIGKILL)
    pulling.wait(timeout=30)
    kept = part.stat().st_size
    assert 0 < kept < size

    hub.bytes_per_second = None
    result = run_cli("models", "pull", address, env=hub_env(hub))
    assert result.returncode == 0, result.stderr
    assert "Carrying on from" in result.stderr
    ranges = [r for method, _path, r in hub.requests if method == "GET" and r]
    assert ranges and int(ranges[-1].removeprefix("bytes=").rstrip("-")) >= kept
    whole = isolated_environment / "models" / f"{gguf_path.stem.lower()}.gguf"
    assert whole.read_bytes() == gguf_path.read_bytes()


def test_a_wrong_checksum_is_refused_and_nothing_is_kept(
    run_cli, hub: Hub, address: str, isolated_environment: Path
) -> None:
    hub.wrong_sha = True
    result = run_cli("models", "pull", address, env=hub_env(hub))
    assert result.returncode == 1
    assert "did not match its checksum" in result.stderr and "deleted" in result.stderr
    assert "Traceback" not in result.stderr
    assert not [p for p in (isolated_environment / "models").iterdir() if p.suffix != ".json"]


def test_an_unreachable_hub_is_one_line(run_cli, address: str) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}"
    result = run_cli(
        "models", "pull", address, env={"HF_ENDPOINT": endpoint, "HF_HUB_OFFLINE": "0"}
    )
    assert result.returncode == 1
    [line] = [line for line in result.stderr.splitlines() if line.strip()][-1:]
    assert line.startswith(f"error: Could not reach the model hub at {endpoint}")
    assert "Traceback" not in result.stderr


def test_a_pull_with_the_hub_switched_off_says_so(run_cli, hub: Hub, address: str) -> None:
    result = run_cli("models", "pull", address, env={**hub_env(hub), "HF_HUB_OFFLINE": "1"})
    assert result.returncode == 1 and "HF_HUB_OFFLINE" in result.stderr
    assert hub.requests == []


def test_use_then_chat_runs_on_the_pulled_file(
    run_cli, hub: Hub, address: str, gguf_path: Path, isolated_environment: Path
) -> None:
    assert run_cli("models", "pull", address, env=hub_env(hub)).returncode == 0
    name = gguf_path.stem.lower()
    used = run_cli("models", "use", name)
    assert used.returncode == 0, used.stderr
    assert json.loads((isolated_environment / "settings.json").read_text()) == {"model": name}
    listed = run_cli("models", "list").stdout
    assert f"Interviewing with: {name} (pulled from {REPO})" in " ".join(listed.split())

    chat = run_cli(
        "chat", "--turns", "1", "--no-pack", "--no-report",
        stdin="I led the analytics for a patient app.\n",
        env={"ROLEPLAY_SEED": "7"},
    )  # fmt: skip
    assert chat.returncode == 0, chat.stderr
    pulled = isolated_environment / "models" / f"{name}.gguf"
    assert f"Loading {pulled}" in " ".join(chat.stderr.split())
    assert "Morgan Ellis:" in chat.stdout


def test_remove_deletes_the_file_and_goes_back_to_the_built_in_model(
    run_cli, hub: Hub, address: str, gguf_path: Path, isolated_environment: Path
) -> None:
    run_cli("models", "pull", address, env=hub_env(hub))
    name = gguf_path.stem.lower()
    run_cli("models", "use", name)
    removed = run_cli("models", "remove", name)
    assert removed.returncode == 0, removed.stderr
    assert not (isolated_environment / "models" / f"{name}.gguf").exists()
    assert "Interviewing with: SmolLM2 135M (built in)" in run_cli("models", "list").stdout


def test_an_ollama_model_is_listed_and_holds_an_interview(
    run_cli, llama_server: str, isolated_environment: Path
) -> None:
    models = [{"name": "smollm2:135m", "size": 105_000_000}]
    with fake_ollama(models, llama_server) as url:
        env = {"ROLEPLAY_OLLAMA_URL": url, "ROLEPLAY_SEED": "7"}
        listed = run_cli("models", "list", env=env)
        assert "ollama:smollm2:135m" in listed.stdout, listed.stdout
        assert run_cli("models", "use", "ollama:smollm2:135m", env=env).returncode == 0
        chat = run_cli(
            "chat", "--turns", "1", "--no-pack", "--no-report",
            stdin="I led the analytics for a patient app.\n",
            env=env,
        )  # fmt: skip
    assert chat.returncode == 0, chat.stderr
    assert f"Interviewer model: smollm2:135m, on the Ollama server at {url}" in " ".join(
        chat.stderr.split()
    )
    saved = json.loads(next((isolated_environment / "transcripts").glob("*.json")).read_text())
    assert saved["model"] == "smollm2:135m via Ollama"
    assert [t["speaker"] for t in saved["turns"]][:2] == ["interviewer", "candidate"]

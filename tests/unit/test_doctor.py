"""``roleplay doctor``: a healthy install passes, and each missing part gives one clear finding
that names it and says what to do; a part the settings do not need never fails the install."""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from roleplay.core.settings import Settings
from roleplay.llm.model_catalogue import Installed, record
from roleplay.wiring.doctor import Finding, examine, healthy
from tests.support.servers import free_port

DEAD = f"http://127.0.0.1:{free_port()}"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # Nothing answers at DEAD: Ollama is reported, not needed.
    return Settings(data_dir=tmp_path / "data", ollama_url=DEAD)


def failing(findings: list[Finding]) -> list[Finding]:
    """The findings that make the install unhealthy."""
    return [f for f in findings if f.needed and not f.ok]


class _Models(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/v1/models" else 404)
        self.end_headers()
        self.wfile.write(b'{"data": []}')

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[str]:
    """An OpenAI-compatible server that lists its models."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Models)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()


def test_a_healthy_install_passes_every_needed_check(settings: Settings) -> None:
    findings = examine(settings)
    assert failing(findings) == []
    assert healthy(findings)
    names = [f.name for f in findings]
    for part in ("model", "embedder", "database", "research store", "voice", "data directory"):
        assert part in names
    ollama = next(f for f in findings if f.name == "ollama")
    assert not ollama.ok and not ollama.needed and "ollama serve" in ollama.fix


@pytest.mark.parametrize(
    ("changes", "part", "says"),
    [
        ({"local_model": Path("/nowhere/model.gguf")}, "model", "ROLEPLAY_LOCAL_MODEL"),
        ({"model": "qwen2.5-1.5b"}, "model", "roleplay models pull qwen2.5-1.5b"),
        ({"database_url": f"postgresql://sam@{DEAD[7:]}/roleplay"}, "database", "DATABASE_URL"),
        ({"chroma_url": DEAD}, "research store", "chroma run"),
        ({"llm": "openai", "llm_base_url": f"{DEAD}/v1"}, "endpoint", "ROLEPLAY_LLM_BASE_URL"),
        ({"llm": "openai"}, "endpoint", "OPENAI_API_KEY"),
        ({"model": "ollama:qwen2.5:3b"}, "ollama", "ollama serve"),
    ],
)
def test_each_missing_part_is_one_finding_saying_what_to_do(
    settings: Settings, changes: dict, part: str, says: str
) -> None:
    findings = examine(settings.model_copy(update=changes))
    [finding] = failing(findings)
    assert finding.name == part
    assert says in finding.fix
    assert "\n" not in finding.detail + finding.fix
    assert not healthy(findings)


def test_a_configured_endpoint_that_answers_passes(settings: Settings, endpoint: str) -> None:
    findings = examine(settings.model_copy(update={"llm": "openai", "llm_base_url": endpoint}))
    assert failing(findings) == []
    assert next(f for f in findings if f.name == "endpoint").detail.endswith("answers 200")


def test_the_voice_extra_missing_fails_only_when_local_speech_is_on(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "piper" else real(name, *a)
    )
    [finding] = failing(examine(settings))
    assert finding.name == "voice" and "ROLEPLAY_TTS=off" in finding.fix
    assert failing(examine(settings.model_copy(update={"stt": "off", "tts": "off"}))) == []


def test_a_damaged_pulled_model_is_reported_with_how_to_pull_it_again(settings: Settings) -> None:
    folder = settings.models_dir
    folder.mkdir(parents=True)
    (folder / "tiny.gguf").write_bytes(b"GGUF and then some bytes cut short")
    whole = hashlib.sha256(b"GGUF and the whole file").hexdigest()
    record(folder, Installed("tiny", "tiny.gguf", "test-org/tiny", whole, 23, "2026-12-01"))
    pulled = next(f for f in examine(settings) if f.name == "pulled models")
    assert not pulled.ok and "tiny" in pulled.detail
    assert pulled.fix == "roleplay models pull tiny"


def test_the_doctor_writes_nothing(settings: Settings) -> None:
    examine(settings)
    assert not settings.data_dir.exists()  # not the folder, not the database in it


def test_a_data_directory_that_cannot_be_made_is_one_finding(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    findings = examine(Settings(data_dir=blocker / "data", ollama_url=DEAD))
    [finding] = failing(findings)
    assert finding.name == "data directory"
    assert "ROLEPLAY_DATA_DIR" in finding.fix

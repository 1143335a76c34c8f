"""The model catalogue, pulling a model from a hub (a local stand-in, over real HTTP), choosing
the model that interviews, and Ollama's models, in this process."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from roleplay.core.saved_choices import save_choice
from roleplay.core.settings import Settings, set_in_environment
from roleplay.llm.choice import BUILT_IN, chosen, option, options
from roleplay.llm.errors import ModelError
from roleplay.llm.local import LocalChatModel, _to_llama_messages
from roleplay.llm.model_catalogue import CatalogueError, catalogue, installed, ollama_models
from roleplay.llm.pull import pull, target
from roleplay.wiring.chat import build_backend
from tests.support.hub import Hub, fake_hub, fake_ollama
from tests.support.servers import free_port

REPO = "test-org/tiny-interviewer"
FILE = "Tiny-Interviewer.Q4.gguf"


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    """Three megabytes that stand in for a GGUF file (a pull never reads what is inside)."""
    path = tmp_path / "served" / FILE
    path.parent.mkdir()
    path.write_bytes(os.urandom(3 * 1024 * 1024 + 123))
    return path


@pytest.fixture
def hub(model_file: Path) -> Iterator[Hub]:
    with fake_hub(Hub({f"{REPO}/{FILE}": model_file})) as running:
        yield running


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "models"


WANTED = target(f"hf://{REPO}/{FILE}")
KEPT = f"{WANTED.name}.gguf"  # a pulled file is kept under its model's name


def test_the_shipped_catalogue_is_valid_and_names_each_model_once() -> None:
    names = [m.name for m in catalogue()]
    assert "qwen2.5-1.5b" in names and len(names) == len(set(names)) >= 5
    assert all(m.file.endswith(".gguf") and "/" in m.repo and m.licence for m in catalogue())


def test_a_broken_catalogue_names_its_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "models.yaml"
    path.write_text(
        "models:\n  - {name: x, title: X, repo: a/b, file: x.gguf, sha256: nothex, size_mb: 1, "
        "ram_gb: 1, licence: MIT, good_for: tests}\n"
    )
    with pytest.raises(CatalogueError, match=r"models\.yaml: field 'models\.0\.sha256'"):
        catalogue(path)


def test_a_hub_address_names_a_model_and_nothing_else_gets_through() -> None:
    assert (WANTED.name, WANTED.repo, WANTED.file) == ("tiny-interviewer.q4", REPO, FILE)
    for bad in ("hf://../etc/passwd.gguf", "hf://a/b/c/d.gguf", "hf://a/b/model.bin", "hf://a/b"):
        with pytest.raises(CatalogueError, match=r"hf://OWNER/REPOSITORY/FILE\.gguf"):
            target(bad)
    for taken in ("smollm2", "http", "file", "ollama-x"):  # ids of other kinds of model
        with pytest.raises(CatalogueError, match="cannot name a pulled model"):
            target(f"hf://a/b/{taken}.gguf")
    with pytest.raises(CatalogueError, match="no model 'nope' in the catalogue"):
        target("nope")


def test_a_pull_reports_progress_checks_the_file_and_records_it(
    hub: Hub, folder: Path, model_file: Path
) -> None:
    seen: list[tuple[int, int, int]] = []
    pull(WANTED, folder, endpoint=hub.url, progress=lambda *step: seen.append(step))
    size = model_file.stat().st_size
    assert (folder / KEPT).read_bytes() == model_file.read_bytes()
    assert seen[-1] == (size, size, 0) and len(seen) >= 3
    assert [m.name for m in installed(folder)] == [WANTED.name]
    assert not list(folder.glob("*.part*"))


def test_a_stopped_pull_carries_on_from_its_last_byte(
    hub: Hub, folder: Path, model_file: Path
) -> None:
    data = model_file.read_bytes()
    folder.mkdir(parents=True)
    (folder / f"{KEPT}.part").write_bytes(data[:1_000_000])
    note = {"repo": REPO, "file": FILE, "sha256": hub.sha256(model_file), "size": len(data)}
    (folder / f"{KEPT}.part.json").write_text(json.dumps(note))
    seen: list[tuple[int, int, int]] = []
    pull(WANTED, folder, endpoint=hub.url, progress=lambda *step: seen.append(step))
    assert ("GET", f"/{REPO}/resolve/main/{FILE}", "bytes=1000000-") in hub.requests
    assert seen[0][2] == 1_000_000
    assert (folder / KEPT).read_bytes() == data


def test_a_part_of_some_other_file_is_not_carried_on(hub: Hub, folder: Path, model_file: Path):
    folder.mkdir(parents=True)
    (folder / f"{KEPT}.part").write_bytes(b"x" * 500_000)  # no note of what it is a part of
    pull(WANTED, folder, endpoint=hub.url)
    assert ("GET", f"/{REPO}/resolve/main/{FILE}", "") in hub.requests
    assert (folder / KEPT).read_bytes() == model_file.read_bytes()


def test_a_download_that_ends_early_keeps_what_it_got(hub: Hub, folder: Path) -> None:
    hub.cut_at = 1_500_000
    with pytest.raises(ModelError, match=r"stopped \(the connection ended early\) after 1\.4 MB"):
        pull(WANTED, folder, endpoint=hub.url)
    assert (folder / f"{KEPT}.part").stat().st_size == 1_500_000
    hub.cut_at = None
    pull(WANTED, folder, endpoint=hub.url)
    assert ("GET", f"/{REPO}/resolve/main/{FILE}", "bytes=1500000-") in hub.requests


def test_a_model_already_pulled_is_not_downloaded_again(hub: Hub, folder: Path) -> None:
    pull(WANTED, folder, endpoint=hub.url)
    pull(WANTED, folder, endpoint=hub.url)
    assert [method for method, *_ in hub.requests] == ["HEAD", "GET", "HEAD"]


def test_the_hub_token_stays_with_the_hub_when_the_bytes_come_from_its_storage(
    model_file: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_secret_token")
    files = {f"{REPO}/{FILE}": model_file}
    with fake_hub(Hub(files)) as storage:
        # Another host, as the hub's storage is: huggingface_hub follows no redirect there.
        elsewhere = storage.url.replace("127.0.0.1", "localhost")
        with fake_hub(Hub(files, storage=elsewhere)) as hub:
            pull(WANTED, folder, endpoint=hub.url)
    assert hub.authorization == ["Bearer hf_secret_token"]  # the look-up, on the hub
    assert storage.authorization == [""]  # the download, elsewhere
    assert (folder / KEPT).read_bytes() == model_file.read_bytes()


def test_a_catalogue_file_changed_on_the_hub_is_not_downloaded(
    hub: Hub, folder: Path, model_file: Path
) -> None:
    from dataclasses import replace

    pinned = replace(WANTED, sha256="1" * 64)
    with pytest.raises(ModelError, match="has changed since the catalogue was written"):
        pull(pinned, folder, endpoint=hub.url)
    assert [method for method, *_ in hub.requests] == ["HEAD"]


def test_a_file_that_fails_its_checksum_is_deleted(hub: Hub, folder: Path) -> None:
    hub.wrong_sha = True
    with pytest.raises(ModelError, match=r"did not match its checksum.*the file was deleted"):
        pull(WANTED, folder, endpoint=hub.url)
    assert list(folder.iterdir()) == [] and installed(folder) == []


def test_an_unreachable_hub_is_one_line(folder: Path) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(ModelError) as caught:
        pull(WANTED, folder, endpoint=endpoint, timeout=5)
    message = str(caught.value)
    assert message.startswith(f"Could not reach the model hub at {endpoint}")
    assert "\n" not in message


def test_a_file_the_hub_does_not_have_says_so(hub: Hub, folder: Path) -> None:
    with pytest.raises(ModelError, match=r"There is no file Missing\.gguf in test-org/tiny"):
        pull(target(f"hf://{REPO}/Missing.gguf"), folder, endpoint=hub.url)


def test_the_saved_choice_picks_the_model_and_the_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    assert chosen(Settings(data_dir=data_dir)) == BUILT_IN
    save_choice(data_dir, "model", "qwen2.5-1.5b")
    assert chosen(Settings(data_dir=data_dir)) == "qwen2.5-1.5b"
    monkeypatch.setenv("ROLEPLAY_MODEL", "ollama:qwen2.5:3b")
    assert chosen(Settings(data_dir=data_dir)) == "ollama:qwen2.5:3b"
    monkeypatch.setenv("ROLEPLAY_LLM", "openai")
    assert chosen(Settings(data_dir=data_dir)) == "http"


def test_what_the_shell_sets_is_told_apart_from_a_saved_choice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEPLAY_DATA_DIR", str(tmp_path))
    save_choice(tmp_path, "model", "qwen2.5-1.5b")
    assert "model" not in set_in_environment()
    monkeypatch.setenv("ROLEPLAY_MODEL", "ollama:qwen2.5:3b")
    monkeypatch.setenv("ROLEPLAY_LLM", "openai")
    shell = set_in_environment()
    assert shell["model"] == "ollama:qwen2.5:3b"
    assert shell["llm"] == "openai"


def test_a_pulled_model_is_offered_and_runs_from_its_file(
    hub: Hub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path / "data", ollama_url=f"http://127.0.0.1:{free_port()}")
    pull(WANTED, settings.models_dir, endpoint=hub.url)
    assert [o.id for o in options(settings)] == [BUILT_IN, WANTED.name]
    backend = build_backend(settings, WANTED.name)
    assert isinstance(backend.chat, LocalChatModel)
    assert backend.chat.model_path == settings.models_dir / KEPT
    assert not backend.embedded  # a model other than the built-in one gets more freedom
    with pytest.raises(ModelError, match="no model 'not-pulled' on this machine"):
        build_backend(settings, "not-pulled")


def test_ollamas_models_are_offered_and_reached_through_its_v1(tmp_path: Path) -> None:
    models = [{"name": "qwen2.5:3b", "size": 1_900_000_000}, {"name": "bad name!", "size": 1}]
    with fake_ollama(models, "http://127.0.0.1:9/v1") as url:
        assert [m.name for m in ollama_models(url) or []] == ["qwen2.5:3b", "bad name!"]
        settings = Settings(data_dir=tmp_path / "data", ollama_url=url)
        offered = option(settings, "ollama:qwen2.5:3b")
        assert offered is not None and offered.where == f"Ollama at {url}"
        assert option(settings, "ollama:bad name!") is None
    backend = build_backend(settings, "ollama:qwen2.5:3b")
    assert backend.model == "qwen2.5:3b" and str(backend.chat.openai_api_base) == f"{url}/v1"


def test_an_api_key_alone_does_not_offer_the_http_endpoint(tmp_path: Path) -> None:
    # OPENAI_API_KEY may be set for the embeddings: the web page must not offer OpenAI for chat.
    quiet = f"http://127.0.0.1:{free_port()}"
    keyed = Settings(data_dir=tmp_path, llm_api_key="sk-test", ollama_url=quiet)
    assert "http" not in [o.id for o in options(keyed)]
    configured = Settings(data_dir=tmp_path, llm="openai", llm_api_key="sk-test", ollama_url=quiet)
    assert "http" in [o.id for o in options(configured)]


def test_no_ollama_answering_lists_none(tmp_path: Path) -> None:
    assert ollama_models(f"http://127.0.0.1:{free_port()}", timeout=1) is None


def test_a_template_without_a_system_role_gets_the_instructions_in_the_first_turn() -> None:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    messages = [SystemMessage("Be Morgan."), HumanMessage("Hello."), AIMessage("Hi.")]
    assert _to_llama_messages(messages, system_role=False) == [
        {"role": "user", "content": "Be Morgan.\n\nHello."},
        {"role": "assistant", "content": "Hi."},
    ]
    assert _to_llama_messages(messages)[0] == {"role": "system", "content": "Be Morgan."}

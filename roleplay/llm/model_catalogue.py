"""Which chat models there are: the shipped catalogue (``models/models.yaml``), the GGUF files
pulled into the data directory, and the models of a local Ollama server.

A model's name is what ``roleplay models pull|use|remove`` and the web page's picker take. A
pulled file is recorded in ``installed.json`` beside it, with where it came from and its
SHA-256, so ``models list`` can say what each file is without reading gigabytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import urllib.request
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from roleplay.core.datafiles import load_yaml
from roleplay.core.resources import shipped_dir
from roleplay.llm.errors import ModelError

# Hashing reads this much at a time.
BLOCK = 1024 * 1024
# An Ollama's list of models is a few kilobytes; anything past this is not one.
MAX_TAGS_BYTES = 4 * 1024 * 1024
# Names, repositories and files are checked before any becomes a URL or a path.
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
REPO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")
GGUF_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.gguf$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
INSTALLED = "installed.json"
# Ids that name other kinds of model (see roleplay.llm.choice): no pulled model may take them.
RESERVED = re.compile(r"^(smollm2|file|http|ollama.*)$")


class CatalogueError(ModelError):
    """The catalogue file, or a model name, is wrong; the message says which and why."""


class CatalogueModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(pattern=NAME.pattern)]
    title: Annotated[str, Field(min_length=1, max_length=100)]
    repo: Annotated[str, Field(pattern=REPO.pattern)]
    file: Annotated[str, Field(pattern=GGUF_FILE.pattern)]
    sha256: Annotated[str, Field(pattern=SHA256.pattern)] | None = None
    size_mb: Annotated[float, Field(gt=0)]
    ram_gb: Annotated[float, Field(gt=0)]
    licence: Annotated[str, Field(min_length=1, max_length=100)]
    good_for: Annotated[str, Field(min_length=1, max_length=400)]
    # Whether the model's chat template takes a system message (Gemma's does not).
    system_role: bool = True


class CatalogueFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    models: list[CatalogueModel] = Field(min_length=1)


def catalogue(path: Path | None = None) -> list[CatalogueModel]:
    """The shipped catalogue (or ``path``), validated: an error names the file and field."""
    path = path or shipped_dir("models") / "models.yaml"
    found = load_yaml(path, CatalogueFile, CatalogueError).models
    names = [m.name for m in found]
    if len(set(names)) != len(names):
        raise CatalogueError(f"{path}: a model name is listed twice")
    return found


def find(name: str) -> CatalogueModel | None:
    return next((m for m in catalogue() if m.name == name), None)


@dataclass
class Installed:
    """A GGUF file pulled into the models folder, kept as ``NAME.gguf`` (two repositories may
    use the same file name; a model's name is unique)."""

    name: str
    file: str  # the file's name on the hub
    repo: str
    sha256: str
    size: int
    pulled_at: str
    system_role: bool = True

    def path(self, folder: Path) -> Path:
        return folder / f"{self.name}.gguf"


def installed(folder: Path) -> list[Installed]:
    """The pulled models whose file is still there, by name."""
    found = []
    for name, entry in _read_registry(folder).items():
        try:
            model = Installed(**{**entry, "name": name})
        except TypeError:
            continue  # a record this version cannot read: as if not pulled (pull it again)
        if model.path(folder).is_file():
            found.append(model)
    return sorted(found, key=lambda m: m.name)


def installed_model(folder: Path, name: str) -> Installed | None:
    return next((m for m in installed(folder) if m.name == name), None)


def record(folder: Path, model: Installed) -> None:
    registry = _read_registry(folder)
    registry[model.name] = asdict(model)
    _write_registry(folder, registry)


def forget(folder: Path, name: str) -> Installed | None:
    """Remove a pulled model's file and its record; returns what was removed."""
    registry = _read_registry(folder)
    entry = registry.pop(name, None)
    if entry is None:
        return None
    try:
        model = Installed(**{**entry, "name": name})
    except TypeError:
        model = Installed(name, "", "", "", 0, "")
    model.path(folder).unlink(missing_ok=True)
    _write_registry(folder, registry)
    return model


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _read_registry(folder: Path) -> dict[str, dict]:
    path = folder / INSTALLED
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise CatalogueError(f"{path}: cannot be read ({error}); remove it, pull again") from None
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: not a record of pulled models; remove it and pull again")
    return {
        name: entry
        for name, entry in data.items()
        if isinstance(name, str) and NAME.match(name) and isinstance(entry, dict)
    }


def _write_registry(folder: Path, registry: dict[str, dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    # Written whole and renamed into place: a crash never leaves half a record.
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".installed-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(registry, out, indent=2, sort_keys=True)
    os.replace(temporary, folder / INSTALLED)


@dataclass(frozen=True)
class OllamaModel:
    name: str
    size: int


def file_digest(path: Path, size: int | None = None) -> hashlib._Hash:
    """The SHA-256 of a file's first ``size`` bytes (all of it when None), read a block at a
    time: a model is gigabytes. Raises OSError when it cannot be read."""
    digest = hashlib.sha256()
    left = size
    with path.open("rb") as handle:
        while left is None or left > 0:
            block = handle.read(BLOCK if left is None else min(BLOCK, left))
            if not block:
                break
            digest.update(block)
            if left is not None:
                left -= len(block)
    return digest


def ollama_models(url: str, timeout: float = 2.0) -> list[OllamaModel] | None:
    """The models a local Ollama server has (its ``/api/tags``); None if none answers.

    The standard library asks: ``models list`` and ``doctor`` ask it on every run, and httpx
    would add a tenth of a second to their start."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/api/tags", timeout=timeout) as answer:
            data = json.loads(answer.read(MAX_TAGS_BYTES + 1)[:MAX_TAGS_BYTES])
    except (OSError, ValueError):  # URLError and HTTPError are OSErrors; bad JSON a ValueError
        return None
    listed = data.get("models") if isinstance(data, dict) else None
    found = []
    for entry in listed if isinstance(listed, list) else []:
        name = entry.get("name") if isinstance(entry, dict) else None
        if isinstance(name, str) and 0 < len(name) <= 200:
            size = entry.get("size")
            found.append(OllamaModel(name, size if isinstance(size, int) else 0))
    return found

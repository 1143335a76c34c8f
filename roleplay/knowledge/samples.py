"""The sample packs that ship in ``knowledge/``, turned into real packs on first use."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from roleplay.core.datafiles import load_yaml
from roleplay.core.resources import shipped_dir
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.ingest import Chunking, Outcome, Progress, ingest
from roleplay.knowledge.loaders import Limits
from roleplay.knowledge.store import PackStore


class SamplePack(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    folder: str
    kind: Literal["company", "candidate"]
    company: str
    role: str
    description: str

    @property
    def path(self) -> Path:
        return shipped_dir("knowledge") / self.folder


def sample_packs() -> list[SamplePack]:
    return load_yaml(shipped_dir("knowledge") / "packs.yaml", list[SamplePack], KnowledgeError)


def sample(name: str) -> SamplePack | None:
    return next((s for s in sample_packs() if s.name == name), None)


def ensure_pack(
    store: PackStore,
    name: str,
    *,
    limits: Limits,
    chunking: Chunking,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Make sure ``name`` can be searched: a sample pack is built (or refreshed) on demand."""
    shipped = sample(name)
    if shipped is None:
        if not store.exists(name):
            raise KnowledgeError(
                f"There is no pack called '{name}'. See 'roleplay knowledge list'."
            )
        return []
    # Re-adding is cheap when nothing changed, and picks up a newer version of the app's samples.
    return ingest(
        store, name, [str(shipped.path)], limits=limits, chunking=chunking, progress=progress
    )

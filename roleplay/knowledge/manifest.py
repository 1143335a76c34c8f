"""A pack's manifest: its name, owner, embedder and the active version of each source, kept in
its Chroma collection's metadata (so switching a source's version is one metadata update)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from chromadb.api.models.Collection import Collection


@dataclass
class SourceInfo:
    name: str
    version: str
    chunks: int
    added_at: str
    chars: int = 0  # characters of text kept (0 for sources added before it was counted)


@dataclass
class PackInfo:
    name: str
    collection: str
    embedder: str
    dimension: int | None
    sources: dict[str, SourceInfo] = field(default_factory=dict)
    owner: str = ""

    @property
    def chunks(self) -> int:
        return sum(s.chunks for s in self.sources.values())

    @property
    def chars(self) -> int:
        return sum(s.chars for s in self.sources.values())


def read_manifest(collection: Collection) -> PackInfo | None:
    """The pack a collection holds, or None for a collection that is not a pack."""
    meta = collection.metadata or {}
    if "pack_name" not in meta:
        return None
    sources = {
        name: SourceInfo(name=name, **info)
        for name, info in json.loads(meta.get("sources", "{}")).items()
    }
    return PackInfo(
        name=meta["pack_name"],
        collection=collection.name,
        embedder=meta.get("embedder", ""),
        dimension=meta.get("dimension") or None,
        sources=sources,
        owner=meta.get("owner", ""),
    )


def manifest_metadata(info: PackInfo) -> dict[str, Any]:
    """The collection metadata that records ``info``."""
    sources = {
        s.name: {
            "version": s.version,
            "chunks": s.chunks,
            "added_at": s.added_at,
            "chars": s.chars,
        }
        for s in info.sources.values()
    }
    metadata: dict[str, Any] = {
        "pack_name": info.name,
        "embedder": info.embedder,
        "sources": json.dumps(sources, ensure_ascii=False),
        "owner": info.owner,
    }
    if info.dimension:
        metadata["dimension"] = info.dimension
    return metadata

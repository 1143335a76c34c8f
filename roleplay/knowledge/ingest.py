"""Adding sources to a pack: files, folders (recursively) and URLs, one outcome per source.

A bad source never stops the others: it gets one line saying what is wrong, and the rest are
still added. A source whose bytes (and chunking settings) have not changed is not re-read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from roleplay.knowledge.errors import LoadError
from roleplay.knowledge.loaders import (
    SUPPORTED,
    Limits,
    Loaded,
    check_size,
    load_file,
    load_url,
)
from roleplay.knowledge.splitting import split
from roleplay.knowledge.store import PackStore

Status = Literal["added", "unchanged", "replaced", "failed", "skipped"]
# Bump when splitting changes, so existing packs are re-chunked on the next add.
SPLITTER_VERSION = "1"
Progress = Callable[[str, str, int, int], None]


@dataclass
class Outcome:
    source: str
    status: Status
    chunks: int = 0
    message: str = ""

    def line(self) -> str:
        if self.status in ("failed", "skipped"):
            return f"{self.status:<10} {self.source}: {self.message}"
        return f"{self.status:<10} {self.source} ({self.chunks} chunks)"


@dataclass(frozen=True)
class Target:
    source: str  # the name the pack knows it by
    path: Path | None = None
    url: str | None = None
    named: bool = True  # named by the user, rather than found inside a folder


@dataclass(frozen=True)
class Chunking:
    size: int = 900
    overlap: int = 120


def expand(items: Iterable[str]) -> list[Target]:
    targets: list[Target] = []
    for item in items:
        if item.startswith(("http://", "https://")):
            targets.append(Target(source=item, url=item))
            continue
        path = Path(item).expanduser()
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = found.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                targets.append(Target(source=relative.as_posix(), path=found, named=False))
        else:
            targets.append(Target(source=path.name, path=path))
    return targets


def _version(data: bytes, chunking: Chunking) -> str:
    digest = hashlib.sha256(data)
    digest.update(f"|{chunking.size}|{chunking.overlap}|{SPLITTER_VERSION}".encode())
    return digest.hexdigest()[:16]


def ingest(
    store: PackStore,
    pack: str,
    items: Iterable[str],
    *,
    limits: Limits,
    chunking: Chunking,
    owner: str = "",
    progress: Progress | None = None,
) -> list[Outcome]:
    # Before anything is read or compared: "unchanged" would tell a stranger what the pack
    # holds, and a caller could take it as leave to use the pack.
    store.check_writer(pack, owner)
    outcomes = []
    for target in expand(items):
        outcomes.append(_ingest_one(store, pack, target, limits, chunking, owner, progress))
    if store.exists(pack):
        store.sweep(pack)  # finish anything an interrupted earlier run left behind
    return outcomes


def _ingest_one(
    store: PackStore,
    pack: str,
    target: Target,
    limits: Limits,
    chunking: Chunking,
    owner: str,
    progress: Progress | None,
) -> Outcome:
    def tell(stage: str, done: int = 0, total: int = 0) -> None:
        if progress:
            progress(target.source, stage, done, total)

    tell("reading")
    try:
        loaded: Loaded
        if target.url:
            loaded, data = load_url(target.url, limits)
        else:
            assert target.path is not None
            if not target.path.exists():
                raise LoadError("does not exist")
            if not target.named and target.path.suffix.lower() not in SUPPORTED:
                return Outcome(target.source, "skipped", message="not a supported file type")
            check_size(target.path, limits)
            data = target.path.read_bytes()
            version = _version(data, chunking)
            if store.active_version(pack, target.source) == version:
                count = store.info(pack).sources[target.source].chunks
                return Outcome(target.source, "unchanged", count)
            loaded = load_file(target.path, limits)
        version = _version(data, chunking)
        previous = store.active_version(pack, target.source)
        if previous == version:
            return Outcome(
                target.source, "unchanged", store.info(pack).sources[target.source].chunks
            )
        chunks = split(loaded, chunk_size=chunking.size, overlap=chunking.overlap)
        if not chunks:
            raise LoadError("has no text to use")
    except LoadError as error:
        return Outcome(target.source, "failed", message=str(error))
    except OSError as error:
        return Outcome(target.source, "failed", message=f"cannot be read ({error.strerror})")
    store.put_source(
        pack,
        target.source,
        version,
        chunks,
        owner=owner,
        progress=lambda done, total: tell("embedding", done, total),
    )
    return Outcome(target.source, "replaced" if previous else "added", len(chunks))

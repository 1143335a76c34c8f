"""Packs in Chroma: one collection per pack, with a manifest that makes every change atomic.

Each chunk carries the version (content hash) of the source it came from, under a deterministic
id, so re-adding is an idempotent upsert. The collection's metadata holds the manifest: the pack's
name, its embedder and dimension, and the active version of each source. Replacing a source
writes all new chunks first, then switches the manifest in one metadata update, then deletes the
old chunks. Searches only see active versions, so a source killed half way through is seen
either fully old or fully new, and the next write sweeps up what was left behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Include, Where

from roleplay.core.settings import Settings
from roleplay.knowledge.embeddings import Embedder
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.manifest import PackInfo, SourceInfo, manifest_metadata, read_manifest
from roleplay.knowledge.names import collection_name, source_key
from roleplay.knowledge.splitting import Chunk

BATCH = 128


@dataclass
class Passage:
    text: str
    source: str
    location: str
    score: float
    embedding: list[float] | None = None


def connect(settings: Settings) -> ClientAPI:
    """A Chroma client: a server when ROLEPLAY_CHROMA_URL is set, else the data directory."""
    chroma_settings = chromadb.config.Settings(anonymized_telemetry=False)
    if settings.chroma_url:
        from urllib.parse import urlparse

        url = urlparse(settings.chroma_url)
        try:
            client = chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
            client.heartbeat()
        except Exception as error:
            raise KnowledgeError(
                f"Could not reach the Chroma server at {settings.chroma_url} ({error}). Start it "
                "(chroma run --path DIR) or unset ROLEPLAY_CHROMA_URL to use the local store."
            ) from None
        return client
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def _vectors(vectors: Sequence[Sequence[float]]) -> list[Sequence[float] | Sequence[int]]:
    # Chroma's signature wants this exact list type (a list is invariant in what it holds).
    return list(vectors)


class PackStore:
    def __init__(self, client: ClientAPI, embedder: Embedder):
        self.client = client
        self.embedder = embedder

    # -- packs --------------------------------------------------------------------------------

    def packs(self, owner: str | None = None) -> list[PackInfo]:
        """Every pack; with ``owner``, only shared packs and that owner's."""
        found = []
        for collection in self.client.list_collections():
            info = read_manifest(collection)
            if info and (owner is None or info.owner in ("", owner)):
                found.append(info)
        return sorted(found, key=lambda p: p.name.lower())

    def info(self, pack: str) -> PackInfo:
        return self._pack(pack)[1]

    def exists(self, pack: str) -> bool:
        try:
            self._pack(pack)
        except KnowledgeError:
            return False
        return True

    def _pack(self, pack: str) -> tuple[Collection, PackInfo]:
        try:
            collection = self.client.get_collection(collection_name(pack))
        except Exception:
            raise KnowledgeError(
                f"There is no pack called '{pack}'. See 'roleplay knowledge list'."
            ) from None
        info = read_manifest(collection)
        if info is None:
            raise KnowledgeError(f"The collection behind '{pack}' is not a research pack.")
        return collection, info

    def open_or_create(self, pack: str, owner: str = "") -> tuple[Collection, PackInfo]:
        name = collection_name(pack)
        collection = self.client.get_or_create_collection(
            name,
            metadata={
                "pack_name": pack,
                "embedder": self.embedder.name,
                "sources": "{}",
                "owner": owner,
            },
            configuration={"hnsw": {"space": "cosine"}},
        )
        info = read_manifest(collection)
        assert info is not None
        if info.owner != owner:
            raise _not_yours(pack)
        self._check_embedder(info)
        return collection, info

    def check_writer(self, pack: str, owner: str) -> None:
        """Refuse ``owner`` a pack that exists and is somebody else's. Names are public (a
        scenario lists them); writing, and even hearing that a file is already there, is for
        the pack's owner only."""
        if self.exists(pack) and self.info(pack).owner != owner:
            raise _not_yours(pack)

    def owner_chars(self, owner: str) -> int:
        """Characters of research kept in all of ``owner``'s packs (for quotas)."""
        return sum(p.chars for p in self.packs() if p.owner == owner)

    def _check_embedder(self, info: PackInfo) -> None:
        if info.embedder != self.embedder.name:
            raise KnowledgeError(
                f"Pack '{info.name}' was built with the {info.embedder} embedder"
                f"{f' ({info.dimension} dimensions)' if info.dimension else ''}, but this run "
                f"uses {self.embedder.name}. Switch ROLEPLAY_EMBEDDINGS back, or remove the pack "
                "and add its sources again."
            )

    def remove_pack(self, pack: str) -> None:
        collection, _ = self._pack(pack)
        self.client.delete_collection(collection.name)

    def remove_source(self, pack: str, source: str) -> int:
        collection, info = self._pack(pack)
        if source not in info.sources:
            known = ", ".join(sorted(info.sources)) or "none"
            raise KnowledgeError(f"Pack '{pack}' has no source '{source}'. Sources: {known}.")
        removed = info.sources.pop(source)
        self._writeread_manifest(collection, info)
        collection.delete(where={"source_key": source_key(source)})
        return removed.chunks

    # -- writing ------------------------------------------------------------------------------

    def active_version(self, pack: str, source: str) -> str | None:
        if not self.exists(pack):
            return None
        found = self.info(pack).sources.get(source)
        return found.version if found else None

    def put_source(
        self,
        pack: str,
        source: str,
        version: str,
        chunks: Sequence[Chunk],
        *,
        owner: str = "",
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Make ``chunks`` the content of ``source`` in ``pack``, all at once or not at all."""
        collection, info = self.open_or_create(pack, owner)
        key = source_key(source)
        for start in range(0, len(chunks), BATCH):
            batch = chunks[start : start + BATCH]
            vectors = self.embedder.model.embed_documents([c.embedding_text for c in batch])
            self._check_dimension(info, len(vectors[0]))
            collection.upsert(
                ids=[f"{key}:{version}:{c.position}" for c in batch],
                documents=[c.text for c in batch],
                embeddings=_vectors(vectors),
                metadatas=[
                    {
                        "pack": pack,
                        "source": source,
                        "source_key": key,
                        "version": version,
                        "location": c.location,
                        "position": c.position,
                        "content_hash": c.content_hash,
                    }
                    for c in batch
                ],
            )
            if progress:
                progress(min(start + BATCH, len(chunks)), len(chunks))
        info.sources[source] = SourceInfo(
            name=source,
            version=version,
            chunks=len(chunks),
            added_at=datetime.now(UTC).isoformat(timespec="seconds"),
            chars=sum(len(c.text) for c in chunks),
        )
        self._writeread_manifest(collection, info)  # the switch: one metadata update
        self.sweep(pack)

    def _check_dimension(self, info: PackInfo, dimension: int) -> None:
        if info.dimension and info.dimension != dimension:
            raise KnowledgeError(
                f"Pack '{info.name}' holds {info.dimension}-dimension vectors, but the embedder "
                f"now returns {dimension}. Remove the pack and add its sources again."
            )
        info.dimension = dimension

    def _writeread_manifest(self, collection: Collection, info: PackInfo) -> None:
        collection.modify(metadata=manifest_metadata(info))

    def sweep(self, pack: str) -> int:
        """Delete chunks that no active source version owns (left by an interrupted write)."""
        collection, info = self._pack(pack)
        active = {s.version for s in info.sources.values()}
        stale = [
            chunk_id
            for chunk_id, meta in zip(*self._all_ids(collection), strict=True)
            if meta.get("version") not in active
        ]
        for start in range(0, len(stale), 1000):
            collection.delete(ids=stale[start : start + 1000])
        return len(stale)

    @staticmethod
    def _all_ids(collection: Collection) -> tuple[list[str], list[dict]]:
        ids: list[str] = []
        metas: list[dict] = []
        offset = 0
        while True:
            page = collection.get(include=["metadatas"], limit=5000, offset=offset)
            ids += page["ids"]
            metas += [dict(m or {}) for m in page["metadatas"] or []]
            if len(page["ids"]) < 5000:
                return ids, metas
            offset += 5000

    # -- reading ------------------------------------------------------------------------------

    def _active(self, pack: str) -> Iterator[tuple[str, dict]]:
        """Every passage of the sources' active versions, as (text, metadata)."""
        collection, info = self._pack(pack)
        active = {s.version for s in info.sources.values()}
        offset = 0
        while True:
            page = collection.get(include=["documents", "metadatas"], limit=5000, offset=offset)
            for text, meta in zip(page["documents"] or [], page["metadatas"] or [], strict=True):
                if (meta or {}).get("version") in active:
                    yield text, dict(meta)
            if len(page["ids"]) < 5000:
                return
            offset += 5000

    def texts(self, pack: str) -> list[tuple[str, str]]:
        """Every active passage of ``pack`` as (source, text), in no particular order."""
        return [(str(meta.get("source", "")), text) for text, meta in self._active(pack)]

    def passages(self, pack: str) -> dict[str, list[Chunk]]:
        """Each source's passages in their order: what was embedded, to carry elsewhere."""
        found: dict[str, list[Chunk]] = {}
        for text, meta in self._active(pack):
            chunk = Chunk(
                text=text,
                location=str(meta.get("location", "")),
                position=int(meta.get("position", 0)),
            )
            found.setdefault(str(meta.get("source", "")), []).append(chunk)
        return {
            source: sorted(chunks, key=lambda c: c.position)
            for source, chunks in sorted(found.items())
        }

    def section(self, pack: str, source: str, location: str) -> list[Passage]:
        """Every passage of ``source``'s active version under ``location``, in order: a
        section the splitter cut into several passages (unscored)."""
        collection, info = self._pack(pack)
        version = info.sources[source].version if source in info.sources else None
        if version is None:
            return []
        page = collection.get(
            where={"$and": [{"source": source}, {"version": version}, {"location": location}]},
            include=["documents", "metadatas"],
        )
        found = sorted(
            zip(page["documents"] or [], page["metadatas"] or [], strict=True),
            key=lambda pair: int(str((pair[1] or {}).get("position", 0))),
        )
        return [Passage(text, source, location, score=0.0) for text, _meta in found]

    def search(self, pack: str, query: str, k: int = 5) -> list[Passage]:
        """The ``k`` passages nearest to ``query``, best first, scored by cosine similarity."""
        self._check_embedder(self._pack(pack)[1])
        return self.search_vector(pack, self.embedder.model.embed_query(query), k)

    def search_vector(
        self,
        pack: str,
        vector: list[float],
        k: int,
        *,
        with_embeddings: bool = False,
        containing: str = "",
    ) -> list[Passage]:
        """The ``k`` passages of ``pack`` nearest ``vector`` (of those holding the words
        ``containing``, when given)."""
        collection, info = self._pack(pack)
        self._check_embedder(info)
        versions = sorted({s.version for s in info.sources.values()})
        if not versions:
            return []
        if info.dimension and len(vector) != info.dimension:
            self._check_dimension(info, len(vector))
        include: Include = ["documents", "metadatas", "distances"]
        if with_embeddings:
            include.append("embeddings")
        # A metadata filter makes Chroma scan instead of walking its index (10x slower at 100k
        # chunks), so filter only while an interrupted write has left inactive chunks behind.
        where: Where | None = None
        if collection.count() != info.chunks:
            if len(versions) > 1:
                one_of: dict[Literal["$in", "$nin"], list[str | int | float | bool]]
                one_of = {"$in": list(versions)}
                where = {"version": one_of}
            else:
                where = {"version": versions[0]}
        result = collection.query(
            query_embeddings=_vectors([vector]),
            n_results=k,
            where=where,
            where_document={"$contains": containing} if containing else None,
            include=include,
        )
        # Chroma types every field of a result as optional; those asked for are there.
        documents = result["documents"] or [[]]
        metadatas = result["metadatas"] or [[]]
        distances = result["distances"] or [[]]
        embeddings: Any = result["embeddings"] or [[]]
        passages = []
        for index, text in enumerate(documents[0]):
            meta = metadatas[0][index] or {}
            passages.append(
                Passage(
                    text=text,
                    source=str(meta.get("source", "")),
                    location=str(meta.get("location", "")),
                    score=1.0 - float(distances[0][index]),
                    embedding=[float(x) for x in embeddings[0][index]] if with_embeddings else None,
                )
            )
        return passages


def _not_yours(pack: str) -> KnowledgeError:
    return KnowledgeError(f"The pack '{pack}' belongs to someone else: add to a pack of your own.")

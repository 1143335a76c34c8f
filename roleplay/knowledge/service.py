"""Building the knowledge parts from settings, in one place for the CLI and the web app."""

from __future__ import annotations

from roleplay.knowledge.embeddings import build_embedder
from roleplay.knowledge.ingest import Chunking
from roleplay.knowledge.loaders import Limits
from roleplay.knowledge.store import PackStore, connect
from roleplay.knowledge.uploads import UploadLimits
from roleplay.settings import Settings


def limits(settings: Settings) -> Limits:
    return Limits(
        max_bytes=int(settings.max_file_mb * 1024 * 1024),
        parse_seconds=settings.parse_timeout,
        parse_memory_mb=settings.parse_memory_mb,
        fetch_seconds=settings.fetch_timeout,
    )


def chunking(settings: Settings) -> Chunking:
    return Chunking(size=settings.chunk_size, overlap=settings.chunk_overlap)


def open_store(settings: Settings) -> PackStore:
    return PackStore(connect(settings), build_embedder(settings))


def upload_limits(settings: Settings) -> UploadLimits:
    return UploadLimits(
        max_files=settings.max_upload_files,
        quota_chars=int(settings.max_owner_mb * 1024 * 1024),
    )

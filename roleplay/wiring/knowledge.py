"""Building the knowledge parts from settings, in one place for the CLI and the web app."""

from __future__ import annotations

from collections.abc import Sequence

from roleplay.core.settings import Settings
from roleplay.knowledge.embeddings import build_embedder
from roleplay.knowledge.ingest import Chunking, Outcome, Progress
from roleplay.knowledge.loaders import Limits
from roleplay.knowledge.store import PackStore, connect
from roleplay.knowledge.uploads import UploadLimits, add_uploads


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


def upload(
    settings: Settings,
    store: PackStore,
    pack: str,
    files: Sequence[str],
    *,
    owner: str,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Add a user's uploaded files to their ``pack`` within the settings' limits: one outcome
    per file (the browser's research, a CV, a coach's scenario research alike)."""
    return add_uploads(
        store,
        pack,
        files,
        owner=owner,
        limits=limits(settings),
        chunking=chunking(settings),
        uploads=upload_limits(settings),
        progress=progress,
    )


def stored(outcomes: Sequence[Outcome]) -> bool:
    """Did any file of an upload end up in its pack (new, replaced, or already there)?"""
    return any(o.status in ("added", "replaced", "unchanged") for o in outcomes)

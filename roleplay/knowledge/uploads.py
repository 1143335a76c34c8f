"""Files a web user uploaded, into one of their own packs: the one path for a browser's
research and a coach's, with the limits a shared server needs.

Only regular files are taken (a folder or a link is refused by name), at most ``max_files``
at a time, and an owner's research stops growing once it holds ``quota_chars`` characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.ingest import Chunking, Outcome, Progress, ingest
from roleplay.knowledge.loaders import Limits
from roleplay.knowledge.store import PackStore


@dataclass(frozen=True)
class UploadLimits:
    max_files: int = 20
    quota_chars: int = 100 * 1024 * 1024


def add_uploads(
    store: PackStore,
    pack: str,
    files: Sequence[str],
    *,
    owner: str,
    limits: Limits,
    chunking: Chunking,
    uploads: UploadLimits,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Add each uploaded file to ``pack`` (``owner``'s); one outcome per file."""
    if len(files) > uploads.max_files:
        raise KnowledgeError(
            f"That is {len(files)} files; add at most {uploads.max_files} at a time."
        )
    outcomes = []
    for file in files:
        path = Path(file)
        name = path.name
        if path.is_symlink() or not path.is_file():
            outcomes.append(Outcome(name, "failed", message="is not a file that was uploaded"))
            continue
        if store.owner_chars(owner) >= uploads.quota_chars:
            outcomes.append(
                Outcome(
                    name,
                    "failed",
                    message=(
                        f"was not added: your research has reached its "
                        f"{uploads.quota_chars / 1048576:g} MB limit"
                    ),
                )
            )
            continue
        outcomes += ingest(
            store,
            pack,
            [str(path)],
            limits=limits,
            chunking=chunking,
            owner=owner,
            progress=progress,
        )
    return outcomes

"""Pulling a GGUF chat model from the Hugging Face hub into the data directory.

``huggingface_hub`` builds the file's URL and reads its metadata (size, and the SHA-256 the hub
publishes for every large file) from the endpoint in ``HF_ENDPOINT`` or the hub itself. The bytes
are fetched here rather than with ``hf_hub_download``: that downloads to a temporary file of its
own per process and deletes it on failure, so a pull cut off half way (a dropped connection, a
closed laptop) would start again from nothing. Here the partial file stays beside its target
(``NAME.gguf.part``, with a note of what it is a part of) and the next pull carries on from its
last byte. The finished file is checked against the expected SHA-256 before it is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
from huggingface_hub import get_hf_file_metadata, hf_hub_url
from huggingface_hub.errors import (
    EntryNotFoundError,
    GatedRepoError,
    HfHubHTTPError,
    OfflineModeIsEnabled,
    RepositoryNotFoundError,
)
from huggingface_hub.utils import build_hf_headers

from roleplay.llm.errors import ModelError
from roleplay.llm.model_catalogue import (
    GGUF_FILE,
    NAME,
    REPO,
    RESERVED,
    SHA256,
    CatalogueError,
    Installed,
    file_digest,
    find,
    installed_model,
    now,
    record,
)

CHUNK = 1024 * 1024
# done bytes, total bytes, bytes already there when this pull started (a resumed pull)
Progress = Callable[[int, int, int], None]


@dataclass(frozen=True)
class Target:
    """What to pull: a catalogue model, or any GGUF file on the hub (``hf://owner/repo/file``)."""

    name: str
    repo: str
    file: str
    sha256: str | None = None
    system_role: bool = True


def target(spec: str) -> Target:
    """The model ``spec`` names, or CatalogueError saying what a name looks like."""
    if spec.startswith("hf://"):
        parts = spec.removeprefix("hf://").split("/")
        if len(parts) != 3 or not REPO.match("/".join(parts[:2])) or not GGUF_FILE.match(parts[2]):
            raise CatalogueError(
                f"'{spec[:120]}' is not a hub file: write hf://OWNER/REPOSITORY/FILE.gguf"
            )
        repo, file = "/".join(parts[:2]), parts[2]
        name = file.removesuffix(".gguf").lower()
        if not NAME.match(name) or RESERVED.match(name):
            raise CatalogueError(f"'{file}' cannot name a pulled model: rename the file on the hub")
        return Target(name=name, repo=repo, file=file)
    found = find(spec)
    if found is None:
        raise CatalogueError(
            f"There is no model '{spec[:80]}' in the catalogue. 'roleplay models list' shows "
            "them; any GGUF file on the hub can be pulled as hf://OWNER/REPOSITORY/FILE.gguf."
        )
    return Target(found.name, found.repo, found.file, found.sha256, found.system_role)


def pull(
    wanted: Target,
    folder: Path,
    *,
    endpoint: str | None = None,
    progress: Progress | None = None,
    timeout: float = 30.0,
) -> Installed:
    """Download ``wanted`` into ``folder`` (carrying on from a partial file), check it, record
    it. Raises ModelError with one line saying what went wrong and what to do."""
    endpoint = (endpoint or os.environ.get("HF_ENDPOINT") or "https://huggingface.co").rstrip("/")
    url = hf_hub_url(wanted.repo, wanted.file, endpoint=endpoint)
    headers = build_hf_headers()
    try:
        meta = get_hf_file_metadata(url, headers=headers, timeout=timeout, endpoint=endpoint)
    except HfHubHTTPError as error:
        raise _refused(error, wanted, endpoint) from None
    except (httpx.HTTPError, OSError) as error:
        raise _unreachable(error, endpoint) from None
    published = meta.etag if meta.etag and SHA256.match(meta.etag) else None
    expected = wanted.sha256 or published
    if expected is None or not meta.size:
        raise ModelError(
            f"The hub at {endpoint} gives no size or SHA-256 for {wanted.repo}/{wanted.file}, so "
            "the download could not be checked: not pulled."
        )
    if published and published != expected:
        raise ModelError(
            f"{wanted.repo}/{wanted.file} on the hub has changed since the catalogue was written "
            f"(SHA-256 {published[:16]}…, expected {expected[:16]}…): not pulled."
        )
    already = installed_model(folder, wanted.name)
    if already is not None and already.sha256 == expected:
        return already
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{wanted.name}.gguf"
    part = folder / f"{wanted.name}.gguf.part"
    note = folder / f"{wanted.name}.gguf.part.json"
    about = {"repo": wanted.repo, "file": wanted.file, "sha256": expected, "size": meta.size}
    start = _resumable(part, note, about)
    note.write_text(json.dumps(about), encoding="utf-8")
    digest = file_digest(part, start)
    # The bytes often come from another host (the hub redirects to its storage): the token
    # is for the hub alone.
    if urlparse(meta.location).netloc != urlparse(url).netloc:
        headers = {k: v for k, v in headers.items() if k.lower() != "authorization"}
    try:
        done, digest = _fetch(
            meta.location, headers, part, start, meta.size, digest, progress, timeout
        )
    except httpx.HTTPStatusError as error:
        raise _refused(error, wanted, endpoint) from None
    except (httpx.HTTPError, OSError) as error:
        raise _stopped(_reason(error), part) from None
    if done < meta.size:
        raise _stopped("the connection ended early", part)
    if done != meta.size or digest.hexdigest() != expected:
        found = digest.hexdigest()
        part.unlink(missing_ok=True)
        note.unlink(missing_ok=True)
        raise ModelError(
            f"{wanted.file} did not match its checksum (SHA-256 {found[:16]}…, expected "
            f"{expected[:16]}…; {done:,} of {meta.size:,} bytes): the file was deleted. Pull it "
            "again; if it fails the same way, the file on the hub is not the one expected."
        )
    os.replace(part, final)
    note.unlink(missing_ok=True)
    model = Installed(
        name=wanted.name,
        file=wanted.file,
        repo=wanted.repo,
        sha256=expected,
        size=meta.size,
        pulled_at=now(),
        system_role=wanted.system_role,
    )
    record(folder, model)
    return model


def _stopped(reason: str, part: Path) -> ModelError:
    size = part.stat().st_size if part.exists() else 0
    return ModelError(
        f"The download stopped ({reason}) after {size / 1048576:.1f} MB; run the same pull "
        "again to carry on from there."
    )


def _resumable(part: Path, note: Path, about: dict) -> int:
    """How many bytes of ``part`` to keep: all of them when it is a part of this same file."""
    try:
        same = json.loads(note.read_text(encoding="utf-8")) == about
    except (OSError, ValueError):
        same = False
    size = part.stat().st_size if part.exists() else 0
    if not same or not part.exists() or size > about["size"]:
        part.write_bytes(b"")
        return 0
    return size


def _fetch(
    location: str,
    headers: dict[str, str],
    part: Path,
    start: int,
    total: int,
    digest,
    progress: Progress | None,
    timeout: float,
) -> tuple[int, Any]:
    """Append the rest of the file to ``part``; returns its size and the SHA-256 of it all."""
    if start >= total:
        return start, digest
    # Identity encoding: byte offsets must be the file's, not a compressed stream's.
    asked = {**headers, "Accept-Encoding": "identity"}
    if start:
        asked["Range"] = f"bytes={start}-"
    done = start
    with httpx.stream(
        "GET", location, headers=asked, timeout=timeout, follow_redirects=True
    ) as answer:
        answer.raise_for_status()
        if start and answer.status_code != 206:
            # The server sent the whole file: start over rather than append a second copy.
            done, start, digest = 0, 0, hashlib.sha256()
            part.write_bytes(b"")
        with part.open("r+b") as out:
            out.seek(done)
            for block in answer.iter_bytes(CHUNK):
                out.write(block)
                digest.update(block)
                done += len(block)
                if progress:
                    progress(done, total, start)
            out.truncate(done)
    return done, digest


def _reason(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:160]


def _unreachable(error: BaseException, endpoint: str) -> ModelError:
    if isinstance(error, OfflineModeIsEnabled):
        return ModelError(
            "HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE) is set, so the hub is not asked: unset it "
            "to pull a model."
        )
    return ModelError(
        f"Could not reach the model hub at {endpoint} ({_reason(error)}). Check the network "
        "(or HF_ENDPOINT) and pull again."
    )


def _refused(error: BaseException, wanted: Target, endpoint: str) -> ModelError:
    status = getattr(getattr(error, "response", None), "status_code", None)
    # A gated repository is a kind of "not found" to huggingface_hub: asked about first.
    if isinstance(error, GatedRepoError) or status == 403:
        return ModelError(
            f"{wanted.repo} on {endpoint} needs a Hugging Face token (accept its licence on its "
            "page, then run 'hf auth login' or set HF_TOKEN) and pull again."
        )
    if isinstance(error, RepositoryNotFoundError) or status == 401:
        # The hub answers 401 for a repository that does not exist, as for a private one.
        return ModelError(
            f"There is no repository {wanted.repo} on {endpoint} (or it is private: set "
            "HF_TOKEN, or run 'hf auth login')."
        )
    if isinstance(error, EntryNotFoundError) or status == 404:
        return ModelError(f"There is no file {wanted.file} in {wanted.repo} on {endpoint}.")
    return ModelError(f"The model hub at {endpoint} refused the download ({_reason(error)}).")

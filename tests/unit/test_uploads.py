"""Files a web user uploads, into their own pack: limits a shared server needs, on a real
embedded Chroma with the real embedder."""

from __future__ import annotations

from pathlib import Path

import pytest

from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.ingest import Chunking
from roleplay.knowledge.loaders import Limits
from roleplay.knowledge.store import PackStore
from roleplay.knowledge.uploads import UploadLimits, add_uploads

pytestmark = pytest.mark.parametrize("store_mode", ["embedded"])
NOTES = "# Notes\n\nTernwick Ferries charges its electric boats in nine minutes at Cowes.\n"


def upload(store: PackStore, pack: str, files: list[Path], owner: str, **limits: int):
    return add_uploads(
        store, pack, [str(f) for f in files], owner=owner, limits=Limits(),
        chunking=Chunking(), uploads=UploadLimits(**limits),
    )  # fmt: skip


def note(tmp_path: Path, name: str, text: str = NOTES) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_too_many_files_at_once_are_refused(store: PackStore, pack_name: str, tmp_path: Path):
    files = [note(tmp_path, f"n{i}.md") for i in range(3)]
    with pytest.raises(KnowledgeError, match="add at most 2 at a time"):
        upload(store, pack_name, files, "b" * 32, max_files=2)
    assert not store.exists(pack_name)


def test_an_owner_over_the_quota_adds_nothing_more(
    store: PackStore, pack_name: str, tmp_path: Path
) -> None:
    owner = "c" * 32
    first = upload(store, pack_name, [note(tmp_path, "a.md")], owner, quota_chars=50)
    assert first[0].status == "added"
    assert store.owner_chars(owner) >= 50
    second = upload(store, pack_name, [note(tmp_path, "b.md")], owner, quota_chars=50)
    assert second[0].status == "failed" and "reached its" in second[0].message
    assert set(store.info(pack_name).sources) == {"a.md"}


def test_folders_and_links_are_not_uploads(store: PackStore, pack_name: str, tmp_path: Path):
    folder = tmp_path / "folder"
    folder.mkdir()
    note(folder, "inside.md")
    link = tmp_path / "link.md"
    link.symlink_to(note(tmp_path, "target.md"))
    outcomes = upload(store, pack_name, [folder, link], "d" * 32)
    assert [o.status for o in outcomes] == ["failed", "failed"]
    assert not store.exists(pack_name)


def test_nobody_writes_into_a_pack_they_do_not_own(
    store: PackStore, pack_name: str, tmp_path: Path
) -> None:
    upload(store, pack_name, [note(tmp_path, "a.md")], "e" * 32)
    with pytest.raises(KnowledgeError, match="belongs to someone else"):
        upload(store, pack_name, [note(tmp_path, "b.md")], "coach:ana")
    assert set(store.info(pack_name).sources) == {"a.md"}


def test_a_stranger_re_uploading_a_file_a_pack_holds_hears_nothing_of_it(
    store: PackStore, pack_name: str, tmp_path: Path
) -> None:
    job_ad = note(tmp_path, "job-ad.md")  # public: anyone may have the same bytes
    upload(store, pack_name, [job_ad], "e" * 32)
    # Ownership is checked before the file is compared: no "unchanged" for somebody else's pack.
    with pytest.raises(KnowledgeError, match="belongs to someone else"):
        upload(store, pack_name, [job_ad], "f" * 32)

"""``roleplay knowledge`` as a user runs it, against the embedded store and a Chroma server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from roleplay.core.resources import shipped_dir
from tests.support.documents import encrypted_pdf

COMPANY = shipped_dir("knowledge") / "larkspur-health"


def test_add_show_search_remove(run_cli, knowledge_env: dict, pack_name: str) -> None:
    added = run_cli("knowledge", "add", pack_name, str(COMPANY), env=knowledge_env)
    assert added.returncode == 0, added.stderr
    assert f"{pack_name}: 4 added, 0 unchanged, 0 replaced, 0 failed" in added.stdout

    shown = run_cli("knowledge", "show", pack_name, env=knowledge_env)
    assert "local:all-MiniLM-L6-v2 (384 dimensions)" in shown.stdout
    assert "annual-review-2025.pdf:" in shown.stdout

    found = run_cli(
        "knowledge",
        "search",
        pack_name,
        "What was the revenue in 2025?",
        "-k",
        "2",
        env=knowledge_env,
    )
    # (A PDF passage is placed by its page and the heading it sits under.)
    assert found.stdout.startswith("1. annual-review-2025.pdf (page 2 > 2025 in numbers)  score ")
    assert "$31 million" in found.stdout

    listed = run_cli("knowledge", "list", env=knowledge_env)
    assert pack_name in listed.stdout

    removed = run_cli(
        "knowledge", "remove", pack_name, "--source", "careers-page.html", env=knowledge_env
    )
    assert removed.returncode == 0
    assert (
        "careers-page.html" not in run_cli("knowledge", "show", pack_name, env=knowledge_env).stdout
    )


def test_adding_twice_reports_unchanged(run_cli, knowledge_env: dict, pack_name: str) -> None:
    run_cli("knowledge", "add", pack_name, str(COMPANY / "company-overview.md"), env=knowledge_env)
    again = run_cli(
        "knowledge", "add", pack_name, str(COMPANY / "company-overview.md"), env=knowledge_env
    )
    assert again.returncode == 0
    assert again.stdout.startswith("unchanged  company-overview.md (")


def test_bad_files_get_one_line_each_and_good_ones_still_go_in(
    run_cli, knowledge_env: dict, pack_name: str, tmp_path: Path
) -> None:
    folder = tmp_path / "research"
    folder.mkdir()
    (folder / "good.md").write_text("# Notes\n\nThe team ships on Thursdays.\n")
    (folder / "latin.txt").write_bytes("Le café est très bon.".encode("latin-1"))
    (folder / "empty.txt").write_text("")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    encrypted_pdf(folder / "locked.pdf")
    (folder / "huge.md").write_text("x " * 600_000)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    named = tmp_path / "sheet.xlsx"
    named.write_bytes(b"PK\x03\x04")
    result = run_cli(
        "knowledge",
        "add",
        pack_name,
        str(folder),
        str(named),
        env={**knowledge_env, "ROLEPLAY_MAX_FILE_MB": "1"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    expected = {
        "added      good.md (1 chunks)",
        "added      latin.txt (1 chunks)",
        "failed     empty.txt: is empty",
        "failed     broken.pdf: is not a readable PDF",
        "failed     locked.pdf: is password-protected; remove the password and add it again",
        "failed     huge.md: is 1.1 MB, over the 1 MB limit (raise ROLEPLAY_MAX_FILE_MB",
        "failed     junk.txt: looks like binary data, not text (is the file extension right?)",
        "skipped    photo.png: not a supported file type",
        "failed     sheet.xlsx: has an unsupported type '.xlsx'",
    }
    for line in expected:
        assert any(actual.startswith(line) for actual in lines), (line, lines)
    assert lines[-1] == f"{pack_name}: 2 added, 0 unchanged, 0 replaced, 6 failed, 1 skipped"
    found = run_cli("knowledge", "search", pack_name, "When does the team ship?", env=knowledge_env)
    assert "Thursdays" in found.stdout


def test_unknown_pack_is_a_clear_error(run_cli, knowledge_env: dict) -> None:
    result = run_cli("knowledge", "show", "No such pack", env=knowledge_env)
    assert result.returncode == 1
    assert result.stderr.startswith("error: There is no pack called 'No such pack'")


def test_unreachable_chroma_server_is_a_clear_error(run_cli) -> None:
    from tests.support.servers import free_port

    url = f"http://127.0.0.1:{free_port()}"
    result = run_cli("knowledge", "list", env={"ROLEPLAY_CHROMA_URL": url})
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: Could not reach the Chroma server at {url}")
    assert "Traceback" not in result.stderr


KILLER = """
import os, signal, sys
from roleplay.wiring import knowledge as configured
from roleplay.knowledge.ingest import ingest
from roleplay.core.settings import Settings

def die_after_first_batch(source, stage, done, total):
    if stage == "embedding" and done < total:
        os.kill(os.getpid(), signal.SIGKILL)

config = Settings()
ingest(configured.open_store(config), sys.argv[1], sys.argv[2:], limits=configured.limits(config),
       chunking=configured.chunking(config), progress=die_after_first_batch)
"""

INSPECT = """
import sys
from roleplay.wiring import knowledge as configured
from roleplay.knowledge.names import collection_name
from roleplay.core.settings import Settings

store = configured.open_store(Settings())
info = store.info(sys.argv[1])
stored = store.client.get_collection(collection_name(sys.argv[1])).count()
texts = " ".join(p.text for p in store.search(sys.argv[1], sys.argv[2], 10))
print(info.chunks, stored, "NEW" in texts, "OLD" in texts)
"""


def big_notes(marker: str) -> str:
    # Enough paragraphs for several embedding batches, each saying which version it is.
    return "\n\n".join(
        f"Paragraph {n} of the {marker} edition. The {marker} team meets on day {n} to plan "
        f"release {n} of the monitoring app, and {marker} notes record the outcome."
        for n in range(600)
    )


def python(script: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **env},
    )


# (The embedded store only: a server runs the same store code over HTTP, and its every step
# here is a process loading the embedder, fifteen seconds each.)
@pytest.mark.parametrize("store_mode", ["embedded"])
def test_killed_ingest_leaves_sources_whole_and_the_next_add_finishes(
    run_cli, knowledge_env: dict, pack_name: str, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(big_notes("OLD"))
    added = run_cli("knowledge", "add", pack_name, str(notes), env=knowledge_env)
    assert added.stdout.startswith("added      notes.txt ("), added.stdout
    chunks = int(re.search(r"\((\d+) chunks", added.stdout)[1])
    assert chunks > 128  # more than one batch, so a kill can land in the middle

    notes.write_text(big_notes("NEW"))
    killed = python(KILLER, pack_name, str(notes), env=knowledge_env)
    assert killed.returncode == -9
    after_kill = python(INSPECT, pack_name, "edition team meets", env=knowledge_env).stdout.split()
    # The manifest still points at the old version; half the new one is stored but never seen.
    assert after_kill == [str(chunks), after_kill[1], "False", "True"]
    assert int(after_kill[1]) > chunks

    again = run_cli("knowledge", "add", pack_name, str(notes), env=knowledge_env)
    assert again.stdout.startswith("replaced   notes.txt (")
    final = python(INSPECT, pack_name, "edition team meets", env=knowledge_env).stdout.split()
    assert final[0] == final[1]  # every stored chunk belongs to the active version
    assert final[2:] == ["True", "False"]

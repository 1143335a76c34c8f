"""The ``roleplay`` command starts fast: reading its commands (what ``--help`` does) loads none of
the heavy libraries; each command imports what it needs when it runs (bench/cli_start.py
prints the times)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ["chromadb", "torch", "openai", "langchain_core", "gradio", "llama_cpp", "sqlalchemy"]
LOADED = f"""
import json, sys
import typer
from roleplay.cli import app
typer.main.get_command(app)  # every command and option, as --help reads them
print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
"""


def test_reading_the_commands_loads_no_heavy_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOADED], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(result.stdout) == []


def test_the_check_would_see_a_heavy_library_loaded() -> None:
    script = LOADED.replace("import typer", "import typer, sqlalchemy")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(result.stdout) == ["sqlalchemy"]


def test_listing_sessions_on_a_current_database_loads_no_database_library(
    tmp_path: Path,
) -> None:
    from roleplay.core.settings import Settings
    from roleplay.history.sessions import SessionStore

    SessionStore.open(Settings(data_dir=tmp_path))  # a database at the newest schema
    script = f"""
import json, os, sys
os.environ["ROLEPLAY_DATA_DIR"] = {str(tmp_path)!r}
from roleplay.cli import app
try:
    app(["sessions", "list"])
except SystemExit:
    pass
print(json.dumps(sorted(m for m in ("sqlalchemy", "alembic") if m in sys.modules)))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(result.stdout.splitlines()[-1]) == []

"""``roleplay serve`` refuses, at its start and in one line, to run where it would break
another process: beside a server on the same embedded store, or with another identity key
than the other processes on a shared database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from roleplay.core.settings import Settings
from roleplay.web.services import Services
from roleplay.wiring.processes import LOCK_FILE
from tests.support.servers import free_port


def test_a_second_server_on_the_same_data_directory_is_refused_in_one_line(
    run_cli, isolated_environment: Path
) -> None:
    first = subprocess.Popen(
        [str(Path(sys.executable).with_name("roleplay")), "serve", "--port", str(free_port())],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ),
    )
    try:
        lock = isolated_environment / LOCK_FILE
        deadline = time.monotonic() + 120
        while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.2)
        second = run_cli("serve", "--port", str(free_port()), timeout=120)
    finally:
        first.kill()
        first.wait()
    assert second.returncode == 1
    assert f"Another server process (pid {first.pid}) already uses" in second.stderr
    assert "ROLEPLAY_CHROMA_URL" in second.stderr and "ROLEPLAY_DATABASE_URL" in second.stderr
    assert "Traceback" not in second.stderr


def test_a_server_bringing_another_identity_key_to_a_shared_database_is_refused(
    run_cli, isolated_environment: Path, tmp_path: Path
) -> None:
    shared = {"ROLEPLAY_DATABASE_URL": f"sqlite:///{tmp_path / 'shared.db'}"}
    first = Settings(data_dir=tmp_path / "first", database_url=shared["ROLEPLAY_DATABASE_URL"])
    Services(first).identity_key  # noqa: B018 - the first process records its key
    result = run_cli("serve", "--port", str(free_port()), env=shared, timeout=120)
    assert result.returncode == 1
    assert "identity key" in result.stderr and "ROLEPLAY_IDENTITY_KEY_FILE" in result.stderr
    assert "Traceback" not in result.stderr

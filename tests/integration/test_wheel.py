"""A built wheel carries its data folders and migrations: installed fresh, run elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.wheel

REPO = Path(__file__).resolve().parents[2]


def run(*command: str | Path, cwd: Path) -> str:
    env = {**os.environ, "CMAKE_ARGS": os.environ.get("CMAKE_ARGS", "-DGGML_NATIVE=OFF")}
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=1200
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_wheel_in_a_fresh_virtualenv_finds_its_data(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", dist, REPO, cwd=tmp_path
    )
    wheel = next(dist.glob("*.whl"))
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    # The wheel alone goes into the new virtualenv; its dependencies are the ones pip already
    # installed here from the same pyproject.toml, seen after the virtualenv's own packages
    # (installing torch and the rest again took most of this test's four minutes). The
    # checkout's own path is left out, so only the wheel's roleplay can be found.
    packages = next(Path(p) for p in sys.path if p.endswith("site-packages"))
    own = next((venv / "lib").glob("python*/site-packages"))
    (own / "zz_shared_dependencies.pth").write_text(f"{packages}\n")
    run(
        venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--no-deps", wheel, cwd=tmp_path
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    listing = run(venv / "bin" / "roleplay", "personas", "list", cwd=elsewhere)
    assert "anxious-hiring-manager" in listing
    catalogue = run(venv / "bin" / "roleplay", "models", "list", cwd=elsewhere)
    assert "qwen2.5-1.5b" in catalogue
    assert "relaxed-industry-leader" in listing
    where = run(
        venv / "bin" / "python",
        "-c",
        "from roleplay.core.resources import shipped_dir as d; "
        "print(*map(d, ('personas', 'prompts', 'knowledge', 'rubrics', 'cues', 'models')))",
        cwd=elsewhere,
    )
    for folder in where.split():
        assert Path(folder).is_relative_to(venv), folder
        assert "_data" in Path(folder).parts
    # The database migrations ship inside the package: a fresh data directory gets its schema
    # (listing the accounts opens the database), and the quick list of interviews reads it with
    # the SQL that ships beside them.
    env_dir = tmp_path / "data"

    def roleplay(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(venv / "bin" / "roleplay"), *args],
            cwd=elsewhere,
            env={**os.environ, "ROLEPLAY_DATA_DIR": str(env_dir)},
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert roleplay("users", "list").returncode == 0
    assert (env_dir / "roleplay.db").is_file()
    listed = roleplay("sessions", "list", "--json")
    assert listed.returncode == 0 and listed.stdout.strip() == "[]", listed.stderr
    sql = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "from roleplay.history.listing import LIST_SQL as f; "
         "print(f.is_file(), f)"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert sql.stdout.startswith("True ") and Path(sql.stdout.split()[1]).is_relative_to(venv)

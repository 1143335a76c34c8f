"""The package layers (import-linter contracts in pyproject.toml) hold, and would catch a climb."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    """Check the contracts against the ``roleplay`` package found in ``tree``."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def copy_of_the_code(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "roleplay", tmp_path / "roleplay", ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path


def test_the_code_keeps_every_layer_contract(copy_of_the_code: Path) -> None:
    result = lint_imports(copy_of_the_code)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_a_shared_type_importing_a_feature_breaks_the_layers(copy_of_the_code: Path) -> None:
    module = copy_of_the_code / "roleplay" / "core" / "wording.py"
    module.write_text(module.read_text() + "\nfrom roleplay.interview import engine  # climbs\n")
    result = lint_imports(copy_of_the_code)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "roleplay.core.wording -> roleplay.interview.engine" in result.stdout


def test_a_feature_importing_the_user_interface_breaks_the_contract(
    copy_of_the_code: Path,
) -> None:
    module = copy_of_the_code / "roleplay" / "feedback" / "report.py"
    module.write_text(module.read_text() + "\nimport gradio  # a feature drawing on the page\n")
    result = lint_imports(copy_of_the_code)
    assert result.returncode != 0
    assert "roleplay.feedback.report -> gradio" in result.stdout

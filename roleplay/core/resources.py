"""Where the shipped data folders (personas, prompts, knowledge) are on disk.

In a wheel they sit inside the package under ``_data/``; in a source checkout (editable install,
tests) they are the top-level folders of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def shipped_dir(name: str) -> Path:
    """Return the shipped folder ``name`` ("personas", "prompts" or "knowledge")."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"The shipped '{name}' folder is missing from this installation "
        f"(looked in {_PACKAGE_DIR / '_data'} and {_PACKAGE_DIR.parent}). Reinstall the package."
    )

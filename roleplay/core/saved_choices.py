"""The choices the program saves for the user (``<data dir>/settings.json``), read below the
environment: a ``ROLEPLAY_*`` variable still wins over them."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from pydantic.fields import FieldInfo
from pydantic_settings import PydanticBaseSettingsSource

SAVED_FILE = "settings.json"
# What the program may save for the user; anything else in the file is ignored.
SAVED_KEYS = ("model",)


def default_data_dir() -> Path:
    return Path(user_data_dir("interview-roleplay", appauthor=False))


class SavedChoices(PydanticBaseSettingsSource):
    """The data directory's ``settings.json``, below the environment: a variable still wins."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        data_dir = self.current_state.get("data_dir") or default_data_dir()
        try:
            saved = json.loads((Path(data_dir) / SAVED_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # none saved (or unreadable: the defaults serve, and a save rewrites it)
        if not isinstance(saved, dict):
            return {}
        return {key: saved[key] for key in SAVED_KEYS if isinstance(saved.get(key), str)}


def saved_choice(data_dir: Path, key: str) -> str | None:
    """One of the user's saved choices, whatever the environment says."""
    try:
        saved = json.loads((data_dir / SAVED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = saved.get(key) if isinstance(saved, dict) else None
    return value if isinstance(value, str) else None


def save_choice(data_dir: Path, key: str, value: str | None) -> Path:
    """Save (or, with None, forget) one of the user's choices in the data directory."""
    if key not in SAVED_KEYS:
        raise ValueError(f"'{key}' is not a choice the program saves")
    path = data_dir / SAVED_FILE
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        saved = saved if isinstance(saved, dict) else {}
    except (OSError, ValueError):
        saved = {}
    if value is None:
        saved.pop(key, None)
    else:
        saved[key] = value
    data_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=data_dir, prefix=".settings-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(saved, out, indent=2, sort_keys=True)
    os.replace(temporary, path)
    return path

"""The web app's keys, each in a file of the data directory that only this user can read."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

# In the data directory: the key that signs identity cookies (secret), the one pages' stored
# values are scrambled with (public: Gradio sends it to every page), and the file that held
# both before they were told apart (published, so retired).
IDENTITY_KEY_FILE = "identity-key"
PAGE_STORAGE_KEY_FILE = "page-storage-key"
RETIRED_KEY_FILE = "browser-secret"
MIN_KEY_CHARS = 32


def key_file(path: Path) -> str:
    """A random key kept in ``path``, readable by this user only. Written whole under another
    name and linked into place, so no reader ever sees an empty or half-written key (an empty
    HMAC key would let anyone sign); a file too short to be one of ours is replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(3):
        try:
            key = path.read_text().strip()
        except FileNotFoundError:
            key = ""
        if len(key) >= MIN_KEY_CHARS:
            return key
        staged = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
        descriptor = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(32))
        try:
            if key or path.exists():
                os.replace(staged, path)  # a broken key: replaced
            else:
                os.link(staged, path)  # fails if another process made one meanwhile
        except FileExistsError:
            pass  # theirs is read on the next round
        finally:
            staged.unlink(missing_ok=True)
    raise RuntimeError(f"Could not make a key in {path.parent}")

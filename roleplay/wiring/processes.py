"""One server process where only one may run: the embedded research store (Chroma's own
folder can hang when two processes open it) and the SQLite file in the data directory. A
second ``roleplay serve`` on the same data directory is refused at its start, with one line
saying to use the servers; with a Chroma server and PostgreSQL, any number may run.

The lock is the operating system's (``flock``) on a file of the data directory: it goes with
the process, however that process ends, so a killed server never leaves a stale lock.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from roleplay.core.errors import UserError
from roleplay.core.settings import Settings

LOCK_FILE = "server.lock"


class AlreadyServing(UserError):
    """Another server process holds the embedded store or the SQLite file."""


def embedded_parts(settings: Settings) -> list[str]:
    """What these settings keep in the data directory that one process alone may open."""
    parts = []
    if not settings.chroma_url:
        parts.append(f"the embedded research store ({settings.chroma_dir})")
    if not settings.database_url:
        parts.append(f"the SQLite database ({settings.data_dir / 'roleplay.db'})")
    return parts


def hold_data_dir(settings: Settings) -> int | None:
    """Take the data directory's server lock when these settings use an embedded part; the
    returned descriptor holds it until the process ends (None: nothing to hold)."""
    parts = embedded_parts(settings)
    if not parts:
        return None
    path = settings.data_dir / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _holder(path)
        os.close(descriptor)
        raise AlreadyServing(
            f"Another server process{holder} already uses {' and '.join(parts)}. To run "
            "several processes, use a Chroma server (ROLEPLAY_CHROMA_URL) and PostgreSQL "
            "(ROLEPLAY_DATABASE_URL); see docs/cluster.md."
        ) from None
    os.ftruncate(descriptor, 0)
    os.write(descriptor, str(os.getpid()).encode())
    return descriptor


def _holder(path: Path) -> str:
    try:
        pid = path.read_text().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""

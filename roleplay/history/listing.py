"""The list of saved interviews, and how the terminal reads it in a blink.

``roleplay sessions list`` must answer in under half a second, and importing SQLAlchemy alone
takes 0.3 s on a two-core machine. So on the default SQLite database the list is read with the
standard library's ``sqlite3``, running the SQL that ``SessionStore.list``'s own query compiles
to (``sql/list_sessions.sql``; tests/integration/test_history.py fails when the two differ).
Anything else (a database that is not there yet, an older schema, PostgreSQL) goes through the
store, which migrates and explains.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from roleplay.core.settings import Settings

# The newest schema revision (history/migrations); database.py migrates to it.
SCHEMA_HEAD = "0011"
# How many interviews a list shows, newest first.
LIST_LIMIT = 100
LIST_SQL = Path(__file__).resolve().parent / "sql" / "list_sessions.sql"


@dataclass(frozen=True)
class SessionSummary:
    id: str
    user: str
    persona_id: str
    persona_name: str
    company: str
    role: str
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None
    turns: int
    overall: float | None  # the newest report's score, when there is one

    @property
    def finished(self) -> bool:
        return self.ended_at is not None


def sqlite_file(settings: Settings) -> Path | None:
    """The SQLite database the settings use (None: ``ROLEPLAY_DATABASE_URL`` names another)."""
    return None if settings.database_url else settings.data_dir / "roleplay.db"


def _moment(value: datetime | str | None) -> datetime | None:
    # Every moment we store is UTC; SQLite hands it back naive (as ISO text, read by sqlite3).
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def summary_from_row(row: tuple) -> SessionSummary:
    """A summary from one row of ``SessionStore.list``'s query (or its SQL, run by sqlite3)."""
    id_, user, persona_id, persona_name, company, role, started, ended, reason, turns, score = row
    return SessionSummary(
        id=id_,
        user=user,
        persona_id=persona_id,
        persona_name=persona_name,
        company=company,
        role=role,
        started_at=_moment(started) or datetime.min.replace(tzinfo=UTC),
        ended_at=_moment(ended),
        end_reason=reason,
        turns=turns or 0,
        overall=score,
    )


def quick_list(settings: Settings) -> list[SessionSummary] | None:
    """Every saved interview, newest first, read without SQLAlchemy; None when the store must
    answer instead (not SQLite, an older schema, a file that cannot be read)."""
    path = sqlite_file(settings)
    if path is None:
        return None
    if not path.exists():
        return []  # nothing saved yet, and listing creates nothing
    try:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
            revision = db.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or revision[0] != SCHEMA_HEAD:
                return None
            rows = db.execute(LIST_SQL.read_text(encoding="utf-8"), (LIST_LIMIT, 0)).fetchall()
    except (sqlite3.Error, OSError):
        return None  # the store opens it, and says what is wrong
    return [summary_from_row(row) for row in rows]

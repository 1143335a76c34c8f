"""Saving interviews as they happen, and reading them back.

``SessionStore.record(session)`` is idempotent: it writes whatever of the session is not in the
database yet (new turns, notes that arrived since, the end), in one transaction. The engine calls
it after every change, so a crash loses at most the reply being generated.
"""

from __future__ import annotations

import builtins
import threading
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload, sessionmaker

from roleplay.core.session import Session
from roleplay.core.settings import Settings
from roleplay.history.database import HistoryError, open_database
from roleplay.history.listing import LIST_LIMIT, SessionSummary, summary_from_row
from roleplay.history.rows import session_from_row, turn_row
from roleplay.history.tables import (
    NotesSnapshot,
    ReportRow,
    ScenarioRow,
    SessionRow,
    TurnRow,
    User,
)

LOCAL_USER = "cli:local"  # no account can take a name with ":"


def list_query(user: str | None = None, limit: int = LIST_LIMIT) -> Select:
    """The saved interviews newest first, each with its turn count and newest report's score
    (the columns ``listing.summary_from_row`` reads, in its order)."""
    turns = (
        select(TurnRow.session_id, func.count().label("n")).group_by(TurnRow.session_id).subquery()
    )
    newest = (
        select(ReportRow.session_id, func.max(ReportRow.id).label("report_id"))
        .group_by(ReportRow.session_id)
        .subquery()
    )
    query = (
        select(
            SessionRow.id,
            User.name,
            SessionRow.persona_id,
            SessionRow.persona_name,
            SessionRow.company,
            SessionRow.role,
            SessionRow.started_at,
            SessionRow.ended_at,
            SessionRow.end_reason,
            turns.c.n,
            ReportRow.overall,
        )
        .join(User, User.id == SessionRow.user_id)
        .outerjoin(turns, turns.c.session_id == SessionRow.id)
        .outerjoin(newest, newest.c.session_id == SessionRow.id)
        .outerjoin(ReportRow, ReportRow.id == newest.c.report_id)
        .order_by(SessionRow.started_at.desc())
        .limit(limit)
    )
    return query if user is None else query.where(User.name == user)


class SessionStore:
    def __init__(self, factory: sessionmaker):
        self.factory = factory
        # The engine records from the notes thread and the request thread alike.
        self._lock = threading.Lock()

    @classmethod
    def open(cls, settings: Settings) -> SessionStore:
        return cls(open_database(settings))

    # -- writing ----------------------------------------------------------------------------

    def _user_id(self, db: DbSession, name: str) -> int:
        user = db.scalar(select(User).where(User.name == name))
        if user is None:
            role = "browser" if name.startswith("browser:") else "local"
            user = User(name=name, created_at=datetime.now(UTC), role=role)
            db.add(user)
            db.flush()
        return user.id

    def record(self, session: Session, user: str = LOCAL_USER) -> None:
        """Write what is new in ``session`` since the last call."""
        with self._lock, self._transaction() as db:
            row = db.get(SessionRow, session.id, options=[selectinload(SessionRow.turns)])
            if row is None:
                setting = session.setting
                row = SessionRow(
                    id=session.id,
                    user_id=self._user_id(db, user),
                    persona_id=session.persona_id,
                    persona_name=session.persona_name,
                    mode=session.mode,
                    company=setting.company,
                    role=setting.role,
                    candidate=setting.candidate,
                    max_turns=session.max_turns,
                    minutes=session.minutes,
                    started_at=session.started_at,
                    model=session.model,
                    packs=list(session.packs),
                    candidate_packs=list(session.candidate_packs),
                    practice_of=session.practice.session if session.practice else None,
                    practice=session.practice.model_dump(mode="json") if session.practice else None,
                    notes={},
                    turns=[],
                    scenario_id=(
                        db.scalar(
                            select(ScenarioRow.id).where(ScenarioRow.code == session.scenario)
                        )
                        if session.scenario
                        else None
                    ),
                )
                db.add(row)
            row.ended_at = session.ended_at
            row.end_reason = session.end_reason
            row.notes = session.notes.model_dump(mode="json")
            stored = {t.index: t for t in row.turns}
            for turn in session.turns:
                existing = stored.get(turn.index)
                if existing is None:
                    row.turns.append(turn_row(turn))
                    continue
                existing.notes_error = turn.notes_error
                if turn.notes is not None:
                    notes = turn.notes.model_dump(mode="json")
                    if existing.notes is None:
                        existing.notes = NotesSnapshot(notes=notes)
                    elif existing.notes.notes != notes:
                        existing.notes.notes = notes

    def save_report(
        self, session_id: str, report: dict[str, Any], *, rubric_id: str, overall: float | None
    ) -> None:
        with self._lock, self._transaction() as db:
            db.add(
                ReportRow(
                    session_id=session_id,
                    created_at=datetime.now(UTC),
                    rubric_id=rubric_id,
                    overall=overall,
                    report=report,
                )
            )

    def delete(self, session_id: str) -> None:
        with self._lock, self._transaction() as db:
            row = db.get(SessionRow, session_id)
            if row is None:
                raise HistoryError(f"There is no saved session '{session_id}'.")
            db.execute(delete(ReportRow).where(ReportRow.session_id == session_id))
            db.delete(row)

    # -- reading ----------------------------------------------------------------------------

    def load(self, session_id: str, user: str | None = None) -> Session:
        """The saved session; ``user`` limits it to that user's own."""
        with self._reading() as db:
            query = (
                select(SessionRow)
                .where(SessionRow.id == session_id)
                .options(
                    selectinload(SessionRow.turns).selectinload(TurnRow.sources),
                    selectinload(SessionRow.turns).selectinload(TurnRow.notes),
                )
            )
            if user is not None:
                query = query.join(User).where(User.name == user)
            row = db.scalar(query)
            if row is None:
                raise HistoryError(
                    f"There is no saved session '{session_id}'. "
                    "`roleplay sessions list` shows the saved ones."
                )
            code = (
                db.scalar(select(ScenarioRow.code).where(ScenarioRow.id == row.scenario_id))
                if row.scenario_id
                else None
            )
            return session_from_row(row, code)

    def list(self, user: str | None = None, limit: int = LIST_LIMIT) -> list[SessionSummary]:
        """Newest first."""
        with self._reading() as db:
            return [summary_from_row(tuple(row)) for row in db.execute(list_query(user, limit))]

    def owner(self, session_id: str) -> str:
        """Whose saved interview this is (the user's name)."""
        with self._reading() as db:
            name = db.scalar(
                select(User.name).join(SessionRow, SessionRow.user_id == User.id)
                .where(SessionRow.id == session_id)
            )  # fmt: skip
        if name is None:
            raise HistoryError(f"There is no saved session '{session_id}'.")
        return name

    def practices(self, session_id: str, user: str | None = None) -> builtins.list[Session]:
        """The interviews that practised a question of ``session_id`` again, oldest first."""
        with self._reading() as db:
            query = select(SessionRow.id).where(SessionRow.practice_of == session_id)
            if user is not None:
                query = query.join(User).where(User.name == user)
            ids = list(db.scalars(query.order_by(SessionRow.started_at)))
        return [self.load(found, user) for found in ids]

    def latest_report(self, session_id: str) -> dict[str, Any] | None:
        with self._reading() as db:
            row = db.scalar(
                select(ReportRow)
                .where(ReportRow.session_id == session_id)
                .order_by(ReportRow.id.desc())
                .limit(1)
            )
            return dict(row.report) if row else None

    def reports(
        self, user: str | None = None
    ) -> builtins.list[tuple[SessionSummary, dict[str, Any]]]:
        """Every session's newest report, oldest first: the material of a progress chart."""
        summaries = {s.id: s for s in self.list(user, limit=10_000)}
        with self._reading() as db:
            newest = (
                select(func.max(ReportRow.id))
                .where(ReportRow.session_id.in_(list(summaries)))
                .group_by(ReportRow.session_id)
            )
            rows = db.scalars(select(ReportRow).where(ReportRow.id.in_(newest))).all()
        pairs = [(summaries[r.session_id], dict(r.report)) for r in rows]
        return sorted(pairs, key=lambda pair: pair[0].started_at)

    # -- plumbing ---------------------------------------------------------------------------

    def _transaction(self):
        return Guarded(self.factory, write=True)

    def _reading(self):
        return Guarded(self.factory, write=False)


class Guarded:
    """A database session whose failures come out as ``HistoryError`` with advice."""

    def __init__(self, factory: sessionmaker, write: bool):
        self.factory = factory
        self.write = write

    def __enter__(self) -> DbSession:
        self.db = self.factory()
        return self.db

    def __exit__(self, kind: object, error: BaseException | None, traceback: object) -> None:
        try:
            if error is None and self.write:
                self.db.commit()
            elif error is not None:
                self.db.rollback()
        except SQLAlchemyError as commit_error:
            error = commit_error
        finally:
            self.db.close()
        if isinstance(error, SQLAlchemyError):
            raise HistoryError(
                f"The session database failed: {str(error).splitlines()[0]}. What was said is "
                "still on screen; check that the database is reachable."
            ) from error

"""The tables that let several server processes share one database as one app: what used to
be held in one process's memory or under its lock (see SECURITY.md, "Many processes")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from roleplay.history.tables import Base


class SignInFailure(Base):
    """A wrong password (or a refused sign-up), counted against ``key``: ``account:<name>`` or
    ``address:<client>``. ``at`` is seconds since the epoch."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), index=True)
    at: Mapped[float] = mapped_column(Float, index=True)


class AttemptClaim(Base):
    """A learner's ``number``-th attempt at a scenario with an attempt limit, claimed before the
    attempt is recorded: the primary key lets one of two racing starts (in any two processes)
    have each number."""

    __tablename__ = "attempt_claims"

    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(primary_key=True)


class ServerKey(Base):
    """A key every process on this database must share: a secret one by its fingerprint (never
    the key itself), a public one by its value."""

    __tablename__ = "server_keys"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(64))


class OpenPage(Base):
    """What one open page holds, by the browser (its signed identity) and the page's own id:
    its sign-in (by the token's hash, as ``logins`` keeps it), its interview, its scenario and
    its model. Another process reads it when the page's own process has gone."""

    __tablename__ = "open_pages"

    browser_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    page_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    login_hash: Mapped[str | None] = mapped_column(String(64))
    interview_id: Mapped[str | None] = mapped_column(String(32))
    scenario: Mapped[str | None] = mapped_column(String(64))
    model: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(index=True)

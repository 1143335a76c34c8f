"""The tables. Turns, notes and sources are rows of their own so that each turn is written the
moment it happens and a report can be queried without loading whole transcripts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {
        dict[str, Any]: JSON,
        list[Any]: JSON,
        datetime: DateTime(timezone=True),
    }


def _name_key(context: Any) -> str:
    return context.get_current_parameters()["name"].lower()


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # "cli:local" for the person at this machine's terminal; the web app adds one per browser.
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The name as it is looked up and kept unique: "LEO" cannot sign up beside "leo". Accounts
    # that clashed before this rule keep "<name>#<id>" here (see migration 0007).
    name_key: Mapped[str] = mapped_column(String(220), unique=True, default=_name_key)
    created_at: Mapped[datetime]
    # local (this machine's owner), browser (one per browser), coach or learner.
    role: Mapped[str] = mapped_column(String(20), default="local")
    # None until a learner a coach added sets one through their one-time link.
    password_hash: Mapped[str | None] = mapped_column(String(300))
    # What a coach's roster says of a learner (a CSV import): for the coach's eyes only.
    full_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    email: Mapped[str | None] = mapped_column(String(254))


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    persona_id: Mapped[str] = mapped_column(String(200))
    persona_name: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(20))
    company: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(300))
    candidate: Mapped[str] = mapped_column(String(300))
    max_turns: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[float] = mapped_column(Float)
    started_at: Mapped[datetime] = mapped_column(index=True)
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(40))
    model: Mapped[str] = mapped_column(String(300), default="")
    packs: Mapped[list[Any]] = mapped_column(default=list)
    candidate_packs: Mapped[list[Any]] = mapped_column(default=list)
    # The interviewer's notes as they stand now (each turn also keeps its own snapshot).
    notes: Mapped[dict[str, Any]]
    # An attempt at a coach's scenario, and when the coach released its feedback.
    scenario_id: Mapped[int | None] = mapped_column(ForeignKey("scenarios.id"), index=True)
    feedback_released_at: Mapped[datetime | None]
    # The interview whose question this one practises again (its id), and which (PracticeOf).
    practice_of: Mapped[str | None] = mapped_column(String(32), index=True)
    practice: Mapped[dict[str, Any] | None]

    turns: Mapped[list[TurnRow]] = relationship(
        order_by="TurnRow.index", cascade="all, delete-orphan"
    )


class TurnRow(Base):
    __tablename__ = "turns"
    __table_args__ = (UniqueConstraint("session_id", "index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    stage: Mapped[str | None] = mapped_column(String(40))
    scripted: Mapped[bool] = mapped_column(Boolean, default=False)
    plan: Mapped[dict[str, Any] | None]
    voiced_by: Mapped[str | None] = mapped_column(String(10))
    voicing_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    sources_error: Mapped[str | None] = mapped_column(Text)
    notes_error: Mapped[str | None] = mapped_column(Text)
    # A spoken answer's delivery figures (pace, pauses, fillers), from its audio.
    delivery: Mapped[dict[str, Any] | None]

    sources: Mapped[list[SourceRow]] = relationship(
        order_by="SourceRow.rank", cascade="all, delete-orphan"
    )
    notes: Mapped[NotesSnapshot | None] = relationship(cascade="all, delete-orphan")


class SourceRow(Base):
    """A passage of research the interviewer was given for a turn."""

    __tablename__ = "sources_used"

    id: Mapped[int] = mapped_column(primary_key=True)
    turn_id: Mapped[int] = mapped_column(ForeignKey("turns.id", ondelete="CASCADE"), index=True)
    rank: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(Text, default="")
    snippet: Mapped[str] = mapped_column(Text)
    score: Mapped[float | None]
    pack: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="company")


class NotesSnapshot(Base):
    """The interviewer's private notes right after an interviewer turn."""

    __tablename__ = "notes_snapshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    turn_id: Mapped[int] = mapped_column(ForeignKey("turns.id", ondelete="CASCADE"), unique=True)
    notes: Mapped[dict[str, Any]]


class ShareRow(Base):
    """A read-only link to one interview's report: only the token's hash is kept, so the
    database alone cannot open it. Revoked or past ``expires_at``, it opens nothing."""

    __tablename__ = "shares"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class ReportRow(Base):
    """The feedback report of a finished session (the newest one counts)."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]
    rubric_id: Mapped[str] = mapped_column(String(200))
    # None when the judge failed and the report holds metrics only.
    overall: Mapped[float | None]
    report: Mapped[dict[str, Any]]


class ScenarioRow(Base):
    """A coach's practice scenario; ``spec`` holds the fields of its YAML file."""

    __tablename__ = "scenarios"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The unguessable code in the scenario's link (/?scenario=CODE).
    code: Mapped[str] = mapped_column(String(40), unique=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    spec: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CommentRow(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class LoginRow(Base):
    """A signed-in browser: the hash of its token (never the token) and when it expires."""

    __tablename__ = "logins"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class CohortRow(Base):
    """A coach's group of learners (a class, a programme intake)."""

    __tablename__ = "cohorts"
    __table_args__ = (UniqueConstraint("owner_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    # A course on a learning platform this cohort is ("<issuer> <context id>"), if any.
    lti_context: Mapped[str | None] = mapped_column(String(700), unique=True)


class MemberRow(Base):
    __tablename__ = "cohort_members"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    added_at: Mapped[datetime]


class CohortCoachRow(Base):
    """A coach of a cohort besides its owner: another instructor of the same course."""

    __tablename__ = "cohort_coaches"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class AssignmentRow(Base):
    """A scenario a cohort is to attempt, by when (None: whenever)."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("cohort_id", "scenario_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"))
    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("scenarios.id", ondelete="CASCADE"), index=True
    )
    due_at: Mapped[datetime | None]
    assigned_at: Mapped[datetime]


class PasswordLinkRow(Base):
    """A one-time link that lets a learner a coach added choose their password: only the
    token's hash is kept; used or past ``expires_at``, it sets nothing."""

    __tablename__ = "password_links"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class LtiPlatformRow(Base):
    """A learning platform (Canvas, Moodle…) registered to launch this app over LTI 1.3."""

    __tablename__ = "lti_platforms"
    __table_args__ = (UniqueConstraint("issuer", "client_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    issuer: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[str] = mapped_column(String(300))
    deployment_ids: Mapped[list[Any]] = mapped_column(default=list)
    auth_login_url: Mapped[str] = mapped_column(String(500))
    auth_token_url: Mapped[str] = mapped_column(String(500))
    key_set_url: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime]


class LtiUserRow(Base):
    """Who a platform's user is here: their subject at that issuer, and our account."""

    __tablename__ = "lti_users"
    __table_args__ = (UniqueConstraint("issuer", "subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    issuer: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(300))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)


class LtiKeyRow(Base):
    """The tool's own signing key (its public half is served as the tool's JWKS)."""

    __tablename__ = "lti_keys"

    kid: Mapped[str] = mapped_column(String(64), primary_key=True)
    private_pem: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class LtiValueRow(Base):
    """What an LTI login leaves for its launch (state, nonce, launch data), until it expires.
    A nonce is taken out when a launch uses it, so the same launch cannot be sent twice."""

    __tablename__ = "lti_values"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    value: Mapped[dict[str, Any]]
    expires_at: Mapped[datetime] = mapped_column(index=True)

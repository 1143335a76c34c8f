"""Sessions, turns, the sources each turn was given and the notes after it.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", WHEN, nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("persona_id", sa.String(200), nullable=False),
        sa.Column("persona_name", sa.String(200), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("company", sa.String(300), nullable=False),
        sa.Column("role", sa.String(300), nullable=False),
        sa.Column("candidate", sa.String(300), nullable=False),
        sa.Column("max_turns", sa.Integer, nullable=False),
        sa.Column("minutes", sa.Float, nullable=False),
        sa.Column("started_at", WHEN, nullable=False, index=True),
        sa.Column("ended_at", WHEN),
        sa.Column("end_reason", sa.String(40)),
        sa.Column("model", sa.String(300), nullable=False),
        sa.Column("packs", sa.JSON, nullable=False),
        sa.Column("candidate_packs", sa.JSON, nullable=False),
        sa.Column("notes", sa.JSON, nullable=False),
    )
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id",
            sa.String(32),
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("index", sa.Integer, nullable=False),
        sa.Column("speaker", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("stage", sa.String(40)),
        sa.Column("scripted", sa.Boolean, nullable=False),
        sa.Column("sources_error", sa.Text),
        sa.Column("notes_error", sa.Text),
        sa.UniqueConstraint("session_id", "index"),
    )
    op.create_table(
        "sources_used",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "turn_id",
            sa.Integer,
            sa.ForeignKey("turns.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("snippet", sa.Text, nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("pack", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
    )
    op.create_table(
        "notes_snapshots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "turn_id",
            sa.Integer,
            sa.ForeignKey("turns.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("notes", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for table in ("notes_snapshots", "sources_used", "turns", "sessions", "users"):
        op.drop_table(table)

"""Coaching: account roles and passwords, scenarios, attempts, comments, logins.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.add_column(sa.Column("role", sa.String(20), nullable=False, server_default="local"))
        users.add_column(sa.Column("password_hash", sa.String(300)))
    op.execute("UPDATE users SET role = 'browser' WHERE name LIKE 'browser:%'")
    op.create_table(
        "scenarios",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(40), nullable=False, unique=True),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("spec", sa.JSON, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
    )
    with op.batch_alter_table("sessions") as sessions:
        sessions.add_column(sa.Column("scenario_id", sa.Integer))
        sessions.add_column(sa.Column("feedback_released_at", WHEN))
        sessions.create_foreign_key("fk_sessions_scenario_id", "scenarios", ["scenario_id"], ["id"])
        sessions.create_index("ix_sessions_scenario_id", ["scenario_id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id",
            sa.String(32),
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
    )
    op.create_table(
        "logins",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("logins")
    op.drop_table("comments")
    with op.batch_alter_table("sessions") as sessions:
        sessions.drop_index("ix_sessions_scenario_id")
        sessions.drop_constraint("fk_sessions_scenario_id", type_="foreignkey")
        sessions.drop_column("feedback_released_at")
        sessions.drop_column("scenario_id")
    op.drop_table("scenarios")
    with op.batch_alter_table("users") as users:
        users.drop_column("password_hash")
        users.drop_column("role")

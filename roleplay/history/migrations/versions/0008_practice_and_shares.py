"""An interview may practise one question of an earlier one again (which, kept with it); a
report may be shared by a read-only link (only the token's hash is kept).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as table:
        table.add_column(sa.Column("practice_of", sa.String(32), nullable=True))
        table.add_column(sa.Column("practice", sa.JSON, nullable=True))
        table.create_index("ix_sessions_practice_of", ["practice_of"])
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "session_id",
            sa.String(32),
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("shares")
    with op.batch_alter_table("sessions") as table:
        table.drop_index("ix_sessions_practice_of")
        table.drop_column("practice")
        table.drop_column("practice_of")

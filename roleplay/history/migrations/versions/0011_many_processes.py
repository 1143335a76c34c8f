"""What must hold across several server processes on one database: failed sign-ins (the
throttle), the claim on each attempt at a limited scenario, the keys every process shares, and
what each open page holds (so another process can carry it on when its own dies).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(300), nullable=False, index=True),
        sa.Column("at", sa.Float, nullable=False, index=True),
    )
    op.create_table(
        "attempt_claims",
        sa.Column(
            "scenario_id",
            sa.Integer,
            sa.ForeignKey("scenarios.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("number", sa.Integer, primary_key=True),
    )
    op.create_table(
        "server_keys",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(64), nullable=False),
    )
    op.create_table(
        "open_pages",
        sa.Column("browser_id", sa.String(32), primary_key=True),
        sa.Column("page_id", sa.String(64), primary_key=True),
        sa.Column("login_hash", sa.String(64), nullable=True),
        sa.Column("interview_id", sa.String(32), nullable=True),
        sa.Column("scenario", sa.String(64), nullable=True),
        sa.Column("model", sa.String(200), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, index=True),
    )


def downgrade() -> None:
    op.drop_table("open_pages")
    op.drop_table("server_keys")
    op.drop_table("attempt_claims")
    op.drop_table("sign_in_failures")

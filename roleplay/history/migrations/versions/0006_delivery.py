"""A spoken answer keeps its delivery figures (pace, long pauses, fillers) from its audio.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("turns") as table:
        table.add_column(sa.Column("delivery", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("turns") as table:
        table.drop_column("delivery")

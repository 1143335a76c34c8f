"""An interview may practise one question of an earlier one again: which, kept with it.

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


def downgrade() -> None:
    with op.batch_alter_table("sessions") as table:
        table.drop_index("ix_sessions_practice_of")
        table.drop_column("practice")
        table.drop_column("practice_of")

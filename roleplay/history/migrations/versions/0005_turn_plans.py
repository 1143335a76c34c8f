"""Each interviewer turn keeps its plan (move, question, fact), who voiced it, and why.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("turns") as table:
        table.add_column(sa.Column("plan", sa.JSON, nullable=True))
        table.add_column(sa.Column("voiced_by", sa.String(10), nullable=True))
        table.add_column(sa.Column("voicing_note", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("turns") as table:
        table.drop_column("voicing_note")
        table.drop_column("voiced_by")
        table.drop_column("plan")

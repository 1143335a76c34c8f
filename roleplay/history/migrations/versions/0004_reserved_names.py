"""The terminal's own history moves from the user 'local' to 'cli:local', a name no account can
take (account names cannot hold ':'), so registering 'local' can never reach it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE users SET name = 'cli:local' WHERE name = 'local' AND role = 'local'")


def downgrade() -> None:
    op.execute("UPDATE users SET name = 'local' WHERE name = 'cli:local' AND role = 'local'")

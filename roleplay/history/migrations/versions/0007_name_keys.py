"""User names are unique whatever their case: "LEO" can no longer sign up beside "leo" (whose
sign-in limit a look-alike account could otherwise clear).

Each user gets ``name_key``, its name in lower case, under a unique index. Accounts that already
clash by case are reported, not changed: the oldest keeps the plain key, and each later one
keeps ``<name>#<id>`` (a key no name can type), so it still signs in by its exact name.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

import logging
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

log = logging.getLogger("roleplay.migrations")


def upgrade() -> None:
    with op.batch_alter_table("users") as table:
        table.add_column(sa.Column("name_key", sa.String(220), nullable=True))
    users = sa.table(
        "users", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("name_key")
    )
    connection = op.get_bind()
    by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for user_id, name in connection.execute(sa.select(users.c.id, users.c.name)):
        by_key[name.lower()].append((user_id, name))
    for key, holders in by_key.items():
        holders.sort()
        for n, (user_id, _name) in enumerate(holders):
            value = key if n == 0 else f"{key}#{user_id}"
            connection.execute(users.update().where(users.c.id == user_id).values(name_key=value))
        if len(holders) > 1:
            names = ", ".join(name for _id, name in holders)
            log.warning(
                "These accounts' names differ only in case: %s. Each still signs in by its exact "
                "name; new names are unique whatever their case. Consider removing all but one.",
                names,
            )
    with op.batch_alter_table("users") as table:
        table.alter_column("name_key", existing_type=sa.String(220), nullable=False)
        table.create_unique_constraint("uq_users_name_key", ["name_key"])


def downgrade() -> None:
    with op.batch_alter_table("users") as table:
        table.drop_constraint("uq_users_name_key", type_="unique")
        table.drop_column("name_key")

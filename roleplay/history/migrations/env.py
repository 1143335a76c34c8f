"""Alembic environment: run on the connection the app hands over (see ``database.migrate``)."""

from alembic import context

from roleplay.history import shared_tables  # noqa: F401  (its tables join the metadata)
from roleplay.history.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()

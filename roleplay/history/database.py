"""Opening the database: SQLite in the data directory unless ``ROLEPLAY_DATABASE_URL`` names
another (PostgreSQL). The schema is brought up to date with Alembic every time it is opened, so
an upgrade of the app keeps the sessions already saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from roleplay.core.errors import UserError
from roleplay.core.settings import Settings
from roleplay.history.listing import SCHEMA_HEAD, sqlite_file

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# A database already at the newest migration (tests/integration/test_history.py checks this is
# Alembic's head) opens without loading Alembic, which a quick command would wait for.
HEAD = SCHEMA_HEAD
# The PostgreSQL advisory lock that lets one process at a time migrate (any fixed number).
MIGRATION_LOCK = 72_016_011


class HistoryError(UserError):
    """The saved sessions could not be read or written; the message says what to do."""


def database_url(settings: Settings) -> str:
    if settings.database_url:
        url = settings.database_url
        # Plain postgresql:// URLs would pick psycopg2; we ship psycopg 3.
        if url.startswith(("postgresql://", "postgres://")):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
    path = sqlite_file(settings)
    assert path is not None  # no URL: the file in the data directory
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    # Foreign keys for the cascades; WAL so the web app's readers never block a turn's write.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def connect(url: str) -> Engine:
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (the newest by default), keeping existing rows."""
    from alembic import command

    config = alembic_config()
    dialect = engine.dialect.name
    with engine.connect() as connection:
        if dialect == "postgresql":
            # Several app processes starting at once on one database: one migrates, the others
            # wait for it here and then find the schema already at ``revision``. A session
            # lock on its own connection, which is closed (not pooled) afterwards.
            connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
            connection.commit()
        try:
            if dialect == "sqlite":
                # SQLite rebuilds a table to alter it; with foreign keys on, dropping the old
                # table would cascade-delete the rows that point at it (turns, reports).
                connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
                connection.commit()
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
            if dialect == "sqlite":
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
        finally:
            if dialect == "postgresql":
                connection.invalidate()  # the lock goes with the connection


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database records (None: no schema yet), by one query."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except SQLAlchemyError:
            return None  # no alembic_version table: a new database


def open_database(settings: Settings) -> sessionmaker:
    url = database_url(settings)
    try:
        where = make_url(url).render_as_string(hide_password=True)
    except ArgumentError as error:
        raise HistoryError(
            f"ROLEPLAY_DATABASE_URL is not a database URL ({error}); expected e.g. "
            "postgresql://user:password@host/dbname."
        ) from error
    try:
        engine = connect(url)
        if current_revision(engine) != HEAD:
            migrate(engine)
    except SQLAlchemyError as error:
        raise HistoryError(
            f"Could not open the session database at {where}: {error.__class__.__name__}: "
            f"{str(error).splitlines()[0]}. Check ROLEPLAY_DATABASE_URL (or unset it to use "
            "SQLite in the data directory)."
        ) from error
    return sessionmaker(engine, expire_on_commit=False)


def schema_revisions(settings: Settings) -> tuple[str | None, str]:
    """The database's schema revision (None: no schema yet) and the newest this version knows,
    read without changing anything (``roleplay doctor``)."""
    path = sqlite_file(settings)
    if path is not None and not path.exists():
        return None, HEAD  # connecting would make the file
    engine = connect(database_url(settings))
    try:
        return current_revision(engine), HEAD
    finally:
        engine.dispose()

"""Keys every server process on one database must share, agreed through the database: the
first process to start records its key (a secret one by fingerprint only), and each later one
must bring the same, or is refused at its start with what to do."""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from roleplay.core.errors import UserError
from roleplay.history.shared_tables import ServerKey

FINGERPRINT_OF = b"interview-roleplay key fingerprint"


class KeyMismatch(UserError):
    """This process's key is not the one the other processes on the database use."""


def fingerprint(secret: str) -> str:
    """What the database keeps of a secret key: enough to tell two keys apart, nothing to sign
    with."""
    return hmac.new(
        secret.encode(), b"interview-roleplay key fingerprint", hashlib.sha256
    ).hexdigest()


def agreed(factory: sessionmaker, name: str, value: str) -> str:
    """The value every process on this database uses for ``name``: the first one recorded;
    ``value`` is recorded when there is none yet (of two processes racing, one wins)."""
    with factory() as db:
        row = db.get(ServerKey, name)
        if row is not None:
            return row.value
        db.add(ServerKey(name=name, value=value))
        try:
            db.commit()
            return value
        except IntegrityError:
            db.rollback()
    with factory() as db:
        row = db.get(ServerKey, name)
        assert row is not None  # the process that won the race recorded it
        return row.value


def replace(factory: sessionmaker, name: str, value: str) -> None:
    """Record a new value for ``name`` (an operator's deliberate change of key)."""
    with factory() as db:
        row = db.get(ServerKey, name)
        if row is None:
            db.add(ServerKey(name=name, value=value))
        else:
            row.value = value
        db.commit()

"""Coach and learner accounts: argon2-hashed passwords and sign-ins that expire.

A sign-in hands the browser a random token; only its SHA-256 is stored, so a copy of the
database cannot be used to sign in.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from roleplay.history.models import LoginRow, User

Role = Literal["coach", "learner"]
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")
MIN_PASSWORD = 8
_hasher = PasswordHasher()


class AccountError(ValueError):
    """A name, password or sign-in is not acceptable; the message says why."""


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    def __init__(self, factory: sessionmaker, login_hours: float = 12.0):
        self.factory = factory
        self.login_hours = login_hours

    def add(self, name: str, role: Role, password: str) -> Account:
        if not NAME.match(name):
            raise AccountError(
                "A user name is 2 to 64 letters, digits, '.', '_', '-' or '@', starting with a "
                "letter or digit."
            )
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"A password needs at least {MIN_PASSWORD} characters.")
        with self.factory() as db:
            user = User(
                name=name, role=role, password_hash=_hasher.hash(password), created_at=_now()
            )
            db.add(user)
            try:
                db.commit()
            except IntegrityError:
                raise AccountError(f"There is already a user called '{name}'.") from None
            return Account(user.id, user.name, user.role)

    def list(self) -> list[Account]:
        with self.factory() as db:
            users = db.scalars(
                select(User).where(User.role.in_(["coach", "learner"])).order_by(User.name)
            )
            return [Account(u.id, u.name, u.role) for u in users]

    def authenticate(self, name: str, password: str) -> Account:
        with self.factory() as db:
            user = db.scalar(select(User).where(User.name == name))
            stored = user.password_hash if user else None
            try:
                if stored is None:
                    # Same work whether or not the name exists: no user-name probing by timing.
                    _hasher.hash(password)
                    raise VerificationError
                _hasher.verify(stored, password)
            except (VerificationError, InvalidHashError):
                raise AccountError("Wrong user name or password.") from None
            if _hasher.check_needs_rehash(stored):
                user.password_hash = _hasher.hash(password)
                db.commit()
            return Account(user.id, user.name, user.role)

    def sign_in(self, name: str, password: str) -> tuple[Account, str]:
        """Check the password; return the account and a new token for the browser."""
        account = self.authenticate(name, password)
        token = secrets.token_urlsafe(32)
        with self.factory() as db:
            db.add(
                LoginRow(
                    token_hash=_token_hash(token),
                    user_id=account.id,
                    created_at=_now(),
                    expires_at=_now() + timedelta(hours=self.login_hours),
                )
            )
            db.execute(delete(LoginRow).where(LoginRow.expires_at < _now()))
            db.commit()
        return account, token

    def signed_in(self, token: str | None) -> Account | None:
        """Whose token this is, while it has not expired."""
        if not token:
            return None
        with self.factory() as db:
            row = db.get(LoginRow, _token_hash(token))
            if row is None or _aware(row.expires_at) <= _now():
                return None
            user = db.get(User, row.user_id)
            return Account(user.id, user.name, user.role) if user else None

    def sign_out(self, token: str) -> None:
        with self.factory() as db:
            db.execute(delete(LoginRow).where(LoginRow.token_hash == _token_hash(token)))
            db.commit()

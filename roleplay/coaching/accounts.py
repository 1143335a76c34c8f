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

from roleplay.coaching.throttle import Throttle, Throttled
from roleplay.core.errors import UserError
from roleplay.history.rows import aware
from roleplay.history.tables import LoginRow, User

Role = Literal["coach", "learner"]
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")
# Names the program itself keys records by, or that read as the system: never an account's.
# (Names with ':' such as 'browser:…' and 'cli:local' are already outside NAME.)
RESERVED = frozenset(
    {"local", "samples", "sample", "admin", "administrator", "root", "system", "browser", "cli"}
)
MIN_PASSWORD = 8
UNAVAILABLE = "That user name is not available: choose another."
_hasher = PasswordHasher()


class AccountError(UserError, ValueError):
    """A name, password or sign-in is not acceptable; the message says why."""


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str


def _now() -> datetime:
    return datetime.now(UTC)


def token_hash(token: str) -> str:
    """What is stored of a token handed to a browser or a learner: its SHA-256."""
    return hashlib.sha256(token.encode()).hexdigest()


def password_hash(password: str) -> str:
    return _hasher.hash(password)


def reserved(name: str) -> bool:
    return name.lower() in RESERVED or ":" in name


def check_name(name: str) -> None:
    if not NAME.match(name):
        raise AccountError(
            "A user name is 2 to 64 letters, digits, '.', '_', '-' or '@', starting with a "
            "letter or digit."
        )


class Accounts:
    def __init__(
        self,
        factory: sessionmaker,
        login_hours: float = 12.0,
        *,
        attempts: int = 5,
        window_seconds: float = 300.0,
    ):
        self.factory = factory
        self.login_hours = login_hours
        # Per account, a handful of wrong passwords; per client address, more (several people
        # may share one), and sign-ups count there too.
        self.per_account = Throttle(factory, attempts, window_seconds)
        self.per_address = Throttle(factory, attempts * 4, window_seconds)

    def add(self, name: str, role: Role, password: str) -> Account:
        check_name(name)
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"A password needs at least {MIN_PASSWORD} characters.")
        # Hashed before any check of the name, so a taken or reserved name answers no faster.
        password_hash = _hasher.hash(password)
        if reserved(name):
            raise AccountError(UNAVAILABLE)
        with self.factory() as db:
            user = User(name=name, role=role, password_hash=password_hash, created_at=_now())
            db.add(user)
            try:
                db.commit()
            except IntegrityError:
                # The same words as for a reserved name: sign-up does not list who exists.
                raise AccountError(UNAVAILABLE) from None
            return Account(user.id, user.name, user.role)

    def sign_up(self, name: str, password: str, client: str = "") -> tuple[Account, str]:
        """A learner registers (where a scenario allows it) and is signed in. A refused try
        counts against the client's address, so names cannot be listed by trying them all (a
        class signing up from one address is not held up by its own successes)."""
        address = f"address:{client}"
        self._check(address)
        try:
            self.add(name, "learner", password)
        except AccountError:
            self.per_address.failed(address)
            raise
        return self.sign_in(name, password, client)

    def list(self) -> list[Account]:
        with self.factory() as db:
            users = db.scalars(
                select(User).where(User.role.in_(["coach", "learner"])).order_by(User.name)
            )
            return [Account(u.id, u.name, u.role) for u in users]

    def authenticate(self, name: str, password: str) -> Account:
        return self._authenticate(name, password)[0]

    def _authenticate(self, name: str, password: str) -> tuple[Account, str]:
        """The account and its name key. Names are matched whatever their case; an account
        from before that rule that clashes by case is matched by its exact name first."""
        with self.factory() as db:
            user = db.scalar(select(User).where(User.name == name)) or db.scalar(
                select(User).where(User.name_key == name.lower())
            )
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
            return Account(user.id, user.name, user.role), user.name_key

    def _check(self, *keys: str) -> None:
        try:
            self.per_account.check(*[k for k in keys if k.startswith("account:")])
            self.per_address.check(*[k for k in keys if k.startswith("address:")])
        except Throttled as error:
            raise AccountError(str(error)) from None

    def sign_in(self, name: str, password: str, client: str = "") -> tuple[Account, str]:
        """Check the password; return the account and a new token for the browser.

        Wrong passwords are counted per account and per client address; past the limit, tries
        are refused (right password or not) until the wait is over.
        """
        account_key, address_key = f"account:{name.lower()}", f"address:{client}"
        self._check(account_key, address_key)
        try:
            account, name_key = self._authenticate(name, password)
        except AccountError:
            self.per_account.failed(account_key)
            self.per_address.failed(address_key)
            raise
        # Only the signed-in account's own failures are forgiven: the key is its unique name
        # key, so no other account (not even one whose name differs only in case) clears it.
        self.per_account.succeeded(f"account:{name_key}")
        return account, self.login_token(account)

    def login_token(self, account: Account) -> str:
        """A new sign-in for ``account``: the token for the browser (only its hash is kept).
        Only for an account whose identity was just proven (a password, a platform's launch)."""
        token = secrets.token_urlsafe(32)
        with self.factory() as db:
            db.add(
                LoginRow(
                    token_hash=token_hash(token),
                    user_id=account.id,
                    created_at=_now(),
                    expires_at=_now() + timedelta(hours=self.login_hours),
                )
            )
            db.execute(delete(LoginRow).where(LoginRow.expires_at < _now()))
            db.commit()
        return token

    def signed_in(self, token: str | None) -> Account | None:
        """Whose token this is, while it has not expired (anything else a client sends: None)."""
        if not isinstance(token, str) or not token or len(token) > 200:
            return None
        return self.signed_in_by_hash(token_hash(token))

    def signed_in_by_hash(self, hashed: str) -> Account | None:
        """The same, for a sign-in known by its hash only (a page carried on by another
        process, which never had the token)."""
        with self.factory() as db:
            row = db.get(LoginRow, hashed)
            if row is None or aware(row.expires_at) <= _now():
                return None
            user = db.get(User, row.user_id)
            return Account(user.id, user.name, user.role) if user else None

    def sign_out(self, token: str) -> None:
        self.sign_out_by_hash(token_hash(token))

    def sign_out_by_hash(self, hashed: str) -> None:
        with self.factory() as db:
            db.execute(delete(LoginRow).where(LoginRow.token_hash == hashed))
            db.commit()

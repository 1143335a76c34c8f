"""One-time links for learners a coach added: the learner opens the link and chooses their
password, so no mail server is needed (the coach hands the links out) and the coach never knows
the password.

Only the token's SHA-256 is stored; a link works once, and not after it expires. Issuing a new
link for a learner voids the ones before it, so a lost link can be replaced without leaving the
old one open.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.orm import sessionmaker

from roleplay.coaching.accounts import MIN_PASSWORD, Account, AccountError, password_hash
from roleplay.coaching.accounts import token_hash as _token_hash
from roleplay.history.rows import aware
from roleplay.history.tables import PasswordLinkRow, User

# What a link's page is opened at: /set-password?token=TOKEN.
LINK_PATH = "/set-password"
SPENT = (
    "This link has been used or has expired. Ask your coach for a new one "
    "(roleplay cohort link, or the Coach tab)."
)


def link_path(token: str) -> str:
    return f"{LINK_PATH}?token={token}"


class Invites:
    def __init__(self, factory: sessionmaker, hours: float = 168.0):
        self.factory = factory
        self.hours = hours

    def issue(self, user_id: int) -> str:
        """A new link's token for the learner (any earlier unused link of theirs stops
        working)."""
        token = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        with self.factory() as db:
            db.execute(
                update(PasswordLinkRow)
                .where(PasswordLinkRow.user_id == user_id, PasswordLinkRow.used_at.is_(None))
                .values(used_at=now)
            )
            db.add(
                PasswordLinkRow(
                    token_hash=_token_hash(token),
                    user_id=user_id,
                    created_at=now,
                    expires_at=now + timedelta(hours=self.hours),
                )
            )
            db.commit()
        return token

    def holder(self, token: object) -> Account | None:
        """Whose link this is while it still works (anything else a client sends: None)."""
        if not isinstance(token, str) or not token or len(token) > 200:
            return None
        with self.factory() as db:
            row = db.get(PasswordLinkRow, _token_hash(token))
            if row is None or row.used_at is not None or aware(row.expires_at) <= _now():
                return None
            user = db.get(User, row.user_id)
            return Account(user.id, user.name, user.role) if user else None

    def redeem(self, token: object, password: str) -> Account:
        """Set the link holder's password and spend the link. The link is claimed in the same
        statement that checks it is unused, so two requests racing with one link cannot both
        set a password."""
        if not isinstance(password, str) or len(password) < MIN_PASSWORD:
            raise AccountError(f"A password needs at least {MIN_PASSWORD} characters.")
        if len(password) > 1000:
            raise AccountError("That password is too long (1,000 characters at most).")
        account = self.holder(token)
        if account is None:
            raise AccountError(SPENT)
        hashed = password_hash(password)
        now = _now()
        with self.factory() as db:
            claimed = db.execute(
                update(PasswordLinkRow)
                .where(
                    PasswordLinkRow.token_hash == _token_hash(str(token)),
                    PasswordLinkRow.used_at.is_(None),
                    PasswordLinkRow.expires_at > now,
                )
                .values(used_at=now)
            ).rowcount
            if claimed != 1:
                db.rollback()
                raise AccountError(SPENT)
            db.execute(update(User).where(User.id == account.id).values(password_hash=hashed))
            # Expired links are no use to anyone: they go.
            db.execute(delete(PasswordLinkRow).where(PasswordLinkRow.expires_at < now))
            db.commit()
        return account


def _now() -> datetime:
    return datetime.now(UTC)

"""Read-only links to one interview's report, which its owner can revoke and which expire.

A link is ``/share/TOKEN``: the token is 32 random bytes, shown once when the link is made, and
only its SHA-256 is kept. Opening a link finds the report of that one interview and nothing
else; a link revoked, expired or never made gets the same refusal, so a guess learns nothing.
"""

from __future__ import annotations

import builtins
import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from roleplay.core.errors import UserError
from roleplay.history.rows import aware
from roleplay.history.sessions import Guarded, SessionStore
from roleplay.history.tables import SessionRow, ShareRow, User

PATH = "/share/"
# How long a link can be asked to last, at most (days).
LONGEST_DAYS = 90
REFUSED = "This link does not open a report: it was revoked, it expired, or it never existed."


class ShareError(UserError):
    """A link that cannot be made, or that opens nothing; the message says which."""


@dataclass(frozen=True)
class Share:
    id: int
    session_id: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    def live(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _share(row: ShareRow) -> Share:
    return Share(
        id=row.id,
        session_id=row.session_id,
        created_at=aware(row.created_at),
        expires_at=aware(row.expires_at),
        revoked_at=aware(row.revoked_at),
    )


class ShareStore:
    def __init__(self, history: SessionStore):
        self.history = history
        self.factory = history.factory

    def create(self, session_id: str, user: str, days: int) -> tuple[str, Share]:
        """A new link to ``session_id``'s report, for its owner ``user``: the token (shown
        once) and the link."""
        if not 1 <= days <= LONGEST_DAYS:
            raise ShareError(f"A link lasts from 1 to {LONGEST_DAYS} days.")
        self.history.load(session_id, user)  # the owner's own, or no link
        if self.history.latest_report(session_id) is None:
            raise ShareError("Score the interview first: a link shares its report.")
        token = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        with Guarded(self.factory, write=True) as db:
            owner = db.scalar(select(User.id).where(User.name == user))
            row = ShareRow(
                token_hash=_hash(token),
                session_id=session_id,
                owner_id=owner,
                created_at=now,
                expires_at=now + timedelta(days=days),
                revoked_at=None,
            )
            db.add(row)
            db.flush()
            return token, _share(row)

    def open(self, token: str) -> str:
        """The interview whose report ``token`` shares, while the link is live."""
        if not isinstance(token, str) or not 20 <= len(token) <= 100:
            raise ShareError(REFUSED)
        with Guarded(self.factory, write=False) as db:
            row = db.scalar(select(ShareRow).where(ShareRow.token_hash == _hash(token)))
            if row is None or not _share(row).live(datetime.now(UTC)):
                raise ShareError(REFUSED)
            return row.session_id

    def list(self, user: str, session_id: str | None = None) -> builtins.list[Share]:
        """``user``'s links (to one interview's report, when ``session_id`` says), newest first."""
        with Guarded(self.factory, write=False) as db:
            query = (
                select(ShareRow)
                .join(User, User.id == ShareRow.owner_id)
                .where(User.name == user)
                .order_by(ShareRow.id.desc())
            )
            if session_id is not None:
                query = query.where(ShareRow.session_id == session_id)
            return [_share(row) for row in db.scalars(query)]

    def revoke(self, session_id: str, user: str) -> int:
        """Revoke every live link ``user`` made to ``session_id``'s report; how many."""
        now = datetime.now(UTC)
        with Guarded(self.factory, write=True) as db:
            owner = select(User.id).where(User.name == user).scalar_subquery()
            mine = select(SessionRow.id).where(SessionRow.id == session_id)
            result = db.execute(
                update(ShareRow)
                .where(
                    ShareRow.session_id.in_(mine),
                    ShareRow.owner_id == owner,
                    ShareRow.revoked_at.is_(None),
                )
                .values(revoked_at=now)
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

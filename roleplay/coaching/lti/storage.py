"""Where ``pylti1p3`` keeps what an OIDC login leaves for its launch (the nonce, state
parameters, the launch's data): in the database, so the launch may reach any process of the app,
and each value goes when it expires.

One change from the library's caches: a nonce is taken out when a launch checks it, in the same
statement, so an id_token (and the form that carried it) cannot be sent a second time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pylti1p3.launch_data_storage.base import LaunchDataStorage
from sqlalchemy import delete
from sqlalchemy.orm import sessionmaker

from roleplay.history.rows import aware
from roleplay.history.tables import LtiValueRow

# pylti1p3 keeps a nonce under "…nonce-<nonce>".
_NONCE = "-nonce-"
DEFAULT_SECONDS = 3600


class DatabaseLaunchStorage(LaunchDataStorage[Any]):
    def __init__(self, factory: sessionmaker):
        super().__init__()
        self.factory = factory

    def get_session_cookie_name(self) -> str | None:
        # Keys are global (the state cookie binds a launch to its browser), as pylti1p3's own
        # cache storage does for a tool behind a proxy it cannot see is https.
        return None

    def can_set_keys_expiration(self) -> bool:
        return True

    def get_value(self, key: str) -> Any:
        with self.factory() as db:
            row = db.get(LtiValueRow, self._prepare_key(key)[:300])
            if row is None or aware(row.expires_at) <= datetime.now(UTC):
                return None
            return row.value.get("value")

    def set_value(self, key: str, value: Any, exp: int | None = None) -> None:
        now = datetime.now(UTC)
        with self.factory() as db:
            db.merge(
                LtiValueRow(
                    key=self._prepare_key(key)[:300],
                    value={"value": value},
                    expires_at=now + timedelta(seconds=exp or DEFAULT_SECONDS),
                )
            )
            db.execute(delete(LtiValueRow).where(LtiValueRow.expires_at < now))
            db.commit()

    def check_value(self, key: str) -> bool:
        if _NONCE not in self._prepare_key(key):
            return self.get_value(key) is not None
        # A nonce: taken out as it is checked, so only the first launch that uses it passes.
        return self.take(key)

    def take(self, key: str) -> bool:
        """Remove a live value; True only for the one caller that removed it."""
        with self.factory() as db:
            taken = db.execute(
                delete(LtiValueRow).where(
                    LtiValueRow.key == self._prepare_key(key)[:300],
                    LtiValueRow.expires_at > datetime.now(UTC),
                )
            ).rowcount
            db.commit()
        return taken == 1

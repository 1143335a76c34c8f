"""The learning platforms registered to launch this app (``roleplay lti add-platform``), and the
``pylti1p3`` tool configuration made from them for each request (so a platform added by one
process is known to every other at once)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import requests
from pylti1p3.tool_config import ToolConfDict
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from roleplay.coaching.lti.keys import tool_key
from roleplay.core.errors import UserError
from roleplay.history.tables import LtiPlatformRow


class TimedSession(requests.Session):
    """A platform's JWKS, token and grade endpoints answer within 10 s, or the call fails."""

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", 10)
        return super().request(*args, **kwargs)


class LtiError(UserError, ValueError):
    """A platform's registration, or a launch, is not acceptable; the message says why."""


@dataclass(frozen=True)
class Platform:
    issuer: str
    client_id: str
    deployment_ids: tuple[str, ...]
    auth_login_url: str
    auth_token_url: str
    key_set_url: str


def _url(value: str, field: str) -> str:
    """An https address (plain http only on this machine, for trying a platform locally)."""
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname or len(value) > 500:
        raise LtiError(f"The platform's {field} must be an https:// address; it is '{value[:80]}'.")
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise LtiError(
            f"The platform's {field} must use https:// (plain http only for localhost); it is "
            f"'{value[:80]}'."
        )
    return value


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Platforms:
    def __init__(self, factory: sessionmaker):
        self.factory = factory

    def add(self, platform: Platform) -> Platform:
        issuer = _url(platform.issuer, "issuer")
        client_id = platform.client_id.strip()
        deployments = tuple(d.strip() for d in platform.deployment_ids if d.strip())
        if not client_id or len(client_id) > 300:
            raise LtiError("The platform's client id is 1 to 300 characters.")
        if not deployments or any(len(d) > 300 for d in deployments):
            raise LtiError("Give at least one deployment id (each at most 300 characters).")
        row = LtiPlatformRow(
            issuer=issuer,
            client_id=client_id,
            deployment_ids=list(deployments),
            auth_login_url=_url(platform.auth_login_url, "login (authorisation) URL"),
            auth_token_url=_url(platform.auth_token_url, "token URL"),
            key_set_url=_url(platform.key_set_url, "key set (JWKS) URL"),
            created_at=datetime.now(UTC),
        )
        with self.factory() as db:
            db.add(row)
            try:
                db.commit()
            except IntegrityError:
                raise LtiError(
                    f"'{issuer}' with client id '{client_id}' is already registered: remove it "
                    "first to change it."
                ) from None
        return _platform(row)

    def list(self) -> list[Platform]:
        with self.factory() as db:
            rows = db.scalars(select(LtiPlatformRow).order_by(LtiPlatformRow.issuer))
            return [_platform(row) for row in rows]

    def remove(self, issuer: str, client_id: str) -> None:
        with self.factory() as db:
            gone = db.execute(
                delete(LtiPlatformRow).where(
                    LtiPlatformRow.issuer == issuer, LtiPlatformRow.client_id == client_id
                )
            ).rowcount
            db.commit()
        if not gone:
            raise LtiError(f"There is no platform '{issuer}' with client id '{client_id}'.")

    def tool_conf(self) -> ToolConfDict:
        """pylti1p3's configuration: every registered platform, and the tool's key pair."""
        platforms = self.list()
        config: dict[str, Any] = {}
        for p in platforms:
            config.setdefault(p.issuer, []).append(
                {
                    "client_id": p.client_id,
                    "auth_login_url": p.auth_login_url,
                    "auth_token_url": p.auth_token_url,
                    "key_set_url": p.key_set_url,
                    "deployment_ids": list(p.deployment_ids),
                    "default": False,
                }
            )
        conf = ToolConfDict(config)
        key = tool_key(self.factory)
        for p in platforms:
            conf.set_private_key(p.issuer, key.private_pem, client_id=p.client_id)
            conf.set_public_key(p.issuer, key.public_pem, client_id=p.client_id)
        return conf


def _platform(row: LtiPlatformRow) -> Platform:
    return Platform(
        issuer=row.issuer,
        client_id=row.client_id,
        deployment_ids=tuple(row.deployment_ids or ()),
        auth_login_url=row.auth_login_url,
        auth_token_url=row.auth_token_url,
        key_set_url=row.key_set_url,
    )

"""Which browser is this: a random id the server issues and signs, kept in an HttpOnly cookie.

The cookie is set on the page itself, before any event runs, so every event of the page
carries it and a reload or a server restart finds the same browser. Only a value this server
signed is accepted: anything else (no cookie, a forged or edited one, a client calling the
queue API by hand) gets a fresh identity that owns nothing. Page scripts cannot read the
cookie, and the id inside it is only ever used as 32 hex digits.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import cookie_parser

COOKIE = "roleplay_browser"
MAX_AGE = 400 * 24 * 3600  # the longest browsers keep a cookie
_ID = re.compile(r"^[0-9a-f]{32}$")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def new_id() -> str:
    return secrets.token_hex(16)


def _signature(browser_id: str, secret: str) -> str:
    mac = hmac.new(secret.encode(), f"browser:{browser_id}".encode(), hashlib.sha256)
    return mac.hexdigest()[:32]


def issue(secret: str, browser_id: str | None = None) -> str:
    """A signed identity for the cookie: ``<id>.<signature>``."""
    browser_id = browser_id or new_id()
    return f"{browser_id}.{_signature(browser_id, secret)}"


def verify(token: object, secret: str) -> str | None:
    """The browser id inside a token this server signed; None for anything else."""
    if not isinstance(token, str) or len(token) != 65 or token.count(".") != 1:
        return None
    browser_id, signature = token.split(".")
    if not _ID.match(browser_id):
        return None
    if not hmac.compare_digest(signature, _signature(browser_id, secret)):
        return None
    return browser_id


def is_browser_id(value: object) -> bool:
    return isinstance(value, str) and bool(_ID.match(value))


def from_cookies(cookies: dict[str, str] | None, secret: str) -> str | None:
    return verify((cookies or {}).get(COOKIE), secret)


class IdentityCookie:
    """ASGI middleware: a page request without a valid identity cookie gets a new one."""

    def __init__(self, app: Callable[..., Awaitable[None]], secret: str):
        self.app = app
        self.secret = secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        wants_page = "text/html" in headers.get("accept", "")
        if not wants_page or verify(
            cookie_parser(headers.get("cookie", "")).get(COOKIE), self.secret
        ):
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https" or headers.get("x-forwarded-proto") == "https"
        cookie = (
            f"{COOKIE}={issue(self.secret)}; Path=/; Max-Age={MAX_AGE}; HttpOnly; SameSite=Lax"
            + ("; Secure" if https else "")
        )

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", cookie)
            await send(message)

        await self.app(scope, receive, send_with_cookie)

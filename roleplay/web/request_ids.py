"""Every HTTP request gets an id (the balancer's ``X-Request-ID`` when it sends a well-formed
one, else a new one), echoed in the response, put on the request's headers (so the events a
page's queue call starts log under it too) and on one log line when the request ends: method,
path, status and seconds. A shared report's token is a secret in its path: it is never logged."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from roleplay.wiring.logs import REQUEST_ID

log = logging.getLogger("roleplay.requests")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
HEADER = b"x-request-id"
WELL_FORMED = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# Paths whose rest is a secret (a shared report's token).
SECRET_PATHS = ("/share/",)


def logged_path(path: str) -> str:
    for prefix in SECRET_PATHS:
        if path.startswith(prefix):
            return prefix + "…"
    return path[:200]


def request_id(headers: Any) -> str:
    """The id a request (or a Gradio event's request) carries, if well formed; else "-"."""
    value = headers.get("x-request-id", "") if headers is not None else ""
    return value if isinstance(value, str) and WELL_FORMED.match(value) else "-"


class RequestIds:
    def __init__(self, app: Callable[..., Awaitable[None]]):
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope.get("headers", []) if k != HEADER]
        given = dict(scope.get("headers", [])).get(HEADER, b"").decode("latin-1")
        rid = given if WELL_FORMED.match(given) else uuid.uuid4().hex
        scope["headers"] = [*headers, (HEADER, rid.encode())]
        token = REQUEST_ID.set(rid)
        began, status = time.perf_counter(), [0]

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (HEADER, rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            fields = {
                "method": scope.get("method", ""),
                "path": logged_path(scope.get("path", "")),
                "status": status[0],
                "seconds": round(time.perf_counter() - began, 3),
            }
            log.info("%(method)s %(path)s %(status)s", fields, extra=fields)
            REQUEST_ID.reset(token)

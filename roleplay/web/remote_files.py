"""No file input may be an address: the server fetches nothing a client names.

Gradio downloads a file input whose ``path`` is an http(s) address before any handler of ours
runs (its guard refuses private addresses, but fetches public ones, and resolves names it
cannot resolve through a public DNS-over-HTTPS service). That is traffic to servers the user
never configured, so every event call is read here first: one whose inputs hold a file with an
address for its path is refused with a plain message, and Gradio never sees it. A browser never
sends one: its files are uploaded first and named by their path on this server.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import unquote

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# Anything with a scheme (http, https, data, file…: whatever a later Gradio might learn to
# fetch); a Windows drive letter is one letter, so a path such as C:/… is not taken for one.
_ADDRESS = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]{1,31}:")
# Gradio's route for files on the server, given an address instead of a path.
_FILE_ROUTE = re.compile(r"/file=\s*[A-Za-z][A-Za-z0-9+.-]{1,31}:")
# An event call is small (a message is at most a few thousand characters); far bigger bodies
# are refused rather than held in memory to be read.
MAX_BODY = 4 * 1024 * 1024
REFUSED = (
    "A file must be uploaded to this server first: the app does not fetch files from addresses."
)


def names_an_address(value: Any, depth: int = 0) -> bool:
    """Does any file-like object in ``value`` (a dict with a ``path``) name an address?"""
    if depth > 64:
        return True  # nesting no page sends: refused rather than walked
    if isinstance(value, dict):
        path = value.get("path")
        if isinstance(path, str) and _ADDRESS.match(path):
            return True
        return any(names_an_address(item, depth + 1) for item in value.values())
    if isinstance(value, list):
        return any(names_an_address(item, depth + 1) for item in value)
    return False


class RefuseRemoteFiles:
    """ASGI middleware: event calls (``POST``s under ``/gradio_api/``, file uploads aside) are
    read whole and refused when they name a file by an address; so is a request for
    ``/gradio_api/file=`` followed by an address."""

    def __init__(self, app: Callable[..., Awaitable[None]]):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = unquote(scope.get("path", "")) if scope["type"] == "http" else ""
        method = scope.get("method")
        if method in ("GET", "HEAD") and _FILE_ROUTE.search(path):
            # Gradio streams /gradio_api/file=https://… from that address: a fetcher for anyone.
            await _refuse(send, 400, REFUSED)
            return
        if (
            method != "POST"
            or "/gradio_api/" not in path
            or path.rstrip("/").endswith("/gradio_api/upload")
            # Files themselves (multipart) are not calls: whatever else claims to be, is read.
            or dict(scope.get("headers") or []).get(b"content-type", b"").startswith(b"multipart/")
        ):
            await self.app(scope, receive, send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > MAX_BODY:
                await _refuse(send, 413, "That request is too large.")
                return
        try:
            data = json.loads(body) if body else None
        except RecursionError:
            await _refuse(send, 400, "That request is nested too deeply.")
            return
        except (ValueError, UnicodeDecodeError):
            data = None  # not ours to judge: Gradio answers a malformed call itself
        if names_an_address(data):
            await _refuse(send, 400, REFUSED)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()  # after the body: only a disconnect can come
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)


async def _refuse(send: Send, status: int, detail: str) -> None:
    payload = json.dumps({"detail": detail, "error": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})

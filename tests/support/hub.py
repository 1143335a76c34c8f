"""Local stand-ins for the servers a model pull and Ollama talk to, over real HTTP on loopback.

``fake_hub`` serves the Hugging Face hub's download route (``/OWNER/REPO/resolve/REV/FILE``:
HEAD with the hub's metadata headers, GET with byte ranges), optionally slowly (to stop a pull
half way) or publishing a wrong SHA-256. ``fake_ollama`` answers Ollama's ``/api/tags`` and
passes its OpenAI-compatible ``/v1`` on to a real llama.cpp server.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import httpx

from tests.support.servers import serving

COMMIT = "0123456789abcdef0123456789abcdef01234567"


@dataclass
class Hub:
    """What the fake hub holds and what it was asked."""

    files: dict[str, Path]  # "OWNER/REPO/FILE" -> the bytes to serve
    bytes_per_second: float | None = None
    wrong_sha: bool = False
    # Answer the resolve route with a redirect to this server (the hub's storage), as the hub does.
    storage: str | None = None
    # End every download after this many bytes (a connection that closes early).
    cut_at: int | None = None
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # method, path, Range
    authorization: list[str] = field(default_factory=list)  # what each request carried
    url: str = ""

    def sha256(self, path: Path) -> str:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        return "0" * 64 if self.wrong_sha else digest


def _handler(hub: Hub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _missing(self) -> None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _file(self) -> Path | None:
            parts = self.path.split("?")[0].strip("/").split("/")
            if len(parts) != 5 or parts[2] != "resolve":
                return None
            return hub.files.get(f"{parts[0]}/{parts[1]}/{parts[4]}")

        def _head(self, path: Path) -> int:
            size = path.stat().st_size
            self.send_header("X-Repo-Commit", COMMIT)
            self.send_header("ETag", f'"{hub.sha256(path)}"')
            self.send_header("X-Linked-Etag", f'"{hub.sha256(path)}"')
            self.send_header("X-Linked-Size", str(size))
            self.send_header("Accept-Ranges", "bytes")
            return size

        def _redirected(self, path: Path) -> bool:
            if not hub.storage:
                return False
            self.send_response(302)
            self._head(path)
            self.send_header("Location", hub.storage + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True

        def do_HEAD(self) -> None:
            hub.requests.append(("HEAD", self.path, ""))
            hub.authorization.append(self.headers.get("Authorization", ""))
            path = self._file()
            if path is None:
                self._missing()
                return
            if self._redirected(path):
                return
            self.send_response(200)
            size = self._head(path)
            self.send_header("Content-Length", str(size))
            self.end_headers()

        def do_GET(self) -> None:
            wanted = self.headers.get("Range", "")
            hub.requests.append(("GET", self.path, wanted))
            hub.authorization.append(self.headers.get("Authorization", ""))
            path = self._file()
            if path is None:
                self._missing()
                return
            if self._redirected(path):
                return
            data = path.read_bytes()
            start = int(wanted.removeprefix("bytes=").split("-")[0]) if wanted else 0
            self.send_response(206 if start else 200)
            self._head(path)
            if start:
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            # A cut download says it is shorter: the client sees a clean, early end.
            end = min(len(data), hub.cut_at) if hub.cut_at else len(data)
            self.send_header("Content-Length", str(max(end - start, 0)))
            self.end_headers()
            step = 256 * 1024
            try:
                for offset in range(start, end, step):
                    self.wfile.write(data[offset : min(offset + step, end)])
                    if hub.bytes_per_second:
                        time.sleep(step / hub.bytes_per_second)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client was stopped half way: what a pull must survive

    return Handler


@contextmanager
def fake_hub(hub: Hub) -> Iterator[Hub]:
    with serving(_handler(hub)) as url:
        hub.url = url
        yield hub


def _ollama_handler(models: list[dict], upstream: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # Each answer ends when the connection closes: a streamed reply passes through as is.
        protocol_version = "HTTP/1.0"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/api/tags":
                body = json.dumps({"models": models}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            self._forward("GET")

        def do_POST(self) -> None:
            self._forward("POST")

        def _forward(self, method: str) -> None:
            if not self.path.startswith("/v1/"):
                self.send_response(404)
                self.end_headers()
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            target = upstream.removesuffix("/v1") + self.path
            headers = {"Content-Type": self.headers.get("Content-Type", "application/json")}
            with httpx.stream(method, target, content=body, headers=headers, timeout=600) as reply:
                self.send_response(reply.status_code)
                self.send_header("Content-Type", reply.headers.get("content-type", ""))
                self.end_headers()
                for chunk in reply.iter_raw():
                    self.wfile.write(chunk)
                    self.wfile.flush()

    return Handler


@contextmanager
def fake_ollama(models: list[dict], upstream: str) -> Iterator[str]:
    """An Ollama stand-in listing ``models``, its ``/v1`` served by ``upstream`` (a real
    llama.cpp server's ``…/v1``); yields its URL."""
    with serving(_ollama_handler(models, upstream)) as url:
        yield url

"""A stand-in for OpenAI's audio endpoints on loopback (real HTTP, as the ``openai`` client
sends it): it records each request and answers as told."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.support.servers import serving


@dataclass
class AudioApi:
    """What the server answers, and what it was sent."""

    transcription: dict[str, Any] = field(default_factory=dict)
    # Statuses for the transcription endpoint by response_format (e.g. refuse verbose_json).
    refuse: dict[str, int] = field(default_factory=dict)
    speech: bytes = b""
    status: int = 200
    forms: list[dict[str, Any]] = field(default_factory=list)
    spoken: list[dict[str, Any]] = field(default_factory=list)


def _form(content_type: str, body: bytes) -> dict[str, Any]:
    """A multipart form's fields (a field sent twice becomes a list); files as bytes."""
    message = BytesParser(policy=HTTP).parsebytes(
        f"content-type: {content_type}\r\n\r\n".encode() + body
    )
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        value = part.get_payload(decode=True)
        value = value if part.get_filename() else value.decode()
        if name in fields:
            fields[name] = [
                *([fields[name]] if not isinstance(fields[name], list) else fields[name]),
                value,
            ]
        else:
            fields[name] = value
    return fields


@contextmanager
def audio_api(api: AudioApi) -> Iterator[str]:
    """Serve ``api``; yields the base URL (ending in /v1)."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            if self.path.endswith("/audio/transcriptions"):
                form = _form(self.headers["content-type"], body)
                api.forms.append(form)
                status = api.refuse.get(form.get("response_format", ""), api.status)
                self._reply(status, json.dumps(api.transcription).encode(), "application/json")
            elif self.path.endswith("/audio/speech"):
                api.spoken.append(json.loads(body))
                self._reply(api.status, api.speech, "audio/wav")
            else:
                self._reply(404, b'{"error": {"message": "no such endpoint"}}', "application/json")

        def _reply(self, status: int, payload: bytes, kind: str) -> None:
            if status != 200:
                payload, kind = b'{"error": {"message": "the server says no"}}', "application/json"
            self.send_response(status)
            self.send_header("content-type", kind)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    with serving(Handler) as url:
        yield f"{url}/v1"

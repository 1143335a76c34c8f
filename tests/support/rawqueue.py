"""Calling a live Gradio app the way an attacker would: plain HTTP to its queue API, any event by
its ``fn_index`` (private ones too), any inputs, with or without the page's cookies."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

import httpx
from gradio_client.utils import apply_diff


class EventError(Exception):
    """The app answered the event with an error (or refused it)."""


class RawClient:
    """One attacker's session: its own ``session_hash`` and cookie jar."""

    def __init__(self, url: str, cookies: dict[str, str] | None = None):
        self.http = httpx.Client(base_url=url.rstrip("/"), timeout=300, cookies=cookies)
        self.session_hash = secrets.token_hex(6)
        config = self.http.get("/config").json()
        self.fn = {d["api_name"]: d["id"] for d in config["dependencies"]}

    def open_page(self) -> httpx.Response:
        """What a browser does first: fetch the page (which sets the identity cookie)."""
        return self.http.get("/", headers={"accept": "text/html"})

    def upload(self, path: Path) -> dict[str, Any]:
        """Upload a file as the page does; returns what an event takes for it."""
        with path.open("rb") as handle:
            answer = self.http.post("/gradio_api/upload", files=[("files", (path.name, handle))])
        answer.raise_for_status()
        return file_input(answer.json()[0], path.name)

    def call(self, name: str | int, *data: Any) -> list[Any]:
        """Run an event to the end; returns its outputs (the last of a stream)."""
        fn_index = name if isinstance(name, int) else self.fn[name]
        joined = self.http.post(
            "/gradio_api/queue/join",
            json={
                "data": list(data),
                "fn_index": fn_index,
                "session_hash": self.session_hash,
                "event_data": None,
                "trigger_id": None,
            },
        )
        if joined.status_code != 200:
            raise EventError(f"join refused ({joined.status_code}): {joined.text[:300]}")
        event_id = joined.json()["event_id"]
        outputs: list[Any] | None = None
        with self.http.stream(
            "GET", "/gradio_api/queue/data", params={"session_hash": self.session_hash}
        ) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("event_id") not in (None, event_id):
                    continue
                kind = message.get("msg")
                if kind == "process_generating":
                    outputs = _merge(outputs, message["output"])
                elif kind == "process_completed":
                    output = message.get("output") or {}
                    if not message.get("success", True) or output.get("error"):
                        raise EventError(str(output.get("error") or message))
                    outputs = _merge(outputs, output)
                    return outputs or []
                elif kind in ("queue_full", "unexpected_error"):
                    raise EventError(kind + ": " + str(message.get("message", "")))
        raise EventError("the stream ended without a result")


def file_input(server_path: str, name: str | None = None) -> dict[str, Any]:
    """A file input as the page sends it: any path at all, as far as the client is concerned."""
    return {
        "path": server_path,
        "orig_name": name or Path(server_path).name,
        "meta": {"_type": "gradio.FileData"},
    }


def _merge(previous: list[Any] | None, output: dict[str, Any]) -> list[Any]:
    """A streamed event sends its first outputs whole and later ones as diffs."""
    data = output.get("data") or []
    if previous is None or (not output.get("is_generating", True) and not _is_diff(data)):
        return list(data) if not _is_diff(data) else data
    if _is_diff(data):
        return [apply_diff(old, diff) for old, diff in zip(previous, data, strict=False)]
    return list(data)


def _is_diff(data: list[Any]) -> bool:
    return bool(data) and all(
        isinstance(item, list) and all(isinstance(op, list) and len(op) == 3 for op in item)
        for item in data
    )

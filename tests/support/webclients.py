"""Talking to the web app as browsers do: a pool of gradio_client sessions, and readers of what
the endpoints return."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from gradio_client import Client, handle_file

from tests.support.webapp import text_of


class Browsers:
    """Browser sessions on the module's app. The server keeps a page's state by its session
    hash, and an API client gets no identity cookie, so a Client with a fresh session hash is a
    new browser; reusing the Client objects saves starting one (and closing it) every time."""

    def __init__(self, url: str, downloads: Path):
        self.url, self.downloads = url, downloads
        self.made: list[Client] = []
        self.idle: list[Client] = []

    def open(self) -> Client:
        if self.idle:
            client = self.idle.pop()
            client.reset_session()
            return client
        client = Client(
            self.url, verbose=False, analytics_enabled=False, download_files=str(self.downloads)
        )
        self.made.append(client)
        return client

    def close(self) -> None:
        # Closing one waits up to a second for its heartbeat thread: close them together.
        with ThreadPoolExecutor(max_workers=max(1, len(self.made))) as closing:
            list(closing.map(Client.close, self.made))


def said(chat: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """A chat as (role, words) pairs."""
    return [(message["role"], text_of(message)) for message in chat]


def choices_of(update: Any) -> list[str]:
    """The values a dropdown update offers."""
    return [value for _label, value in update["choices"]]


def rows_of(table: Any) -> list[list[Any]]:
    """A Dataframe's rows, whether it came back as a value or as an update."""
    if isinstance(table, dict) and "value" in table:
        table = table["value"]
    return table["data"] if isinstance(table, dict) else table


SOURCES_BEFORE_START = "_The passages the interviewer draws on will appear here._"


def send(client: Client, answer: str) -> tuple:
    """Send an answer; returns (chat, sources, notice, answer box)."""
    return client.predict(answer, api_name="/send")


def history_ids(client: Client) -> list[str]:
    _table, pick, _progress, _pace, _habits, _notice = client.predict(api_name="/history")
    return choices_of(pick)


def upload(client: Client, path: Path, api_name: str = "/upload_research") -> tuple[str, Any]:
    return client.predict([handle_file(str(path))], api_name=api_name)

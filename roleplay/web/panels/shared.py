"""What every panel of the page shares: the services, and the page's own server-side state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from roleplay.web.services import PageState, Services

# Every event that waits on the model shares two places, whichever panel starts it.
MODEL_QUEUE: dict[str, Any] = {"concurrency_id": "model", "concurrency_limit": 2}
# Ingesting files is heavy on two cores: one at a time.
INGEST_QUEUE: dict[str, Any] = {"concurrency_id": "ingest", "concurrency_limit": 1}
# Saying a turn aloud is short but heavy on two cores: two at a time, apart from the model's.
SPEECH_QUEUE: dict[str, Any] = {"concurrency_id": "speech", "concurrency_limit": 2}
PRIVATE: dict[str, Any] = {"api_visibility": "private"}


@dataclass
class Shared:
    services: Services
    # Per-page state; an untouched page's interview is let go after the idle limit (and at once
    # when the tab closes). Which browser this is comes from the signed identity cookie (see
    # identity.py), never from a value the page sends.
    state: gr.State
    # A coach's or learner's sign-in token (the server keeps only its hash; it expires, and is
    # checked again on every event that relies on it).
    login: gr.BrowserState

    @classmethod
    def create(cls, services: Services) -> Shared:
        """Made inside the page's ``gr.Blocks``."""
        return cls(
            services=services,
            state=gr.State(
                None,
                time_to_live=services.settings.idle_minutes * 60,
                delete_callback=_release,
            ),
            login=gr.BrowserState(
                None, storage_key="interview-roleplay-login", secret=services.page_storage_key
            ),
        )


def _release(page: PageState | None) -> None:
    """A page's state is dropped (tab closed, or idle too long): stop its interview's work."""
    if page is not None and page.interview is not None:
        page.interview.close()


def toggle(open_: bool):
    """An event function that opens (or folds) an accordion."""
    return lambda: gr.update(open=open_)

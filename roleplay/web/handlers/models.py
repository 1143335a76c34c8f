"""The interviewer model a page picks: the models there are, and which one will interview."""

from __future__ import annotations

from typing import Any

import gradio as gr

from roleplay.core.safety import page_text
from roleplay.llm.errors import ModelError
from roleplay.web import views
from roleplay.web.inputs import InputError, text
from roleplay.web.services import PageState, Services


class ModelHandlers:
    def __init__(self, services: Services):
        self.services = services

    def models(self, page: PageState | None, request: gr.Request | None = None) -> tuple[Any, ...]:
        """The models this page may pick (a local Ollama's appear once it runs) and the line
        saying which one will interview."""
        page = self.services.page_of(page, request)
        try:
            found = self.services.model_options()
        except ModelError as error:
            return gr.update(), views.problem(error), page
        current = page.model or self.services.default_model
        picked = next((o for o in found if o.id == current), None)
        choices = [(o.label, o.id) for o in found]
        return gr.update(choices=choices, value=current), views.model_line(picked), page

    def choose_model(
        self, model_id: str, page: PageState, request: gr.Request | None = None
    ) -> tuple[str, PageState]:
        """Interview this page's next interviews with ``model_id`` (only one on the list)."""
        page = self.services.page_of(page, request)
        try:
            wanted = text(model_id, "The model", 300)
        except InputError as error:
            return views.problem(error), page
        try:
            picked = next((o for o in self.services.model_options() if o.id == wanted), None)
        except ModelError as error:
            return views.problem(error), page
        if picked is None:
            return f"⚠️ There is no model '{page_text(wanted[:80])}' here.", page
        page.model = picked.id
        return views.model_line(picked), page

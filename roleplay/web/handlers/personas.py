"""The interviewers a page may pick: the shipped ones, and the browser's own, made from a
character card dropped on the page (kept in a folder of that browser's, shown to nobody else)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from roleplay.cards import card_from_bytes
from roleplay.personas import PersonaError
from roleplay.safety import page_text
from roleplay.web import views
from roleplay.web.inputs import InputError, choice, files, text
from roleplay.web.services import PageState, Services

# A card with its picture; bigger files are refused before they are read.
MAX_CARD_MB = 20
MODES = ("formal", "informational")


class PersonaHandlers:
    def __init__(self, services: Services):
        self.services = services

    def personas(
        self, page: PageState | None, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """The interviewers of this page: the shipped ones and this browser's own."""
        page = self.services.page_of(page, request)
        found = self.services.library_for(page).all()
        return gr.update(choices=[views.persona_choice(p) for p in found]), page

    def details(self, persona_id: str, page: PageState, request: gr.Request | None = None) -> str:
        """The chosen interviewer, in a few lines."""
        page = self.services.page_of(page, request)
        try:
            wanted = text(persona_id, "The interviewer", 100)
            return views.persona_card(self.services.library_for(page).get(wanted))
        except (PersonaError, InputError) as error:
            return views.problem(error)

    def import_card(
        self, upload: Any, mode: Any, page: PageState, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Make an interviewer of a character card (.png or .json, V2 or V3) for this browser;
        a card made in another tool needs the interview mode."""
        page = self.services.page_of(page, request)
        try:
            [path] = files(upload)[:1] or [""]
            if not path:
                raise InputError("Choose a character card (.png or .json) first.")
            source = Path(path)
            if source.is_symlink() or not source.is_file():
                raise InputError("That is not a file that was uploaded.")
            if source.stat().st_size > MAX_CARD_MB * 1024 * 1024:
                raise InputError(f"A card is at most {MAX_CARD_MB} MB.")
            picked = choice(mode, "interview mode", MODES) if mode else None
            persona = card_from_bytes(
                source.read_bytes(),
                source.name,
                mode=picked,
                library=self.services.library,
            )
            library = self.services.library_for(page)
            own = self.services.user_folder("web-personas", page.owner)
            library.save(persona, own)
        except (PersonaError, InputError, OSError) as error:
            return views.problem(error), gr.update(), gr.update(), page
        found = self.services.library_for(page).all()
        status = f"Added **{page_text(persona.name)}** to your interviewers (in this browser only)."
        if persona.from_card:
            status += (
                f" Its worries and questions are the {persona.mode} interviewer's; the card's "
                "own instructions are kept with it but never given to the model."
            )
        return (
            status,
            gr.update(choices=[views.persona_choice(p) for p in found], value=persona.id),
            views.persona_card(persona),
            page,
        )

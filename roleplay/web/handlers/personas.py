"""The interviewers a page may pick: the shipped ones, and the browser's own, made from a
character card dropped on the page (kept in a folder of that browser's, shown to nobody else)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from roleplay.cards import card_from_bytes
from roleplay.core.personas import Persona, PersonaError
from roleplay.core.safety import page_text
from roleplay.web import views
from roleplay.web.inputs import InputError, choice, files, text
from roleplay.web.services import PageState, Services

# A card with its picture; bigger files are refused before they are read.
MAX_CARD_MB = 20
MODES = ("formal", "informational")
# Each is read on every event of its browser's pages.
MAX_OWN = 20


class PersonaHandlers:
    def __init__(self, services: Services):
        self.services = services

    def _save(self, page: PageState, persona: Persona) -> Persona:
        """Keep ``persona`` as this browser's own, under an id nobody else's uses: a shipped
        interviewer or an earlier card of the same id is never replaced."""
        own = self.services.library_for(page)
        shared = {p.id for p in self.services.library.all()}
        mine = {p.id for p in own.all()} - shared
        if len(mine) >= MAX_OWN:
            raise InputError(f"This browser has {MAX_OWN} interviewers of its own already.")
        wanted, number = persona.id, 1
        while persona.id in shared | mine:
            number += 1
            # Still a valid id: no hyphen left at the cut before the number.
            persona = persona.model_copy(update={"id": f"{wanted[:44].rstrip('-')}-{number}"})
        own.save(persona, self.services.own_personas(page))
        return persona

    def personas(
        self, page: PageState | None, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """The interviewers of this page: the shipped ones and this browser's own."""
        page = self.services.page_of(page, request)
        try:
            found = self.services.library_for(page).all()
        except (PersonaError, OSError):
            return gr.update(), page  # the shipped choices stay
        return gr.update(choices=[views.persona_choice(p) for p in found]), page

    def details(self, persona_id: str, page: PageState, request: gr.Request | None = None) -> str:
        """The chosen interviewer, in a few lines."""
        page = self.services.page_of(page, request)
        try:
            wanted = text(persona_id, "The interviewer", 100)
            return views.persona_card(self.services.library_for(page).get(wanted))
        except (PersonaError, InputError) as error:
            return page_text(views.problem(error))

    def import_card(
        self, upload: Any, mode: Any, page: PageState, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Make an interviewer of a character card (.png or .json, V2 or V3) for this browser;
        a card made in another tool needs the interview mode."""
        page = self.services.page_of(page, request)
        try:
            if not upload:
                raise InputError("Choose a character card (.png or .json) first.")
            source = Path(files(upload)[0])
            if source.is_symlink() or not source.is_file():
                raise InputError("That is not a file that was uploaded.")
            if source.stat().st_size > MAX_CARD_MB * 1024 * 1024:
                raise InputError(f"A card is at most {MAX_CARD_MB} MB.")
            picked = choice(mode, "interview mode", MODES) if mode else None
            persona = card_from_bytes(
                source.read_bytes(), source.name, mode=picked, library=self.services.library
            )
            persona = self._save(page, persona)
        except PersonaError as error:
            message = str(error)
            if "not an interviewer yet" in message:
                message = (
                    "This card was made in another tool: choose the kind of interview above, "
                    "then add it again."
                )
            return page_text(views.problem(PersonaError(message))), gr.update(), gr.update(), page
        except (InputError, OSError, RecursionError) as error:
            return page_text(views.problem(error)), gr.update(), gr.update(), page
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

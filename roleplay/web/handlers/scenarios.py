"""Writing scenarios: the editor (load, save with research), and sharing one as a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr
from pydantic import ValidationError

from roleplay.coaching.research import coach_owner
from roleplay.coaching.scenarios import ScenarioError
from roleplay.coaching.sharing import install_research, read_scenario_file, scenario_file_yaml
from roleplay.core.datafiles import describe_validation_error
from roleplay.core.safety import page_text
from roleplay.knowledge.errors import KnowledgeError
from roleplay.web import inputs, scenario_form, views
from roleplay.web.handlers.coach import (
    PROBLEMS,
    coach_of,
    coach_pack_names,
    download,
    own_scenarios,
)
from roleplay.web.inputs import InputError
from roleplay.web.page_markdown import error_modal
from roleplay.web.services import PageState, Services
from roleplay.wiring import knowledge


class ScenarioHandlers:
    def __init__(self, services: Services):
        self.services = services

    def new_scenario(self) -> tuple[Any, ...]:
        """An empty editor, with no scenario chosen (saving creates one)."""
        return (gr.update(value=None), "", *scenario_form.blank())

    def load_scenario(self, code: str | None, page: PageState) -> tuple[Any, ...]:
        """Fill the editor with one of the coach's scenarios."""
        try:
            coach = coach_of(page)
            spec = self.services.catalogue.owned(coach, inputs.scenario_code(code)).spec
        except PROBLEMS:
            return tuple(gr.update() for _ in scenario_form.FIELDS)
        return tuple(scenario_form.values(spec, coach_pack_names(self.services, coach)))

    def save_scenario(
        self,
        code: str | None,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
        *,
        files: list[str] | None,
        page: PageState,
        **form: Any,
    ) -> tuple[Any, ...]:
        """Create a scenario (no code chosen) or update the chosen one; add uploaded research.
        ``form`` holds the editor's fields by name (see ``scenario_form``)."""
        services = self.services
        try:
            coach = coach_of(page)
            code = inputs.scenario_code(code)
            if code:
                services.catalogue.owned(coach, code)  # only ever the coach's own
            spec = scenario_form.to_spec(form)
            # Only research this coach may use: a pack name sent by hand cannot reach another
            # coach's or a browser's uploads (not even one an old scenario listed).
            allowed = set(coach_pack_names(services, coach))
            unknown = [name for name in spec.packs if name not in allowed]
            if unknown:
                raise ScenarioError(f"There is no research pack '{unknown[0][:80]}' for you.")
            services.catalogue.check(spec)
        except ValidationError as error:
            problem = describe_validation_error("scenario", error)
            return (f"⚠️ {problem}", gr.update(), "", gr.update())
        except (*PROBLEMS, ValueError) as error:
            return (views.problem(error), gr.update(), "", gr.update())
        lines = []
        if files:
            pack = f"{spec.title} — research ({coach.name})"
            try:
                outcomes = services.upload(
                    pack, inputs.files(files), coach_owner(coach.name), progress
                )
            except (KnowledgeError, InputError) as error:
                return (views.problem(error), gr.update(), "", gr.update())
            lines = views.upload_lines(outcomes)
            if knowledge.stored(outcomes):
                spec.packs = [*dict.fromkeys([*spec.packs, pack])]
        saved = (
            services.catalogue.update(coach, code, spec)
            if code
            else services.catalogue.create(coach, spec)
        )
        status = page_text(
            "\n".join([f"Saved **{spec.title}**. Share the link `/?scenario={saved.code}`", *lines])
        )
        packs = [*dict.fromkeys([*coach_pack_names(services, coach), *spec.packs])]
        return (
            status,
            gr.update(choices=own_scenarios(services, coach), value=saved.code),
            "",
            gr.update(choices=packs, value=spec.packs),
        )

    def export_yaml(self, code: str | None, page: PageState) -> str:
        """The scenario as a file to share, with its research, for another install."""
        try:
            coach = coach_of(page)
            spec = self.services.catalogue.owned(coach, inputs.scenario_code(code)).spec
            text = scenario_file_yaml(spec, self.services.store, coach.name)
        except (*PROBLEMS, KnowledgeError) as error:
            raise error_modal(error) from None
        return str(download(f"scenario-{code}.yaml", text))

    def import_yaml(self, file: str | None, page: PageState) -> tuple[Any, ...]:
        """Create a scenario from a shared file; its research goes into packs here."""
        services = self.services
        try:
            coach = coach_of(page)
            if not file:
                raise ScenarioError("Choose a scenario file (.yaml) first.")
            limit = int(services.settings.max_file_mb * 1024 * 1024)
            shared = read_scenario_file(Path(inputs.files(file)[0]), max_bytes=limit)
            # Checked before its research is installed, not only when the scenario is saved.
            services.catalogue.check(shared.spec())
            spec = install_research(
                shared,
                services.store,
                coach=coach.name,
                chunking=knowledge.chunking(services.settings),
                uploads=knowledge.upload_limits(services.settings),
            )
            saved = services.catalogue.create(coach, spec)
        except (*PROBLEMS, KnowledgeError, InputError) as error:
            return views.problem(error), gr.update()
        status = page_text(f"Imported **{spec.title}**. Share the link `/?scenario={saved.code}`")
        return status, gr.update(choices=own_scenarios(self.services, coach), value=saved.code)

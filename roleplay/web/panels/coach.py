"""The coach's tab: their scenarios and each one's attempts, reviewing an attempt, sharing a
scenario as a file, and the scenario editor."""

from __future__ import annotations

from typing import Any

import gradio as gr

from roleplay.web import scenario_form
from roleplay.web.handlers.coach import CoachHandlers
from roleplay.web.handlers.scenarios import ScenarioHandlers
from roleplay.web.page_markdown import page_markdown
from roleplay.web.panels.shared import INGEST_QUEUE, PRIVATE, Shared


class CoachPanel:
    def __init__(self, shared: Shared):
        self.shared = shared
        services = shared.services
        self.handlers = CoachHandlers(services)
        self.scenarios = ScenarioHandlers(services)
        with gr.Row():
            self.pick = gr.Dropdown(label="Scenario", choices=[], allow_custom_value=True, scale=3)
            self.export_csv = gr.Button("Export attempts (CSV)", scale=1)
        self.link = page_markdown(elem_id="scenario-link")
        with gr.Row():
            self.ask_delete = gr.Button("Delete this scenario", variant="stop", size="sm")
        with gr.Row(visible=False) as self.confirm_row:
            self.confirm_text = page_markdown()
            self.confirm_delete = gr.Button("Yes, delete it", variant="stop", size="sm")
            self.keep = gr.Button("Keep it", size="sm")
        self.attempts = gr.Dataframe(
            value=[], interactive=False, wrap=True, label="Attempts", elem_id="attempts"
        )
        self.attempt_pick = gr.Dropdown(
            label="Open an attempt", choices=[], allow_custom_value=True
        )
        self.attempt = page_markdown(elem_id="attempt")
        self.comment_text = gr.Textbox(label="Comment for the learner", lines=2)
        with gr.Row():
            self.comment = gr.Button("Add comment")
            self.release = gr.Button("Release feedback to the learner")
        self.attempts_csv = gr.File(label="Attempts (CSV)")
        with gr.Accordion("Share a scenario as a file", open=False):
            with gr.Row():
                self.export_yaml = gr.Button("Download the chosen scenario (YAML, with research)")
                self.scenario_file = gr.File(label="Scenario file", elem_id="scenario-file")
            with gr.Row():
                self.import_file = gr.File(
                    label="Import a scenario file (.yaml)",
                    file_types=[".yaml", ".yml"],
                    type="filepath",
                )
                self.import_yaml = gr.Button("Import it as a new scenario")
            self.import_status = page_markdown(elem_id="import-status")
        with gr.Accordion(
            "Write a scenario (or edit the one chosen above)", open=False, elem_id="scenario-editor"
        ):
            with gr.Row():
                self.new = gr.Button("Start a new scenario")
            self.form = scenario_form.build(services.library.all(), services.rubric_ids())
            self.save = gr.Button("Save scenario", variant="primary")
            self.status = page_markdown(elem_id="scenario-status")

    @property
    def packs(self) -> Any:
        return self.form["packs"]

    def wire(self) -> None:
        handlers, scenarios, state = self.handlers, self.scenarios, self.shared.state
        editor = scenario_form.fields(self.form)
        self.pick.change(scenarios.load_scenario, [self.pick, state], editor, **PRIVATE)
        self.new.click(scenarios.new_scenario, None, [self.pick, self.link, *editor], **PRIVATE)
        self.save.click(
            scenarios.save_scenario,
            [self.pick],
            [self.status, self.pick, self.link, self.packs],
            # The editor's fields by name, then the research files and the page's state: the
            # endpoint's inputs in that order after the scenario code.
            inputs_kwargs={
                **{name: self.form[name] for name in scenario_form.FIELDS},
                "files": self.form["research"],
                "page": state,
            },
            api_name="save_scenario",
            **INGEST_QUEUE,
        )
        self.pick.change(
            handlers.dashboard,
            [self.pick, state],
            [self.attempts, self.attempt_pick, self.link],
            api_name="coach_dashboard",
        )
        self.attempt_pick.change(
            handlers.open_attempt, [self.attempt_pick, state], self.attempt, api_name="attempt"
        )
        self.comment.click(
            handlers.comment,
            [self.attempt_pick, self.comment_text, state],
            [self.attempt, self.comment_text],
            api_name="comment",
        )
        self.release.click(
            handlers.release, [self.attempt_pick, state], self.attempt, api_name="release"
        )
        self.ask_delete.click(
            handlers.ask_delete,
            [self.pick, state],
            [self.confirm_row, self.confirm_text],
            **PRIVATE,
        )
        self.keep.click(lambda: gr.update(visible=False), None, self.confirm_row, **PRIVATE)
        self.confirm_delete.click(
            handlers.delete_scenario,
            [self.pick, state],
            [self.link, self.pick, self.confirm_row],
            api_name="delete_scenario",
        )
        self.export_yaml.click(
            scenarios.export_yaml,
            [self.pick, state],
            self.scenario_file,
            api_name="export_scenario",
        )
        self.import_yaml.click(
            scenarios.import_yaml,
            [self.import_file, state],
            [self.import_status, self.pick],
            api_name="import_scenario",
            **INGEST_QUEUE,
        )
        self.export_csv.click(
            handlers.export_csv, [self.pick, state], self.attempts_csv, api_name="export_csv"
        )

"""The coach's cohorts: make one, fill it from a roster (each new learner's one-time link to
copy), assign a scenario with a due date, and the cohort's report with its charts."""

from __future__ import annotations

from typing import Any

import gradio as gr

from roleplay.web import cohort_views
from roleplay.web.handlers.coach import CoachHandlers
from roleplay.web.handlers.cohorts import CohortHandlers
from roleplay.web.page_markdown import page_markdown
from roleplay.web.panels.shared import Shared


class CohortPanel:
    def __init__(self, shared: Shared):
        self.shared = shared
        self.handlers = CohortHandlers(shared.services)
        self.review = CoachHandlers(shared.services)
        summary, criteria, trend, *_ = cohort_views.empty_report()
        with gr.Row():
            # Choices differ per coach; the handlers check ownership of any name sent.
            self.pick = gr.Dropdown(
                label="Cohort", choices=[], allow_custom_value=True, scale=3, elem_id="cohort-pick"
            )
            self.new_name = gr.Textbox(label="New cohort's name", scale=2, elem_id="cohort-name")
            self.create = gr.Button("Make cohort", scale=1)
        self.status = page_markdown(elem_id="cohort-status")
        with gr.Accordion("Learners", open=False, elem_id="cohort-learners"):
            self.members = gr.Dataframe(
                value=[],
                headers=cohort_views.MEMBER_HEADERS,
                interactive=False,
                label="Learners",
                elem_id="cohort-members",
            )
            with gr.Row():
                self.roster = gr.File(
                    label="Roster (.csv with name and email columns)",
                    file_types=[".csv"],
                    type="filepath",
                    elem_id="cohort-roster",
                )
                self.import_roster = gr.Button("Add everyone on the roster")
            with gr.Row():
                self.learner = gr.Textbox(label="Or one learner: user name", scale=2)
                self.email = gr.Textbox(label="E-mail (optional)", scale=2)
                self.add = gr.Button("Add learner", scale=1)
            self.links = gr.Textbox(
                label="One-time links to set a password (a line each: user name, tab, link)",
                lines=3,
                interactive=False,
                buttons=["copy"],
                elem_id="cohort-links",
            )
        with gr.Accordion("Assign a scenario", open=False, elem_id="cohort-assign"):
            with gr.Row():
                self.scenario = gr.Dropdown(
                    label="Scenario", choices=[], allow_custom_value=True, scale=3
                )
                self.due = gr.Textbox(
                    label="Due (UTC): 2027-03-31 or 2027-03-31T17:00; empty for none", scale=2
                )
                self.assign = gr.Button("Assign", scale=1)
        self.summary = page_markdown(summary, elem_id="cohort-summary")
        with gr.Row():
            self.criteria = gr.BarPlot(
                criteria,
                x="criterion",
                y="learners",
                color="level",
                title="Latest attempts, criterion by criterion",
                x_label_angle=-20,
                label="Criteria",
                elem_id="cohort-criteria",
            )
            self.trend = gr.LinePlot(
                trend,
                x="attempt",
                y="mean",
                color="criterion",
                title="Mean score by attempt (0–100)",
                y_lim=[0, 100],
                label="Trend",
                elem_id="cohort-trend",
            )
        self.worries = page_markdown(elem_id="cohort-worries")
        self.progress = gr.Dataframe(
            value=[],
            headers=cohort_views.PROGRESS_HEADERS,
            interactive=False,
            label="Progress: overall score, first and latest attempt",
            elem_id="cohort-progress",
        )
        with gr.Row():
            self.quoted = gr.Dropdown(
                label="Open an attempt a worry quotes", choices=[], allow_custom_value=True
            )
            self.export = gr.Button("Download the report (CSV)")
        self.attempt = page_markdown(elem_id="cohort-attempt")
        self.report_csv = gr.File(label="Cohort report (CSV)", height=90)

    @property
    def report(self) -> list[Any]:
        """What choosing a cohort redraws (the scenarios to assign are the coach's latest)."""
        return [
            self.scenario,
            self.members,
            self.summary,
            self.criteria,
            self.trend,
            self.worries,
            self.progress,
            self.quoted,
        ]

    def wire(self) -> None:
        handlers, state = self.handlers, self.shared.state
        self.create.click(
            handlers.create,
            [self.new_name, state],
            [self.status, self.pick, self.new_name],
            api_name="cohort_create",
        )
        self.pick.change(handlers.show, [self.pick, state], self.report, api_name="cohort_report")
        self.import_roster.click(
            handlers.import_roster,
            [self.pick, self.roster, state],
            [self.status, self.links],
            api_name="cohort_import",
        ).then(handlers.show, [self.pick, state], self.report, api_visibility="private")
        self.add.click(
            handlers.add,
            [self.pick, self.learner, self.email, state],
            [self.status, self.links],
            api_name="cohort_add",
        ).then(handlers.show, [self.pick, state], self.report, api_visibility="private")
        self.assign.click(
            handlers.assign,
            [self.pick, self.scenario, self.due, state],
            self.status,
            api_name="cohort_assign",
        ).then(handlers.show, [self.pick, state], self.report, api_visibility="private")
        self.quoted.change(
            self.review.open_attempt, [self.quoted, state], self.attempt, api_visibility="private"
        )
        self.export.click(
            handlers.export, [self.pick, state], self.report_csv, api_name="cohort_csv"
        )

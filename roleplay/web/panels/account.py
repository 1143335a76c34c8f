"""Who is here: the account line, signing in and out, and the brief of a scenario's link."""

from __future__ import annotations

from typing import Any

import gradio as gr

from roleplay.web.handlers.account import AccountHandlers
from roleplay.web.page_markdown import page_markdown
from roleplay.web.panels.past import PastPanel
from roleplay.web.panels.shared import PRIVATE, Shared


class AccountPanel:
    def __init__(self, shared: Shared):
        self.shared = shared
        self.handlers = AccountHandlers(shared.services)
        self.line = page_markdown(elem_id="account")
        with gr.Accordion("Sign in (coaches and learners)", open=False):
            with gr.Row():
                self.name = gr.Textbox(label="User name", scale=2)
                self.password = gr.Textbox(label="Password", type="password", scale=2)
            with gr.Row():
                self.sign_in = gr.Button("Sign in", variant="primary")
                self.sign_up = gr.Button("Sign up as a learner")
                self.sign_out = gr.Button("Sign out")
        # A learner's assignments from their cohorts; choosing one opens it like its link.
        self.assigned = page_markdown(visible=False, elem_id="assigned")
        self.assigned_pick = gr.Dropdown(
            label="Open an assignment", choices=[], visible=False, elem_id="assigned-pick"
        )
        self.scenario = page_markdown(visible=False, elem_id="scenario")
        self.scenario_code = gr.Textbox(visible=False)

    def views(self, coach: list[Any]) -> list[Any]:
        """What a change of account redraws: the account line, a learner's assignments, the
        scenario's brief, and ``coach`` (the coach's tab, scenario list and research choices)."""
        return [self.line, self.assigned, self.assigned_pick, self.scenario, *coach]

    def wire(self, coach: list[Any], past: PastPanel) -> None:
        handlers, state, login = self.handlers, self.shared.state, self.shared.login
        views = self.views(coach)
        credentials = [self.name, self.password, state]
        # The stored sign-in's component can load after the page's first event: take it then.
        past.refresh_after(
            login.change(handlers.remembered, [login, state], [state, *views], **PRIVATE)
        )
        # A sign-in brings the account's own past interviews, not the browser's.
        past.refresh_after(
            self.sign_in.click(
                handlers.sign_in, credentials, [state, login, *views], api_name="sign_in"
            )
        )
        past.refresh_after(
            self.sign_up.click(
                handlers.sign_up, credentials, [state, login, *views], api_name="sign_up"
            )
        )
        past.refresh_after(
            self.sign_out.click(
                handlers.sign_out, [login, state], [state, login, *views], api_name="sign_out"
            )
        )
        gr.Button("Open scenario", visible=False).click(
            handlers.open_scenario,
            [self.scenario_code, state],
            [state, *views],
            api_name="open_scenario",
        )
        # After the public event, which keeps the plain name "open_scenario".
        self.assigned_pick.input(
            handlers.open_scenario, [self.assigned_pick, state], [state, *views], **PRIVATE
        )

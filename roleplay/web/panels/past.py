"""Past interviews: this browser's (or account's) interviews, opening one again, progress."""

from __future__ import annotations

from typing import Any

import gradio as gr

from roleplay.web import views
from roleplay.web.handlers.past import PastHandlers
from roleplay.web.page_markdown import page_markdown
from roleplay.web.panels.practice import PracticePanel
from roleplay.web.panels.results import ResultsPanel
from roleplay.web.panels.shared import PRIVATE, Shared, toggle

PRACTICE_TAB = "practice"


class PastPanel:
    def __init__(self, shared: Shared):
        self.shared = shared
        self.handlers = PastHandlers(shared.services)
        self.table = gr.Dataframe(
            headers=views.HISTORY_HEADERS,
            value=[],
            interactive=False,
            wrap=True,
            label="Past interviews (newest first)",
            elem_id="past-table",
        )
        with gr.Row():
            self.pick = gr.Dropdown(
                label="Open a past interview",
                choices=[],
                scale=4,
                # Choices differ per browser; the handler checks ownership of any id sent.
                allow_custom_value=True,
            )
            self.reopen = gr.Button("Open", scale=1, min_width=80)
            self.refresh = gr.Button("Refresh", scale=1, min_width=80)
        self.notice = page_markdown()
        self.progress = gr.LinePlot(
            views.progress_frame([]),
            x="when",
            y="score",
            color="criterion",
            title="Scores over time (0–100)",
            y_lim=[0, 100],
            label="Progress",
        )
        # Only interviews with spoken answers have these points.
        pace, habits = views.delivery_frames([])
        with gr.Row():
            self.pace = gr.LinePlot(
                pace,
                x="when",
                y="value",
                color="measure",
                title="Speaking pace of spoken answers (words per minute)",
                label="Pace",
            )
            self.habits = gr.LinePlot(
                habits,
                x="when",
                y="value",
                color="measure",
                title="Fillers and long pauses in spoken answers",
                label="Fillers and pauses",
            )

    @property
    def outputs(self) -> list[Any]:
        return [
            self.table,
            self.pick,
            self.progress,
            self.pace,
            self.habits,
            self.shared.state,
            self.notice,
        ]

    def refresh_after(self, event: Any) -> Any:
        """After ``event`` (a sign-in, an interview ended): list the interviews again."""
        return event.then(self.handlers.past, self.shared.state, self.outputs, **PRIVATE)

    def wire(self, practice: PracticePanel, results: ResultsPanel, tabs: gr.Tabs) -> None:
        state = self.shared.state
        self.refresh.click(self.handlers.past, state, self.outputs, api_name="history")
        opened = self.reopen.click(
            self.handlers.reopen,
            [self.pick, state],
            [*practice.chat_outputs, results.feedback],
            api_name="reopen",
        ).then(lambda: gr.Tabs(selected=PRACTICE_TAB), None, tabs, **PRIVATE)
        results.after_reopen(opened.then(toggle(False), None, practice.setup, **PRIVATE))

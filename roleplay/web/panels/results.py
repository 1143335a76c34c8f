"""The debrief (the interviewer's private notes) and the feedback report, under the chat."""

from __future__ import annotations

from typing import Any

import gradio as gr

from roleplay.web.handlers.again import AgainHandlers
from roleplay.web.handlers.results import ResultsHandlers
from roleplay.web.handlers.sharing import SharingHandlers
from roleplay.web.page_markdown import page_markdown
from roleplay.web.panels.shared import MODEL_QUEUE, PRIVATE, Shared, toggle


class ResultsPanel:
    def __init__(self, shared: Shared):
        self.shared = shared
        self.handlers = ResultsHandlers(shared.services)
        self.sharing = SharingHandlers(shared.services)
        self.again_handlers: AgainHandlers | None = None  # set by the practice panel
        with gr.Accordion("Debrief: what the interviewer privately thought", open=False) as box:
            self.debrief_box = box
            self.debrief = page_markdown("_The debrief appears when an interview ends._")
            with gr.Row():
                self.transcript_md = gr.File(label="Transcript (Markdown)")
                self.transcript_json = gr.File(label="Transcript (JSON)")
            with gr.Row(equal_height=True):
                self.again = gr.Dropdown(
                    label="Practise a question again",
                    info="A short interview asks it again, then follows up.",
                    choices=[],
                    scale=4,
                    elem_id="again-question",
                    # The choices change with each interview; the server checks what is sent.
                    allow_custom_value=True,
                )
                self.again_button = gr.Button(
                    "Practise it again", scale=1, elem_id="practise-again"
                )
        with gr.Accordion("Feedback", open=False) as box:
            self.feedback_box = box
            self.feedback = page_markdown(
                "_Feedback appears when an interview ends._", elem_id="feedback"
            )
            self.report_json = gr.File(label="Report (JSON)")
            with gr.Row(equal_height=True):
                self.pdf_button = gr.Button("Report as PDF", elem_id="report-pdf")
                self.share_button = gr.Button("Share a read-only link", elem_id="share-report")
                self.revoke_button = gr.Button("Revoke links", elem_id="revoke-share")
            self.report_pdf = gr.File(label="Report (PDF)", height=90)
            self.share_link = gr.Textbox(
                label="Read-only link", interactive=False, buttons=["copy"], elem_id="share-link"
            )
            self.share_status = page_markdown("")

    @property
    def debrief_outputs(self) -> list[Any]:
        return [self.debrief, self.transcript_md, self.transcript_json, self.shared.state]

    def wire(self) -> None:
        """The public endpoints. Wired before any other panel's events, so that they get the
        plain names "debrief" and "feedback" (the chained, private uses come later)."""
        state = self.shared.state
        gr.Button("Show debrief", visible=False).click(
            self.handlers.debrief, state, self.debrief_outputs, api_name="debrief"
        )
        gr.Button("Score", visible=False).click(
            self.handlers.feedback,
            state,
            [self.feedback, self.report_json, state],
            api_name="feedback",
            **MODEL_QUEUE,
        )
        self.pdf_button.click(
            self.sharing.pdf,
            state,
            [self.report_pdf, self.share_status, state],
            api_name="report_pdf",
        )
        self.share_button.click(
            self.sharing.share,
            state,
            [self.share_link, self.share_status, state],
            api_name="share_report",
        )
        self.revoke_button.click(
            self.sharing.revoke,
            state,
            [self.share_link, self.share_status, state],
            api_name="revoke_share",
        )

    def score_if_over(self, event: Any) -> Any:
        """After ``event``: score a finished interview and open its feedback; else nothing."""
        return event.then(
            self.handlers.feedback_if_over,
            self.shared.state,
            [self.feedback, self.report_json, self.shared.state, self.feedback_box],
            **PRIVATE,
            **MODEL_QUEUE,
        )

    def with_questions(self, event: Any) -> Any:
        """After ``event``: the ended interview's questions, to practise one again."""
        assert self.again_handlers is not None
        return event.then(self.again_handlers.choices, self.shared.state, self.again, **PRIVATE)

    def after_answer(self, event: Any) -> Any:
        """An answer may have ended the interview (its limits): then debrief and score it."""
        shown = event.then(
            self.handlers.debrief_if_over,
            self.shared.state,
            [*self.debrief_outputs, self.debrief_box],
            **PRIVATE,
        )
        return self.score_if_over(self.with_questions(shown))

    def after_end(self, event: Any) -> Any:
        """The interview was ended: the debrief opens, then the report is scored."""
        shown = event.then(
            self.handlers.debrief, self.shared.state, self.debrief_outputs, **PRIVATE
        ).then(toggle(True), None, self.debrief_box, **PRIVATE)
        return self.score_if_over(self.with_questions(shown))

    def after_reopen(self, event: Any) -> Any:
        """A past interview was opened: its debrief so far, and its report if it is over (one
        whose scoring was cut short, because the app stopped, is scored now)."""
        shown = event.then(
            self.handlers.debrief, self.shared.state, self.debrief_outputs, **PRIVATE
        )
        return self.score_if_over(self.with_questions(shown))

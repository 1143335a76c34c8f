"""Practice: the setup (interviewer, company, research, length), the chat and its sources.

The setup folds away once an interview starts, so the chat and the research behind each turn
stay in view; Start over opens it again.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from roleplay.web import views
from roleplay.web.handlers.again import AgainHandlers
from roleplay.web.handlers.models import ModelHandlers
from roleplay.web.handlers.personas import PersonaHandlers
from roleplay.web.handlers.practice import PracticeHandlers, pack_choices
from roleplay.web.handlers.speech import SpeechHandlers
from roleplay.web.page_markdown import page_markdown
from roleplay.web.panels.results import ResultsPanel
from roleplay.web.panels.shared import (
    INGEST_QUEUE,
    MODEL_QUEUE,
    PRIVATE,
    SPEECH_QUEUE,
    Shared,
    toggle,
)
from roleplay.web.services import PageState


class PracticePanel:
    def __init__(self, shared: Shared):
        self.shared = shared
        services = shared.services
        self.handlers = PracticeHandlers(services)
        self.again = AgainHandlers(services, self.handlers)
        self.models = ModelHandlers(services)
        self.personas = PersonaHandlers(services)
        self.speech = SpeechHandlers(services, self.handlers)
        personas = services.library.all()
        company = next((s for s in services.samples() if s.kind == "company"), None)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=340):
                with gr.Accordion("Set up your interview", open=True) as self.setup:
                    self._setup(personas, company)
                self.chat = gr.Chatbot(
                    label="Interview",
                    height=480,
                    layout="bubble",
                    # No "share": it posts to Hugging Face, and this app stays offline.
                    buttons=["copy", "copy_all"],
                )
                self.notice = page_markdown(elem_id="notice")
                with gr.Row():
                    self.message = gr.Textbox(
                        label="Your answer",
                        placeholder="Type your answer and press Enter",
                        scale=5,
                        autofocus=True,
                    )
                    self.send = gr.Button("Send", variant="primary", scale=1, min_width=80)
                self._voice(services)
                with gr.Row():
                    self.retry = gr.Button("Retry", visible=False)
                    self.end = gr.Button("End interview", variant="stop")
                    self.restart = gr.Button("Start over")
            with gr.Column(scale=2, min_width=300):
                self.sources = page_markdown(views.sources_panel(None), elem_id="sources")

    def _voice(self, services: Any) -> None:
        """The microphone (beside the answer box) and the interviewer's voice."""
        speech = services.speech
        with gr.Row(equal_height=False):
            self.mic = gr.Audio(
                sources=["microphone"],
                type="filepath",
                label="Or say your answer: record, then stop",
                editable=False,
                buttons=[],
                elem_id="mic",
                visible=speech.hears,
                scale=3,
            )
            with gr.Column(scale=2, min_width=200):
                self.hear = gr.Checkbox(
                    label="Hear the interviewer", value=False, visible=speech.speaks
                )
                self.at_once = gr.Checkbox(
                    label="Send a spoken answer as soon as it is heard",
                    value=False,
                    visible=speech.hears,
                )
        self.voice = gr.Audio(
            label="The interviewer's voice",
            autoplay=True,
            interactive=False,
            # No "share": it posts to Hugging Face, and this app stays offline.
            buttons=["download"],
            elem_id="voice",
            visible=speech.speaks,
        )
        self.speech_notice = page_markdown(elem_id="speech-notice")
        # Remembered per browser: its value is the client's to send, and is checked as such.
        self.voice_prefs = gr.BrowserState(
            {"hear": False, "at_once": False},
            storage_key="interview-roleplay-voice",
            secret=services.page_storage_key,
        )

    def _setup(self, personas: list[Any], company: Any) -> None:
        self.persona = gr.Dropdown(
            choices=[views.persona_choice(p) for p in personas],
            value=personas[0].id if personas else None,
            label="Interviewer",
            # A browser's own interviewers (from cards) are its alone: the handlers check the id.
            allow_custom_value=True,
        )
        self.persona_card = page_markdown(views.persona_card(personas[0]) if personas else "")
        with gr.Accordion("Bring your own interviewer: a character card", open=False):
            self.card_file = gr.File(
                label="A character card (.png or .json, from SillyTavern or a character hub)",
                file_types=[".png", ".json"],
                type="filepath",
            )
            self.card_mode = gr.Radio(
                [
                    ("A job interview", "formal"),
                    ("A conversation about the field", "informational"),
                ],
                label="For a card made in another tool: the kind of interview",
            )
            self.add_card = gr.Button("Add this interviewer")
            self.card_status = page_markdown(elem_id="card-status")
        # Filled in when the page loads: a local Ollama's models appear once it runs.
        self.model = gr.Dropdown(
            label="Interviewer model",
            choices=[],
            # Checked by the handler against the models there are, whatever is sent.
            allow_custom_value=True,
        )
        self.model_line = page_markdown(elem_id="model-line")
        with gr.Row():
            self.company = gr.Textbox(label="Company", value=company.company if company else "")
            self.role = gr.Textbox(label="Role", value=company.role if company else "")
            self.candidate = gr.Textbox(label="Your name", value="Sam")
        nobody = PageState()
        with gr.Row():
            self.pack = gr.Dropdown(
                label="Company research",
                choices=pack_choices(self.shared.services, nobody),
                value=company.name if company else None,
                # Per-page choices are checked by the handlers, not the component.
                allow_custom_value=True,
            )
            self.cv_pack = gr.Dropdown(
                label="Your CV and the job ad",
                choices=pack_choices(self.shared.services, nobody, "candidate"),
                value="",
                allow_custom_value=True,
            )
        with gr.Row():
            self.research = gr.File(
                label="Add your own research (.txt .md .pdf .html .docx .eml)",
                file_count="multiple",
                type="filepath",
            )
            self.cv = gr.File(
                label="Optional: your CV and the job ad", file_count="multiple", type="filepath"
            )
        with gr.Row():
            self.add_research = gr.Button("Add research")
            self.add_cv = gr.Button("Add CV / job ad")
        self.upload_status = page_markdown()
        with gr.Row():
            self.turns = gr.Slider(2, 20, value=6, step=1, label="Your answers")
            self.minutes = gr.Slider(5, 60, value=30, step=5, label="Time limit (minutes)")
        self.start = gr.Button("Start the interview", variant="primary")

    @property
    def chat_outputs(self) -> list[Any]:
        return [self.chat, self.sources, self.notice, self.retry, self.shared.state]

    def after_arrival(self, event: Any) -> Any:
        """Once the page has its state: the models it may pick (a local Ollama's appear once it
        runs). Chained, never a load event of its own: two events making the page's state at
        once would each keep only their own."""
        state = self.shared.state
        return event.then(self.personas.personas, state, [self.persona, state], **PRIVATE).then(
            self.models.models, state, [self.model, self.model_line, state], **PRIVATE
        )

    def on_open(self, app: gr.Blocks) -> None:
        """As the page opens, the voice toggles this browser remembered: an event of its own,
        since it touches no page state, so it need not wait behind the model list."""
        app.load(self.speech.preferences, self.voice_prefs, [self.hear, self.at_once], **PRIVATE)

    def _spoken(self, event: Any) -> Any:
        """After an event that may add an interviewer turn: say it, if the page wants to."""
        return event.then(
            self.speech.speak,
            [self.hear, self.shared.state],
            [self.voice, self.speech_notice],
            **PRIVATE,
            **SPEECH_QUEUE,
        )

    def wire(self, results: ResultsPanel, after_end: Any) -> None:
        """This panel's events; ``after_end(event)`` adds what the rest of the page does once
        an interview has ended (the past interviews and the coach's panel refresh)."""
        handlers, state = self.handlers, self.shared.state
        self.model.input(
            self.models.choose_model,
            [self.model, state],
            [self.model_line, state],
            api_name="choose_model",
        )
        self.persona.change(
            self.personas.details, [self.persona, state], self.persona_card, **PRIVATE
        )
        self.add_card.click(
            self.personas.import_card,
            [self.card_file, self.card_mode, state],
            [self.card_status, self.persona, self.persona_card, state],
            api_name="import_card",
        )
        self.add_research.click(
            handlers.upload_research,
            [self.research, state],
            [self.upload_status, self.pack, state],
            api_name="upload_research",
            **INGEST_QUEUE,
        )
        self.add_cv.click(
            handlers.upload_cv,
            [self.cv, state],
            [self.upload_status, self.cv_pack, state],
            api_name="upload_cv",
            **INGEST_QUEUE,
        )
        setup = [self.persona, self.company, self.role, self.candidate, self.pack, self.cv_pack]
        started = self.start.click(
            handlers.start,
            [*setup, self.turns, self.minutes, state],
            self.chat_outputs,
            api_name="start",
            **MODEL_QUEUE,
        )
        started.then(toggle(False), None, self.setup, **PRIVATE)
        self._spoken(started)
        answered = gr.on(
            [self.message.submit, self.send.click],
            handlers.send,
            [self.message, state],
            [*self.chat_outputs, self.message],
            api_name="send",
            **MODEL_QUEUE,
        )
        # Said aloud beside the debrief and scoring, never in their way.
        self._spoken(answered)
        results.after_answer(answered)
        aloud = self.mic.stop_recording(
            self.speech.answer_aloud,
            [self.mic, self.at_once, state],
            [*self.chat_outputs, self.message, self.mic],
            api_name="answer_aloud",
            **MODEL_QUEUE,
        )
        self._spoken(aloud)
        results.after_answer(aloud)
        retried = self.retry.click(
            handlers.retry, state, self.chat_outputs, api_name="retry", **MODEL_QUEUE
        )
        self._spoken(retried)
        ended = self.end.click(
            handlers.end, state, self.chat_outputs, api_name="end", **MODEL_QUEUE
        )
        self._spoken(ended)
        after_end(results.after_end(ended))
        # One question of the ended interview, asked again in a short interview of its own.
        again = results.again_button.click(
            self.again.practise,
            [results.again, state],
            self.chat_outputs,
            api_name="practise_again",
            **MODEL_QUEUE,
        )
        again.then(toggle(False), None, self.setup, **PRIVATE)
        self._spoken(again)
        results.after_answer(again)
        for toggle_ in (self.hear, self.at_once):
            toggle_.input(
                self.speech.remember, [self.hear, self.at_once], self.voice_prefs, **PRIVATE
            )
        self.chat.select(handlers.show_sources, state, self.sources, **PRIVATE)
        self.restart.click(handlers.restart, state, self.chat_outputs, api_name="restart").then(
            toggle(True), None, self.setup, **PRIVATE
        )
        # The chat's own trash button means "start over", not "hide the messages".
        self.chat.clear(handlers.restart, state, self.chat_outputs, **PRIVATE).then(
            toggle(True), None, self.setup, **PRIVATE
        )

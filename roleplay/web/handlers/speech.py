"""Speaking an answer and hearing the interviewer: the microphone's recording to text (and, if
the page asks, straight on to the interviewer), and each new interviewer turn to audio.

The recording is a file Gradio received; its length, size and sound are checked by the speech
core before any engine hears it. The page's two voice preferences live in the browser, so they
arrive as any client likes: only ``True`` counts as on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from roleplay.speech import SpeechError
from roleplay.speech.audio import read_wav
from roleplay.web import views
from roleplay.web.handlers.practice import PracticeHandlers, chat_outputs
from roleplay.web.inputs import InputError, text
from roleplay.web.services import PageState, Services

HEARD = "Heard your answer: check it, edit it if you like, then press Send."
PREFERENCES = ("hear", "at_once")


def preferences_of(saved: Any) -> dict[str, bool]:
    """The page's voice preferences as saved in the browser; anything odd is off."""
    saved = saved if isinstance(saved, dict) else {}
    return {name: saved.get(name) is True for name in PREFERENCES}


class SpeechHandlers:
    def __init__(self, services: Services, practice: PracticeHandlers):
        self.services = services
        self.practice = practice

    def preferences(self, saved: Any) -> tuple[Any, Any]:
        """Turn on the toggles this browser remembered as on. Only ever on: a toggle the
        person ticked while the page was opening is not undone by an older "off"."""
        prefs = preferences_of(saved)
        return tuple(gr.update(value=True) if prefs[name] else gr.update() for name in PREFERENCES)

    def remember(self, hear: Any, at_once: Any) -> dict[str, bool]:
        """What this browser should remember of the toggles."""
        return preferences_of({"hear": hear, "at_once": at_once})

    def answer_aloud(
        self, recording: Any, at_once: Any, page: PageState, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """The recorded answer as text in the answer box, to check and send; with "send at
        once" on, sent straight away. The recorder is emptied for the next answer."""
        page = self.services.page_of(page, request)
        if page.interview is None:
            yield (*chat_outputs(page, "Start an interview first."), gr.update(), None)
            return
        try:
            path = text(recording, "The recording", 4096)
            if not path:
                yield (*chat_outputs(page, "Record your answer first."), gr.update(), None)
                return
            transcript, delivery = self.services.speech.hear(Path(path))
        except (SpeechError, InputError) as error:
            notice = f"{views.problem(error)} You can also type your answer."
            yield (*chat_outputs(page, notice), gr.update(), None)
            return
        page.spoken = (page.interview.session.id, transcript.text, delivery)
        if at_once is not True:
            yield (*chat_outputs(page, HEARD), transcript.text, None)
            return
        for outputs in self.practice.send(transcript.text, page, request):
            yield (*outputs, None)

    def speak(
        self, hear: Any, page: PageState, request: gr.Request | None = None
    ) -> tuple[Any, str]:
        """Say the interviewer's newest turn, once, when the page wants to hear it."""
        page = self.services.page_of(page, request)
        interview = page.interview
        if hear is not True or interview is None or not self.services.speech.speaks:
            return gr.update(), ""
        turn = interview.session.last("interviewer")
        if turn is None or page.voiced == (interview.session.id, turn.index):
            return gr.update(), ""
        page.voiced = (interview.session.id, turn.index)
        try:
            # As (rate, samples): Gradio writes them to a .wav file the browser can play.
            said = read_wav(self.services.speech.say(turn.text, interview.persona))
        except SpeechError as error:
            return gr.update(), views.problem(error) + " The interviewer's words are shown above."
        return gr.update(value=said), ""

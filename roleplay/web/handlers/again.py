"""Practise a question again from the page: after an interview, pick one of its questions and a
short interview asks it again (same interviewer, setting and research), then follows up.

Public as every event is (any client can call it): the interview to practise from is always the
page's own, held on the server, and the answer number is checked against it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr

from roleplay.core.errors import UserError
from roleplay.core.safety import page_text
from roleplay.interview.stronger import stronger_answers
from roleplay.web import views
from roleplay.web.handlers.practice import PracticeHandlers
from roleplay.web.handlers.results import held_back
from roleplay.web.inputs import InputError, number
from roleplay.web.services import PageState, Services

# No interview holds more answers than this; anything above is not a choice the page offered.
MOST_ANSWERS = 200
NOTHING_TO_PRACTISE = "Practise a question again once an interview has ended."


class AgainHandlers:
    def __init__(self, services: Services, practice: PracticeHandlers):
        self.services = services
        self.practice = practice

    def choices(self, page: PageState, request: gr.Request | None = None) -> Any:
        """The finished interview's questions, to pick one to practise again."""
        page = self.services.page_of(page, request)
        interview = page.interview
        if interview is None or not interview.finished or held_back(self.services, page):
            return gr.update(choices=[], value=None)
        answers = stronger_answers(interview.session, interview.persona)
        options = [(f"Answer {a.answer}: {page_text(a.question)[:120]}", a.answer) for a in answers]
        return gr.update(choices=options, value=options[0][1] if options else None)

    def practise(
        self, answer: Any, page: PageState, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Start the short interview that asks the chosen question again; its opening streams."""
        page = self.services.page_of(page, request)
        services = self.services
        finished = page.interview
        try:
            if finished is None or not finished.finished:
                raise InputError(NOTHING_TO_PRACTISE)
            if held_back(services, page):
                raise InputError("This attempt's feedback is not released yet.")
            # Checked, never clamped: 0 or 1.5 is no question the page offered.
            chosen = number(answer, "The question", -MOST_ANSWERS, 2 * MOST_ANSWERS)
            if chosen != int(chosen) or not 1 <= chosen <= MOST_ANSWERS:
                raise InputError("The question must be one of those listed.")
            if finished.session.packs:
                services.ensure_samples()
            again = services.interviews.practise(
                finished.session,
                finished.persona,
                int(chosen),
                recorder=services.recorder(page),
                backend=services.backend_for(page.model),
            )
        except (UserError, ValueError) as error:
            notice = page_text(views.problem(error))
            yield (gr.update(), gr.update(), notice, gr.update(visible=False), page)
            return
        finished.close()
        page.interview = again
        yield from self.practice.stream_opening(page)

"""A browser arriving, its past interviews and its progress, and opening one of them again."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import gradio as gr

from roleplay.coaching.scenarios import ScenarioError
from roleplay.core.personas import PersonaError
from roleplay.core.safety import page_text
from roleplay.core.session import Session
from roleplay.feedback.report import Report
from roleplay.history.database import HistoryError
from roleplay.llm.errors import ModelError
from roleplay.web import views
from roleplay.web.handlers.practice import chat_outputs, pack_choices
from roleplay.web.handlers.results import HELD_BACK, held_back
from roleplay.web.services import PageState, Services


class PastHandlers:
    def __init__(self, services: Services):
        self.services = services

    def arrive(self, page: PageState | None, request: gr.Request) -> tuple[Any, ...]:
        """A browser opens the page: recognise it by the identity cookie this server signed
        (anything else is a new browser), list its own uploads and past interviews. An event
        the page sent before this one (a quick click on Start) has made the page's page
        already, for the same browser: it is kept."""
        if page is None:
            page = self.services.page_of(page, request)  # lists its uploads too
        else:
            self.services.find_uploads(page)
        return (
            page,
            gr.update(choices=pack_choices(self.services, page, "company")),
            gr.update(choices=pack_choices(self.services, page, "candidate")),
            *self.past(page)[:5],
        )

    def past(self, page: PageState, request: gr.Request | None = None) -> tuple[Any, ...]:
        """This browser's past interviews: a table, the choices to reopen, the progress chart."""
        page = self.services.page_of(page, request)
        try:
            found = self.services.history.list(user=page.user)
            reports = self.services.history.reports(user=page.user)
            # An attempt whose coach has not released it shows no score and draws no chart.
            held = self.services.reviews.held(page.account, [s.id for s in found])
        except HistoryError as error:
            notice = page_text(views.problem(error))
            empty = views.delivery_frames([])
            return [], gr.update(choices=[]), views.progress_frame([]), *empty, page, notice
        found = [replace(s, overall=None) if s.id in held else s for s in found]
        reports = [(s, report) for s, report in reports if s.id not in held]
        return (
            views.history_rows(found),
            # The choice stays: a list refreshed while the page loads must not undo a pick.
            gr.update(choices=views.history_choices(found)),
            views.progress_frame(reports),
            *views.delivery_frames(reports),
            page,
            "",
        )

    def reopen(
        self, session_id: str | None, page: PageState, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Open a past interview: carry on where it stopped, or read it and its feedback."""
        page = self.services.page_of(page, request)
        if not session_id or not isinstance(session_id, str) or len(session_id) > 64:
            return (*chat_outputs(page, "Choose an interview to open first."), gr.update())
        services = self.services
        try:
            saved = services.history.load(session_id, user=page.user)
            overdue = self._overdue(saved)
            interview = services.resume_for(page, saved)
        except (HistoryError, PersonaError, ModelError) as error:
            return (*chat_outputs(page, views.problem(error)), gr.update())
        if page.interview:
            page.interview.close()
        page.interview = interview
        if overdue and not interview.finished:
            # Past its due date an unfinished attempt is read, not carried on.
            interview.close()
            page.interview = None
            return (*chat_outputs(page, f"⚠️ {overdue}"), gr.update())
        if interview.finished:
            notice = "This interview is finished: its debrief and feedback are below."
        elif interview.can_retry:
            notice = (
                "The app stopped before the interviewer replied to your last answer: "
                "press **Retry** to hear the reply."
            )
        else:
            notice = "Welcome back: the interview carries on from here."
        report = services.history.latest_report(saved.id)
        feedback = views.report_view(Report.model_validate(report)) if report else gr.update()
        if held_back(services, page):
            feedback = HELD_BACK
        return (*chat_outputs(page, notice), feedback)

    def _overdue(self, saved: Session) -> str:
        """Why a scenario attempt may not carry on (its due date has passed), or ""."""
        if not saved.scenario or saved.finished:
            return ""
        try:
            spec = self.services.catalogue.get(saved.scenario).spec
        except ScenarioError:
            return ""
        if spec.overdue():
            return (
                f"This attempt was due on {spec.due:%Y-%m-%d %H:%M} UTC: it can be read, not "
                "resumed."
            )
        return ""

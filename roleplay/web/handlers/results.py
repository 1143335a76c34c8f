"""After the interview: the interviewer's private notes (the debrief) and the scored report.

A learner's attempt at a scenario whose coach reviews first shows neither until the coach
releases it.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from roleplay.coaching.lti.platforms import LtiError
from roleplay.feedback.practice import later_practices
from roleplay.feedback.report import Report
from roleplay.feedback.report_maker import make_report
from roleplay.feedback.rubrics import RubricError
from roleplay.history.database import HistoryError
from roleplay.interview.transcripts import save_transcript
from roleplay.web import views
from roleplay.web.services import PageState, Services

HELD_BACK = (
    "_Your attempt is saved. Your coach releases the feedback and the interviewer's notes "
    "after reviewing it; they will appear with your attempts._"
)


def held_back(services: Services, page: PageState) -> bool:
    """Is the page's interview an attempt whose coach has not released its feedback to whoever
    is on the page now (signed in as the learner, signed out, or anybody but its coach)?"""
    interview = page.interview
    if interview is None or not interview.session.scenario:
        return False
    session_id = interview.session.id
    return session_id in services.reviews.held(page.account, [session_id])


class ResultsHandlers:
    def __init__(self, services: Services):
        self.services = services

    def feedback(
        self, page: PageState, request: gr.Request | None = None
    ) -> tuple[str, str | None, PageState]:
        """Score the finished interview against its rubric and show the report."""
        page = self.services.page_of(page, request)
        interview = page.interview
        if interview is None or not interview.session.turns:
            return "_Feedback appears when an interview ends._", None, page
        if not interview.finished:
            return "_Feedback appears when the interview ends._", None, page
        interview.wait_for_notes()
        services = self.services
        saved = services.history.latest_report(interview.session.id)
        try:
            if saved is not None:
                report = Report.model_validate(saved)
            else:
                report = make_report(
                    interview.session,
                    interview.persona,
                    settings=services.settings,
                    backend=interview.backend,
                    prompts=services.prompts,
                    packs=services.store,
                    history=services.history,
                    rubric_id=services.rubric_of(interview.session),
                )
        except (HistoryError, RubricError) as error:
            return views.problem(error), None, page
        sent = self._to_gradebook(interview.session.id) if saved is None else ""
        if held_back(services, page):
            return HELD_BACK, None, page
        folder = services.user_folder("web-reports", page.owner)
        path = folder / f"report-{interview.session.id}.json"
        path.write_text(report.model_dump_json(indent=2), encoding="utf-8")
        later = later_practices(interview.session, services.history)
        shown = sent + views.report_view(report)
        if later:
            shown += "\n" + views.page_text("\n".join(later))
        return shown, str(path), page

    def _to_gradebook(self, session_id: str) -> str:
        """An attempt launched from a course: its score to the course's gradebook (a line
        saying so, or why it could not go)."""
        try:
            sent = self.services.lti_grades.send(session_id)
        except LtiError as error:
            return views.problem(error) + "\n\n"
        return "_Your score was sent to your course's gradebook._\n\n" if sent else ""

    def debrief(
        self, page: PageState, request: gr.Request | None = None
    ) -> tuple[str, str | None, str | None, PageState]:
        """The interviewer's private notes, turn by turn, and the transcript as files."""
        page = self.services.page_of(page, request)
        interview = page.interview
        if interview is None or not interview.session.turns:
            return "_The debrief appears when an interview ends._", None, None, page
        interview.wait_for_notes()
        if held_back(self.services, page):
            return HELD_BACK, None, None, page
        persona = interview.persona
        folder = self.services.user_folder("web-transcripts", page.owner)
        json_path, markdown_path = save_transcript(interview.session, persona, folder)
        text = views.debrief_view(interview.session, persona)
        if not interview.finished:
            text = "_The interview is still going: this is what the notes say so far._\n\n" + text
        return text, str(markdown_path), str(json_path), page

    def debrief_if_over(self, page: PageState) -> tuple[Any, ...]:
        """The debrief, opened, once the interview has ended (by its limits); else nothing."""
        if page and page.interview and page.interview.finished:
            return (*self.debrief(page), gr.update(open=True))
        return gr.update(), gr.update(), gr.update(), page, gr.update()

    def feedback_if_over(self, page: PageState) -> tuple[Any, ...]:
        """The report, opened, once the interview has ended; else nothing."""
        if page and page.interview and page.interview.finished:
            return (*self.feedback(page), gr.update(open=True))
        return gr.update(), gr.update(), page, gr.update()

"""The coach's review: a scenario's attempts, one attempt with its report, comments, releasing
feedback, deleting a scenario and exporting its attempts. Only ever the coach's own."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from roleplay.coaching.accounts import Account, AccountError
from roleplay.coaching.lti.platforms import LtiError
from roleplay.coaching.research import coach_packs
from roleplay.coaching.reviews import ReviewError
from roleplay.coaching.scenario_catalogue import Scenario
from roleplay.coaching.scenarios import ScenarioError
from roleplay.core.personas import Persona, PersonaError
from roleplay.core.session import Session
from roleplay.feedback.practice import compare_practice, practice_markdown
from roleplay.feedback.report import Report
from roleplay.feedback.rubrics import RubricError, rubric_for
from roleplay.history.database import HistoryError
from roleplay.interview.stronger import stronger_answers
from roleplay.interview.transcripts import transcript_markdown
from roleplay.knowledge.errors import KnowledgeError
from roleplay.web import inputs, views
from roleplay.web.inputs import InputError
from roleplay.web.page_markdown import error_modal
from roleplay.web.services import PageState, Services

PROBLEMS = (
    AccountError,
    ReviewError,
    ScenarioError,
    HistoryError,
    PersonaError,
    RubricError,
    InputError,
)


def coach_of(page: PageState | None) -> Account:
    """The signed-in coach (checked again now), or AccountError."""
    account = page.account if page else None
    if account is None or account.role != "coach":
        raise AccountError("Sign in as a coach first.")
    return account


def coach_pack_names(services: Services, coach: Account) -> list[str]:
    """The research this coach may give a scenario: shared packs and their own."""
    try:
        return coach_packs(services.store, coach.name)
    except KnowledgeError:
        return []


def own_scenarios(services: Services, coach: Account) -> list[tuple[str, str]]:
    return [(s.spec.title, s.code) for s in services.catalogue.list(coach)]


def download(name: str, text: str) -> Path:
    """A file for the browser to download, in a folder of its own (names do not collide)."""
    path = Path(tempfile.mkdtemp(prefix="roleplay-")) / name
    path.write_text(text, encoding="utf-8")
    return path


class CoachHandlers:
    def __init__(self, services: Services):
        self.services = services

    def _criteria(self, scenario: Scenario) -> list[str]:
        spec = scenario.spec
        rubric = spec.rubric or self.services.library.get(spec.persona).mode
        return [c.name for c in rubric_for(rubric, self.services.settings.rubrics_dir).criteria]

    def dashboard(self, code: str | None, page: PageState) -> tuple[Any, ...]:
        """A scenario's attempts: learner, dates, time spent, scores; and its link."""
        if not code:
            # The link line keeps what it says (e.g. that a scenario was just deleted).
            return [], gr.update(choices=[], value=None), gr.update()
        try:
            coach = coach_of(page)
            scenario = self.services.catalogue.owned(coach, inputs.scenario_code(code))
            attempts = self.services.reviews.attempts(coach, scenario)
        except PROBLEMS as error:
            return [], gr.update(choices=[]), views.problem(error)
        criteria = self._criteria(scenario)
        return (
            gr.update(
                value=views.attempt_rows(attempts, criteria),
                headers=views.attempt_headers(criteria),
            ),
            gr.update(choices=views.attempt_choices(attempts), value=None),
            f"Share this link: `/?scenario={scenario.code}` · {len(attempts)} attempt(s)",
        )

    def open_attempt(
        self, session_id: str | None, page: PageState, request: gr.Request | None = None
    ) -> str:
        """An attempt as the coach (or its learner) may see it: transcript, report, comments."""
        page = self.services.page_of(page, request)
        if not session_id:
            return ""  # nothing chosen (the list was just refreshed)
        try:
            account = page.account
            if account is None:
                raise AccountError("Sign in first.")
            session_id = inputs.text(session_id, "The attempt", 64)
            attempt = self.services.reviews.attempt(account, session_id)
            saved = self.services.history.load(session_id)
            persona = self.services.library.get(saved.persona_id)
        except PROBLEMS as error:
            return views.problem(error)
        parts = [views.attempt_header(attempt)]
        if attempt.report:
            report = Report.model_validate(attempt.report)
            if not report.debrief.answers:  # scored before reports held them
                report.debrief.answers = stronger_answers(saved, persona)
            parts.append(views.report_view(report))
            parts += self._practised(saved, persona)
        elif account.role == "learner":
            parts.append("_Your coach has not released the feedback on this attempt yet._")
        # Only the turns: the report above already holds the private-notes timeline.
        turns = transcript_markdown(saved, persona).split("## Transcript", 1)[-1]
        parts.append(views.page_text("### Transcript\n" + turns.split("\n## What ", 1)[0]))
        return "\n\n".join(parts)

    def _practised(self, attempt: Session, persona: Persona) -> list[str]:
        """The attempt's questions the learner practised again, each try side by side."""
        history = self.services.history
        shown = []
        for practice in history.practices(attempt.id, history.owner(attempt.id)):
            report = history.latest_report(practice.id)
            score = report.get("overall") if report else None
            comparison = compare_practice(practice, persona, history, score)
            if comparison is not None:
                shown.append(views.page_text("\n".join(practice_markdown(comparison))))
        return shown

    def comment(self, session_id: str | None, text: str, page: PageState) -> tuple[str, str]:
        try:
            self.services.reviews.comment(
                coach_of(page),
                inputs.text(session_id, "The attempt", 64),
                inputs.text(text, "The comment", 4000),
            )
        except PROBLEMS as error:
            return views.problem(error), text
        return self.open_attempt(session_id, page), ""

    def release(self, session_id: str | None, page: PageState) -> str:
        try:
            session_id = inputs.text(session_id, "The attempt", 64)
            self.services.reviews.release(coach_of(page), session_id)
        except PROBLEMS as error:
            return views.problem(error)
        try:
            # Released: an attempt launched from a course sends its score to the gradebook.
            sent = self.services.lti_grades.send(session_id)
            note = "_The score was sent to the course's gradebook._\n\n" if sent else ""
        except LtiError as error:
            note = views.problem(error) + "\n\n"
        return note + self.open_attempt(session_id, page)

    def ask_delete(self, code: str | None, page: PageState) -> tuple[Any, ...]:
        """Say what deleting the chosen scenario does, and ask to confirm."""
        try:
            coach = coach_of(page)
            scenario = self.services.catalogue.owned(coach, inputs.scenario_code(code))
            attempts = len(self.services.reviews.attempts(coach, scenario))
        except PROBLEMS as error:
            return gr.update(visible=False), views.problem(error)
        question = (
            f"Delete **{scenario.spec.title}**? Its link stops working. Its {attempts} "
            "attempt(s) stay in their learners' own history, with their feedback shown to them; "
            "you will no longer see them here."
        )
        return gr.update(visible=True), question

    def delete_scenario(self, code: str | None, page: PageState) -> tuple[Any, ...]:
        """Delete one of the coach's own scenarios (only ever their own)."""
        try:
            coach = coach_of(page)
            title = self.services.catalogue.owned(coach, inputs.scenario_code(code)).spec.title
            attempts = self.services.catalogue.delete(coach, inputs.scenario_code(code))
        except PROBLEMS as error:
            return views.problem(error), gr.update(), gr.update(visible=False)
        status = f"Deleted **{title}**; its {attempts} attempt(s) stay with their learners."
        return (
            status,
            gr.update(choices=own_scenarios(self.services, coach), value=None),
            gr.update(visible=False),
        )

    def export_csv(self, code: str | None, page: PageState) -> str | None:
        try:
            coach = coach_of(page)
            scenario = self.services.catalogue.owned(coach, inputs.scenario_code(code))
            criteria = self._criteria(scenario)
            text = self.services.reviews.csv(coach, scenario, criteria)
        except PROBLEMS as error:
            raise error_modal(error) from None
        return str(download(f"attempts-{scenario.code}.csv", text))

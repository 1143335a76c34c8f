"""What each button in the web app does. Thin: the engine and the packs do the work.

Every handler takes the browser session's own ``WebSession`` (a ``gr.State``) and returns it, so
nothing about one user's interview or uploads is reachable from another session.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import gradio as gr

from roleplay.coaching.accounts import AccountError
from roleplay.coaching.catalogue import Scenario
from roleplay.coaching.reviews import ReviewError
from roleplay.coaching.scenarios import ScenarioError
from roleplay.feedback.report import Report
from roleplay.feedback.rubrics import RubricError
from roleplay.feedback.service import make_report
from roleplay.history.database import HistoryError
from roleplay.interview.engine import InterviewOver, StillSpeaking
from roleplay.interview.session import Setting
from roleplay.interview.transcripts import save_transcript
from roleplay.knowledge import service as knowledge
from roleplay.knowledge.errors import KnowledgeError
from roleplay.llm.errors import ModelError
from roleplay.personas import PersonaError
from roleplay.safety import NAME_LIMIT, page_text, prompt_field, public_message
from roleplay.web import views
from roleplay.web.inputs import InputError, number, text
from roleplay.web.inputs import files as files_of
from roleplay.web.services import UPLOAD_LABELS, Services, WebSession

HELD_BACK = (
    "_Your attempt is saved. Your coach releases the feedback and the interviewer's notes "
    "after reviewing it; they will appear with your attempts._"
)
# How long an answer sent while the reply is still arriving waits for its last words.
SEND_WAIT_SECONDS = 30
RETRY_HINT = "Your conversation is kept: press **Retry** once the model is reachable again."
# What the setup's sliders allow, enforced on the server too.
TURNS = (2, 20)
MINUTES = (5, 60)


def _line(value: Any, label: str) -> str:
    """A name, company or role: text of a name's length, as one clean line."""
    return prompt_field(text(value, label, NAME_LIMIT), NAME_LIMIT)


def _upload_pack(session: WebSession, kind: str) -> str:
    # The owner's id keeps two sessions' uploads apart even when they pick the same label.
    return f"{UPLOAD_LABELS[kind]} [{session.owner[:12]}]"


class Handlers:
    def __init__(self, services: Services):
        self.services = services

    # -- setup -------------------------------------------------------------------------------

    def pack_choices(self, session: WebSession, kind: str = "company") -> list[tuple[str, str]]:
        choices = [] if kind == "company" else [("None", "")]
        for name in self.services.visible_packs(session, kind):
            label = name.split(" [")[0] if name in session.uploads else name
            choices.append((label, name))
        return choices

    def persona_details(self, persona_id: str) -> str:
        try:
            return views.persona_card(self.services.library.get(persona_id))
        except PersonaError as error:
            return views.problem(error)

    # Gradio fills in a gr.Progress default argument with the event's progress bar.
    def upload_research(
        self,
        files: list[str] | None,
        session: WebSession,
        request: gr.Request | None = None,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> tuple[str, Any, WebSession]:
        """Add company research files to this session's own pack."""
        return self._upload(files, "company", session, request, progress)

    def upload_cv(
        self,
        files: list[str] | None,
        session: WebSession,
        request: gr.Request | None = None,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> tuple[str, Any, WebSession]:
        """Add a CV and a job ad to this session's own candidate pack."""
        return self._upload(files, "candidate", session, request, progress)

    def _upload(
        self,
        files: list[str] | None,
        kind: str,
        session: WebSession | None,
        request: gr.Request | None,
        progress: gr.Progress,
    ) -> tuple[str, Any, WebSession]:
        session = self.services.session_of(session, request)
        if not files:
            return "Choose one or more files first.", gr.update(), session
        pack = _upload_pack(session, kind)
        try:
            outcomes = self.services.upload(pack, files_of(files), session.owner, progress)
        except (KnowledgeError, InputError) as error:
            return page_text(views.problem(error)), gr.update(), session
        if knowledge.stored(outcomes) and pack not in session.uploads:
            session.uploads.append(pack)
        lines = views.upload_lines(outcomes)
        update = gr.update(choices=self.pack_choices(session, kind), value=pack)
        return page_text("\n".join(lines)), update, session

    # -- the interview -----------------------------------------------------------------------

    def _outputs(self, session: WebSession, notice: str = "") -> tuple[Any, ...]:
        interview = session.interview
        data = interview.session if interview else None
        if interview and interview.save_error:
            notice = f"{notice} ⚠️ {public_message(interview.save_error)}".strip()
        return (
            views.chat_messages(data),
            views.sources_panel(data),
            page_text(notice),
            gr.update(visible=bool(interview and interview.can_retry)),
            session,
        )

    def _stream(
        self, session: WebSession, pieces: Iterator[str], pending: str | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Show the reply growing piece by piece; ``pending`` is the candidate's new message."""
        assert session.interview is not None
        base = views.chat_messages(session.interview.session)
        if pending is not None:
            base.append(views.chat_message("user", pending.strip()))
        said = ""
        yield (base, gr.update(), "", gr.update(visible=False), session)
        try:
            for piece in pieces:
                said += piece
                reply = views.chat_message("assistant", said)
                yield ([*base, reply], gr.update(), "", gr.update(visible=False), session)
        except ModelError as error:
            yield self._outputs(session, f"{views.problem(error)} {RETRY_HINT}")
            return
        yield self._outputs(session)

    def start(
        self,
        persona_id: str,
        company: str,
        role: str,
        candidate: str,
        pack: str | None,
        cv_pack: str | None,
        turns: float,
        minutes: float,
        session: WebSession,
        request: gr.Request | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Start an interview with the chosen interviewer; the opening streams in."""
        session = self.services.session_of(session, request)
        services = self.services
        try:
            persona = services.library.get(text(persona_id, "The interviewer", 100))
            setting = Setting(
                company=_line(company, "The company") or "the company",
                role=_line(role, "The role") or "the role",
                candidate=_line(candidate, "Your name") or "the candidate",
            )
            company_packs = self._allowed(session, pack, "company")
            candidate_packs = self._allowed(session, cv_pack, "candidate")
            turns = number(turns, "Your answers", *TURNS)
            minutes = number(minutes, "The time limit", *MINUTES)
            scenario = None
            if session.scenario:
                # A scenario's settings are locked on the server, whatever the page sends.
                scenario = self._scenario(session)
                name = setting.candidate
                if name == "the candidate" and session.account is not None:
                    name = session.account.name
                locked = scenario.setup(services.library, services.store, name)
                persona, setting, company_packs = locked.persona, locked.setting, locked.packs
                turns, minutes = locked.turns, locked.minutes
            if company_packs or candidate_packs:
                services.ensure_samples()
            interview = services.interviews.new(
                persona,
                setting,
                turns=int(turns),
                minutes=float(minutes),
                packs=company_packs,
                candidate_packs=candidate_packs,
                recorder=services.recorder(session),
                scenario=session.scenario,
            )
            if scenario is not None:
                # Checked again and put on record in one step: of two tabs starting at once,
                # only as many attempts as allowed get through.
                services.reviews.begin_attempt(
                    session.account,
                    scenario,
                    lambda: services.history.record(interview.session, user=session.user),
                )
            if session.interview:
                session.interview.close()
            session.interview = interview
        except (
            PersonaError,
            KnowledgeError,
            ModelError,
            ValueError,
            HistoryError,
        ) as error:
            notice = page_text(views.problem(error))
            yield ([], views.sources_panel(None), notice, gr.update(visible=False), session)
            return
        yield from self._stream(session, session.interview.open())

    def _scenario(self, session: WebSession) -> Scenario:
        """The session's scenario, once this signed-in learner may start another attempt."""
        account = session.account
        if account is None:
            raise AccountError("Sign in first: this scenario's attempts go to your coach.")
        scenario = self.services.catalogue.get(session.scenario or "")
        self.services.reviews.check_can_start(account, scenario)
        return scenario

    def _allowed(self, session: WebSession, pack: str | None, kind: str) -> list[str]:
        """Only shared packs and this session's own uploads may be drawn on, whatever is sent."""
        name = text(pack, "The research pack", 300)
        if not name:
            return []
        if name not in self.services.visible_packs(session, kind):
            raise KnowledgeError(f"There is no pack called '{name[:80]}' in this session.")
        return [name]

    def send(
        self, message: str, session: WebSession, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Send the candidate's message; the interviewer's reply streams in.

        The answer box is emptied only once the message is taken: a refused message stays
        where the candidate typed it.
        """
        session = self.services.session_of(session, request)
        interview = session.interview
        keep = message if isinstance(message, str) else ""
        try:
            message = text(message, "Your answer", self.services.settings.max_message_chars)
        except InputError as error:
            yield (*self._outputs(session, f"{error} Shorten it and send again."), keep)
            return
        if interview is None:
            yield (*self._outputs(session, "Start an interview first."), keep)
            return
        if not message.strip():
            yield (*self._outputs(session, "Type an answer first."), keep)
            return
        # An answer sent as the last words of the reply arrive waits for them, as a person would.
        deadline = time.monotonic() + SEND_WAIT_SECONDS
        while interview.speaking and time.monotonic() < deadline:
            time.sleep(0.1)
        if interview.finished:
            yield (*self._outputs(session, "This interview is over: see the debrief below."), keep)
            return
        if interview.speaking:
            notice = "Wait a moment: the interviewer is still speaking. Your answer is kept."
            yield (*self._outputs(session, notice), keep)
            return
        if interview.can_retry:
            yield (*self._outputs(session, f"The last reply failed. {RETRY_HINT}"), keep)
            return
        try:
            for outputs in self._stream(session, interview.answer(message), pending=message):
                yield (*outputs, "")
        except (StillSpeaking, InterviewOver) as error:
            # Another tab of this session got in first.
            yield (*self._outputs(session, f"{error}. Your answer is kept."), keep)

    def retry(
        self, session: WebSession, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Try the failed interviewer turn again."""
        session = self.services.session_of(session, request)
        interview = session.interview
        if interview is None or not interview.can_retry:
            yield self._outputs(session, "There is nothing to retry.")
            return
        yield from self._stream(session, interview.retry())

    def end(
        self, session: WebSession, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """End the interview: the interviewer says goodbye."""
        session = self.services.session_of(session, request)
        interview = session.interview
        if interview is None:
            yield self._outputs(session, "Start an interview first.")
            return
        if interview.finished:
            yield self._outputs(session)
            return
        if interview.speaking:
            yield self._outputs(session, "Wait a moment: the interviewer is still speaking.")
            return
        yield from self._stream(session, interview.end())

    def show_sources(self, session: WebSession, selected: gr.SelectData) -> str | Any:
        """Show the passages behind the interviewer message the candidate clicked."""
        interview = session.interview if session else None
        if interview is None:
            return gr.update()
        index = selected.index[0] if isinstance(selected.index, list | tuple) else selected.index
        turns = interview.session.turns
        if not isinstance(index, int) or not 0 <= index < len(turns):
            return gr.update()
        if turns[index].speaker != "interviewer":
            return gr.update()
        number = sum(1 for t in turns[:index] if t.speaker == "interviewer")
        return views.sources_panel(interview.session, number)

    # -- arriving, and past interviews -------------------------------------------------------

    def arrive(self, session: WebSession | None, request: gr.Request) -> tuple[Any, ...]:
        """A browser opens the page: recognise it by the identity cookie this server signed
        (anything else is a new browser), list its own uploads and past interviews. An event
        the page sent before this one (a quick click on Start) has made the page's session
        already, for the same browser: it is kept."""
        if session is None:
            session = self.services.session_of(session, request)  # lists its uploads too
        else:
            self.services.find_uploads(session)
        return (
            session,
            gr.update(choices=self.pack_choices(session, "company")),
            gr.update(choices=self.pack_choices(session, "candidate")),
            *self.past(session)[:3],
        )

    def past(self, session: WebSession, request: gr.Request | None = None) -> tuple[Any, ...]:
        """This browser's past interviews: a table, the choices to reopen, the progress chart."""
        session = self.services.session_of(session, request)
        try:
            found = self.services.history.list(user=session.user)
            reports = self.services.history.reports(user=session.user)
        except HistoryError as error:
            notice = page_text(views.problem(error))
            return [], gr.update(choices=[]), views.progress_frame([]), session, notice
        return (
            views.history_rows(found),
            # The choice stays: a list refreshed while the page loads must not undo a pick.
            gr.update(choices=views.history_choices(found)),
            views.progress_frame(reports),
            session,
            "",
        )

    def reopen(
        self, session_id: str | None, session: WebSession, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Open a past interview: carry on where it stopped, or read it and its feedback."""
        session = self.services.session_of(session, request)
        if not session_id or not isinstance(session_id, str) or len(session_id) > 64:
            return (*self._outputs(session, "Choose an interview to open first."), gr.update())
        services = self.services
        try:
            saved = services.history.load(session_id, user=session.user)
            overdue = self._overdue(saved)
            persona = services.library.get(saved.persona_id)
            interview = services.interviews.resume(
                saved, persona, recorder=services.recorder(session)
            )
            if session.interview:
                session.interview.close()
            session.interview = interview
        except (HistoryError, PersonaError) as error:
            return (*self._outputs(session, views.problem(error)), gr.update())
        interview = session.interview
        if overdue and not interview.finished:
            # Past its due date an unfinished attempt is read, not carried on.
            interview.close()
            session.interview = None
            return (*self._outputs(session, f"⚠️ {overdue}"), gr.update())
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
        if self._held_back(session):
            feedback = HELD_BACK
        return (*self._outputs(session, notice), feedback)

    # -- after the interview -----------------------------------------------------------------

    def feedback(
        self, session: WebSession, request: gr.Request | None = None
    ) -> tuple[str, str | None, WebSession]:
        """Score the finished interview against its rubric and show the report."""
        session = self.services.session_of(session, request)
        interview = session.interview
        if interview is None or not interview.session.turns:
            return "_Feedback appears when an interview ends._", None, session
        if not interview.finished:
            return "_Feedback appears when the interview ends._", None, session
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
                    backend=services.backend,
                    prompts=services.prompts,
                    packs=services.store,
                    history=services.history,
                    rubric_id=services.catalogue.rubric_of(interview.session.scenario),
                )
        except (HistoryError, RubricError) as error:
            return views.problem(error), None, session
        if self._held_back(session):
            return HELD_BACK, None, session
        folder = services.user_folder("web-reports", session.owner)
        path = folder / f"report-{interview.session.id}.json"
        path.write_text(report.model_dump_json(indent=2), encoding="utf-8")
        return views.report_view(report), str(path), session

    def debrief(
        self, session: WebSession, request: gr.Request | None = None
    ) -> tuple[str, str | None, str | None, WebSession]:
        """The interviewer's private notes, turn by turn, and the transcript as files."""
        session = self.services.session_of(session, request)
        interview = session.interview
        if interview is None or not interview.session.turns:
            return "_The debrief appears when an interview ends._", None, None, session
        interview.wait_for_notes()
        if self._held_back(session):
            return HELD_BACK, None, None, session
        persona = interview.persona
        folder = self.services.user_folder("web-transcripts", session.owner)
        json_path, markdown_path = save_transcript(interview.session, persona, folder)
        text = views.debrief_view(interview.session, persona)
        if not interview.finished:
            text = "_The interview is still going: this is what the notes say so far._\n\n" + text
        return text, str(markdown_path), str(json_path), session

    def _overdue(self, saved: Any) -> str:
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

    def _held_back(self, session: WebSession) -> bool:
        """Is this a learner's attempt whose coach has not released the feedback yet?"""
        interview, account = session.interview, session.account
        if interview is None or not interview.session.scenario:
            return False
        if account is None or account.role != "learner":
            return False
        try:
            return not self.services.reviews.feedback_visible(account, interview.session.id)
        except ReviewError:
            return True

    def restart(self, session: WebSession, request: gr.Request | None = None) -> tuple[Any, ...]:
        """Start over: the uploads stay, the interview goes."""
        session = self.services.session_of(session, request)
        if session.interview:
            session.interview.close()
        session.interview = None
        return self._outputs(session)

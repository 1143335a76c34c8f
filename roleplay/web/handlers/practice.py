"""Setting up and holding an interview: uploads, start, each answer, retry, end, start over.

Every handler takes the browser page's own ``PageState`` (a ``gr.State``) and returns it, so
nothing about one user's interview or uploads is reachable from another page.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

import gradio as gr

from roleplay.coaching.accounts import AccountError
from roleplay.coaching.scenario_catalogue import Scenario
from roleplay.core.delivery import still_the_answer
from roleplay.core.personas import PersonaError
from roleplay.core.safety import NAME_LIMIT, page_text, prompt_field, public_message
from roleplay.core.session import Setting
from roleplay.history.database import HistoryError
from roleplay.interview.engine import InterviewOver, StillSpeaking
from roleplay.knowledge.errors import KnowledgeError
from roleplay.llm.errors import ModelError
from roleplay.web import views
from roleplay.web.inputs import InputError, number, text
from roleplay.web.inputs import files as files_of
from roleplay.web.services import UPLOAD_LABELS, PageState, Services
from roleplay.wiring import knowledge, metrics
from roleplay.wiring.logs import REQUEST_ID

# How long an answer sent while the reply is still arriving waits for its last words.
SEND_WAIT_SECONDS = 30
RETRY_HINT = "Your conversation is kept: press **Retry** once the model is reachable again."
# What the setup's sliders allow, enforced on the server too.
TURNS = (2, 20)
MINUTES = (5, 60)


def _line(value: Any, label: str) -> str:
    """A name, company or role: text of a name's length, as one clean line."""
    return prompt_field(text(value, label, NAME_LIMIT), NAME_LIMIT)


def _upload_pack(page: PageState, kind: str) -> str:
    # The owner's whole id keeps two browsers' uploads apart even when they pick the same label
    # (a prefix of it could be matched by a browser id someone else chose). A pack this browser
    # made under the old short name (found by its recorded owner) is still added to.
    label = UPLOAD_LABELS[kind]
    earlier = f"{label} [{page.owner[:12]}]"
    return earlier if earlier in page.uploads else f"{label} [{page.owner}]"


def pack_choices(
    services: Services, page: PageState, kind: str = "company"
) -> list[tuple[str, str]]:
    """The research a setup's dropdown offers: shared packs, then this browser's own uploads."""
    choices = [] if kind == "company" else [("None", "")]
    for name in services.visible_packs(page, kind):
        label = name.split(" [")[0] if name in page.uploads else name
        choices.append((label, name))
    return choices


log = logging.getLogger(__name__)

# Said once on a page whose interview another server process carried on.
MOVED = "The server your interview was on stopped; this one carries it on from what was saved."


def chat_outputs(page: PageState, notice: str = "") -> tuple[Any, ...]:
    """The chat, its sources, the notice and the Retry button as the interview stands."""
    interview = page.interview
    data = interview.session if interview else None
    if page.moved:
        page.moved = False
        notice = f"{MOVED} {notice}".strip()
    if interview and interview.save_error:
        notice = f"{notice} ⚠️ {public_message(interview.save_error)}".strip()
    if interview and interview.model_trouble:
        notice = f"{notice} ⚠️ {public_message(interview.model_trouble)}".strip()
    return (
        views.chat_messages(data),
        views.sources_panel(data),
        page_text(notice),
        gr.update(visible=bool(interview and interview.can_retry)),
        page,
    )


class PracticeHandlers:
    def __init__(self, services: Services):
        self.services = services

    # -- setup -------------------------------------------------------------------------------

    # Gradio fills in a gr.Progress default argument with the event's progress bar.
    def upload_research(
        self,
        files: list[str] | None,
        page: PageState,
        request: gr.Request | None = None,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> tuple[str, Any, PageState]:
        """Add company research files to this page's own pack."""
        return self._upload(files, "company", page, request, progress)

    def upload_cv(
        self,
        files: list[str] | None,
        page: PageState,
        request: gr.Request | None = None,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> tuple[str, Any, PageState]:
        """Add a CV and a job ad to this page's own candidate pack."""
        return self._upload(files, "candidate", page, request, progress)

    def _upload(
        self,
        files: list[str] | None,
        kind: str,
        page: PageState | None,
        request: gr.Request | None,
        progress: gr.Progress,
    ) -> tuple[str, Any, PageState]:
        page = self.services.page_of(page, request)
        if not files:
            return "Choose one or more files first.", gr.update(), page
        pack = _upload_pack(page, kind)
        try:
            outcomes = self.services.upload(pack, files_of(files), page.owner, progress)
        except (KnowledgeError, InputError) as error:
            return page_text(views.problem(error)), gr.update(), page
        stored = knowledge.stored(outcomes)
        if stored and pack not in page.uploads:
            page.uploads.append(pack)
        lines = views.upload_lines(outcomes)
        # Picked only when it exists: a pack nothing went into cannot be drawn on.
        update = gr.update(
            choices=pack_choices(self.services, page, kind),
            **({"value": pack} if pack in page.uploads else {}),
        )
        return page_text("\n".join(lines)), update, page

    # -- the interview -----------------------------------------------------------------------

    def _stream(
        self, page: PageState, pieces: Iterator[str], pending: str | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Show the reply growing piece by piece; ``pending`` is the candidate's new message."""
        assert page.interview is not None
        # Kept before the reply streams: if this process dies mid-reply, another carries on.
        self.services.keep_page(page)
        rid = REQUEST_ID.get()  # later steps of a stream run in a copy of another context
        base = views.chat_messages(page.interview.session)
        if pending is not None:
            base.append(views.chat_message("user", pending.strip()))
        said = ""
        yield (base, gr.update(), "", gr.update(visible=False), page)
        try:
            for piece in metrics.timed_turn(pieces):
                said += piece
                reply = views.chat_message("assistant", said)
                yield ([*base, reply], gr.update(), "", gr.update(visible=False), page)
        except ModelError as error:
            log.warning("A reply failed (%s): %s", error.kind, error, extra={"request_id": rid})
            yield chat_outputs(page, f"{views.problem(error)} {RETRY_HINT}")
            return
        yield chat_outputs(page)

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
        page: PageState,
        request: gr.Request | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Start an interview with the chosen interviewer; the opening streams in."""
        page = self.services.page_of(page, request)
        services = self.services
        try:
            persona = services.library_for(page).get(text(persona_id, "The interviewer", 100))
            setting = Setting(
                company=_line(company, "The company") or "the company",
                role=_line(role, "The role") or "the role",
                candidate=_line(candidate, "Your name") or "the candidate",
            )
            company_packs = self._allowed(page, pack, "company")
            candidate_packs = self._allowed(page, cv_pack, "candidate")
            turns = number(turns, "Your answers", *TURNS)
            minutes = number(minutes, "The time limit", *MINUTES)
            scenario = None
            if page.scenario:
                # A scenario's settings are locked on the server, whatever the page sends.
                scenario = self._scenario(page)
                name = setting.candidate
                if name == "the candidate" and page.account is not None:
                    name = page.account.name
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
                recorder=services.recorder(page),
                scenario=page.scenario,
                # A scenario's attempts are held and scored with the same model, whatever the page
                # picked, so its coach can compare them.
                backend=services.backend_for(None if page.scenario else page.model),
            )
            if scenario is not None:
                # Checked again and put on record in one step: of two tabs starting at once,
                # only as many attempts as allowed get through.
                services.reviews.begin_attempt(
                    page.account,
                    scenario,
                    lambda: services.history.record(interview.session, user=page.user),
                )
            if page.interview:
                page.interview.close()
            page.interview = interview
        except (
            PersonaError,
            KnowledgeError,
            ModelError,
            ValueError,
            HistoryError,
        ) as error:
            notice = page_text(views.problem(error))
            yield ([], views.sources_panel(None), notice, gr.update(visible=False), page)
            return
        yield from self._stream(page, page.interview.open())

    def stream_opening(self, page: PageState) -> Iterator[tuple[Any, ...]]:
        """The page's new interview opening, streamed (a practice of one question starts so)."""
        assert page.interview is not None
        yield from self._stream(page, page.interview.open())

    def _scenario(self, page: PageState) -> Scenario:
        """The page's scenario, once this signed-in learner may start another attempt."""
        account = page.account
        if account is None:
            raise AccountError("Sign in first: this scenario's attempts go to your coach.")
        scenario = self.services.catalogue.get(page.scenario or "")
        self.services.reviews.check_can_start(account, scenario)
        return scenario

    def _allowed(self, page: PageState, pack: str | None, kind: str) -> list[str]:
        """Only shared packs and this page's own uploads may be drawn on, whatever is sent."""
        name = text(pack, "The research pack", 300)
        if not name:
            return []
        if name not in self.services.visible_packs(page, kind):
            raise KnowledgeError(f"There is no pack called '{name[:80]}' in this page.")
        return [name]

    def send(
        self, message: str, page: PageState, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Send the candidate's message; the interviewer's reply streams in.

        The answer box is emptied only once the message is taken: a refused message stays
        where the candidate typed it.
        """
        page = self.services.page_of(page, request)
        interview = page.interview
        keep = message if isinstance(message, str) else ""
        try:
            message = text(message, "Your answer", self.services.settings.max_message_chars)
        except InputError as error:
            yield (*chat_outputs(page, f"{error} Shorten it and send again."), keep)
            return
        if interview is None:
            yield (*chat_outputs(page, "Start an interview first."), keep)
            return
        if not message.strip():
            yield (*chat_outputs(page, "Type an answer first."), keep)
            return
        # An answer sent as the last words of the reply arrive waits for them, as a person would.
        deadline = time.monotonic() + SEND_WAIT_SECONDS
        while interview.speaking and time.monotonic() < deadline:
            time.sleep(0.1)
        if interview.finished:
            yield (*chat_outputs(page, "This interview is over: see the debrief below."), keep)
            return
        if interview.speaking:
            notice = "Wait a moment: the interviewer is still speaking. Your answer is kept."
            yield (*chat_outputs(page, notice), keep)
            return
        if interview.can_retry:
            yield (*chat_outputs(page, f"The last reply failed. {RETRY_HINT}"), keep)
            return
        # A spoken answer (perhaps edited) keeps the figures of how it was said.
        heard, page.spoken = page.spoken, None
        delivery = None
        if heard and heard[0] == interview.session.id and still_the_answer(heard[1], message):
            delivery = heard[2]
        try:
            answered = interview.answer(message, delivery)
            for outputs in self._stream(page, answered, pending=message):
                yield (*outputs, "")
        except (StillSpeaking, InterviewOver) as error:
            # Another tab of this page got in first; the recording waits with the answer.
            page.spoken = heard
            yield (*chat_outputs(page, f"{error}. Your answer is kept."), keep)

    def retry(
        self, page: PageState, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Try the failed interviewer turn again."""
        page = self.services.page_of(page, request)
        interview = page.interview
        if interview is None or not interview.can_retry:
            yield chat_outputs(page, "There is nothing to retry.")
            return
        yield from self._stream(page, interview.retry())

    def end(self, page: PageState, request: gr.Request | None = None) -> Iterator[tuple[Any, ...]]:
        """End the interview: the interviewer says goodbye."""
        page = self.services.page_of(page, request)
        interview = page.interview
        if interview is None:
            yield chat_outputs(page, "Start an interview first.")
            return
        if interview.finished:
            yield chat_outputs(page)
            return
        if interview.speaking:
            yield chat_outputs(page, "Wait a moment: the interviewer is still speaking.")
            return
        yield from self._stream(page, interview.end())

    def show_sources(self, page: PageState, selected: gr.SelectData) -> str | Any:
        """Show the passages behind the interviewer message the candidate clicked."""
        interview = page.interview if page else None
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

    def restart(self, page: PageState, request: gr.Request | None = None) -> tuple[Any, ...]:
        """Start over: the uploads stay, the interview goes."""
        page = self.services.page_of(page, request)
        if page.interview:
            page.interview.close()
        page.interview = None
        return chat_outputs(page)

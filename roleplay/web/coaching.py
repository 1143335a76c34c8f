"""What the coaching parts of the page do: sign-in, the learner's scenario, the coach's review.

Every handler works out who is asking from the server-side ``WebSession`` (never from what the
page sends) and asks ``roleplay.coaching`` for the data, which enforces who may see what.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import gradio as gr
from pydantic import ValidationError

from roleplay.coaching.accounts import Account, AccountError
from roleplay.coaching.catalogue import Scenario
from roleplay.coaching.research import coach_owner, coach_packs
from roleplay.coaching.reviews import ReviewError
from roleplay.coaching.scenarios import ScenarioError, ScenarioSpec
from roleplay.coaching.sharing import install_research, read_scenario_file, scenario_file_yaml
from roleplay.datafiles import describe_validation_error
from roleplay.feedback.report import Report
from roleplay.feedback.rubrics import RubricError, rubric_for
from roleplay.history.database import HistoryError
from roleplay.interview.transcripts import transcript_markdown
from roleplay.knowledge import service as knowledge
from roleplay.knowledge.errors import KnowledgeError
from roleplay.personas import PersonaError
from roleplay.safety import page_text, public_message
from roleplay.web import inputs, views
from roleplay.web.inputs import InputError
from roleplay.web.services import Login, Services, WebSession

EDITOR_FIELDS = 15
PROBLEMS = (
    AccountError,
    ReviewError,
    ScenarioError,
    HistoryError,
    PersonaError,
    RubricError,
    InputError,
)


class CoachingHandlers:
    def __init__(self, services: Services):
        self.services = services

    # -- who is here ---------------------------------------------------------------------------

    def _remember(self, session: WebSession, token: object) -> None:
        """Take the sign-in token the browser kept, if the server still knows it."""
        if isinstance(token, str) and self.services.accounts.signed_in(token):
            session.login = Login(token, self.services.accounts)

    def arrive(
        self, token: str | None, session: WebSession, request: gr.Request
    ) -> tuple[Any, ...]:
        """On page load: a remembered sign-in, and the scenario named in the link."""
        session = self.services.session_of(session, request)
        self._remember(session, token)
        code = (request.query_params.get("scenario") or "").strip() if request else ""
        notice = ""
        if len(code) > 64:
            code, notice = "", "⚠️ That scenario link is not right. Check the link you were given."
        if code:
            try:
                self.services.catalogue.get(code)
                session.scenario = code
            except ScenarioError as error:
                notice = f"{views.problem(error)} Check the link you were given."
        return (session, *self._views(session, notice))

    def remembered(
        self, token: str | None, session: WebSession, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """The browser's stored sign-in arrived after the page's first event (its component
        loads late): take it now, unless someone is already signed in on this page."""
        session = self.services.session_of(session, request)
        if session.account is None:
            self._remember(session, token)
        return (session, *self._views(session, ""))

    def open_scenario(
        self, code: str, session: WebSession, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Open a scenario by its code (what the link does; also for API clients)."""
        session = self.services.session_of(session, request)
        try:
            code = _code(code)
            self.services.catalogue.get(code)
            session.scenario = code
            notice = ""
        except (ScenarioError, InputError) as error:
            notice = views.problem(error)
        return (session, *self._views(session, notice))

    def sign_in(
        self, name: str, password: str, session: WebSession, request: gr.Request
    ) -> tuple[Any, ...]:
        session = self.services.session_of(session, request)
        try:
            name, password = _credentials(name, password)
            _, token = self.services.accounts.sign_in(name, password, _client(request))
        except (AccountError, InputError) as error:
            return (session, gr.update(), *self._views(session, views.problem(error)))
        session.login = Login(token, self.services.accounts)
        # The account line itself says who is signed in.
        return (session, token, *self._views(session, ""))

    def sign_up(
        self, name: str, password: str, session: WebSession, request: gr.Request
    ) -> tuple[Any, ...]:
        """Learners sign up through a scenario's link, when its coach allows it."""
        session = self.services.session_of(session, request)
        try:
            name, password = _credentials(name, password)
            scenario = self._scenario(session)
            if scenario is None or not scenario.spec.allow_signup:
                raise AccountError("Sign-up is only open through a scenario link that allows it.")
            account, token = self.services.accounts.sign_up(name, password, _client(request))
        except PROBLEMS as error:
            return (session, gr.update(), *self._views(session, views.problem(error)))
        session.login = Login(token, self.services.accounts)
        return (session, token, *self._views(session, f"Welcome, **{account.name}**."))

    def sign_out(
        self, token: str | None, session: WebSession, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        session = self.services.session_of(session, request)
        for held in {token, session.login.token if session.login else None}:
            if isinstance(held, str) and held:
                self.services.accounts.sign_out(held)
        session.login = None
        return (session, None, *self._views(session, "Signed out."))

    def refresh(self, session: WebSession, request: gr.Request | None = None) -> tuple[Any, ...]:
        """The account line and scenario panel again (e.g. an attempt was just added)."""
        return self._views(self.services.session_of(session, request), "")

    def _scenario(self, session: WebSession) -> Scenario | None:
        return self.services.catalogue.get(session.scenario) if session.scenario else None

    def _views(self, session: WebSession, notice: str) -> tuple[Any, ...]:
        """The account line, the scenario panel, and whether the coach panel shows."""
        account = session.account
        who = (
            f"Signed in as **{account.name}** ({account.role})."
            if account
            else "Practising on your own: no sign-in needed. Coaches and learners sign in here."
        )
        brief = ""
        try:
            scenario = self._scenario(session)
            if scenario is not None:
                attempts = self.services.reviews.attempts(account, scenario) if account else []
                brief = views.scenario_brief(scenario, attempts, signed_in=account is not None)
        except PROBLEMS as error:
            brief = views.problem(error)
        is_coach = bool(account and account.role == "coach")
        return (
            # A notice can quote what was sent (a scenario code from a link): never markup.
            page_text(f"{who} {notice}".strip()),
            gr.update(value=brief, visible=bool(brief)),
            gr.update(visible=is_coach),
            gr.update(choices=self._own_scenarios(account) if is_coach else []),
            gr.update(choices=self._packs(account) if is_coach else []),
        )

    # -- the coach's review ----------------------------------------------------------------

    def _coach(self, session: WebSession):
        account = session.account if session else None
        if account is None or account.role != "coach":
            raise AccountError("Sign in as a coach first.")
        return account

    def _packs(self, coach: Account) -> list[str]:
        try:
            return coach_packs(self.services.store, coach.name)
        except KnowledgeError:
            return []

    def _own_scenarios(self, coach: Account) -> list[tuple[str, str]]:
        return [(s.spec.title, s.code) for s in self.services.catalogue.list(coach)]

    def _criteria(self, scenario: Scenario) -> list[str]:
        spec = scenario.spec
        rubric = spec.rubric or self.services.library.get(spec.persona).mode
        return [c.name for c in rubric_for(rubric, self.services.settings.rubrics_dir).criteria]

    def dashboard(self, code: str | None, session: WebSession) -> tuple[Any, ...]:
        """A scenario's attempts: learner, dates, time spent, scores; and its link."""
        if not code:
            # The link line keeps what it says (e.g. that a scenario was just deleted).
            return [], gr.update(choices=[], value=None), gr.update()
        try:
            coach = self._coach(session)
            scenario = self.services.catalogue.owned(coach, _code(code))
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
        self, session_id: str | None, session: WebSession, request: gr.Request | None = None
    ) -> str:
        """An attempt as the coach (or its learner) may see it: transcript, report, comments."""
        session = self.services.session_of(session, request)
        if not session_id:
            return ""  # nothing chosen (the list was just refreshed)
        try:
            account = session.account
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
            parts.append(views.report_view(Report.model_validate(attempt.report)))
        elif account.role == "learner":
            parts.append("_Your coach has not released the feedback on this attempt yet._")
        # Only the turns: the report above already holds the private-notes timeline.
        turns = transcript_markdown(saved, persona).split("## Transcript", 1)[-1]
        parts.append(views.page_text("### Transcript\n" + turns.split("\n## What ", 1)[0]))
        return "\n\n".join(parts)

    def comment(self, session_id: str | None, text: str, session: WebSession) -> tuple[str, str]:
        try:
            self.services.reviews.comment(
                self._coach(session),
                inputs.text(session_id, "The attempt", 64),
                inputs.text(text, "The comment", 4000),
            )
        except PROBLEMS as error:
            return views.problem(error), text
        return self.open_attempt(session_id, session), ""

    def release(self, session_id: str | None, session: WebSession) -> str:
        try:
            self.services.reviews.release(
                self._coach(session), inputs.text(session_id, "The attempt", 64)
            )
        except PROBLEMS as error:
            return views.problem(error)
        return self.open_attempt(session_id, session)

    # -- writing scenarios -------------------------------------------------------------------

    def load_scenario(self, code: str | None, session: WebSession) -> tuple[Any, ...]:
        """Fill the editor with one of the coach's scenarios."""
        try:
            coach = self._coach(session)
            spec = self.services.catalogue.owned(coach, _code(code)).spec
        except PROBLEMS:
            return tuple(gr.update() for _ in range(EDITOR_FIELDS))
        return (
            spec.title,
            spec.persona,
            spec.company,
            spec.role,
            gr.update(
                choices=[*dict.fromkeys([*self._packs(coach), *spec.packs])], value=spec.packs
            ),
            spec.brief,
            "\n".join(spec.objectives),
            spec.turns,
            spec.minutes,
            spec.difficulty,
            spec.feedback,
            spec.attempts or 0,
            f"{spec.due:%Y-%m-%d}" if spec.due else "",
            spec.allow_signup,
            spec.rubric or "",
        )

    def save_scenario(
        self,
        code: str | None,
        title: str,
        persona: str,
        company: str,
        role: str,
        packs: list[str] | None,
        brief: str,
        objectives: str,
        turns: float,
        minutes: float,
        difficulty: str,
        feedback: str,
        attempts: float,
        due: str,
        allow_signup: bool,
        rubric: str | None,
        files: list[str] | None,
        session: WebSession,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> tuple[Any, ...]:
        """Create a scenario (no code chosen) or update the chosen one; add uploaded research."""
        services = self.services
        try:
            coach = self._coach(session)
            code = _code(code)
            if code:
                services.catalogue.owned(coach, code)  # only ever the coach's own
            packs = packs or []
            if not isinstance(packs, list) or not all(isinstance(n, str) for n in packs):
                raise InputError("Research packs must be a list of names.")
            chosen = [*dict.fromkeys(packs or [])]
            # Only research this coach may use: a pack name sent by hand cannot reach another
            # coach's or a browser's uploads (not even one an old scenario listed).
            allowed = set(self._packs(coach))
            unknown = [name for name in chosen if name not in allowed]
            if unknown:
                raise ScenarioError(f"There is no research pack '{unknown[0][:80]}' for you.")
            spec = ScenarioSpec(
                title=title.strip(),
                persona=persona,
                company=company.strip(),
                role=role.strip(),
                packs=chosen,
                brief=brief.strip(),
                objectives=[line.strip() for line in objectives.splitlines() if line.strip()],
                turns=int(turns),
                minutes=float(minutes),
                difficulty=difficulty,
                feedback=feedback,
                attempts=int(attempts) or None,
                due=datetime.strptime(due.strip(), "%Y-%m-%d").replace(tzinfo=UTC)
                if due and due.strip()
                else None,
                allow_signup=bool(allow_signup),
                rubric=(rubric or "").strip() or None,
            )
            services.catalogue.check(spec)
        except ValidationError as error:
            problem = describe_validation_error("scenario", error)
            return (f"⚠️ {problem}", gr.update(), "", gr.update())
        except (*PROBLEMS, ValueError, TypeError, AttributeError) as error:
            return (views.problem(error), gr.update(), "", gr.update())
        lines = []
        if files:
            pack = f"{spec.title} — research ({coach.name})"
            try:
                outcomes = services.upload(
                    pack, inputs.files(files), coach_owner(coach.name), progress
                )
            except (KnowledgeError, InputError) as error:
                return (views.problem(error), gr.update(), "", gr.update())
            lines = views.upload_lines(outcomes)
            if knowledge.stored(outcomes):
                spec.packs = [*dict.fromkeys([*spec.packs, pack])]
        saved = (
            services.catalogue.update(coach, code, spec)
            if code
            else services.catalogue.create(coach, spec)
        )
        status = page_text(
            "\n".join([f"Saved **{spec.title}**. Share the link `/?scenario={saved.code}`", *lines])
        )
        return (
            status,
            gr.update(choices=self._own_scenarios(coach), value=saved.code),
            "",
            gr.update(
                choices=[*dict.fromkeys([*self._packs(coach), *spec.packs])], value=spec.packs
            ),
        )

    def ask_delete(self, code: str | None, session: WebSession) -> tuple[Any, ...]:
        """Say what deleting the chosen scenario does, and ask to confirm."""
        try:
            coach = self._coach(session)
            scenario = self.services.catalogue.owned(coach, _code(code))
            attempts = len(self.services.reviews.attempts(coach, scenario))
        except PROBLEMS as error:
            return gr.update(visible=False), views.problem(error)
        question = (
            f"Delete **{scenario.spec.title}**? Its link stops working. Its {attempts} "
            "attempt(s) stay in their learners' own history, with their feedback shown to them; "
            "you will no longer see them here."
        )
        return gr.update(visible=True), question

    def delete_scenario(self, code: str | None, session: WebSession) -> tuple[Any, ...]:
        """Delete one of the coach's own scenarios (only ever their own)."""
        try:
            coach = self._coach(session)
            title = self.services.catalogue.owned(coach, _code(code)).spec.title
            attempts = self.services.catalogue.delete(coach, _code(code))
        except PROBLEMS as error:
            return views.problem(error), gr.update(), gr.update(visible=False)
        status = f"Deleted **{title}**; its {attempts} attempt(s) stay with their learners."
        return (
            status,
            gr.update(choices=self._own_scenarios(coach), value=None),
            gr.update(visible=False),
        )

    def export_yaml(self, code: str | None, session: WebSession) -> str:
        """The scenario as a file to share, with its research, for another install."""
        try:
            coach = self._coach(session)
            spec = self.services.catalogue.owned(coach, _code(code)).spec
            text = scenario_file_yaml(spec, self.services.store, coach.name)
        except (*PROBLEMS, KnowledgeError) as error:
            raise gr.Error(public_message(str(error))) from None
        return str(_download(f"scenario-{code}.yaml", text))

    def import_yaml(self, file: str | None, session: WebSession) -> tuple[Any, ...]:
        """Create a scenario from a shared file; its research goes into packs here."""
        services = self.services
        try:
            coach = self._coach(session)
            if not file:
                raise ScenarioError("Choose a scenario file (.yaml) first.")
            limit = int(services.settings.max_file_mb * 1024 * 1024)
            shared = read_scenario_file(Path(inputs.files(file)[0]), max_bytes=limit)
            # Checked before its research is installed, not only when the scenario is saved.
            services.catalogue.check(shared.spec())
            spec = install_research(shared, services.store, coach=coach.name)
            saved = services.catalogue.create(coach, spec)
        except (*PROBLEMS, KnowledgeError, InputError) as error:
            return views.problem(error), gr.update()
        status = page_text(f"Imported **{spec.title}**. Share the link `/?scenario={saved.code}`")
        return status, gr.update(choices=self._own_scenarios(coach), value=saved.code)

    def export_csv(self, code: str | None, session: WebSession) -> str | None:
        try:
            coach = self._coach(session)
            scenario = self.services.catalogue.owned(coach, _code(code))
            criteria = self._criteria(scenario)
            text = self.services.reviews.csv(coach, scenario, criteria)
        except PROBLEMS as error:
            raise gr.Error(public_message(str(error))) from None
        return str(_download(f"attempts-{scenario.code}.csv", text))


def _code(value: object) -> str:
    """A scenario code as sent: text of a code's length (anything else is refused)."""
    return inputs.text(value, "The scenario code", 64).strip()


def _credentials(name: object, password: object) -> tuple[str, str]:
    name = inputs.text(name, "The user name", 64).strip()
    password = inputs.text(password, "The password", 1024)
    return name, password


def _client(request: gr.Request | None) -> str:
    """The client's address, for counting sign-in tries (behind a proxy: the proxy's, unless
    the server is started with --forwarded-allow-ips)."""
    client = getattr(request, "client", None) if request is not None else None
    return str(getattr(client, "host", "") or "")


def _download(name: str, text: str) -> Path:
    """A file for the browser to download, in a folder of its own (names do not collide)."""
    path = Path(tempfile.mkdtemp(prefix="roleplay-")) / name
    path.write_text(text, encoding="utf-8")
    return path

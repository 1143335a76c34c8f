"""Who is on the page: sign-in, sign-up and sign-out, a remembered sign-in, and the scenario a
link opened.

Every handler works out who is asking from the server-side ``PageState`` (never from what the
page sends) and asks ``roleplay.coaching`` for the data, which enforces who may see what.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from roleplay.coaching.accounts import AccountError
from roleplay.coaching.scenario_catalogue import Scenario
from roleplay.coaching.scenarios import ScenarioError
from roleplay.core.safety import page_text
from roleplay.web import inputs, views
from roleplay.web.handlers.coach import PROBLEMS, coach_pack_names, own_scenarios
from roleplay.web.handlers.cohorts import cohort_names
from roleplay.web.inputs import InputError
from roleplay.web.services import Login, PageState, Services


class AccountHandlers:
    def __init__(self, services: Services):
        self.services = services

    def _remember(self, page: PageState, token: object) -> None:
        """Take the sign-in token the browser kept, if the server still knows it."""
        if isinstance(token, str) and self.services.accounts.signed_in(token):
            page.login = Login(token, self.services.accounts)

    def arrive(self, token: str | None, page: PageState, request: gr.Request) -> tuple[Any, ...]:
        """On page load: a launch from a learning platform (its one-time code signs the page
        in and opens its scenario), else a remembered sign-in and the scenario in the link."""
        page = self.services.page_of(page, request)
        launched = self._launched(page, request)
        if launched is not None:
            return (page, launched, *self._views(page, ""))
        self._remember(page, token)
        code = (request.query_params.get("scenario") or "").strip() if request else ""
        notice = ""
        if len(code) > 64:
            code, notice = "", "⚠️ That scenario link is not right. Check the link you were given."
        if code:
            try:
                self.services.catalogue.get(code)
                page.scenario = code
            except ScenarioError as error:
                notice = f"{views.problem(error)} Check the link you were given."
        return (page, gr.update(), *self._views(page, notice))

    def _launched(self, page: PageState, request: gr.Request | None) -> str | None:
        """The sign-in token for a platform's launch code in the page's address (spent as it is
        read), or None."""
        code = request.query_params.get("lti") if request else None
        found = self.services.lti_launches.take_handoff(code) if code else None
        if found is None:
            return None
        account, scenario = found
        token = self.services.accounts.login_token(account)
        page.login = Login(token, self.services.accounts)
        if scenario:
            page.scenario = scenario
        return token

    def remembered(
        self, token: str | None, page: PageState, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """The browser's stored sign-in arrived after the page's first event (its component
        loads late): take it now, unless someone is already signed in on this page."""
        page = self.services.page_of(page, request)
        if page.account is None:
            self._remember(page, token)
        return (page, *self._views(page, ""))

    def open_scenario(
        self, code: str, page: PageState, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Open a scenario by its code (what the link does; also for API clients)."""
        page = self.services.page_of(page, request)
        try:
            code = inputs.scenario_code(code)
            self.services.catalogue.get(code)
            page.scenario = code
            notice = ""
        except (ScenarioError, InputError) as error:
            notice = views.problem(error)
        return (page, *self._views(page, notice))

    def sign_in(
        self, name: str, password: str, page: PageState, request: gr.Request
    ) -> tuple[Any, ...]:
        page = self.services.page_of(page, request)
        try:
            name, password = _credentials(name, password)
            previous = page.account
            account, token = self.services.accounts.sign_in(name, password, _client(request))
        except (AccountError, InputError) as error:
            return (page, gr.update(), *self._views(page, views.problem(error)))
        if previous is not None and previous.id != account.id and page.interview is not None:
            # Another person's attempt stays with them, not on this page.
            page.interview.close()
            page.interview = None
        page.login = Login(token, self.services.accounts)
        # The account line itself says who is signed in.
        return (page, token, *self._views(page, ""))

    def sign_up(
        self, name: str, password: str, page: PageState, request: gr.Request
    ) -> tuple[Any, ...]:
        """Learners sign up through a scenario's link, when its coach allows it."""
        page = self.services.page_of(page, request)
        try:
            name, password = _credentials(name, password)
            scenario = self._scenario(page)
            if scenario is None or not scenario.spec.allow_signup:
                raise AccountError("Sign-up is only open through a scenario link that allows it.")
            account, token = self.services.accounts.sign_up(name, password, _client(request))
        except PROBLEMS as error:
            return (page, gr.update(), *self._views(page, views.problem(error)))
        page.login = Login(token, self.services.accounts)
        return (page, token, *self._views(page, f"Welcome, **{account.name}**."))

    def sign_out(
        self, token: str | None, page: PageState, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        page = self.services.page_of(page, request)
        # What the page sends may be anything: only a string is a token.
        if isinstance(token, str) and token:
            self.services.accounts.sign_out(token)
        if page.login is not None:  # known by its hash alone on a page carried on elsewhere
            self.services.accounts.sign_out_by_hash(page.login.token_hash)
        if page.login is not None and page.interview is not None:
            # The interview was the account's: it stays saved with them, not on this page.
            page.interview.close()
            page.interview = None
        page.login = None
        return (page, None, *self._views(page, "Signed out."))

    def refresh(self, page: PageState, request: gr.Request | None = None) -> tuple[Any, ...]:
        """The account line and scenario panel again (e.g. an attempt was just added)."""
        return self._views(self.services.page_of(page, request), "")

    def _scenario(self, page: PageState) -> Scenario | None:
        return self.services.catalogue.get(page.scenario) if page.scenario else None

    def _views(self, page: PageState, notice: str) -> tuple[Any, ...]:
        """The account line, a learner's assignments, the scenario panel, and whether the coach
        panel shows."""
        account = page.account
        who = (
            f"Signed in as **{account.name}** ({account.role})."
            if account
            else "Practising on your own: no sign-in needed. Coaches and learners sign in here."
        )
        brief = ""
        try:
            scenario = self._scenario(page)
            if scenario is not None:
                attempts = self.services.reviews.attempts(account, scenario) if account else []
                brief = views.scenario_brief(scenario, attempts, signed_in=account is not None)
        except PROBLEMS as error:
            brief = views.problem(error)
        is_coach = bool(account and account.role == "coach")
        assigned = (
            self.services.assignments.assigned_to(account)
            if account and account.role == "learner"
            else []
        )
        return (
            # A notice can quote what was sent (a scenario code from a link): never markup.
            page_text(f"{who} {notice}".strip()),
            gr.update(value=views.assigned_markdown(assigned), visible=bool(assigned)),
            gr.update(
                choices=[(a.title, a.code) for a in assigned],
                value=page.scenario if page.scenario in {a.code for a in assigned} else None,
                visible=bool(assigned),
            ),
            gr.update(value=brief, visible=bool(brief)),
            gr.update(visible=is_coach),
            gr.update(choices=own_scenarios(self.services, account) if is_coach else []),
            gr.update(choices=coach_pack_names(self.services, account) if is_coach else []),
            # A coach's choice stays through a refresh; anyone else's page holds none.
            gr.update(choices=cohort_names(self.services, page))
            if is_coach
            else gr.update(choices=[], value=None),
        )


def _credentials(name: object, password: object) -> tuple[str, str]:
    name = inputs.text(name, "The user name", 64).strip()
    password = inputs.text(password, "The password", 1024)
    return name, password


def _client(request: gr.Request | None) -> str:
    """The client's address, for counting sign-in tries (behind a proxy: the proxy's, unless
    the server is started with --forwarded-allow-ips)."""
    client = getattr(request, "client", None) if request is not None else None
    return str(getattr(client, "host", "") or "")

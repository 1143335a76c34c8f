"""The coach's cohorts on the page: make one, fill it from a roster or one learner at a time,
assign a scenario with a due date, and read the cohort's report. Who asks is the page's signed-in
coach, checked again on every event; ``roleplay.coaching`` decides what they may reach."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from roleplay.coaching.assignments import parse_due
from roleplay.coaching.cohort_report import cohort_report, report_csv
from roleplay.coaching.cohorts import CohortError
from roleplay.coaching.invites import link_path
from roleplay.coaching.roster import MAX_BYTES, RosterError
from roleplay.web import cohort_views, inputs, views
from roleplay.web.handlers.coach import PROBLEMS, coach_of, download, own_scenarios
from roleplay.web.handlers.sharing import site_address
from roleplay.web.page_markdown import error_modal
from roleplay.web.services import PageState, Services

COHORT_PROBLEMS = (*PROBLEMS, CohortError, RosterError)
NAME_LIMIT = 200


def cohort_names(services: Services, page: PageState | None) -> list[str]:
    account = page.account if page else None
    if account is None or account.role != "coach":
        return []
    return [c.name for c in services.cohorts.of_coach(account)]


def _name(value: Any) -> str:
    name = inputs.text(value, "The cohort", NAME_LIMIT).strip()
    if not name:
        raise CohortError("Choose a cohort first (or make one).")
    return name


def _link_line(request: gr.Request | None, name: str, token: str) -> str:
    """A learner's one-time link on the address this page was opened at, as the box lists it:
    user name, tab, link."""
    return f"{name}\t{site_address(request)}{link_path(token)}"


class CohortHandlers:
    def __init__(self, services: Services):
        self.services = services

    def create(self, name: Any, page: PageState) -> tuple[Any, ...]:
        try:
            cohort = self.services.cohorts.create(coach_of(page), _name(name))
        except COHORT_PROBLEMS as error:
            return views.problem(error), gr.update(), gr.update()
        names = cohort_names(self.services, page)
        return (
            f"Made the cohort **{cohort.name}**.",
            gr.update(choices=names, value=cohort.name),
            "",
        )

    def show(self, name: Any, page: PageState) -> tuple[Any, ...]:
        """The chosen cohort: its learners, its assignments and its report."""
        empty = cohort_views.empty_report()
        account = page.account if page else None
        scenarios = gr.update(
            choices=own_scenarios(self.services, account)
            if account and account.role == "coach"
            else []
        )
        if not name:
            return (scenarios, [], *empty)
        try:
            coach = coach_of(page)
            name = _name(name)
            members = self.services.cohorts.members(coach, name)
            report = cohort_report(self.services.history.factory, coach, name)
        except COHORT_PROBLEMS as error:
            return (scenarios, [], views.problem(error), *empty[1:])
        return (scenarios, cohort_views.member_rows(members), *cohort_views.report_views(report))

    def import_roster(
        self, name: Any, file: Any, page: PageState, request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        """Every good row of the roster in; each new learner's one-time link to copy."""
        try:
            coach = coach_of(page)
            name = _name(name)
            if not file:
                raise RosterError("Choose a roster file (.csv) first.")
            path = Path(inputs.files(file)[0])
            if path.stat().st_size > MAX_BYTES:
                raise RosterError(f"The roster file is over {MAX_BYTES // 1024} KB: split it.")
            imported = self.services.cohorts.import_csv(coach, name, path.read_bytes())
        except (*COHORT_PROBLEMS, OSError) as error:
            return views.problem(error), ""
        links = "\n".join(_link_line(request, a.name, a.token) for a in imported.added if a.token)
        return cohort_views.import_status(imported), links

    def add(
        self,
        name: Any,
        learner: Any,
        email: Any,
        page: PageState,
        request: gr.Request | None = None,
    ) -> tuple[str, str]:
        try:
            added = self.services.cohorts.add(
                coach_of(page),
                _name(name),
                inputs.text(learner, "The user name", 64).strip(),
                email=inputs.text(email, "The e-mail address", 254).strip(),
            )
        except COHORT_PROBLEMS as error:
            return views.problem(error), ""
        link = _link_line(request, added.name, added.token) if added.token else ""
        made = "Made" if added.created else "Added"
        return f"{made} learner **{added.name}**.", link

    def assign(self, name: Any, code: Any, due: Any, page: PageState) -> str:
        try:
            coach = coach_of(page)
            name = _name(name)
            scenario = self.services.catalogue.owned(coach, inputs.scenario_code(code))
            when = parse_due(inputs.text(due, "The due date", 40))
            self.services.assignments.assign(coach, name, scenario, when)
        except COHORT_PROBLEMS as error:
            return views.problem(error)
        by = f", due {when:%Y-%m-%d %H:%M} UTC" if when else ""
        return f"Assigned **{scenario.spec.title}** to **{name}**{by}."

    def export(self, name: Any, page: PageState) -> str:
        try:
            coach = coach_of(page)
            name = _name(name)
            report = cohort_report(self.services.history.factory, coach, name)
        except COHORT_PROBLEMS as error:
            raise error_modal(error) from None
        return str(download("cohort-report.csv", report_csv(report)))

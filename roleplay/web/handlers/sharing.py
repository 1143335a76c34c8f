"""A finished interview's report to keep or pass on: as a PDF, and as a read-only link that
expires and that its owner can revoke (``/share/TOKEN``, see ``roleplay.web.shared_report``).

Public as every event is: the interview is always the page's own, and an attempt whose coach
has not released its feedback can be neither downloaded nor shared."""

from __future__ import annotations

from typing import Any

import gradio as gr

from roleplay.core.errors import UserError
from roleplay.core.safety import page_text
from roleplay.feedback.pdf import report_pdf
from roleplay.feedback.report import Report
from roleplay.feedback.report_maker import progress
from roleplay.history.shares import PATH
from roleplay.web import views
from roleplay.web.handlers.results import held_back
from roleplay.web.inputs import InputError
from roleplay.web.services import PageState, Services

NOT_YET = "Score the interview first: its report is what a PDF or a link holds."


class SharingHandlers:
    def __init__(self, services: Services):
        self.services = services

    def _report(self, page: PageState) -> Report:
        """The page's finished, scored interview's report, when its owner may see it."""
        interview = page.interview
        if interview is None or not interview.finished or held_back(self.services, page):
            raise InputError(NOT_YET)
        saved = self.services.history.latest_report(interview.session.id)
        if saved is None:
            raise InputError(NOT_YET)
        return Report.model_validate(saved)

    def pdf(self, page: PageState, request: gr.Request | None = None) -> tuple[Any, str, PageState]:
        """The report as a PDF, with this page's progress across its scored interviews."""
        page = self.services.page_of(page, request)
        try:
            report = self._report(page)
        except (UserError, ValueError) as error:
            return None, views.problem(error), page
        services = self.services
        scores = progress(services.history, page.user, report.started_at)
        folder = services.user_folder("web-reports", page.owner)
        path = folder / f"report-{report.session_id}.pdf"
        path.write_bytes(report_pdf(report, scores, services.settings.paper))
        return str(path), "", page

    def share(
        self, page: PageState, request: gr.Request | None = None
    ) -> tuple[str, str, PageState]:
        """A new read-only link to the report, shown once."""
        page = self.services.page_of(page, request)
        try:
            report = self._report(page)
            days = self.services.settings.share_days
            token, link = self.services.shares.create(report.session_id, page.user, days)
        except (UserError, ValueError) as error:
            return "", views.problem(error), page
        address = f"{site_address(request)}{PATH}{token}"
        said = (
            f"Anyone with this link can read this report (and nothing else of yours) until "
            f"{link.expires_at:%Y-%m-%d %H:%M} UTC, or until you revoke it."
        )
        return address, page_text(said), page

    def revoke(
        self, page: PageState, request: gr.Request | None = None
    ) -> tuple[str, str, PageState]:
        """Revoke every link to the page's report: each opens nothing from now on."""
        page = self.services.page_of(page, request)
        interview = page.interview
        if interview is None:
            return "", views.problem(InputError(NOT_YET)), page
        count = self.services.shares.revoke(interview.session.id, page.user)
        said = f"Revoked {count} link{'s' if count != 1 else ''}: they open nothing now."
        return "", said if count else "There was no live link to revoke.", page


def site_address(request: gr.Request | None) -> str:
    """This site's address as the browser used it (no trailing slash); "" when unknown."""
    try:
        return str(request.base_url).rstrip("/") if request is not None else ""  # type: ignore[attr-defined]
    except Exception:  # a request without one (a test's): the path alone still works
        return ""

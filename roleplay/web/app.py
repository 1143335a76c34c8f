"""The Gradio page: who is here at the top, then a tab for each audience (Practice, Past
interviews, and the Coach's tab for coaches). Each panel builds its own components and wires
its own events (``roleplay.web.panels``); this module lays them out and joins them up."""

from __future__ import annotations

from typing import Any

import gradio as gr
from starlette.middleware import Middleware

from roleplay.web.health_routes import health_routes
from roleplay.web.identity import IdentityCookie
from roleplay.web.lti_routes import lti_routes
from roleplay.web.page_markdown import page_markdown
from roleplay.web.panels.account import AccountPanel
from roleplay.web.panels.coach import CoachPanel
from roleplay.web.panels.cohorts import CohortPanel
from roleplay.web.panels.past import PRACTICE_TAB, PastPanel
from roleplay.web.panels.practice import PracticePanel
from roleplay.web.panels.results import ResultsPanel
from roleplay.web.panels.shared import PRIVATE, Shared
from roleplay.web.password_page import password_page
from roleplay.web.remote_files import RefuseRemoteFiles
from roleplay.web.request_ids import RequestIds
from roleplay.web.services import Services
from roleplay.web.shared_report import shared_report
from roleplay.wiring import metrics

CSS = """
.gradio-container { max-width: 1180px !important; margin: auto; }
#title h1 { margin-bottom: 0; }
#sources { max-height: 560px; overflow-y: auto; }
#notice:empty { display: none; }
#notice { color: #9a3412; }
"""


def build_app(services: Services) -> gr.Blocks:
    # Gradio's copies of uploads and downloads go after a day (checked hourly). No telemetry:
    # the app talks to no server the user did not configure.
    with gr.Blocks(
        title="Interview Roleplay", delete_cache=(3600, 86400), analytics_enabled=False
    ) as app:
        shared = Shared.create(services)
        page_markdown(
            "# Interview Roleplay\nRehearse with an interviewer who is as human as the real "
            "thing, then see what they were privately thinking.",
            elem_id="title",
        )
        account = AccountPanel(shared)
        with gr.Tabs(selected=PRACTICE_TAB) as tabs:
            with gr.Tab("Practice", id=PRACTICE_TAB):
                practice = PracticePanel(shared)
                results = ResultsPanel(shared)
                results.again_handlers = practice.again
            with gr.Tab("Past interviews", id="past"):
                past = PastPanel(shared)
            # Shown to a signed-in coach only (and every coach event checks the account).
            with gr.Tab("Coach", id="coach", visible=False) as coach_tab:
                with gr.Tabs():
                    with gr.Tab("Scenarios", id="coach-scenarios"):
                        coach = CoachPanel(shared)
                    with gr.Tab("Cohorts", id="coach-cohorts"):
                        cohorts = CohortPanel(shared)

        coach_views = [coach_tab, coach.pick, coach.packs, cohorts.pick]
        results.wire()  # first: its public endpoints take the plain names
        _arrival(app, shared, practice, past, account, coach_views)
        account.wire(coach_views, past)
        coach.wire()
        cohorts.wire()
        past.wire(practice, results, tabs)

        def after_end(event: Any) -> None:
            # An ended interview joins the past ones, and a scenario's attempts.
            past.refresh_after(event).then(
                account.handlers.refresh, shared.state, account.views(coach_views), **PRIVATE
            )

        practice.wire(results, after_end)
    # A full queue refuses new events at once instead of piling them up.
    app.queue(default_concurrency_limit=2, max_size=services.settings.queue_size)
    metrics.track(lambda: len(app._queue), services.open_interviews)
    return app


def _arrival(
    app: gr.Blocks,
    shared: Shared,
    practice: PracticePanel,
    past: PastPanel,
    account: AccountPanel,
    coach_views: list[Any],
) -> None:
    """A page opens: this browser's uploads and past interviews, then a remembered sign-in and
    the scenario its link names, then (for a signed-in account) that account's interviews."""
    state = shared.state
    arrived = app.load(
        past.handlers.arrive,
        state,
        [
            state,
            practice.pack,
            practice.cv_pack,
            past.table,
            past.pick,
            past.progress,
            past.pace,
            past.habits,
        ],
        **PRIVATE,
    ).then(
        account.handlers.arrive,
        [shared.login, state],
        # A launch from a learning platform signs the page in: the sign-in is kept.
        [state, shared.login, *account.views(coach_views)],
        **PRIVATE,
    )
    practice.after_arrival(past.refresh_after(arrived))
    practice.on_open(app)


def launch_options(services: Services) -> dict[str, Any]:
    """How ``serve`` launches the page (the in-process tests launch it the same way)."""
    return {
        "max_file_size": f"{services.settings.max_file_mb:g}mb",
        "css": CSS,
        "theme": gr.themes.Soft(),
        "footer_links": ["api"],
        "show_error": False,
        # Gradio's MCP server takes files as bare strings, addresses included: off for good.
        "mcp_server": False,
        "app_kwargs": {
            # The read-only page a shared report's link opens (beside Gradio's own routes).
            # …and the form a learner's one-time link opens to choose a password.
            # …and what a balancer and an operator ask of each process.
            "routes": [
                shared_report(services),
                password_page(services),
                *lti_routes(services),
                *health_routes(services),
            ],
            "middleware": [
                Middleware(RequestIds),
                Middleware(RefuseRemoteFiles),
                Middleware(IdentityCookie, secret=services.identity_key),
            ],
        },
    }


def serve(services: Services, *, host: str, port: int, share: bool, open_browser: bool) -> None:
    app = build_app(services)
    app.launch(
        server_name=host,
        server_port=port,
        share=share,
        inbrowser=open_browser,
        **launch_options(services),
    )

"""The Gradio page: layout and wiring only. What the buttons do lives in ``handlers.py``."""

from __future__ import annotations

import gradio as gr
from starlette.middleware import Middleware

from roleplay.web import views
from roleplay.web.coaching import CoachingHandlers
from roleplay.web.handlers import Handlers
from roleplay.web.identity import IdentityCookie
from roleplay.web.services import Services, WebSession

CSS = """
.gradio-container { max-width: 1180px !important; margin: auto; }
#title h1 { margin-bottom: 0; }
#sources { max-height: 560px; overflow-y: auto; }
#notice:empty { display: none; }
#notice { color: #9a3412; }
"""


# A new scenario's editor: title, interviewer, company, role, research packs, brief,
# objectives, answers, minutes, difficulty, feedback, attempts, due date, sign-up, rubric.
EDITOR_BLANK = (
    "",
    "anxious-hiring-manager",
    "",
    "",
    [],
    "",
    "",
    6,
    20,
    "standard",
    "immediate",
    0,
    "",
    False,
    "",
)


def build_app(services: Services) -> gr.Blocks:
    handlers = Handlers(services)
    coaching = CoachingHandlers(services)
    personas = services.library.all()
    samples = services.samples()
    default_company = next((s for s in samples if s.kind == "company"), None)

    settings = services.settings
    # Gradio's copies of uploads and downloads go after a day (checked hourly).
    with gr.Blocks(title="Interview Roleplay", delete_cache=(3600, 86400)) as app:
        # Per-page state; an untouched page's interview is let go after the idle limit (and at
        # once when the tab closes). Which browser this is comes from the signed identity
        # cookie (see identity.py), never from a value the page sends.
        state = gr.State(None, time_to_live=settings.idle_minutes * 60, delete_callback=_release)
        # A coach's or learner's sign-in token (the server keeps only its hash; it expires, and
        # is checked again on every event that relies on it).
        login = gr.BrowserState(
            None, storage_key="interview-roleplay-login", secret=services.browser_secret
        )
        gr.Markdown(
            "# Interview Roleplay\nRehearse with an interviewer who is as human as the real "
            "thing, then see what they were privately thinking.",
            elem_id="title",
        )
        account_line = gr.Markdown(elem_id="account")
        with gr.Accordion("Sign in (coaches and learners)", open=False):
            with gr.Row():
                login_name = gr.Textbox(label="User name", scale=2)
                login_password = gr.Textbox(label="Password", type="password", scale=2)
            with gr.Row():
                sign_in = gr.Button("Sign in", variant="primary")
                sign_up = gr.Button("Sign up as a learner")
                sign_out = gr.Button("Sign out")
        scenario_panel = gr.Markdown(visible=False, elem_id="scenario")
        scenario_code = gr.Textbox(visible=False)
        with gr.Accordion("Coach: your scenarios", open=True, visible=False) as coach_box:
            with gr.Row():
                coach_pick = gr.Dropdown(
                    label="Scenario", choices=[], allow_custom_value=True, scale=3
                )
                export_csv = gr.Button("Export attempts (CSV)", scale=1)
            coach_link = gr.Markdown(elem_id="scenario-link")
            with gr.Row():
                ask_delete = gr.Button("Delete this scenario", variant="stop", size="sm")
            with gr.Row(visible=False) as confirm_delete_row:
                confirm_delete_text = gr.Markdown()
                confirm_delete = gr.Button("Yes, delete it", variant="stop", size="sm")
                keep_scenario = gr.Button("Keep it", size="sm")
            attempts_table = gr.Dataframe(
                value=[], interactive=False, wrap=True, label="Attempts", elem_id="attempts"
            )
            attempt_pick = gr.Dropdown(label="Open an attempt", choices=[], allow_custom_value=True)
            attempt_view = gr.Markdown(elem_id="attempt")
            comment_text = gr.Textbox(label="Comment for the learner", lines=2)
            with gr.Row():
                comment = gr.Button("Add comment")
                release = gr.Button("Release feedback to the learner")
            attempts_csv = gr.File(label="Attempts (CSV)")
            with gr.Accordion("Share a scenario as a file", open=False):
                with gr.Row():
                    export_yaml = gr.Button("Download the chosen scenario (YAML, with research)")
                    scenario_file = gr.File(label="Scenario file", elem_id="scenario-file")
                with gr.Row():
                    import_file = gr.File(
                        label="Import a scenario file (.yaml)",
                        file_types=[".yaml", ".yml"],
                        type="filepath",
                    )
                    import_yaml = gr.Button("Import it as a new scenario")
                import_status = gr.Markdown(elem_id="import-status")
            with gr.Accordion(
                "Write a scenario (or edit the one chosen above)",
                open=False,
                elem_id="scenario-editor",
            ):
                with gr.Row():
                    new_scenario = gr.Button("Start a new scenario")
                with gr.Row():
                    sc_title = gr.Textbox(label="Title", scale=2)
                    sc_persona = gr.Dropdown(
                        label="Interviewer",
                        choices=[(p.name + " — " + p.title, p.id) for p in personas],
                        value=personas[0].id if personas else None,
                        scale=2,
                    )
                with gr.Row():
                    sc_company = gr.Textbox(label="Company", elem_id="sc-company")
                    sc_role = gr.Textbox(label="Role", elem_id="sc-role")
                sc_packs = gr.Dropdown(
                    label="Research the interviewer draws on",
                    choices=[],
                    multiselect=True,
                    # Choices differ per coach; the handler checks every name sent.
                    allow_custom_value=True,
                    elem_id="sc-packs",
                )
                sc_research = gr.File(
                    label="Research for this scenario (.txt .md .pdf .html .docx)",
                    file_count="multiple",
                    type="filepath",
                )
                sc_brief = gr.Textbox(label="Brief the learner reads", lines=3)
                sc_objectives = gr.Textbox(label="Objectives (one per line)", lines=3)
                with gr.Row():
                    sc_turns = gr.Slider(
                        1, 20, value=6, step=1, label="Answers", elem_id="sc-turns"
                    )
                    sc_minutes = gr.Slider(5, 60, value=20, step=5, label="Minutes")
                    sc_attempts = gr.Number(
                        label="Attempts allowed (0 = any)", value=0, precision=0
                    )
                with gr.Row():
                    sc_difficulty = gr.Radio(
                        ["gentle", "standard", "tough"], value="standard", label="Difficulty"
                    )
                    sc_feedback = gr.Radio(
                        [
                            ("Right after the attempt", "immediate"),
                            ("After I release it", "after_review"),
                        ],
                        value="immediate",
                        label="Feedback",
                    )
                with gr.Row():
                    sc_due = gr.Textbox(label="Due date (YYYY-MM-DD, optional)")
                    sc_signup = gr.Checkbox(label="Learners may sign up through the link")
                    sc_rubric = gr.Dropdown(
                        label="Scored with",
                        choices=[
                            ("The interviewer's own rubric (formal or informational)", ""),
                            *services.rubric_ids(),
                        ],
                        value="",
                        # A scenario may name a rubric file added later; the handler checks it.
                        allow_custom_value=True,
                    )
                save_scenario = gr.Button("Save scenario", variant="primary")
                scenario_status = gr.Markdown(elem_id="scenario-status")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                with gr.Accordion("1 · Set up your interview", open=True) as setup:
                    persona = gr.Radio(
                        choices=[views.persona_choice(p) for p in personas],
                        value=personas[0].id if personas else None,
                        label="Interviewer",
                    )
                    persona_card = gr.Markdown(views.persona_card(personas[0]) if personas else "")
                    with gr.Row():
                        company = gr.Textbox(
                            label="Company",
                            value=default_company.company if default_company else "",
                        )
                        role = gr.Textbox(
                            label="Role", value=default_company.role if default_company else ""
                        )
                        candidate = gr.Textbox(label="Your name", value="Sam")
                    with gr.Row():
                        pack = gr.Dropdown(
                            label="Company research",
                            choices=handlers.pack_choices(WebSession()),
                            value=default_company.name if default_company else None,
                            # Per-session choices are checked by the handlers, not the component.
                            allow_custom_value=True,
                        )
                        cv_pack = gr.Dropdown(
                            label="Your CV and the job ad",
                            choices=handlers.pack_choices(WebSession(), "candidate"),
                            value="",
                            allow_custom_value=True,
                        )
                    with gr.Row():
                        research = gr.File(
                            label="Add your own research (.txt .md .pdf .html .docx)",
                            file_count="multiple",
                            type="filepath",
                        )
                        cv = gr.File(
                            label="Optional: your CV and the job ad",
                            file_count="multiple",
                            type="filepath",
                        )
                    with gr.Row():
                        add_research = gr.Button("Add research")
                        add_cv = gr.Button("Add CV / job ad")
                    upload_status = gr.Markdown()
                    with gr.Row():
                        turns = gr.Slider(2, 20, value=6, step=1, label="Your answers")
                        minutes = gr.Slider(5, 60, value=30, step=5, label="Time limit (minutes)")
                    start = gr.Button("Start the interview", variant="primary")
                chat = gr.Chatbot(
                    label="Interview",
                    height=480,
                    layout="bubble",
                    # No "share": it posts to Hugging Face, and this app stays offline.
                    buttons=["copy", "copy_all"],
                )
                notice = gr.Markdown(elem_id="notice")
                with gr.Row():
                    message = gr.Textbox(
                        label="Your answer",
                        placeholder="Type your answer and press Enter",
                        scale=5,
                        autofocus=True,
                    )
                    send = gr.Button("Send", variant="primary", scale=1)
                with gr.Row():
                    retry = gr.Button("Retry", visible=False)
                    end = gr.Button("End interview", variant="stop")
                    restart = gr.Button("Start over")
            with gr.Column(scale=2):
                sources = gr.Markdown(views.sources_panel(None), elem_id="sources")
        with gr.Accordion("2 · Debrief", open=False) as debrief_box:
            debrief = gr.Markdown("_The debrief appears when an interview ends._")
            with gr.Row():
                transcript_md = gr.File(label="Transcript (Markdown)")
                transcript_json = gr.File(label="Transcript (JSON)")
        with gr.Accordion("3 · Feedback", open=False) as feedback_box:
            feedback = gr.Markdown("_Feedback appears when an interview ends._", elem_id="feedback")
            report_json = gr.File(label="Report (JSON)")
        with gr.Accordion("4 · Your past interviews", open=False):
            past_table = gr.Dataframe(
                headers=views.HISTORY_HEADERS,
                value=[],
                interactive=False,
                wrap=True,
                label="Past interviews (newest first)",
                elem_id="past-table",
            )
            with gr.Row():
                past_pick = gr.Dropdown(
                    label="Open a past interview",
                    choices=[],
                    scale=4,
                    # Choices differ per browser; the handler checks ownership of any id sent.
                    allow_custom_value=True,
                )
                reopen = gr.Button("Open", scale=1)
                refresh = gr.Button("Refresh", scale=1)
            past_notice = gr.Markdown()
            progress = gr.LinePlot(
                views.progress_frame([]),
                x="when",
                y="score",
                color="criterion",
                title="Scores over time (0–100)",
                y_lim=[0, 100],
                label="Progress",
            )

        chat_outputs = [chat, sources, notice, retry, state]
        past_outputs = [past_table, past_pick, progress, state, past_notice]
        model_queue = {"concurrency_id": "model", "concurrency_limit": 2}
        debrief_outputs = [debrief, transcript_md, transcript_json, state]
        # Scores a finished interview (and opens its feedback); does nothing otherwise.
        score_if_over = {
            "fn": _feedback_if_over(handlers),
            "inputs": state,
            "outputs": [feedback, report_json, state, feedback_box],
            "api_visibility": "private",
            **model_queue,
        }

        # Declared first so that the public endpoint gets the plain name "debrief".
        gr.Button("Show debrief", visible=False).click(
            handlers.debrief, state, debrief_outputs, api_name="debrief"
        )
        gr.Button("Score", visible=False).click(
            handlers.feedback,
            state,
            [feedback, report_json, state],
            api_name="feedback",
            **model_queue,
        )
        coach_views = [account_line, scenario_panel, coach_box, coach_pick, sc_packs]
        app.load(
            handlers.arrive,
            state,
            [state, pack, cv_pack, past_table, past_pick, progress],
            api_visibility="private",
        ).then(
            coaching.arrive, [login, state], [state, *coach_views], api_visibility="private"
        ).then(
            # A remembered sign-in brings the account's own past interviews, not the browser's.
            handlers.past,
            state,
            past_outputs,
            api_visibility="private",
        )
        # The stored sign-in's component can load after the page's first event: take it then.
        login.change(
            coaching.remembered, [login, state], [state, *coach_views], api_visibility="private"
        ).then(handlers.past, state, past_outputs, api_visibility="private")
        sign_in.click(
            coaching.sign_in,
            [login_name, login_password, state],
            [state, login, *coach_views],
            api_name="sign_in",
        ).then(handlers.past, state, past_outputs, api_visibility="private")
        sign_up.click(
            coaching.sign_up,
            [login_name, login_password, state],
            [state, login, *coach_views],
            api_name="sign_up",
        ).then(handlers.past, state, past_outputs, api_visibility="private")
        sign_out.click(
            coaching.sign_out, [login, state], [state, login, *coach_views], api_name="sign_out"
        ).then(handlers.past, state, past_outputs, api_visibility="private")
        gr.Button("Open scenario", visible=False).click(
            coaching.open_scenario,
            [scenario_code, state],
            [state, *coach_views],
            api_name="open_scenario",
        )
        editor = [
            sc_title,
            sc_persona,
            sc_company,
            sc_role,
            sc_packs,
            sc_brief,
            sc_objectives,
            sc_turns,
            sc_minutes,
            sc_difficulty,
            sc_feedback,
            sc_attempts,
            sc_due,
            sc_signup,
            sc_rubric,
        ]
        coach_pick.change(
            coaching.load_scenario, [coach_pick, state], editor, api_visibility="private"
        )
        new_scenario.click(
            lambda: (gr.update(value=None), "", *[gr.update(value=v) for v in EDITOR_BLANK]),
            None,
            [coach_pick, coach_link, *editor],
            api_visibility="private",
        )
        save_scenario.click(
            coaching.save_scenario,
            [coach_pick, *editor, sc_research, state],
            [scenario_status, coach_pick, coach_link, sc_packs],
            api_name="save_scenario",
            concurrency_id="ingest",
            concurrency_limit=1,
        )
        coach_pick.change(
            coaching.dashboard,
            [coach_pick, state],
            [attempts_table, attempt_pick, coach_link],
            api_name="coach_dashboard",
        )
        attempt_pick.change(
            coaching.open_attempt, [attempt_pick, state], attempt_view, api_name="attempt"
        )
        comment.click(
            coaching.comment,
            [attempt_pick, comment_text, state],
            [attempt_view, comment_text],
            api_name="comment",
        )
        release.click(coaching.release, [attempt_pick, state], attempt_view, api_name="release")
        ask_delete.click(
            coaching.ask_delete,
            [coach_pick, state],
            [confirm_delete_row, confirm_delete_text],
            api_visibility="private",
        )
        keep_scenario.click(
            lambda: gr.update(visible=False), None, confirm_delete_row, api_visibility="private"
        )
        confirm_delete.click(
            coaching.delete_scenario,
            [coach_pick, state],
            [coach_link, coach_pick, confirm_delete_row],
            api_name="delete_scenario",
        )
        export_yaml.click(
            coaching.export_yaml, [coach_pick, state], scenario_file, api_name="export_scenario"
        )
        import_yaml.click(
            coaching.import_yaml,
            [import_file, state],
            [import_status, coach_pick],
            api_name="import_scenario",
            concurrency_id="ingest",
            concurrency_limit=1,
        )
        export_csv.click(
            coaching.export_csv, [coach_pick, state], attempts_csv, api_name="export_csv"
        )
        refresh.click(handlers.past, state, past_outputs, api_name="history")
        reopen.click(
            handlers.reopen, [past_pick, state], [*chat_outputs, feedback], api_name="reopen"
        ).then(handlers.debrief, state, debrief_outputs, api_visibility="private").then(
            lambda: gr.update(open=False), None, setup, api_visibility="private"
        ).then(
            # A finished interview whose scoring was cut short (the app stopped) is scored now.
            **score_if_over
        )
        persona.change(handlers.persona_details, persona, persona_card, api_visibility="private")
        add_research.click(
            handlers.upload_research,
            [research, state],
            [upload_status, pack, state],
            api_name="upload_research",
            concurrency_id="ingest",
            concurrency_limit=1,
        )
        add_cv.click(
            handlers.upload_cv,
            [cv, state],
            [upload_status, cv_pack, state],
            api_name="upload_cv",
            concurrency_id="ingest",
            concurrency_limit=1,
        )
        start.click(
            handlers.start,
            [persona, company, role, candidate, pack, cv_pack, turns, minutes, state],
            chat_outputs,
            api_name="start",
            **model_queue,
        ).then(lambda: gr.update(open=False), None, setup, api_visibility="private")
        gr.on(
            [message.submit, send.click],
            handlers.send,
            [message, state],
            [*chat_outputs, message],
            api_name="send",
            **model_queue,
        ).then(
            _debrief_if_over(handlers),
            state,
            [*debrief_outputs, debrief_box],
            api_visibility="private",
        ).then(**score_if_over)
        retry.click(handlers.retry, state, chat_outputs, api_name="retry", **model_queue)
        end.click(handlers.end, state, chat_outputs, api_name="end", **model_queue).then(
            handlers.debrief, state, debrief_outputs, api_visibility="private"
        ).then(lambda: gr.update(open=True), None, debrief_box, api_visibility="private").then(
            **score_if_over
        ).then(handlers.past, state, past_outputs, api_visibility="private").then(
            coaching.refresh, state, coach_views, api_visibility="private"
        )
        chat.select(handlers.show_sources, state, sources, api_visibility="private")
        restart.click(handlers.restart, state, chat_outputs, api_name="restart").then(
            lambda: gr.update(open=True), None, setup, api_visibility="private"
        )
        # The chat's own trash button means "start over", not "hide the messages".
        chat.clear(handlers.restart, state, chat_outputs, api_visibility="private").then(
            lambda: gr.update(open=True), None, setup, api_visibility="private"
        )
    # A full queue refuses new events at once instead of piling them up.
    app.queue(default_concurrency_limit=2, max_size=settings.queue_size)
    return app


def _debrief_if_over(handlers: Handlers):
    def refresh(session: WebSession):
        if session and session.interview and session.interview.finished:
            return (*handlers.debrief(session), gr.update(open=True))
        return gr.update(), gr.update(), gr.update(), session, gr.update()

    return refresh


def _feedback_if_over(handlers: Handlers):
    def score(session: WebSession):
        if session and session.interview and session.interview.finished:
            return (*handlers.feedback(session), gr.update(open=True))
        return gr.update(), gr.update(), session, gr.update()

    return score


def _release(session: WebSession | None) -> None:
    """A page's state is dropped (tab closed, or idle too long): stop its interview's work."""
    if session is not None and session.interview is not None:
        session.interview.close()


def serve(services: Services, *, host: str, port: int, share: bool, open_browser: bool) -> None:
    app = build_app(services)
    app.launch(
        server_name=host,
        server_port=port,
        share=share,
        inbrowser=open_browser,
        max_file_size=f"{services.settings.max_file_mb:g}mb",
        css=CSS,
        theme=gr.themes.Soft(),
        footer_links=["api"],
        show_error=False,
        app_kwargs={
            "middleware": [Middleware(IdentityCookie, secret=services.browser_secret)],
        },
    )

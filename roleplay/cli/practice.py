"""``roleplay chat`` (an interview in the terminal) and ``roleplay serve`` (the web app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markdown import Markdown

from roleplay.cli.common import err, out, parts, settings
from roleplay.cli.completion import persona_ids, session_ids


def register(app: typer.Typer) -> None:
    app.command()(chat)
    app.command()(serve)


def chat(
    persona: Annotated[
        str,
        typer.Option(help="Persona id (see 'roleplay personas list')", autocompletion=persona_ids),
    ] = "anxious-hiring-manager",
    company: Annotated[str, typer.Option(help="Company you are interviewing with")] = (
        "Larkspur Health"
    ),
    role: Annotated[str, typer.Option(help="Role you are interviewing for")] = "Product Analyst",
    candidate: Annotated[str, typer.Option(help="Your name, as the interviewer uses it")] = "Sam",
    turns: Annotated[int | None, typer.Option(help="Your answers before the close")] = None,
    minutes: Annotated[float | None, typer.Option(help="Time limit in minutes")] = None,
    transcript: Annotated[
        Path | None, typer.Option(help="Where to save the transcript (.json and .md)")
    ] = None,
    pack: Annotated[
        list[str] | None,
        typer.Option(
            help="Company research pack to draw on (repeatable); default: the sample "
            "pack when the company is the sample company"
        ),
    ] = None,
    candidate_pack: Annotated[
        list[str] | None, typer.Option(help="Pack with your CV and the job ad (repeatable)")
    ] = None,
    no_pack: Annotated[bool, typer.Option("--no-pack", help="Use no research at all")] = False,
    resume: Annotated[
        str | None,
        typer.Option(
            help="Carry on a saved, unfinished session (see 'roleplay sessions list')",
            autocompletion=session_ids,
        ),
    ] = None,
    from_session: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Practise a question of this saved interview again (with --question)",
            autocompletion=session_ids,
        ),
    ] = None,
    question: Annotated[
        int | None,
        typer.Option(
            help="Which answer's question to practise again (1 for the first; see the report)",
            min=1,
        ),
    ] = None,
    report: Annotated[
        bool, typer.Option("--report/--no-report", help="Score the interview when it ends")
    ] = True,
) -> None:
    """Hold an interview in the terminal. Type /end (or end the input) to finish."""
    from roleplay.cli.terminal import ChatPlan, run_chat
    from roleplay.history.database import HistoryError
    from roleplay.knowledge.samples import sample_packs

    found = parts()
    config = found.settings
    if (from_session is None) != (question is None):
        raise HistoryError("Say both --from SESSION and --question N to practise a question again.")
    if from_session is not None and question is not None:
        saved = found.history.load(from_session)
        plan = ChatPlan(persona=found.library.get(saved.persona_id), practise=(saved, question))
    elif resume:
        saved = found.history.load(resume)
        if saved.finished:
            raise HistoryError(
                f"Session {resume} is finished; `roleplay report {resume}` shows its feedback."
            )
        plan = ChatPlan(persona=found.library.get(saved.persona_id), resume=saved)
    else:
        packs = list(pack or [])
        if not packs and not no_pack:
            packs = [s.name for s in sample_packs() if s.kind == "company" and s.company == company]
        plan = ChatPlan(
            persona=found.library.get(persona),
            company=company,
            role=role,
            candidate=candidate,
            turns=turns or config.turns,
            minutes=minutes or config.minutes,
            packs=[] if no_pack else packs,
            candidate_packs=[] if no_pack else list(candidate_pack or []),
        )
    code = run_chat(
        found,
        plan,
        transcript=transcript,
        report=report,
        out=out,
        err=err,
        render_markdown=Markdown,
    )
    raise typer.Exit(code)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 7860,
    share: Annotated[bool, typer.Option(help="Also open a public share link")] = False,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open a browser tab")
    ] = False,
    new_identity_key: Annotated[
        bool,
        typer.Option(
            "--new-identity-key",
            help="On a shared database: make this process's identity key the one every "
            "process must use (browsers signed with the old one start afresh)",
        ),
    ] = False,
) -> None:
    """Start the web app (Gradio) on the embedded defaults."""
    from roleplay.web.app import serve as serve_app
    from roleplay.web.services import Services
    from roleplay.wiring import logs
    from roleplay.wiring.processes import hold_data_dir

    if host not in ("127.0.0.1", "localhost", "::1") and not share:
        err.print(
            f"warning: listening on {host} over plain HTTP: sign-ins and answers cross the "
            "network unencrypted. Put a TLS proxy in front (see SECURITY.md).",
            markup=False,
            soft_wrap=True,
        )
    config = settings()
    logs.configure(config.log_format)
    # Refused here, at the start, not at the first page: a second server on the same embedded
    # store, or one whose identity key differs from the other processes' on the database.
    hold_data_dir(config)
    services = Services(config)
    if new_identity_key:
        services.adopt_identity_key()
    services.identity_key  # noqa: B018
    with err.status("Loading the model and the sample research…"):
        services.warm_up()
    err.print(f"Interview Roleplay is running at http://{host}:{port}  (Ctrl-C to stop)")
    serve_app(services, host=host, port=port, share=share, open_browser=open_browser)

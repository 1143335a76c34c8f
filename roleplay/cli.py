"""The ``roleplay`` command: a thin shell over the library (personas, terminal interviews)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markdown import Markdown

from roleplay.cards import read_card, write_card
from roleplay.chat import ChatPlan, run_chat
from roleplay.cli_coaching import register as register_coaching
from roleplay.cli_history import register as register_history
from roleplay.cli_knowledge import app as knowledge_app
from roleplay.coaching.accounts import AccountError
from roleplay.coaching.scenarios import ScenarioError
from roleplay.datafiles import describe_validation_error
from roleplay.feedback.rubrics import RubricError
from roleplay.history.database import HistoryError
from roleplay.history.sessions import SessionStore
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.samples import sample_packs
from roleplay.llm.errors import ModelError
from roleplay.personas import PersonaError, PersonaLibrary
from roleplay.prompts import PromptError
from roleplay.resources import shipped_dir
from roleplay.settings import Settings

app = typer.Typer(
    help="Rehearse interviews against an LLM interviewer that keeps private notes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
personas_app = typer.Typer(help="List, show, import and export interviewer personas.")
app.add_typer(personas_app, name="personas")
app.add_typer(knowledge_app, name="knowledge")

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False)


def settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        raise PersonaError(describe_validation_error("environment", error)) from None


def library(config: Settings) -> PersonaLibrary:
    return PersonaLibrary([shipped_dir("personas"), config.user_personas_dir])


@personas_app.command("list")
def personas_list() -> None:
    """List the available personas."""
    for persona in library(settings()).all():
        who = f"{persona.name}, {persona.title}"
        out.print(f"[bold]{persona.id}[/bold]  {who} [dim]({persona.mode})[/dim]", soft_wrap=True)
        out.print(f"    {persona.summary}\n", soft_wrap=True)


@personas_app.command("show")
def personas_show(persona_id: str) -> None:
    """Show one persona card as YAML."""
    from roleplay.personas import dump_persona

    sys.stdout.write(dump_persona(library(settings()).get(persona_id)))


@personas_app.command("import")
def personas_import(file: Path) -> None:
    """Import a Character Card V2 JSON file into your personas folder."""
    config = settings()
    persona = read_card(file)
    path = library(config).save(persona, config.user_personas_dir)
    out.print(f"Imported '{persona.id}' ({persona.name}) to {path}")


@personas_app.command("export")
def personas_export(
    persona_id: str,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write")] = None,
) -> None:
    """Export a persona as Character Card V2 JSON (to stdout, or -o FILE)."""
    text = write_card(library(settings()).get(persona_id))
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"Wrote {output}")


@app.command()
def chat(
    persona: Annotated[str, typer.Option(help="Persona id (see 'roleplay personas list')")] = (
        "anxious-hiring-manager"
    ),
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
        typer.Option(help="Carry on a saved, unfinished session (see 'roleplay sessions list')"),
    ] = None,
    report: Annotated[
        bool, typer.Option("--report/--no-report", help="Score the interview when it ends")
    ] = True,
) -> None:
    """Hold an interview in the terminal. Type /end (or end the input) to finish."""
    config = settings()
    if resume:
        saved = SessionStore.open(config).load(resume)
        if saved.finished:
            raise HistoryError(
                f"Session {resume} is finished; `roleplay report {resume}` shows its feedback."
            )
        plan = ChatPlan(persona=library(config).get(saved.persona_id), resume=saved)
    else:
        packs = list(pack or [])
        if not packs and not no_pack:
            packs = [s.name for s in sample_packs() if s.kind == "company" and s.company == company]
        plan = ChatPlan(
            persona=library(config).get(persona),
            company=company,
            role=role,
            candidate=candidate,
            turns=turns or config.turns,
            minutes=minutes or config.minutes,
            packs=[] if no_pack else packs,
            candidate_packs=[] if no_pack else list(candidate_pack or []),
        )
    code = run_chat(
        config,
        plan,
        transcript=transcript,
        report=report,
        out=out,
        err=err,
        render_markdown=Markdown,
    )
    raise typer.Exit(code)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 7860,
    share: Annotated[bool, typer.Option(help="Also open a public share link")] = False,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open a browser tab")
    ] = False,
) -> None:
    """Start the web app (Gradio) on the embedded defaults."""
    from roleplay.web.app import serve as serve_app
    from roleplay.web.services import Services

    if host not in ("127.0.0.1", "localhost", "::1") and not share:
        err.print(
            f"warning: listening on {host} over plain HTTP: sign-ins and answers cross the "
            "network unencrypted. Put a TLS proxy in front (see SECURITY.md).",
            markup=False,
            soft_wrap=True,
        )
    services = Services(settings())
    with err.status("Loading the model and the sample research…"):
        services.warm_up()
    err.print(f"Interview Roleplay is running at http://{host}:{port}  (Ctrl-C to stop)")
    serve_app(services, host=host, port=port, share=share, open_browser=open_browser)


register_history(app, settings, library, out, err)
register_coaching(app, settings, library, out, err)


def main() -> None:
    try:
        app()
    except (
        PersonaError,
        PromptError,
        ModelError,
        KnowledgeError,
        HistoryError,
        RubricError,
        AccountError,
        ScenarioError,
    ) as error:
        err.print(f"error: {error}", markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("Interrupted.")
        sys.exit(130)


if __name__ == "__main__":
    main()

"""``roleplay personas …``: list, show, import and export interviewer personas."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from roleplay.cards import read_card, write_card
from roleplay.cli.common import err, library, out, settings

personas_app = typer.Typer(help="List, show, import and export interviewer personas.")


def register(app: typer.Typer) -> None:
    app.add_typer(personas_app, name="personas")


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

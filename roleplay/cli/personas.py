"""``roleplay personas …``: list, show, import and export interviewer personas."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import click
import typer
from rich.markup import escape

from roleplay.cli.common import err, out, parts
from roleplay.core.personas import Persona, PersonaError

personas_app = typer.Typer(help="List, show, import and export interviewer personas.")


def register(app: typer.Typer) -> None:
    app.add_typer(personas_app, name="personas")


@personas_app.command("list")
def personas_list() -> None:
    """List the available personas."""
    for persona in parts().library.all():
        who = escape(f"{persona.name}, {persona.title}")  # a card's words, not markup
        out.print(f"[bold]{persona.id}[/bold]  {who} [dim]({persona.mode})[/dim]", soft_wrap=True)
        out.print(f"    {persona.summary}\n", soft_wrap=True, markup=False)


@personas_app.command("show")
def personas_show(persona_id: str) -> None:
    """Show one persona card as YAML."""
    from roleplay.core.personas import dump_persona

    sys.stdout.write(dump_persona(parts().library.get(persona_id)))


@personas_app.command("import")
def personas_import(
    file: Path,
    mode: Annotated[
        str | None,
        typer.Option(
            help="For a card made in another tool: formal (a job interview) or informational "
            "(a conversation about the field). Asked on a terminal."
        ),
    ] = None,
) -> None:
    """Import a character card (.json or .png, V2 or V3) into your personas folder."""
    from roleplay.cards import read_card

    found = parts()
    config, personas = found.settings, found.library
    try:
        persona = read_card(file)
    except PersonaError as error:
        if mode is None and "not an interviewer yet" in str(error) and sys.stdin.isatty():
            mode = typer.prompt(
                "This card is not an interviewer yet. Interview mode",
                type=click.Choice(["formal", "informational"]),
            )
        if mode is None:
            raise
        persona = read_card(file, mode=mode, library=personas)
    path = personas.save(persona, config.user_personas_dir)
    out.print(f"Imported '{persona.id}' ({persona.name}) to {path}", soft_wrap=True, markup=False)
    if persona.from_card:
        out.print(
            f"Its worries, questions and lines are the {persona.mode} interviewer's: edit them "
            f"in that file. The card's own system prompt and instructions are kept, never used.",
            soft_wrap=True,
        )


@personas_app.command("export")
def personas_export(
    persona_id: str,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (.json, or .png)")
    ] = None,
    image: Annotated[
        Path | None, typer.Option(help="The picture of a PNG card (default: a plain one)")
    ] = None,
) -> None:
    """Export a persona as a character card: JSON (to stdout, or -o FILE.json), or a PNG card
    with -o FILE.png that SillyTavern and the character hubs read."""
    persona = parts().library.get(persona_id)
    try:
        _export(persona, output, image)
    except OSError as error:
        raise PersonaError(f"{error.filename or output}: {error.strerror or error}") from None


def _export(persona: Persona, output: Path | None, image: Path | None) -> None:
    from roleplay.cards import write_card, write_png_card

    if output is not None and output.suffix.lower() == ".png":
        picture = image.read_bytes() if image else None
        output.write_bytes(write_png_card(persona, picture))
        err.print(f"Wrote {output}")
        return
    if image is not None:
        raise PersonaError("--image is for a PNG card: write it with -o NAME.png")
    text = write_card(persona)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"Wrote {output}")

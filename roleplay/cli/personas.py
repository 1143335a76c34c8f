"""``roleplay personas …``: list, show, import and export interviewer personas."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer

from roleplay.cli.common import err, out, parts, print_json
from roleplay.cli.completion import persona_ids
from roleplay.cli.tables import ListColumn, list_table

if TYPE_CHECKING:
    from roleplay.cli.shapes import PersonaItem
    from roleplay.core.personas import Persona

personas_app = typer.Typer(help="List, show, import and export interviewer personas.")


def register(app: typer.Typer) -> None:
    app.add_typer(personas_app, name="personas")


PERSONA_COLUMNS = [
    ListColumn("id", "id"),
    ListColumn("who", "title"),
    ListColumn("mode"),
    ListColumn("what the meeting is like", "title", wide_only=True),
]
JSON = Annotated[bool, typer.Option("--json", help="Print JSON")]
PERSONA_ID = Annotated[str, typer.Argument(help="A persona's id", autocompletion=persona_ids)]


def persona_row(item: PersonaItem) -> list[str]:
    return [item.id, f"{item.name}, {item.title}", item.mode, item.summary]


@personas_app.command("list")
def personas_list(
    as_json: JSON = False,
    wide: Annotated[bool, typer.Option("--wide", help="Every column")] = False,
) -> None:
    """List the available personas."""
    from roleplay.cli.shapes import persona_item

    items = [persona_item(p) for p in parts().library.all()]
    if as_json:
        print_json(items)
        return
    rows = [persona_row(item) for item in items]
    out.print(list_table(PERSONA_COLUMNS, rows, wide=wide, width=out.width))


@personas_app.command("show")
def personas_show(persona_id: PERSONA_ID, as_json: JSON = False) -> None:
    """Show one persona card as YAML (its file's fields, as JSON with --json)."""
    from roleplay.core.personas import dump_persona

    persona = parts().library.get(persona_id)
    if as_json:
        print_json(persona)
        return
    sys.stdout.write(dump_persona(persona))


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
    from roleplay.core.personas import PersonaError

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
    persona_id: PERSONA_ID,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (.json, or .png)")
    ] = None,
    image: Annotated[
        Path | None, typer.Option(help="The picture of a PNG card (default: a plain one)")
    ] = None,
) -> None:
    """Export a persona as a character card: JSON (to stdout, or -o FILE.json), or a PNG card
    with -o FILE.png that SillyTavern and the character hubs read."""
    from roleplay.core.personas import PersonaError

    persona = parts().library.get(persona_id)
    try:
        _export(persona, output, image)
    except OSError as error:
        raise PersonaError(f"{error.filename or output}: {error.strerror or error}") from None


def _export(persona: Persona, output: Path | None, image: Path | None) -> None:
    from roleplay.cards import write_card, write_png_card
    from roleplay.core.personas import PersonaError

    if output is not None and output.suffix.lower() == ".png":
        picture = image.read_bytes() if image else None
        output.write_bytes(write_png_card(persona, picture))
        err.print(f"Wrote {output}", soft_wrap=True)
        return
    if image is not None:
        raise PersonaError("--image is for a PNG card: write it with -o NAME.png")
    text = write_card(persona)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"Wrote {output}", soft_wrap=True)

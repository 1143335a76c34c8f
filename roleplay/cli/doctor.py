"""``roleplay doctor``: check the install and the settings, one line a part, with what to do."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from roleplay.cli.common import out, print_json, settings


def register(app: typer.Typer) -> None:
    app.command()(doctor)


def doctor(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Check every part the settings rely on; exit 1 when one they need is missing."""
    from roleplay.wiring.doctor import examine, healthy

    findings = examine(settings())
    fine = healthy(findings)
    if as_json:
        print_json({"healthy": fine, "checks": [f.as_json() for f in findings]})
    else:
        # One row a part; a long path or fix wraps under its own text, never under the mark.
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold")
        for f in findings:
            mark = (
                "[green]ok[/green]"
                if f.ok
                else ("[red]FAIL[/red]" if f.needed else "[yellow]note[/yellow]")
            )
            fix = f" — {escape(f.fix)}" if f.fix and not f.ok else ""
            table.add_row(mark, f"[bold]{escape(f.name)}[/bold]: {escape(f.detail)}{fix}")
        out.print(table)
        out.print(
            "\nAll that these settings need is here."
            if fine
            else "\nSomething these settings need is missing (FAIL above)."
        )
    raise typer.Exit(0 if fine else 1)

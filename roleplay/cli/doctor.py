"""``roleplay doctor``: check the install and the settings, one line a part, with what to do."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.markup import escape

from roleplay.cli.common import out, settings


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
        report = {"healthy": fine, "checks": [f.as_json() for f in findings]}
        out.print_json(json.dumps(report))
    else:
        for f in findings:
            mark = (
                "[green]ok[/green]  "
                if f.ok
                else ("[red]FAIL[/red]" if f.needed else "[yellow]note[/yellow]")
            )
            fix = f" — {escape(f.fix)}" if f.fix and not f.ok else ""
            out.print(f"{mark} {f.name}: {escape(f.detail)}{fix}", soft_wrap=True)
        out.print(
            "\nAll that these settings need is here."
            if fine
            else "\nSomething these settings need is missing (FAIL above)."
        )
    raise typer.Exit(0 if fine else 1)

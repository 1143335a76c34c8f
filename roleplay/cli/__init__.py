"""The ``roleplay`` command: a thin shell over the library. Each module of this package adds
its own commands through ``register(app)``, and imports what a command needs inside it, so that
``--help`` and a quick command do not wait for the model, Chroma or the web app to load."""

from __future__ import annotations

import sys

import typer

from roleplay.cli import (
    coaching,
    cohorts,
    doctor,
    history,
    knowledge,
    lti,
    models,
    personas,
    practice,
    sharing,
    speech,
)
from roleplay.cli.common import err
from roleplay.core.errors import UserError

app = typer.Typer(
    help="Rehearse interviews against an LLM interviewer that keeps private notes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
for module in (
    personas,
    practice,
    models,
    knowledge,
    history,
    sharing,
    coaching,
    cohorts,
    lti,
    speech,
    doctor,
):
    module.register(app)


def main() -> None:
    try:
        app()
    except UserError as error:
        err.print(f"error: {error}", markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("Interrupted.")
        sys.exit(130)


if __name__ == "__main__":
    main()

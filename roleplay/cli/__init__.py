"""The ``roleplay`` command: a thin shell over the library. Each module of this package adds
its own commands through ``register(app)``."""

from __future__ import annotations

import sys

import typer

from roleplay.cli import coaching, history, knowledge, models, personas, practice, speech
from roleplay.cli.common import err
from roleplay.coaching.accounts import AccountError
from roleplay.coaching.scenarios import ScenarioError
from roleplay.core.personas import PersonaError
from roleplay.feedback.rubrics import RubricError
from roleplay.history.database import HistoryError
from roleplay.interview.prompts import PromptError
from roleplay.knowledge.errors import KnowledgeError
from roleplay.llm.errors import ModelError

app = typer.Typer(
    help="Rehearse interviews against an LLM interviewer that keeps private notes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
for module in (personas, practice, models, knowledge, history, coaching, speech):
    module.register(app)


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

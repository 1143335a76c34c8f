"""``roleplay sessions`` and ``roleplay report``: saved interviews and their feedback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.table import Column, Table

from roleplay.cli.common import err, out, parts
from roleplay.feedback.report import Report, report_markdown
from roleplay.interview.transcripts import transcript_markdown


def register(app: typer.Typer) -> None:
    sessions_app = typer.Typer(help="List, show and delete saved interviews.")
    app.add_typer(sessions_app, name="sessions")

    @sessions_app.command("list")
    def sessions_list(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    ) -> None:
        """Saved interviews, newest first."""
        found = parts().history.list()
        if as_json:
            rows = [
                {
                    "id": s.id,
                    "persona": s.persona_id,
                    "company": s.company,
                    "role": s.role,
                    "started_at": s.started_at.isoformat(),
                    "finished": s.finished,
                    "turns": s.turns,
                    "score": s.overall,
                }
                for s in found
            ]
            out.print_json(json.dumps(rows))
            return
        if not found:
            err.print("No saved interviews yet: `roleplay chat` or `roleplay serve` to hold one.")
            return
        table = Table("started (UTC)", "interviewer", "company · role", "turns", "state")
        # Ids are what people copy into other commands: never cut or wrapped.
        table.columns.insert(0, Column("id", no_wrap=True, min_width=12))
        for s in found:
            state = (
                (f"score {s.overall:g}" if s.overall is not None else "finished")
                if s.finished
                else "unfinished"
            )
            table.add_row(
                s.id,
                f"{s.started_at:%Y-%m-%d %H:%M}",
                s.persona_name,
                f"{s.company} · {s.role}",
                str(s.turns),
                state,
            )
        out.print(table)
        if any(not s.finished for s in found):
            err.print("Carry on an unfinished one with: roleplay chat --resume ID")

    @sessions_app.command("show")
    def sessions_show(session_id: str) -> None:
        """The transcript and private notes of a saved interview, as Markdown."""
        found = parts()
        session = found.history.load(session_id)
        persona = found.library.get(session.persona_id)
        out.print(
            transcript_markdown(session, persona), markup=False, highlight=False, soft_wrap=True
        )

    @sessions_app.command("delete")
    def sessions_delete(session_id: str) -> None:
        """Delete a saved interview and its reports."""
        parts().history.delete(session_id)
        err.print(f"Deleted session {session_id}.")

    @app.command()
    def report(
        session_id: str,
        format: Annotated[
            Literal["md", "json"], typer.Option("--format", help="md or json")
        ] = "md",
        output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here")] = None,
        again: Annotated[
            bool, typer.Option("--again", help="Score again even if a report exists")
        ] = False,
    ) -> None:
        """The feedback report of a saved interview (scored now if it has none yet)."""
        from roleplay.feedback.report_maker import make_report

        found = parts()
        history = found.history
        session = history.load(session_id)
        saved = None if again else history.latest_report(session_id)
        if saved is not None:
            result = Report.model_validate(saved)
        else:
            persona = found.library.get(session.persona_id)
            with err.status("Scoring the interview…"):
                result = make_report(
                    session,
                    persona,
                    settings=found.settings,
                    backend=found.backend,
                    prompts=found.prompts,
                    packs=found.store if session.packs else None,
                    history=history,
                    rubric_id=found.catalogue.rubric_of(session.scenario),
                )
        text = (
            result.model_dump_json(indent=2) + "\n" if format == "json" else report_markdown(result)
        )
        if output:
            output.write_text(text, encoding="utf-8")
            err.print(f"Wrote {output}")
        else:
            out.print(text, markup=False, highlight=False, end="", soft_wrap=True)

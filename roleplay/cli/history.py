"""``roleplay sessions`` and ``roleplay report``: saved interviews and their feedback."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from roleplay.cli.common import err, out, parts, print_json
from roleplay.cli.completion import session_ids
from roleplay.cli.tables import ListColumn, list_table

SESSION_ID = Annotated[
    str, typer.Argument(help="A saved interview's id", autocompletion=session_ids)
]

if TYPE_CHECKING:
    from roleplay.history.listing import SessionSummary
    from roleplay.wiring.parts import Parts


SESSION_COLUMNS = [
    ListColumn("id", "id"),
    ListColumn("started (UTC)"),
    ListColumn("interviewer", wide_only=True),
    ListColumn("company · role", "title"),
    ListColumn("turns", wide_only=True),
    ListColumn("state"),
]


def session_row(summary: SessionSummary) -> list[str]:
    if not summary.finished:
        state = "unfinished"
    else:
        state = f"score {summary.overall:g}" if summary.overall is not None else "finished"
    return [
        summary.id,
        f"{summary.started_at:%Y-%m-%d %H:%M}",
        summary.persona_name,
        f"{summary.company} · {summary.role}",
        str(summary.turns),
        state,
    ]


def register(app: typer.Typer) -> None:
    sessions_app = typer.Typer(help="List, show and delete saved interviews.")
    app.add_typer(sessions_app, name="sessions")

    @sessions_app.command("list")
    def sessions_list(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
        wide: Annotated[bool, typer.Option("--wide", help="Every column")] = False,
    ) -> None:
        """Saved interviews, newest first."""
        from roleplay.history.listing import quick_list

        found = parts()
        # Read straight from SQLite when it can be (a blink); the store otherwise (it migrates).
        summaries = quick_list(found.settings)
        if summaries is None:
            summaries = found.history.list()
        if as_json:
            from roleplay.cli.shapes import session_item

            print_json([session_item(s) for s in summaries])
            return
        if not summaries:
            err.print("No saved interviews yet: `roleplay chat` or `roleplay serve` to hold one.")
            return
        out.print(
            list_table(
                SESSION_COLUMNS, [session_row(s) for s in summaries], wide=wide, width=out.width
            )
        )
        if any(not s.finished for s in summaries):
            err.print("Carry on an unfinished one with: roleplay chat --resume ID")

    @sessions_app.command("show")
    def sessions_show(
        session_id: SESSION_ID,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    ) -> None:
        """The transcript and private notes of a saved interview, as Markdown."""
        from roleplay.interview.transcripts import transcript_markdown

        found = parts()
        session = found.history.load(session_id)
        if as_json:
            from roleplay.cli.shapes import session_detail

            print_json(session_detail(session))
            return
        persona = found.library.get(session.persona_id)
        out.print(
            transcript_markdown(session, persona), markup=False, highlight=False, soft_wrap=True
        )

    @sessions_app.command("delete")
    def sessions_delete(session_id: SESSION_ID) -> None:
        """Delete a saved interview and its reports."""
        parts().history.delete(session_id)
        err.print(f"Deleted session {session_id}.")

    @app.command()
    def report(
        session_id: SESSION_ID,
        format: Annotated[
            Literal["md", "json", "pdf"],
            typer.Option("--format", help="md, json, or pdf (with -o FILE.pdf)"),
        ] = "md",
        output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here")] = None,
        again: Annotated[
            bool, typer.Option("--again", help="Score again even if a report exists")
        ] = False,
    ) -> None:
        """The feedback report of a saved interview (scored now if it has none yet)."""
        from roleplay.feedback.report import Report, report_markdown
        from roleplay.feedback.report_maker import make_report
        from roleplay.history.database import HistoryError

        if format == "pdf" and output is None:
            raise HistoryError("A PDF goes to a file: add -o REPORT.pdf.")
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
                    rubric_id=found.rubric_of(session),
                )
            _to_gradebook(found, session_id)
        if format == "pdf":
            from roleplay.feedback.pdf import report_pdf
            from roleplay.feedback.report_maker import progress

            assert output is not None  # checked before scoring
            # The chart across interviews is of the interview's own owner's.
            scores = progress(history, history.owner(session.id), session.started_at)
            output.write_bytes(report_pdf(result, scores, found.settings.paper))
            err.print(f"Wrote {output}", soft_wrap=True)
            return
        if format == "json":
            text = result.model_dump_json(indent=2) + "\n"
        else:
            from roleplay.feedback.practice import later_practices

            later = later_practices(session, history)
            text = report_markdown(result) + ("\n" + "\n".join(later) if later else "")
        if output:
            output.write_text(text, encoding="utf-8")
            err.print(f"Wrote {output}", soft_wrap=True)
        else:
            out.print(text, markup=False, highlight=False, end="", soft_wrap=True)


def _to_gradebook(found: Parts, session_id: str) -> None:
    """A new score for an attempt launched from a course goes to the course's gradebook."""
    from roleplay.coaching.lti.platforms import LtiError

    try:
        if found.lti_grades.send(session_id):
            err.print("The score was sent to the course's gradebook.")
    except LtiError as error:
        err.print(f"warning: {error}", markup=False)

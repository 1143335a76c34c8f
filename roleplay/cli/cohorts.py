"""``roleplay cohort``: a coach's groups of learners, their rosters, assignments and report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from roleplay.cli.coaching import coach_account
from roleplay.cli.common import err, out, parts, print_json
from roleplay.cli.completion import scenario_codes
from roleplay.cli.tables import ListColumn, list_table

if TYPE_CHECKING:
    from roleplay.coaching.accounts import Account
    from roleplay.coaching.cohort_report import CohortReport
    from roleplay.wiring.parts import Parts

COHORT = Annotated[str, typer.Argument(help="The cohort's name")]
LEARNER = Annotated[str, typer.Argument(help="A learner's user name")]
CODE = Annotated[str, typer.Argument(help="A scenario's code", autocompletion=scenario_codes)]
COACH = Annotated[str | None, typer.Option("--coach", help="The coach (when there are several)")]
COHORT_COLUMNS = [
    ListColumn("cohort", "title"),
    ListColumn("learners"),
    ListColumn("assigned"),
]


def _acting(coach_name: str | None) -> tuple[Parts, Account]:
    found = parts()
    return found, coach_account(found.accounts, coach_name)


def _link(found: Parts, token: str) -> str:
    from roleplay.coaching.invites import link_path

    return found.settings.public_url.rstrip("/") + link_path(token)


def register(app: typer.Typer) -> None:
    cohort_app = typer.Typer(help="Cohorts: groups of learners, their assignments and report.")
    app.add_typer(cohort_app, name="cohort")

    @cohort_app.command("create")
    def cohort_create(name: COHORT, coach_name: COACH = None) -> None:
        """Make a cohort."""
        found, coach = _acting(coach_name)
        cohort = found.cohorts.create(coach, name)
        err.print(f"Created cohort '{cohort.name}'. Add learners: roleplay cohort import …")

    @cohort_app.command("list")
    def cohort_list(
        coach_name: COACH = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    ) -> None:
        """Your cohorts."""
        found, coach = _acting(coach_name)
        cohorts = found.cohorts.of_coach(coach)
        if as_json:
            from roleplay.cli.shapes import CohortItem

            print_json(
                [
                    CohortItem(name=c.name, learners=c.learners, assigned=c.assignments)
                    for c in cohorts
                ]
            )
            return
        rows = [[c.name, str(c.learners), str(c.assignments)] for c in cohorts]
        out.print(list_table(COHORT_COLUMNS, rows, wide=False, width=out.width))

    @cohort_app.command("add")
    def cohort_add(
        name: COHORT,
        learner: LEARNER,
        email: Annotated[str, typer.Option(help="Their e-mail address")] = "",
        full_name: Annotated[str, typer.Option(help="Their name as the coach knows it")] = "",
        coach_name: COACH = None,
    ) -> None:
        """Add a learner (making their account, with a one-time link to set a password, when
        they have none)."""
        found, coach = _acting(coach_name)
        added = found.cohorts.add(coach, name, learner, full_name=full_name, email=email)
        err.print(f"{'Made' if added.created else 'Added'} learner '{added.name}'.")
        if added.token:
            typer.echo(_link(found, added.token))

    @cohort_app.command("import")
    def cohort_import(
        name: COHORT,
        file: Annotated[Path, typer.Argument(help="A CSV with a header row: name,email")],
        coach_name: COACH = None,
    ) -> None:
        """Add every learner of a roster (CSV: name and email columns; the e-mail is the user
        name unless a username column gives one). Prints each new learner's one-time link to set
        a password (a line each: user name, tab, link);
        a bad row is named and skipped (exit code 1 when any was)."""
        from roleplay.coaching.roster import MAX_BYTES, RosterError

        found, coach = _acting(coach_name)
        try:
            if file.stat().st_size > MAX_BYTES:
                raise RosterError(f"{file} is over {MAX_BYTES // 1024} KB: split it.")
            data = file.read_bytes()
        except OSError as error:
            raise RosterError(f"Could not read {file}: {error.strerror}.") from None
        imported = found.cohorts.import_csv(coach, name, data)
        # One plain line per learner, never folded: the links are copied into messages.
        for added in imported.added:
            if added.token:
                typer.echo(f"{added.name}\t{_link(found, added.token)}")
        err.print(
            f"{len(imported.added)} learner(s) in '{name}' "
            f"({sum(1 for a in imported.added if a.created)} new); "
            f"{len(imported.problems)} row(s) skipped."
        )
        for problem in imported.problems:
            err.print(f"  {problem}", markup=False)
        if imported.problems:
            raise typer.Exit(1)

    @cohort_app.command("link")
    def cohort_link(name: COHORT, learner: LEARNER, coach_name: COACH = None) -> None:
        """A new one-time link for a learner who has not set a password (the old one stops
        working)."""
        found, coach = _acting(coach_name)
        typer.echo(_link(found, found.cohorts.link(coach, name, learner)))

    @cohort_app.command("remove")
    def cohort_remove(name: COHORT, learner: LEARNER, coach_name: COACH = None) -> None:
        """Take a learner out of the cohort (their account and attempts stay)."""
        found, coach = _acting(coach_name)
        found.cohorts.remove(coach, name, learner)
        err.print(f"Took '{learner}' out of '{name}'.")

    @cohort_app.command("assign")
    def cohort_assign(
        name: COHORT,
        code: CODE,
        due: Annotated[
            str | None, typer.Option(help="Due by: 2027-03-31 or 2027-03-31T17:00 (UTC)")
        ] = None,
        coach_name: COACH = None,
    ) -> None:
        """Assign one of your scenarios to the cohort (again: change its due date)."""
        from roleplay.coaching.assignments import parse_due

        found, coach = _acting(coach_name)
        scenario = found.catalogue.owned(coach, code)
        found.assignments.assign(coach, name, scenario, parse_due(due))
        err.print(f"Assigned '{scenario.spec.title}' to '{name}'.")

    @cohort_app.command("unassign")
    def cohort_unassign(name: COHORT, code: CODE, coach_name: COACH = None) -> None:
        """Take a scenario off the cohort's list (attempts made stay)."""
        found, coach = _acting(coach_name)
        found.assignments.unassign(coach, name, found.catalogue.owned(coach, code))
        err.print(f"'{code}' is no longer assigned to '{name}'.")

    @cohort_app.command("delete")
    def cohort_delete(
        name: COHORT,
        coach_name: COACH = None,
        yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm")] = False,
    ) -> None:
        """Delete a cohort (its learners' accounts and attempts stay)."""
        found, coach = _acting(coach_name)
        cohort = found.cohorts.get(coach, name)
        if not yes:
            typer.confirm(
                f"Delete the cohort '{cohort.name}' ({cohort.learners} learners)?", abort=True
            )
        found.cohorts.delete(coach, name)
        err.print(f"Deleted '{cohort.name}'. Its learners and their attempts stay.")

    @cohort_app.command("report")
    def cohort_report_command(
        name: COHORT,
        coach_name: COACH = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
        as_csv: Annotated[
            bool, typer.Option("--csv", help="One row per learner and scenario")
        ] = False,
    ) -> None:
        """What the cohort did: who attempted what, each criterion's spread and trend, the
        worries most often left confirmed (with the words that did it), and progress."""
        from roleplay.coaching.cohort_report import cohort_report, report_csv

        found, coach = _acting(coach_name)
        report = cohort_report(found.history.factory, coach, name)
        if as_json:
            print_json(report)
        elif as_csv:
            typer.echo(report_csv(report), nl=False)
        else:
            _print_report(report)


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _print_report(report: CohortReport) -> None:
    out.print(
        f"[bold]{escape(report.cohort)}[/bold]: {report.learners} learner(s), "
        f"{len(report.assignments)} scenario(s) assigned"
    )
    rows = [
        [
            a.code,
            a.title,
            f"{a.due:%Y-%m-%d}" if a.due else "–",
            f"{a.attempted}/{report.learners}",
            ", ".join(a.not_attempted) or "–",
        ]
        for a in report.assignments
    ]
    columns = [
        ListColumn("scenario", "id"),
        ListColumn("title", "title"),
        ListColumn("due"),
        ListColumn("attempted"),
        ListColumn("not yet", "title"),
    ]
    out.print(list_table(columns, rows, wide=True, width=out.width))
    if report.criteria:
        columns = [
            ListColumn("criterion", "title"),
            *(ListColumn(level) for level in ("good", "fair", "poor", "n/a")),
            ListColumn("mean by attempt", "title"),
        ]
        rows = [
            [
                c.name,
                *(str(c.latest.get(level, 0)) for level in ("good", "fair", "poor", "n/a")),
                " → ".join(f"#{n} {mean:g} ({count})" for n, mean, count in c.trend) or "–",
            ]
            for c in report.criteria
        ]
        out.print("\n[bold]Latest attempts, criterion by criterion[/bold]")
        out.print(list_table(columns, rows, wide=True, width=out.width))
    if report.worries:
        out.print("\n[bold]Worries left confirmed[/bold] (latest attempt of each learner)")
        for worry in report.worries:
            out.print(f"  {worry.label}: {worry.confirmed} of {worry.of}", markup=False)
            for quote in worry.quotes:
                out.print(f"    “{quote.text}” — {quote.learner} ({quote.session})", markup=False)
    columns = [
        ListColumn("learner", "id"),
        ListColumn("attempts"),
        ListColumn("first"),
        ListColumn("latest"),
        ListColumn("change"),
    ]
    rows = [
        [
            p.learner,
            str(p.attempts),
            _score(p.first),
            _score(p.latest),
            "–" if p.change is None else f"{p.change:+g}",
        ]
        for p in report.progress
    ]
    out.print("\n[bold]Progress[/bold] (overall score, 0–100)")
    out.print(list_table(columns, rows, wide=True, width=out.width))

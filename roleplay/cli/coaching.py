"""``roleplay users`` and ``roleplay scenario``: accounts and practice scenarios for coaches."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from roleplay.cli.common import err, out, parts, print_json
from roleplay.cli.completion import scenario_codes
from roleplay.cli.tables import ListColumn, list_table

if TYPE_CHECKING:
    from roleplay.coaching.accounts import Account, Accounts
    from roleplay.coaching.scenario_catalogue import Catalogue, Scenario
    from roleplay.coaching.scenarios import ScenarioListing
    from roleplay.wiring.parts import Parts


SCENARIO_COLUMNS = [
    ListColumn("code", "id"),
    ListColumn("title", "title"),
    ListColumn("interviewer", wide_only=True),
    ListColumn("owner"),
    ListColumn("feedback", wide_only=True),
    ListColumn("attempts"),
]


CODE = Annotated[str, typer.Argument(help="A scenario's code", autocompletion=scenario_codes)]
USER_COLUMNS = [ListColumn("name", "id"), ListColumn("role")]


def scenario_row(scenario: Scenario) -> list[str]:
    spec = scenario.spec
    return [
        scenario.code,
        spec.title,
        spec.persona,
        scenario.owner,
        spec.feedback,
        str(spec.attempts or "any"),
    ]


def scenario_listing(scenario: Scenario) -> ScenarioListing:
    """A scenario as ``scenario list|show --json`` prints it: its code and owner, then the
    fields of its file."""
    from roleplay.coaching.scenarios import ScenarioListing

    return ScenarioListing.of(scenario.code, scenario.owner, scenario.spec)


def coach_account(accounts: Accounts, name: str | None) -> Account:
    """The coach a command acts for: the one named, or the only one there is."""
    from roleplay.coaching.accounts import AccountError
    from roleplay.coaching.scenario_catalogue import SAMPLES_OWNER

    coaches = [a for a in accounts.list() if a.role == "coach" and a.name != SAMPLES_OWNER]
    if name is None:
        if len(coaches) == 1:
            return coaches[0]
        raise AccountError(
            "Say which coach owns it with --coach NAME "
            + ("(there is none yet: roleplay users add NAME --coach)." if not coaches else ".")
        )
    found = next((a for a in coaches if a.name == name), None)
    if found is None:
        raise AccountError(f"There is no coach called '{name}'.")
    return found


def register(app: typer.Typer) -> None:
    users_app = typer.Typer(help="Coach and learner accounts (for shared scenarios).")
    scenario_app = typer.Typer(help="Practice scenarios coaches write and share by link.")
    app.add_typer(users_app, name="users")
    app.add_typer(scenario_app, name="scenario")

    def stores() -> tuple[Parts, Accounts, Catalogue]:
        found = parts()
        return found, found.accounts, found.catalogue

    @users_app.command("add")
    def users_add(
        name: str,
        is_coach: Annotated[bool, typer.Option("--coach", help="A coach")] = False,
        is_learner: Annotated[bool, typer.Option("--learner", help="A learner")] = False,
        password: Annotated[
            str | None, typer.Option(help="The password; asked for when not given")
        ] = None,
    ) -> None:
        """Add a coach or a learner."""
        from roleplay.coaching.accounts import AccountError

        if is_coach == is_learner:
            raise AccountError("Say --coach or --learner (one of them).")
        if password is None:
            password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        _, accounts, _ = stores()
        account = accounts.add(name, "coach" if is_coach else "learner", password)
        err.print(f"Added {account.role} '{account.name}'.")

    @users_app.command("list")
    def users_list(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    ) -> None:
        """Coaches and learners."""
        from roleplay.cli.shapes import UserItem

        _, accounts, _ = stores()
        found = accounts.list()
        if as_json:
            print_json([UserItem.model_validate({"name": a.name, "role": a.role}) for a in found])
            return
        rows = [[a.name, a.role] for a in found]
        out.print(list_table(USER_COLUMNS, rows, wide=False, width=out.width))

    @scenario_app.command("create")
    def scenario_create(
        title: Annotated[str, typer.Option(help="What learners see as its name")],
        persona: Annotated[str, typer.Option(help="Interviewer persona id")],
        company: Annotated[str, typer.Option(help="Company")],
        role: Annotated[str, typer.Option(help="Role")],
        pack: Annotated[list[str] | None, typer.Option(help="Research pack (repeatable)")] = None,
        objective: Annotated[
            list[str] | None, typer.Option(help="An objective shown to learners (repeatable)")
        ] = None,
        brief: Annotated[str, typer.Option(help="What learners read before starting")] = "",
        turns: Annotated[int, typer.Option(help="Answers before the close")] = 8,
        minutes: Annotated[float, typer.Option(help="Time limit")] = 30,
        difficulty: Annotated[str, typer.Option(help="gentle, standard or tough")] = "standard",
        feedback: Annotated[
            str, typer.Option(help="immediate, or after_review (when you release it)")
        ] = "immediate",
        attempts: Annotated[int | None, typer.Option(help="Attempts allowed per learner")] = None,
        rubric: Annotated[
            str | None, typer.Option(help="Rubric id; the interviewer's mode when not given")
        ] = None,
        allow_signup: Annotated[
            bool, typer.Option(help="Let learners sign up through the link")
        ] = False,
        coach_name: Annotated[str | None, typer.Option("--coach", help="Owner")] = None,
    ) -> None:
        """Create a scenario; prints its code (the link is /?scenario=CODE)."""
        from pydantic import ValidationError

        from roleplay.coaching.scenarios import ScenarioError, ScenarioSpec
        from roleplay.core.datafiles import describe_validation_error

        _, accounts, catalogue = stores()
        try:
            spec = ScenarioSpec(
                title=title,
                persona=persona,
                company=company,
                role=role,
                packs=list(pack or []),
                objectives=list(objective or []),
                brief=brief,
                turns=turns,
                minutes=minutes,
                difficulty=difficulty,
                feedback=feedback,
                attempts=attempts,
                allow_signup=allow_signup,
                rubric=rubric,
            )
        except ValidationError as error:
            raise ScenarioError(describe_validation_error("scenario", error)) from None
        created = catalogue.create(coach_account(accounts, coach_name), spec)
        out.print(created.code)
        err.print(f"Created '{spec.title}'. Share the link /?scenario={created.code}")

    @scenario_app.command("list")
    def scenario_list(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
        wide: Annotated[bool, typer.Option("--wide", help="Every column")] = False,
    ) -> None:
        """Every scenario, newest first."""
        _, _, catalogue = stores()
        found = catalogue.list()
        if as_json:
            print_json([scenario_listing(s) for s in found])
            return
        out.print(
            list_table(
                SCENARIO_COLUMNS, [scenario_row(s) for s in found], wide=wide, width=out.width
            )
        )

    @scenario_app.command("show")
    def scenario_show(
        code: CODE,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    ) -> None:
        """A scenario as YAML."""
        from roleplay.coaching.scenarios import scenario_yaml

        _, _, catalogue = stores()
        if as_json:
            print_json(scenario_listing(catalogue.get(code)))
            return
        # Plain write: a console would wrap long lines and break the YAML.
        typer.echo(scenario_yaml(catalogue.get(code).spec), nl=False)

    @scenario_app.command("export")
    def scenario_export(
        code: CODE,
        output: Annotated[Path, typer.Option("-o", "--output", help="The YAML file to write")],
        research: Annotated[
            bool,
            typer.Option(help="Carry the research packs' passages (not the shipped samples)"),
        ] = True,
    ) -> None:
        """Write a scenario to a YAML file to share, with the research it draws on."""
        from roleplay.coaching.sharing import scenario_file_yaml

        found, _, catalogue = stores()
        scenario = catalogue.get(code)
        spec = scenario.spec
        store = found.store if research and spec.packs else None
        output.write_text(scenario_file_yaml(spec, store, scenario.owner), encoding="utf-8")
        err.print(f"Wrote {output}", soft_wrap=True)

    @scenario_app.command("import")
    def scenario_import(
        file: Path,
        coach_name: Annotated[str | None, typer.Option("--coach", help="Owner")] = None,
    ) -> None:
        """Create a scenario from a YAML file (and its research); prints its code."""
        from roleplay.coaching.sharing import install_research, read_scenario_file
        from roleplay.wiring import knowledge

        found, accounts, catalogue = stores()
        shared = read_scenario_file(file)
        # Checked before its research is installed, not only when the scenario is saved.
        catalogue.check(shared.spec())
        owner = coach_account(accounts, coach_name)
        spec = shared.spec()
        if shared.research or spec.packs:
            spec = install_research(
                shared,
                found.store,
                coach=owner.name,
                chunking=knowledge.chunking(found.settings),
                uploads=knowledge.upload_limits(found.settings),
            )
            for pack in spec.packs:
                err.print(f"Research pack: {pack}")
        created = catalogue.create(owner, spec)
        out.print(created.code)
        err.print(f"Imported '{spec.title}'. Share the link /?scenario={created.code}")

    @scenario_app.command("delete")
    def scenario_delete(
        code: CODE,
        coach_name: Annotated[str | None, typer.Option("--coach", help="Owner")] = None,
        yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm")] = False,
    ) -> None:
        """Delete one of your scenarios; its link stops working, its attempts stay with the
        learners who made them."""
        _, accounts, catalogue = stores()
        owner = coach_account(accounts, coach_name)
        spec = catalogue.owned(owner, code).spec
        if not yes:
            typer.confirm(f"Delete '{spec.title}' ({code})?", abort=True)
        attempts = catalogue.delete(owner, code)
        err.print(
            f"Deleted '{spec.title}'. Its {attempts} attempt(s) stay in their learners' history."
        )

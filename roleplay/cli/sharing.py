"""``roleplay share``: read-only links to a saved interview's report, which ``roleplay serve``
opens at ``/share/TOKEN`` until they expire or are revoked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from roleplay.cli.common import err, out, parts, print_json
from roleplay.cli.completion import session_ids

SESSION_ID = Annotated[
    str, typer.Argument(help="A saved interview's id", autocompletion=session_ids)
]


def register(app: typer.Typer) -> None:
    share_app = typer.Typer(help="Read-only links to a report: create, list, revoke.")
    app.add_typer(share_app, name="share")

    @share_app.command("create")
    def create(
        session_id: SESSION_ID,
        days: Annotated[int | None, typer.Option(help="Days it lasts (1-90)")] = None,
    ) -> None:
        """A new link to the interview's report (score it first with `roleplay report`)."""
        from roleplay.history.sessions import LOCAL_USER
        from roleplay.history.shares import PATH

        found = parts()
        token, link = found.shares.create(session_id, LOCAL_USER, days or found.settings.share_days)
        out.print(f"{PATH}{token}", markup=False, highlight=False)
        err.print(
            f"Opens on the site `roleplay serve` runs (e.g. http://127.0.0.1:7860{PATH}…) until "
            f"{link.expires_at:%Y-%m-%d %H:%M} UTC. It is shown once: keep it.",
            markup=False,
        )

    @share_app.command("list")
    def list_links(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    ) -> None:
        """Your links (their tokens are never kept, so not shown), newest first."""
        from roleplay.cli.shapes import ShareItem
        from roleplay.history.sessions import LOCAL_USER

        now = datetime.now(UTC)
        items = [
            ShareItem(
                session=link.session_id,
                created_at=link.created_at,
                expires_at=link.expires_at,
                live=link.live(now),
            )
            for link in parts().shares.list(LOCAL_USER)
        ]
        if as_json:
            print_json(items)
            return
        for item in items:
            state = "live" if item.live else "revoked or expired"
            out.print(
                f"{item.session}  until {item.expires_at:%Y-%m-%d %H:%M}  {state}", markup=False
            )
        if not items:
            err.print("No links yet: roleplay share create SESSION")

    @share_app.command("revoke")
    def revoke(session_id: SESSION_ID) -> None:
        """Revoke every link to the interview's report."""
        from roleplay.history.sessions import LOCAL_USER

        count = parts().shares.revoke(session_id, LOCAL_USER)
        err.print(f"Revoked {count} link{'s' if count != 1 else ''}.")

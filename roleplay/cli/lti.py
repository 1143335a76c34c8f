"""``roleplay lti``: learning platforms that launch the app over LTI 1.3, and what to enter in
them."""

from __future__ import annotations

from typing import Annotated

import typer

from roleplay.cli.common import err, out, parts, print_json
from roleplay.cli.tables import ListColumn, list_table

PLATFORM_COLUMNS = [
    ListColumn("issuer", "title"),
    ListColumn("client id", "id"),
    ListColumn("deployments", wide_only=True),
]


def register(app: typer.Typer) -> None:
    lti_app = typer.Typer(help="LTI 1.3: launch the app from Canvas, Moodle and other platforms.")
    app.add_typer(lti_app, name="lti")

    @lti_app.command("add-platform")
    def add_platform(
        issuer: Annotated[
            str,
            typer.Option(help="The platform's issuer (iss), e.g. https://canvas.instructure.com"),
        ],
        client_id: Annotated[str, typer.Option(help="The client id the platform gave this tool")],
        deployment_id: Annotated[list[str], typer.Option(help="A deployment id (repeatable)")],
        auth_login_url: Annotated[str, typer.Option(help="The platform's OIDC authorisation URL")],
        auth_token_url: Annotated[str, typer.Option(help="The platform's OAuth2 token URL")],
        key_set_url: Annotated[str, typer.Option(help="The platform's public keys (JWKS) URL")],
    ) -> None:
        """Register a platform (the values come from its developer-key or tool registration
        page; docs/lti.md lists where Canvas and Moodle show them)."""
        from roleplay.coaching.lti.platforms import Platform

        added = parts().lti_platforms.add(
            Platform(
                issuer=issuer,
                client_id=client_id,
                deployment_ids=tuple(deployment_id),
                auth_login_url=auth_login_url,
                auth_token_url=auth_token_url,
                key_set_url=key_set_url,
            )
        )
        err.print(f"Registered '{added.issuer}' (client id {added.client_id}).")

    @lti_app.command("list")
    def platforms_list(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
        wide: Annotated[bool, typer.Option("--wide", help="Every column")] = False,
    ) -> None:
        """The registered platforms."""
        from roleplay.cli.shapes import PlatformItem

        found = parts().lti_platforms.list()
        if as_json:
            print_json([PlatformItem.of(p) for p in found])
            return
        rows = [[p.issuer, p.client_id, ", ".join(p.deployment_ids)] for p in found]
        out.print(list_table(PLATFORM_COLUMNS, rows, wide=wide, width=out.width))

    @lti_app.command("remove")
    def platform_remove(issuer: str, client_id: str) -> None:
        """Stop a platform launching the app (its users' accounts and attempts stay)."""
        parts().lti_platforms.remove(issuer, client_id)
        err.print(f"Removed '{issuer}' (client id {client_id}).")

    @lti_app.command("tool")
    def tool() -> None:
        """What to enter in a platform to register this app: its URLs (on
        ROLEPLAY_PUBLIC_URL) and where its public key is."""
        base = parts().settings.public_url.rstrip("/")
        for label, path in (
            ("OIDC login initiation URL", "/lti/login"),
            ("Redirect / target link URI", "/lti/launch"),
            ("Deep linking URL", "/lti/launch"),
            ("Public keyset (JWKS) URL", "/lti/jwks"),
        ):
            typer.echo(f"{label}:\t{base}{path}")

"""The page a learner's one-time link opens: ``/set-password?token=TOKEN`` asks for a password
twice; sending it sets the password and spends the link, then points to the sign-in.

A plain form, no script: it works before the learner has an account on the page. The body read
is capped, the token is checked on the server before any password is hashed, and nothing on the
page or in its address bar after sending holds the token.
"""

from __future__ import annotations

import html

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from roleplay.coaching.accounts import MIN_PASSWORD, AccountError
from roleplay.coaching.invites import LINK_PATH, SPENT
from roleplay.web.form_body import form_fields
from roleplay.web.services import Services

MAX_BODY = 8 * 1024
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
    # The token is in this page's address: never sent on to another site.
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Content-Type-Options": "nosniff",
}
STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 30rem; margin: 3rem auto;
       padding: 0 1rem; color: #1f2933; }
label { display: block; margin-top: 1rem; }
input { font: inherit; width: 100%; padding: .4rem; box-sizing: border-box; }
button { font: inherit; margin-top: 1.25rem; padding: .5rem 1rem; }
.problem { color: #9a3412; }
"""


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(page, status_code=status, headers=HEADERS)


def _spent() -> HTMLResponse:
    return _page("Link not valid", f"<p>{html.escape(SPENT)}</p>", 404)


def _form(token: str, name: str, problem: str = "", status: int = 200) -> HTMLResponse:
    shown = f'<p class="problem" role="alert">{html.escape(problem)}</p>' if problem else ""
    body = (
        f"<p>Your coach made you an account: <strong>{html.escape(name)}</strong>. "
        f"Choose a password (at least {MIN_PASSWORD} characters) to sign in with.</p>{shown}"
        f'<form method="post" action="{LINK_PATH}">'
        f'<input type="hidden" name="token" value="{html.escape(token)}">'
        '<label>Password <input type="password" name="password" autocomplete="new-password" '
        f'minlength="{MIN_PASSWORD}" required></label>'
        '<label>The same again <input type="password" name="again" '
        'autocomplete="new-password" required></label>'
        '<button type="submit">Set my password</button></form>'
    )
    return _page("Choose your password", body, status)


def password_page(services: Services) -> Route:
    invites = services.invites

    async def page(request: Request) -> Response:
        if request.method == "GET":
            token = request.query_params.get("token", "")
            holder = await run_in_threadpool(invites.holder, token)
            return _form(token, holder.name) if holder else _spent()
        fields = await form_fields(request, MAX_BODY, max_fields=10)
        if fields is None:
            return _page("Too much", "<p>That was more than this form sends.</p>", 413)
        token = fields.get("token", "")
        holder = await run_in_threadpool(invites.holder, token)
        if holder is None:
            return _spent()
        password = fields.get("password", "")
        if password != fields.get("again", ""):
            return _form(token, holder.name, "The two passwords differ: type them again.", 400)
        try:
            account = await run_in_threadpool(invites.redeem, token, password)
        except AccountError as error:
            if str(error) == SPENT:
                return _spent()
            return _form(token, holder.name, str(error), 400)
        body = (
            f"<p>Your password is set. Sign in as <strong>{html.escape(account.name)}</strong> "
            'on the <a href="/">practice page</a> (Sign in, at the top).</p>'
        )
        return _page("Password set", body)

    return Route(LINK_PATH, page, methods=["GET", "POST"])

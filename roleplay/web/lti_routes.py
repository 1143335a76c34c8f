"""The app's LTI 1.3 endpoints beside Gradio's: the tool's JWKS, the OIDC login a platform
starts, the launch it posts back, and the page where an instructor picks a scenario (deep
linking). ``pylti1p3`` checks every launch (signature against the platform's JWKS, issuer,
client id, deployment, expiry, a nonce used once, the state cookie); this module only adapts
Starlette to it, and answers a refused launch with a page that says why.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Any
from urllib.parse import urlsplit

from pylti1p3.cookie import CookieService
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.lineitem import LineItem
from pylti1p3.message_launch import MessageLaunch
from pylti1p3.oidc_login import OIDCLogin
from pylti1p3.redirect import Redirect
from pylti1p3.request import Request as LtiRequest
from pylti1p3.session import SessionService
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from roleplay.coaching.lti.keys import jwks
from roleplay.coaching.lti.launches import Launches
from roleplay.coaching.lti.platforms import Platforms, TimedSession
from roleplay.coaching.lti.storage import DatabaseLaunchStorage
from roleplay.web.form_body import form_fields
from roleplay.web.services import Services

log = logging.getLogger(__name__)
MAX_BODY = 64 * 1024
LAUNCH_PATH = "/lti/launch"
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class _Request(LtiRequest):
    def __init__(self, request: Request, params: dict[str, str]):
        self._request, self._params = request, params

    @property
    def session(self) -> dict[str, Any]:
        return {}

    def is_secure(self) -> bool:
        return self._request.url.scheme == "https"

    def get_param(self, key: str) -> str:
        return self._params.get(key)  # type: ignore[return-value]

    def get_cookie(self, key: str) -> str | None:
        return self._request.cookies.get(key)


class _Cookies(CookieService):
    def __init__(self, request: _Request):
        self._request = request
        self._set: dict[str, tuple[str, int]] = {}

    def _key(self, name: str) -> str:
        return f"{self._cookie_prefix}-{name}"

    def get_cookie(self, name: str) -> str | None:
        return self._request.get_cookie(self._key(name))

    def set_cookie(self, name: str, value: str | int, exp: int | None = 3600) -> None:
        self._set[self._key(name)] = (str(value), exp or 3600)

    def apply(self, response: Response) -> Response:
        secure = self._request.is_secure()
        for key, (value, age) in self._set.items():
            # Cross-site (the platform posts the launch) needs SameSite=None, which needs https.
            response.set_cookie(
                key,
                value,
                max_age=age,
                path="/",
                httponly=True,
                secure=secure,
                samesite="none" if secure else "lax",
            )
        return response


class _Redirect(Redirect[Response]):
    def __init__(self, location: str, cookies: _Cookies):
        self._location, self._cookies = location, cookies

    def do_redirect(self) -> Response:
        return self._cookies.apply(RedirectResponse(self._location, status_code=302))

    def do_js_redirect(self) -> Response:
        return self.do_redirect()

    def set_redirect_url(self, location: str) -> None:
        self._location = location

    def get_redirect_url(self) -> str:
        return self._location


class _Login(OIDCLogin):
    def get_redirect(self, url: str) -> _Redirect:
        return _Redirect(url, self._cookie_service)


class _Launch(MessageLaunch):
    def _get_request_param(self, key: str) -> str:
        return self._request.get_param(key)


def _page(title: str, body: str, status: int = 200, form_to: str = "") -> HTMLResponse:
    action = form_to or "'none'"
    headers = {
        **HEADERS,
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
        f"base-uri 'none'; form-action {action}",
    }
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>body {{ font: 16px/1.5 system-ui; "
        "max-width: 36rem; margin: 2rem auto; padding: 0 1rem; }</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(page, status_code=status, headers=headers)


def _refused(why: str) -> HTMLResponse:
    return _page(
        "This launch was refused",
        f"<p>{html.escape(why)}</p><p>Open the activity again from your course. If it keeps "
        "happening, ask the course's administrator to check the app's LTI registration.</p>",
        400,
    )


async def _params(request: Request) -> dict[str, str] | None:
    if request.method == "GET":
        return dict(request.query_params.items())
    return await form_fields(request, MAX_BODY, max_fields=50)


def lti_routes(services: Services) -> list[Route]:
    factory = services.history.factory
    platforms, launches = Platforms(factory), Launches(factory)

    def login(request: Request, params: dict[str, str]) -> Response:
        lti_request, sessions, cookies, _ = _lti_parts(factory, request, params)
        oidc = _Login(lti_request, platforms.tool_conf(), sessions, cookies)
        return oidc.redirect(_launch_url(request))

    def launch(request: Request, params: dict[str, str]) -> Response:
        lti_request, sessions, cookies, _ = _lti_parts(factory, request, params)
        message = _Launch(
            lti_request,
            platforms.tool_conf(),
            sessions,
            cookies,
            requests_session=TimedSession(),
        )
        body = dict(message.get_launch_data())  # validates it, or raises
        launched = launches.arrive(body)
        if launched.account.role == "coach" and message.has_nrps():
            _sync_roster(launches, message, body)
        if launched.deep_linking:
            return _picker(services, message, launched.account)
        # What the launch allows for grades, for when the attempt is scored.
        services.lti_grades.remember(launched.account.id, launched.scenario, body)
        code = launches.handoff(launched)
        return RedirectResponse(f"/?lti={code}", status_code=303)

    async def endpoint(request: Request) -> Response:
        params = await _params(request)
        if params is None:
            return _refused("That request was larger than any launch.")
        work = login if request.url.path.endswith("/login") else launch
        try:
            return await run_in_threadpool(work, request, params)
        except Exception as error:  # pylti1p3 raises plain exceptions for a refused launch
            return _refused(_why(error))

    async def key_set(_request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(jwks, factory), headers=HEADERS)

    async def picked(request: Request) -> Response:
        params = await _params(request)
        if params is None:
            return _refused("That request was larger than this form sends.")
        try:
            return await run_in_threadpool(_deep_link_answer, services, request, params)
        except Exception as error:
            return _refused(_why(error))

    return [
        Route("/lti/jwks", key_set, methods=["GET"]),
        Route("/lti/login", endpoint, methods=["GET", "POST"]),
        Route(LAUNCH_PATH, endpoint, methods=["POST"]),
        Route("/lti/deep-link", picked, methods=["POST"]),
    ]


def _lti_parts(
    factory: Any, request: Request, params: dict[str, str]
) -> tuple[_Request, SessionService, _Cookies, DatabaseLaunchStorage]:
    """What pylti1p3 works with for one request: the request, its session service on the
    database's launch storage, and its cookies."""
    lti_request = _Request(request, params)
    storage = DatabaseLaunchStorage(factory)
    sessions = SessionService(lti_request)
    sessions.set_data_storage(storage)
    return lti_request, sessions, _Cookies(lti_request), storage


def _launch_url(request: Request) -> str:
    """Where launches come back to, on the address the platform reached the app at."""
    return str(request.base_url).rstrip("/") + LAUNCH_PATH


def _sync_roster(launches: Launches, message: MessageLaunch, body: dict[str, Any]) -> None:
    """The course's learners into its cohort; a platform that does not answer does not stop
    the instructor's launch (the roster is fetched again at their next one)."""
    try:
        members = message.get_nrps().get_members()
    except Exception as error:
        log.warning("course roster not fetched from %s: %s", body.get("iss"), error)
        return
    launches.add_members(body, list(members))


def _why(error: Exception) -> str:
    text = (str(error) or error.__class__.__name__).splitlines()[0]
    if "not found in settings" in text:
        # pylti1p3's words for an issuer or client id nobody registered.
        return (
            "The platform or the client id this launch names is not registered here "
            "(roleplay lti add-platform registers one)."
        )
    return text[:300]


def _picker(services: Services, message: MessageLaunch, coach: Any) -> Response:
    """The instructor's choice of scenario for the course's new activity."""
    if coach.role != "coach":
        raise PermissionError("Only an instructor can add an activity.")
    scenarios = services.catalogue.list(coach)
    if not scenarios:
        return _page(
            "No scenario yet",
            "<p>Write a scenario in the app first (Coach tab), then add the activity again.</p>",
        )
    options = "".join(
        f'<label><input type="radio" name="scenario" value="{html.escape(s.code)}" required> '
        f"{html.escape(s.spec.title)}</label><br>"
        for s in scenarios
    )
    body = (
        '<form method="post" action="/lti/deep-link">'
        f'<input type="hidden" name="launch" value="{html.escape(message.get_launch_id())}">'
        f"<p>Which scenario should this activity open?</p>{options}"
        '<p><button type="submit">Add it to the course</button></p></form>'
    )
    return _page("Add a practice interview", body, form_to="'self'")


def _deep_link_answer(services: Services, request: Request, params: dict[str, str]) -> Response:
    """The signed answer the platform receives: a link that launches the scenario, scored out
    of 100 in the gradebook."""
    factory = services.history.factory
    lti_request, sessions, cookies, storage = _lti_parts(factory, request, params)
    launch_id = params.get("launch", "")
    if not launch_id.startswith("lti1p3-launch-") or len(launch_id) > 100:
        raise PermissionError("That activity form has expired: add the activity again.")
    message = _Launch.from_cache(
        launch_id, lti_request, Platforms(factory).tool_conf(), sessions, cookies, storage
    )
    body = dict(message.get_launch_data() or {})
    if not body or not message.is_deep_link_launch():
        raise PermissionError("That activity form has expired: add the activity again.")
    launched = Launches(factory).arrive(body)
    scenario = services.catalogue.owned(launched.account, params.get("scenario", ""))
    if launched.cohort:
        services.assignments.assign(launched.account, launched.cohort, scenario)
    resource = (
        DeepLinkResource()
        .set_url(_launch_url(request))
        .set_title(scenario.spec.title)
        .set_custom_params({"scenario": scenario.code})
        .set_lineitem(
            LineItem()
            .set_score_maximum(100)
            .set_label(scenario.spec.title)
            .set_resource_id(scenario.code)
        )
    )
    deep_link = message.get_deep_link()
    token = deep_link.get_response_jwt([resource])
    return_url = body["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"][
        "deep_link_return_url"
    ]
    parts = urlsplit(return_url)
    # A header value: only a plain origin, never anything that could add a directive.
    plain = parts.scheme in ("https", "http") and re.fullmatch(
        r"[A-Za-z0-9.-]+(:\d+)?", parts.netloc
    )
    origin = f"{parts.scheme}://{parts.netloc}" if plain else "'none'"
    body = (
        f'<form method="post" action="{html.escape(return_url)}">'
        f'<input type="hidden" name="JWT" value="{html.escape(token)}">'
        f"<p>{html.escape(scenario.spec.title)} is ready for your course.</p>"
        '<button type="submit">Return to the course</button></form>'
    )
    return _page("Activity ready", body, form_to=origin)

"""A learning platform for the LTI tests, written on PyJWT and cryptography (maintained JOSE
libraries) and served over real HTTP on loopback: its JWKS, the OIDC authorisation endpoint that
answers a tool's login with a signed id_token, an OAuth2 token endpoint that checks the tool's
signed client assertion against the tool's JWKS, a gradebook (Assignment and Grade Services line
items and scores) that checks the bearer token, the deep-linking return that checks the tool's
signed answer, and the Names and Role Provisioning roster.

It is a platform as the LTI 1.3 specification describes one, written from the specification
without reading the tool's code; it also forges what an attacker would send.
"""

from __future__ import annotations

import html
import re
import secrets
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import jwt
import uvicorn
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from tests.support.servers import free_port

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@dataclass
class Person:
    sub: str
    name: str
    email: str
    roles: list[str]


@dataclass
class Platform:
    """One platform with one course, one deployment and one registered tool."""

    url: str = ""
    tool_url: str = ""
    client_id: str = "roleplay-tool"
    deployment_id: str = "deployment-1"
    course: dict[str, str] = field(
        default_factory=lambda: {"id": "course-101", "title": "Careers 101", "label": "CAR101"}
    )
    key: rsa.RSAPrivateKey = field(default_factory=new_key)
    kid: str = "platform-key-1"
    people: dict[str, Person] = field(default_factory=dict)
    # resource link id -> the content item the tool returned for it (deep linking).
    links: dict[str, dict[str, Any]] = field(default_factory=dict)
    # line item id -> its fields; and its scores, newest last.
    lineitems: dict[str, dict[str, Any]] = field(default_factory=dict)
    scores: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    tokens: set[str] = field(default_factory=set)
    refused: list[str] = field(default_factory=list)

    @property
    def issuer(self) -> str:
        return self.url

    # -- what the platform signs -------------------------------------------------------------

    def claims(self, person: Person, message: str, nonce: str) -> dict[str, Any]:
        now = int(time.time())
        body: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": person.sub,
            "exp": now + 300,
            "iat": now,
            "nonce": nonce,
            "name": person.name,
            "email": person.email,
            CLAIM + "deployment_id": self.deployment_id,
            CLAIM + "version": "1.3.0",
            CLAIM + "roles": person.roles,
            CLAIM + "context": self.course,
            CLAIM + "target_link_uri": f"{self.tool_url}/lti/launch",
            NRPS: {
                "context_memberships_url": f"{self.url}/courses/{self.course['id']}/members",
                "service_versions": ["2.0"],
            },
        }
        if message == "deep-link":
            body[CLAIM + "message_type"] = "LtiDeepLinkingRequest"
            body[DL + "deep_linking_settings"] = {
                "deep_link_return_url": f"{self.url}/deep-link-return",
                "accept_types": ["ltiResourceLink"],
                "accept_presentation_document_targets": ["iframe", "window"],
                "accept_multiple": False,
                "data": "opaque-data-1",
            }
        else:
            link = self.links[message]
            body[CLAIM + "message_type"] = "LtiResourceLinkRequest"
            body[CLAIM + "resource_link"] = {"id": message, "title": link.get("title", "")}
            body[CLAIM + "custom"] = link.get("custom", {})
            body[AGS] = {
                "scope": [LINEITEM_SCOPE, SCORE_SCOPE],
                "lineitems": f"{self.url}/lineitems",
                "lineitem": f"{self.url}/lineitems/{link['lineitem']}",
            }
        return body

    def sign(self, body: dict[str, Any], key: rsa.RSAPrivateKey | None = None) -> str:
        return jwt.encode(body, pem(key or self.key), "RS256", headers={"kid": self.kid})

    def jwks(self) -> dict[str, Any]:
        public = RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**public, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def login_url(self, sub: str, message: str) -> str:
        """What a launch link on the platform opens: the tool's OIDC login initiation."""
        query = {
            "iss": self.issuer,
            "login_hint": sub,
            "target_link_uri": f"{self.tool_url}/lti/launch",
            "lti_message_hint": message,
            "client_id": self.client_id,
            "lti_deployment_id": self.deployment_id,
        }
        return f"{self.tool_url}/lti/login?{urlencode(query)}"

    # -- what the platform checks ------------------------------------------------------------

    def tool_key(self, token: str) -> Any:
        keys = httpx.get(f"{self.tool_url}/lti/jwks", timeout=10).json()["keys"]
        kid = jwt.get_unverified_header(token).get("kid")
        [found] = [k for k in keys if k.get("kid") == kid]
        return RSAAlgorithm.from_jwk(found)

    def app(self) -> Starlette:
        async def keys(_: Request) -> Response:
            return JSONResponse(self.jwks())

        async def authorise(request: Request) -> Response:
            q = request.query_params
            person = self.people.get(q.get("login_hint", ""))
            problems = [
                q.get("client_id") != self.client_id and "client_id",
                q.get("redirect_uri") != f"{self.tool_url}/lti/launch" and "redirect_uri",
                q.get("response_type") != "id_token" and "response_type",
                q.get("scope") != "openid" and "scope",
                not q.get("nonce") and "nonce",
                person is None and "login_hint",
            ]
            problems = [p for p in problems if p]
            if problems:
                self.refused.append(f"auth: {problems}")
                return Response(f"refused: {problems}", status_code=400)
            token = self.sign(self.claims(person, q["lti_message_hint"], q["nonce"]))
            return HTMLResponse(launch_form(q["redirect_uri"], token, q.get("state", "")))

        async def token(request: Request) -> Response:
            form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
            assertion = form.get("client_assertion", "")
            try:
                claims = jwt.decode(
                    assertion,
                    self.tool_key(assertion),
                    algorithms=["RS256"],
                    audience=f"{self.url}/token",
                )
                assert claims["iss"] == claims["sub"] == self.client_id
                assert form.get("grant_type") == "client_credentials"
            except Exception as error:  # refused, as a platform would
                self.refused.append(f"token: {error!r}")
                return JSONResponse({"error": "invalid_client"}, status_code=401)
            issued = secrets.token_urlsafe(16)
            self.tokens.add(issued)
            return JSONResponse(
                {
                    "access_token": issued,
                    "token_type": "Bearer",
                    "expires_in": 3600,
                    "scope": form.get("scope", ""),
                }
            )

        def authorised(request: Request) -> bool:
            given = request.headers.get("authorization", "").removeprefix("Bearer ")
            return given in self.tokens

        async def lineitems(request: Request) -> Response:
            if not authorised(request):
                return Response(status_code=401)
            return JSONResponse(
                [{"id": f"{self.url}/lineitems/{i}", **item} for i, item in self.lineitems.items()],
                media_type="application/vnd.ims.lis.v2.lineitemcontainer+json",
            )

        async def lineitem(request: Request) -> Response:
            if not authorised(request):
                return Response(status_code=401)
            item = request.path_params["item"]
            return JSONResponse({"id": f"{self.url}/lineitems/{item}", **self.lineitems[item]})

        async def scores(request: Request) -> Response:
            if not authorised(request):
                self.refused.append("scores: no token")
                return Response(status_code=401)
            item = request.path_params["item"]
            self.scores.setdefault(item, []).append(await request.json())
            return Response(status_code=200)

        async def deep_link_return(request: Request) -> Response:
            form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
            answer = form.get("JWT", "")
            claims = jwt.decode(
                answer, self.tool_key(answer), algorithms=["RS256"], audience=self.issuer
            )
            assert claims[CLAIM + "message_type"] == "LtiDeepLinkingResponse"
            assert claims[DL + "data"] == "opaque-data-1"
            for item in claims[DL + "content_items"]:
                link_id, item_id = f"link-{uuid.uuid4().hex[:8]}", uuid.uuid4().hex[:8]
                line = item.get("lineItem") or {}
                self.lineitems[item_id] = {
                    "label": line.get("label", item.get("title")),
                    "scoreMaximum": line.get("scoreMaximum", 100),
                    "resourceLinkId": link_id,
                }
                self.links[link_id] = {**item, "lineitem": item_id}
            return HTMLResponse("<p>Activity added.</p>")

        async def members(request: Request) -> Response:
            if not authorised(request):
                self.refused.append("members: no token")
                return Response(status_code=401)
            return JSONResponse(
                {
                    "id": f"{self.url}/courses/{self.course['id']}/members",
                    "context": self.course,
                    "members": [
                        {
                            "user_id": p.sub,
                            "name": p.name,
                            "email": p.email,
                            "roles": p.roles,
                            "status": "Active",
                        }
                        for p in self.people.values()
                    ],
                },
                media_type="application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
            )

        return Starlette(
            routes=[
                Route("/jwks", keys),
                Route("/auth", authorise),
                Route("/token", token, methods=["POST"]),
                Route("/lineitems", lineitems),
                Route("/lineitems/{item}", lineitem),
                Route("/lineitems/{item}/scores", scores, methods=["POST"]),
                Route("/deep-link-return", deep_link_return, methods=["POST"]),
                Route("/courses/{course}/members", members),
            ]
        )

    def registration(self) -> dict[str, str]:
        """What ``roleplay lti add-platform`` is given for this platform."""
        return {
            "issuer": self.issuer,
            "client_id": self.client_id,
            "deployment_id": self.deployment_id,
            "auth_login_url": f"{self.url}/auth",
            "auth_token_url": f"{self.url}/token",
            "key_set_url": f"{self.url}/jwks",
        }


def launch_form(action: str, id_token: str, state: str) -> str:
    """The auto-posting form a platform answers an authorisation with (form_post)."""
    return (
        f'<form id="launch" method="post" action="{html.escape(action)}">'
        f'<input type="hidden" name="id_token" value="{html.escape(id_token)}">'
        f'<input type="hidden" name="state" value="{html.escape(state)}"></form>'
        "<script>document.getElementById('launch').submit()</script>"
    )


def form_fields(page: str) -> dict[str, str]:
    return dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page))


@contextmanager
def serve_platform(tool_url: str) -> Iterator[Platform]:
    platform = Platform(tool_url=tool_url.rstrip("/"))
    port = free_port()
    platform.url = f"http://127.0.0.1:{port}"
    server = uvicorn.Server(
        uvicorn.Config(platform.app(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield platform
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def launch(platform: Platform, client: httpx.Client, sub: str, message: str) -> httpx.Response:
    """A user clicks the activity: login initiation, the platform's authorisation, the launch
    post. Returns the tool's answer to the launch."""
    login = client.get(platform.login_url(sub, message))
    assert login.status_code == 302, login.text
    location = login.headers["location"]
    assert location.startswith(f"{platform.url}/auth?"), location
    authorised = httpx.get(location, timeout=10)
    assert authorised.status_code == 200, authorised.text
    fields = form_fields(authorised.text)
    return client.post(f"{platform.tool_url}/lti/launch", data=fields)


def state_of(location: str) -> str:
    return parse_qs(urlsplit(location).query)["state"][0]

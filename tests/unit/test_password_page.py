"""The page a learner's one-time link opens, in process over the app's own SQLite: it asks for a
password twice, sets it once, and refuses a spent, guessed or oversized request plainly."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from roleplay.coaching.accounts import Accounts
from roleplay.coaching.invites import Invites
from roleplay.core.settings import Settings
from roleplay.history.database import open_database
from roleplay.web.password_page import password_page


@pytest.fixture
def factory():
    return open_database(Settings())


@pytest.fixture
def invites(factory) -> Invites:
    return Invites(factory)


@pytest.fixture
def token(factory, invites: Invites) -> str:
    from datetime import UTC, datetime

    from roleplay.history.tables import User

    with factory() as db:
        user = User(name="zoe", role="learner", created_at=datetime.now(UTC))
        db.add(user)
        db.commit()
        return invites.issue(user.id)


@pytest.fixture
def client(invites: Invites) -> TestClient:
    app = Starlette(routes=[password_page(SimpleNamespace(invites=invites))])
    return TestClient(app)


def send(client: TestClient, token: str, password: str, again: str | None = None):
    data = {"token": token, "password": password, "again": password if again is None else again}
    return client.post("/set-password", data=data)


def test_the_link_opens_a_form_naming_the_account(client: TestClient, token: str) -> None:
    page = client.get(f"/set-password?token={token}")
    assert page.status_code == 200
    assert "<strong>zoe</strong>" in page.text and 'type="password"' in page.text
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"


def test_sending_it_sets_the_password_once(client: TestClient, token: str, factory) -> None:
    done = send(client, token, "zoe's password")
    assert done.status_code == 200 and "Password set" in done.text
    assert token not in done.text
    assert Accounts(factory).authenticate("zoe", "zoe's password").name == "zoe"
    again = send(client, token, "another password")
    assert again.status_code == 404 and "used or has expired" in again.text
    assert client.get(f"/set-password?token={token}").status_code == 404


def test_two_different_passwords_are_asked_again(client: TestClient, token: str) -> None:
    page = send(client, token, "first password", "second password")
    assert page.status_code == 400 and "differ" in page.text
    assert send(client, token, "short").status_code == 400
    assert send(client, token, "finally long enough").status_code == 200


@pytest.mark.parametrize("guess", ["", "guessed", "x" * 300])
def test_a_guessed_token_opens_nothing(client: TestClient, token: str, guess: str) -> None:
    assert client.get(f"/set-password?token={guess}").status_code == 404
    assert send(client, guess, "a long enough password").status_code == 404


def test_an_oversized_body_is_refused_unread(client: TestClient, token: str) -> None:
    page = client.post("/set-password", content=b"token=" + b"x" * 20000)
    assert page.status_code == 413

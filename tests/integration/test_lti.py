"""LTI 1.3 end to end over real HTTP, between the app (served in this process on the scripted
model) and a learning platform (tests/support/lti_platform.py): an instructor adds a scenario to
the course by deep linking, a learner launches it, is signed in and attempts it, and the score
reaches the platform's gradebook; a forged, expired, replayed or wrong-audience launch is
refused. On SQLite and on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from roleplay.coaching.lti.platforms import Platform as Registered
from roleplay.coaching.scenarios import ScenarioSpec
from tests.support.coaching import finished_attempt
from tests.support.lti_platform import (
    INSTRUCTOR,
    LEARNER,
    Person,
    Platform,
    form_fields,
    launch,
    serve_platform,
)
from tests.support.webapp import RunningApp, running_app

SPEC = ScenarioSpec(
    title="Analyst at Quillon",
    persona="anxious-hiring-manager",
    company="Quillon Robotics",
    role="Field Data Analyst",
    turns=1,
)


@dataclass
class World:
    app: RunningApp
    platform: Platform

    @property
    def tool(self) -> str:
        return self.app.url.rstrip("/")

    def browser(self) -> httpx.Client:
        """One person's browser: its own cookies, redirects not followed (the test reads them)."""
        return httpx.Client(timeout=60)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[World]:
    settings = {}
    if request.param == "postgresql":
        from tests.support.servers import fresh_database

        settings["database_url"] = fresh_database(request.getfixturevalue("postgres"))
    with running_app(tmp_path_factory.mktemp("lti") / "data", **settings) as app:
        with serve_platform(app.url) as platform:
            registration = platform.registration()
            app.services.lti_platforms.add(
                Registered(
                    issuer=registration["issuer"],
                    client_id=registration["client_id"],
                    deployment_ids=(registration["deployment_id"],),
                    auth_login_url=registration["auth_login_url"],
                    auth_token_url=registration["auth_token_url"],
                    key_set_url=registration["key_set_url"],
                )
            )
            platform.people = {
                "t-1": Person("t-1", "Tess Teacher", "tess@uni.example", [INSTRUCTOR]),
                "s-1": Person("s-1", "Sam Student", "sam@uni.example", [LEARNER]),
                # On the course's roster, never launched.
                "s-2": Person("s-2", "Nia Never", "nia@uni.example", [LEARNER]),
            }
            yield World(app, platform)


@pytest.fixture(scope="module")
def activity(world: World) -> str:
    """The instructor adds the activity: a deep-linking launch, their scenario picked, the
    signed answer posted back to the platform. Returns the platform's resource link id."""
    platform = world.platform
    with world.browser() as tess:
        first = launch(platform, tess, "t-1", "deep-link")
        assert "No scenario yet" in first.text  # a new instructor has written none
        coach = world.app.services.accounts
        account = next(a for a in coach.list() if a.name == "tess@uni.example")
        assert account.role == "coach"
        world.app.services.catalogue.create(account, SPEC)
        picker = launch(platform, tess, "t-1", "deep-link")
        assert "Which scenario should this activity open?" in picker.text, picker.text
        fields = form_fields(picker.text)
        code = next(c.code for c in world.app.services.catalogue.list(account))
        ready = tess.post(
            f"{world.tool}/lti/deep-link", data={"launch": fields["launch"], "scenario": code}
        )
        assert "is ready for your course" in ready.text, ready.text
        answer = form_fields(ready.text)
        back = httpx.post(f"{platform.url}/deep-link-return", data=answer, timeout=10)
        assert back.status_code == 200, back.text
    [link] = platform.links
    return link


def test_deep_linking_puts_the_scenario_in_the_course(world: World, activity: str) -> None:
    item = world.platform.links[activity]
    assert item["title"] == "Analyst at Quillon"
    assert item["url"] == f"{world.tool}/lti/launch"
    assert item["lineItem"]["scoreMaximum"] == 100
    code = item["custom"]["scenario"]
    assert world.app.services.catalogue.get(code).spec.title == "Analyst at Quillon"


def test_the_instructors_launch_brings_the_course_roster_into_its_cohort(
    world: World, activity: str
) -> None:
    services = world.app.services
    tess = next(a for a in services.accounts.list() if a.name == "tess@uni.example")
    members = {m.name: m for m in services.cohorts.members(tess, "Careers 101")}
    assert "nia@uni.example" in members  # on the roster, never launched
    assert members["nia@uni.example"].full_name == "Nia Never"
    assert "tess@uni.example" not in members  # the instructor coaches it


def test_a_learner_launch_signs_the_page_in_on_the_scenario(world: World, activity: str) -> None:
    with world.browser() as sam:
        landed = launch(world.platform, sam, "s-1", activity)
    assert landed.status_code == 303, landed.text
    location = landed.headers["location"]
    assert location.startswith("/?lti=")
    account, scenario = world.app.services.lti_launches.take_handoff(location.split("=", 1)[1])
    assert (account.name, account.role) == ("sam@uni.example", "learner")
    assert scenario == world.platform.links[activity]["custom"]["scenario"]
    # The code signs in once only.
    assert world.app.services.lti_launches.take_handoff(location.split("=", 1)[1]) is None
    [assigned] = world.app.services.assignments.assigned_to(account)
    assert (assigned.cohort, assigned.title) == ("Careers 101", "Analyst at Quillon")


def replayable(world: World, activity: str) -> tuple[httpx.Client, dict[str, str]]:
    """A learner's browser part-way (opened: the caller closes it): logged in at the tool, the
    platform's signed form in hand."""
    browser = world.browser()
    login = browser.get(world.platform.login_url("s-1", activity))
    authorised = httpx.get(login.headers["location"], timeout=10)
    return browser, form_fields(authorised.text)


def test_the_same_launch_cannot_be_sent_twice(world: World, activity: str) -> None:
    browser, fields = replayable(world, activity)
    assert browser.post(f"{world.tool}/lti/launch", data=fields).status_code == 303
    again = browser.post(f"{world.tool}/lti/launch", data=fields)
    browser.close()
    assert again.status_code == 400 and "Invalid Nonce" in again.text


def forged(world: World, activity: str, change) -> httpx.Response:
    """A launch whose id_token was re-signed after ``change`` was made to its claims."""
    import jwt

    browser, fields = replayable(world, activity)
    claims = jwt.decode(fields["id_token"], options={"verify_signature": False})
    key = change(claims)
    fields["id_token"] = world.platform.sign(claims, key)
    answer = browser.post(f"{world.tool}/lti/launch", data=fields)
    browser.close()
    return answer


def test_a_token_signed_with_another_key_is_refused(world: World, activity: str) -> None:
    from tests.support.lti_platform import new_key

    refused = forged(world, activity, lambda claims: new_key())
    assert refused.status_code == 400 and "Signature verification failed" in refused.text


def test_an_expired_token_is_refused(world: World, activity: str) -> None:
    def expire(claims):
        claims["exp"] = claims["iat"] - 60

    refused = forged(world, activity, expire)
    assert refused.status_code == 400 and "expired" in refused.text.lower()


def test_a_token_for_another_tool_is_refused(world: World, activity: str) -> None:
    def retarget(claims):
        claims["aud"] = "some-other-tool"

    refused = forged(world, activity, retarget)
    assert refused.status_code == 400 and "not registered here" in refused.text


def test_an_unregistered_deployment_is_refused(world: World, activity: str) -> None:
    def redeploy(claims):
        claims["https://purl.imsglobal.org/spec/lti/claim/deployment_id"] = "deployment-9"

    refused = forged(world, activity, redeploy)
    assert refused.status_code == 400 and "deployment" in refused.text.lower()


def test_a_launch_without_its_login_state_is_refused(world: World, activity: str) -> None:
    browser, fields = replayable(world, activity)
    browser.close()
    with world.browser() as stranger:  # another browser: no state cookie
        refused = stranger.post(f"{world.tool}/lti/launch", data=fields)
    assert refused.status_code == 400 and "State not found" in refused.text


def test_the_tools_jwks_is_served(world: World) -> None:
    keys = httpx.get(f"{world.tool}/lti/jwks", timeout=10).json()["keys"]
    assert keys[0]["kty"] == "RSA" and "d" not in keys[0]  # the public half only


def test_an_attempt_sends_its_score_to_the_gradebook(world: World, activity: str) -> None:
    services = world.app.services
    with world.browser() as sam:
        landed = launch(world.platform, sam, "s-1", activity)
    account, code = services.lti_launches.take_handoff(landed.headers["location"].split("=")[1])
    scenario = services.catalogue.get(code)
    session_id = finished_attempt(services, account, scenario, overall=62.5)
    assert services.lti_grades.send(session_id) is True
    [item] = world.platform.lineitems
    score = world.platform.scores[item][-1]
    assert (score["scoreGiven"], score["scoreMaximum"], score["userId"]) == (62.5, 100, "s-1")
    assert score["gradingProgress"] == "FullyGraded"


def test_nothing_is_sent_for_an_attempt_made_outside_the_course(
    world: World, activity: str, tmp_path: Path
) -> None:
    services = world.app.services
    learner = services.accounts.add("walk-in", "learner", "a long password")
    scenario = services.catalogue.get(world.platform.links[activity]["custom"]["scenario"])
    assert services.lti_grades.send(finished_attempt(services, learner, scenario, 80.0)) is False

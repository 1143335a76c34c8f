"""A learner's assignments on the page: signed in, they see what their cohorts assigned, when
it is due and what they have done, and choosing one opens it as its link would. Run in this
process on the scripted model, through gradio_client and the raw queue API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from gradio_client import Client

from roleplay.coaching.scenarios import ScenarioSpec
from tests.support.builders import PASSWORD, add_cast
from tests.support.rawqueue import EventError, RawClient
from tests.support.webapp import RunningApp

SPEC = ScenarioSpec(
    title="Coffee with Jordan",
    persona="relaxed-industry-leader",
    company="Quillon Robotics",
    role="Field Data Analyst",
    turns=1,
)


@pytest.fixture(scope="module")
def cohort(served: RunningApp) -> str:
    """Ana's cohort with Leo in it and her scenario assigned, due tomorrow; Mia in none."""
    services = served.services
    people = add_cast(services.accounts)
    ana = people["ana"]
    scenario = services.catalogue.create(ana, SPEC)
    services.cohorts.create(ana, "Spring")
    services.cohorts.add(ana, "Spring", "leo")
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    services.assignments.assign(ana, "Spring", scenario, tomorrow)
    return scenario.code


def signed_in(client: Client, who: str) -> str:
    return str(client.predict(who, PASSWORD, api_name="/sign_in"))


def test_a_learner_sees_their_assignments_when_signed_in(cohort: str, new_browser) -> None:
    page = signed_in(new_browser(), "leo")
    assert "Your assignments" in page and "Coffee with Jordan" in page
    assert "to do" in page


def test_a_learner_in_no_cohort_sees_no_list(cohort: str, new_browser) -> None:
    assert "Your assignments" not in signed_in(new_browser(), "mia")


def picker(raw: RawClient) -> int:
    """The fn_index of choosing an assignment (a private event: found by its trigger)."""
    config = raw.http.get("/config").json()
    [pick] = [
        c["id"]
        for c in config["components"]
        if c.get("props", {}).get("elem_id") == "assigned-pick"
    ]
    [found] = [
        d["id"]
        for d in config["dependencies"]
        if [pick, "input"] in [list(t) for t in d["targets"]]
    ]
    return found


def test_choosing_an_assignment_opens_it_and_a_forged_choice_does_not(
    served: RunningApp, cohort: str
) -> None:
    raw = RawClient(served.url)
    raw.open_page()
    raw.call("sign_in", "leo", PASSWORD, None)
    opened = raw.call(picker(raw), cohort, None)
    assert "Coffee with Jordan" in str(opened[4])
    # Anything else is refused before our handler runs (and the handler checks it again).
    with pytest.raises(EventError, match="not in the list of choices"):
        raw.call(picker(raw), "![x](http://127.0.0.1:9/x)", None)

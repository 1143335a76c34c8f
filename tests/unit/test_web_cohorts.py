"""The coach's cohorts through the live app's endpoints, in this process on the scripted model:
a cohort from a roster with one-time links, an assignment, a learner's attempt in the report,
and every cohort endpoint refused to anyone but the cohort's own coach."""

from __future__ import annotations

from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from roleplay.coaching.scenarios import ScenarioSpec
from tests.support.builders import PASSWORD, add_cast
from tests.support.rawqueue import EventError, RawClient
from tests.support.webapp import RunningApp
from tests.support.webclients import Browsers, rows_of, send

ROSTER = "name,email\nAda Lovelace,ada@example.org\nBad Row,nope\n"
SPEC = ScenarioSpec(
    title="Analyst at Quillon",
    persona="anxious-hiring-manager",
    company="Quillon Robotics",
    role="Field Data Analyst",
    turns=1,
)


def signed_in(client: Client, who: str, password: str = PASSWORD) -> Client:
    result = client.predict(who, password, api_name="/sign_in")
    assert f"Signed in as **{who}**" in str(result), result
    return client


class Cohort:
    def __init__(self, served: RunningApp, browsers: Browsers, tmp: Path):
        services = served.services
        people = add_cast(services.accounts)
        self.code = services.catalogue.create(people["ana"], SPEC).code
        self.ana = signed_in(browsers.open(), "ana")
        status, _pick, _name = self.ana.predict("Spring", api_name="/cohort_create")
        assert "Made the cohort **Spring**" in status, status
        roster = tmp / "roster.csv"
        roster.write_text(ROSTER)
        self.imported = self.ana.predict(
            "Spring", handle_file(str(roster)), api_name="/cohort_import"
        )
        self.assigned = self.ana.predict(
            "Spring", self.code, "2030-01-31", api_name="/cohort_assign"
        )


@pytest.fixture(scope="module")
def cohort(served: RunningApp, browsers: Browsers, tmp_path_factory) -> Cohort:
    return Cohort(served, browsers, tmp_path_factory.mktemp("roster"))


def report(client: Client) -> tuple:
    return client.predict("Spring", api_name="/cohort_report")


def test_a_roster_adds_its_good_rows_and_gives_their_links(cohort: Cohort) -> None:
    status, links = cohort.imported
    assert "**1** learner(s) in the cohort (1 new); 1 row(s) skipped." in status
    assert "row 3: 'nope' is not an e-mail address." in status
    name, link = links.split("\t")
    assert name == "ada@example.org" and "/set-password?token=" in link


def test_an_assignment_says_when_it_is_due(cohort: Cohort) -> None:
    assert (
        cohort.assigned
        == "Assigned **Analyst at Quillon** to **Spring**, due 2030-01-31 23:59 UTC."
    )


def test_the_report_shows_who_has_not_attempted_yet(cohort: Cohort) -> None:
    _scenarios, members, summary, *_ = report(cohort.ana)
    assert rows_of(members)[0][:2] == ["ada@example.org", "Ada Lovelace"]
    assert "0 of 1 attempted · not yet: ada@example.org" in summary


def test_a_learner_who_set_a_password_attempts_and_the_report_counts_it(
    served: RunningApp, cohort: Cohort, new_browser
) -> None:
    _status, links = cohort.imported
    token = links.split("token=")[1]
    served.services.invites.redeem(token, "ada's password")
    ada = signed_in(new_browser(), "ada@example.org", "ada's password")
    ada.predict(cohort.code, api_name="/open_scenario")
    ada.predict(
        "anxious-hiring-manager",
        "Quillon Robotics",
        "Analyst",
        "Ada",
        "",
        "",
        9,
        60,
        api_name="/start",
    )
    send(ada, "I cut false alarms by a third at my last job by rebuilding the thresholds.")
    _scenarios, _members, summary, _criteria, _trend, _worries, progress, _quoted = report(
        cohort.ana
    )
    assert "1 of 1 attempted" in summary
    assert rows_of(progress)[0][2] == 1  # one attempt


@pytest.mark.parametrize("who", ["ben", "leo", None])
def test_nobody_but_its_coach_reaches_the_cohort(cohort: Cohort, new_browser, who) -> None:
    page = new_browser()
    if who:
        signed_in(page, who)
    _scenarios, members, summary, *_ = report(page)
    assert "Sign in as a coach first" in summary or "You have no cohort called 'Spring'" in summary
    assert rows_of(members) == []
    status, links = page.predict("Spring", "zoe", "", api_name="/cohort_add")
    assert "⚠️" in status and links == ""
    assert "⚠️" in page.predict("Spring", cohort.code, "", api_name="/cohort_assign")


@pytest.mark.parametrize("value", [None, "   ", "x" * 500])
def test_a_cohort_name_of_any_other_kind_is_refused(cohort: Cohort, value) -> None:
    status, _pick, _name = cohort.ana.predict(value, api_name="/cohort_create")
    assert "⚠️" in status


def test_a_due_date_that_is_not_one_is_named(cohort: Cohort) -> None:
    status = cohort.ana.predict("Spring", cohort.code, "next tuesday", api_name="/cohort_assign")
    assert "'next tuesday' is not a date" in status


def cohort_events(raw: RawClient) -> list[int]:
    """Every event of the cohort panel, the private ones included (by their fn_index)."""
    config = raw.http.get("/config").json()
    names = ("cohort_", "show")
    return [d["id"] for d in config["dependencies"] if str(d["api_name"]).startswith(names)]


@pytest.mark.parametrize("who", ["leo", "ben", None])
def test_no_cohort_event_shows_the_cohort_to_anyone_else(
    served: RunningApp, cohort: Cohort, who: str | None
) -> None:
    raw = RawClient(served.url)
    raw.open_page()
    if who:
        raw.call("sign_in", who, PASSWORD, None)
    events = cohort_events(raw)
    assert len(events) >= 8
    for fn_index in events:
        inputs = len(raw.http.get("/config").json()["dependencies"][fn_index]["inputs"])
        try:
            shown = raw.call(fn_index, "Spring", *[None] * (inputs - 1))
        except EventError as refused:
            shown = str(refused)
        assert "ada@example.org" not in str(shown), (fn_index, shown)

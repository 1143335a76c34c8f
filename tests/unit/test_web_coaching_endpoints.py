"""The web app's coaching endpoints (sign-in, scenarios, the coach's dashboard, attempts,
comments, release, exports) and what no client can reach, run in this process on a scripted
model and driven through gradio_client over loopback. The tests share a cast of accounts and a
scenario that its learner has already attempted.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

from tests.support.builders import PASSWORD, add_cast
from tests.support.rawqueue import RawClient
from tests.support.webapp import (
    SCENARIO_LINK,
    RunningApp,
)
from tests.support.webclients import (
    Browsers,
    choices_of,
    history_ids,
    rows_of,
    send,
)

PERSONA = "anxious-hiring-manager"


# -- coaching: a cast of accounts, and a scenario its learner has tried ----------------------


def sign_in(client: Client, who: str) -> Client:
    result = client.predict(who, PASSWORD, api_name="/sign_in")
    assert f"Signed in as **{who}**" in str(result), result
    return client


@dataclass
class Cast:
    """Two coaches and two learners, each with a page signed in for the whole module (tests
    that only act through an account share it; tests of signing in open pages of their own),
    Ana's scenario and Leo's finished attempt at it."""

    pages: dict[str, Client]
    code: str  # Ana's scenario: it allows sign-up and holds feedback until she releases it
    attempt: str

    def __getattr__(self, who: str) -> Client:
        try:
            return self.pages[who]
        except KeyError:
            raise AttributeError(who) from None


EDITOR = {
    "title": "Coffee with Jordan",
    "persona": "relaxed-industry-leader",
    "company": "Quillon Robotics",
    "role": "Field Data Analyst",
    "packs": [],
    "brief": "Jordan runs field data at Quillon Robotics. Find out what the work is like.",
    "objectives": "Ask one open question.",
    "turns": 1,
    "minutes": 20,
    "difficulty": "standard",
    "feedback": "after_review",
    "attempts": 2,
    "due": "",
    "signup": True,
    "rubric": "formal",
}


def save(client: Client, code: str | None = None, research: Any = None, **changes: Any) -> tuple:
    """Save a scenario from the editor; returns (status, scenario pick, link, research packs)."""
    fields = {**EDITOR, **changes}
    return client.predict(code, *fields.values(), research, api_name="/save_scenario")


def code_in(status: str) -> str:
    found = SCENARIO_LINK.search(status)
    assert found, status
    return found.group(1)


@pytest.fixture(scope="module")
def cast(served: RunningApp, browsers: Browsers) -> Cast:
    pages = {}
    for name in add_cast(served.services.accounts):
        pages[name] = browsers.open()
    status, *_ = save(sign_in(pages["ana"], "ana"))
    code = code_in(status)
    leo = pages["leo"]
    leo.predict(code, api_name="/open_scenario")
    sign_in(leo, "leo")
    # The page sends another interviewer, company and length: the scenario's own are used.
    leo.predict(PERSONA, "Evil Corp", "CEO", "Leo", "", "", 9, 60, api_name="/start")
    _chat, _sources, notice, _box = send(
        leo, "What surprised you most when you moved into robotics?"
    )
    assert notice == "", notice
    [attempt] = history_ids(leo)
    sign_in(pages["ben"], "ben")
    sign_in(pages["mia"], "mia")
    return Cast(pages, code, attempt)


def test_the_scenario_decides_the_learners_interview(served: RunningApp, cast: Cast) -> None:
    saved = served.services.history.load(cast.attempt)
    assert saved.persona_id == "relaxed-industry-leader"
    assert (saved.setting.company, saved.setting.role) == ("Quillon Robotics", "Field Data Analyst")
    assert saved.max_turns == 1 and saved.finished and saved.scenario == cast.code


# -- /sign_in, /sign_up, /sign_out -----------------------------------------------------------


def test_sign_in_shows_who_is_signed_in_and_a_coach_their_scenarios(
    cast: Cast, new_browser
) -> None:
    result = new_browser().predict("ana", PASSWORD, api_name="/sign_in")
    assert "Signed in as **ana** (coach)." in str(result)
    assert cast.code in str(result), "the coach's scenarios are offered"


def test_sign_in_with_a_wrong_password_is_refused(cast: Cast, new_browser) -> None:
    client = new_browser()
    result = client.predict("ana", "not the password", api_name="/sign_in")
    assert "Wrong user name or password." in str(result)
    assert "Signed in as" not in str(result)
    with pytest.raises(AppError, match="Sign in as a coach first"):
        client.predict(cast.code, api_name="/export_csv")


def test_sign_up_through_a_link_that_allows_it(cast: Cast, new_browser) -> None:
    client = new_browser()
    client.predict(cast.code, api_name="/open_scenario")
    result = client.predict("zoe", PASSWORD, api_name="/sign_up")
    assert "Welcome, **zoe**." in str(result)
    assert "Signed in as **zoe** (learner)." in str(result)


def test_sign_up_without_such_a_link_is_refused(cast: Cast, new_browser) -> None:
    result = new_browser().predict("yan", PASSWORD, api_name="/sign_up")
    assert "Sign-up is only open through a scenario link that allows it." in str(result)
    assert "Signed in as" not in str(result)


def test_sign_out_ends_the_sign_in(cast: Cast, new_browser) -> None:
    client = sign_in(new_browser(), "ana")
    result = client.predict(None, api_name="/sign_out")
    assert "Signed out." in str(result)
    table, _pick, link = client.predict(cast.code, api_name="/coach_dashboard")
    assert "Sign in as a coach first." in link and rows_of(table) == []


def test_sign_out_with_a_token_of_the_wrong_kind_still_signs_out(cast: Cast, new_browser) -> None:
    client = sign_in(new_browser(), "ana")
    result = client.predict({"token": "forged"}, api_name="/sign_out")
    assert "Signed out." in str(result)


# -- /open_scenario ----------------------------------------------------------------------------


def test_open_scenario_shows_its_brief(cast: Cast, new_browser) -> None:
    result = new_browser().predict(cast.code, api_name="/open_scenario")
    assert "Coffee with Jordan" in str(result)
    assert "Jordan runs field data at Quillon Robotics." in str(result)


def test_open_scenario_refuses_an_unknown_or_oversized_code(new_browser) -> None:
    client = new_browser()
    assert "There is no scenario" in str(client.predict("nosuchcode", api_name="/open_scenario"))
    assert "The scenario code is 65 characters" in str(
        client.predict("x" * 65, api_name="/open_scenario")
    )


# -- /save_scenario ----------------------------------------------------------------------------


def test_a_coach_saves_a_scenario_with_research(cast: Cast, notes_file: Path) -> None:
    status, pick, _link, packs = save(
        cast.ana, research=[handle_file(str(notes_file))], title="Robots", signup=False
    )
    assert "Saved **Robots**. Share the link `/?scenario=" in status
    assert "quillon-notes.md** added" in status
    code = code_in(status)
    assert pick["value"] == code and code in choices_of(pick)
    assert packs["value"] == ["Robots — research (ana)"]


def test_saving_a_scenario_is_refused_to_a_learner_and_to_another_coach(
    served: RunningApp, cast: Cast
) -> None:
    status, *_ = save(cast.leo)
    assert "Sign in as a coach first." in status
    status, *_ = save(cast.ben, cast.code, title="Hijacked")
    assert f"You have no scenario '{cast.code}'" in status
    assert served.services.catalogue.get(cast.code).spec.title == "Coffee with Jordan"


def test_saving_a_scenario_refuses_values_outside_the_editor(cast: Cast) -> None:
    with pytest.raises(AppError, match="not in the list of choices"):
        save(cast.ben, difficulty="brutal")
    with pytest.raises(AppError, match="less than minimum value 1"):
        save(cast.ben, turns=0)
    status, *_ = save(cast.ben, rubric="../../../etc/passwd")
    assert status.startswith("⚠️") and "/etc" not in status


# -- /coach_dashboard, /attempt, /comment, /release ----------------------------------------


def test_the_dashboard_lists_the_scenarios_attempts(cast: Cast) -> None:
    table, attempts, link = cast.ana.predict(cast.code, api_name="/coach_dashboard")
    assert [row[0] for row in rows_of(table)] == ["leo"]
    assert choices_of(attempts) == [cast.attempt]
    assert f"`/?scenario={cast.code}` · 1 attempt(s)" in link


def test_the_dashboard_is_refused_without_a_sign_in_and_to_other_coaches(
    cast: Cast, new_browser
) -> None:
    _table, _attempts, link = new_browser().predict(cast.code, api_name="/coach_dashboard")
    assert "Sign in as a coach first." in link
    table, _attempts, link = cast.ben.predict(cast.code, api_name="/coach_dashboard")
    assert f"You have no scenario '{cast.code}'" in link and rows_of(table) == []


def test_the_coach_reads_an_attempt(cast: Cast) -> None:
    view = cast.ana.predict(cast.attempt, api_name="/attempt")
    assert "## Attempt by leo" in view
    assert "What surprised you most when you moved into robotics?" in view


def test_an_attempt_is_refused_to_visitors_and_other_learners(cast: Cast, new_browser) -> None:
    assert "Sign in first." in new_browser().predict(cast.attempt, api_name="/attempt")
    assert "no attempt" in cast.mia.predict(cast.attempt, api_name="/attempt")


def test_the_coach_comments_on_an_attempt(cast: Cast) -> None:
    view, box = cast.ana.predict(
        cast.attempt, "Good open question; follow it up next time.", api_name="/comment"
    )
    assert "Good open question; follow it up next time." in view and box == ""
    assert "Good open question" in cast.ana.predict(cast.attempt, api_name="/attempt")


def test_a_comment_is_refused_to_the_learner_and_kept_in_the_box(cast: Cast) -> None:
    view, box = cast.leo.predict(cast.attempt, "I did great.", api_name="/comment")
    assert "Sign in as a coach first." in view and box == "I did great."


def test_the_coach_releases_the_feedback(cast: Cast) -> None:
    assert "feedback released" in cast.ana.predict(cast.attempt, api_name="/release")


def test_releasing_is_refused_to_anyone_else(cast: Cast) -> None:
    assert "no attempt" in cast.ben.predict(cast.attempt, api_name="/release")
    assert "Sign in as a coach first." in cast.mia.predict(cast.attempt, api_name="/release")


# -- /export_csv, /export_scenario, /import_scenario, /delete_scenario ------------------------


def test_the_coach_exports_the_attempts_as_csv(cast: Cast) -> None:
    exported = Path(cast.ana.predict(cast.code, api_name="/export_csv"))
    rows = list(csv.DictReader(exported.open(encoding="utf-8")))
    assert [(row["learner"], row["attempt"]) for row in rows] == [("leo", cast.attempt)]


def test_exporting_attempts_is_refused_to_others(cast: Cast) -> None:
    with pytest.raises(AppError, match="Sign in as a coach first"):
        cast.leo.predict(cast.code, api_name="/export_csv")
    with pytest.raises(AppError, match="You have no scenario"):
        cast.ben.predict(cast.code, api_name="/export_csv")


def test_a_scenario_exports_as_a_file_and_imports_as_a_copy(served: RunningApp, cast: Cast) -> None:
    shared = Path(cast.ana.predict(cast.code, api_name="/export_scenario"))
    data = yaml.safe_load(shared.read_text(encoding="utf-8"))
    assert data["title"] == "Coffee with Jordan" and data["rubric"] == "formal"
    status, pick = cast.ben.predict(handle_file(str(shared)), api_name="/import_scenario")
    assert "Imported **Coffee with Jordan**." in status
    copy = served.services.catalogue.get(code_in(status))
    assert copy.owner == "ben" and copy.code != cast.code and pick["value"] == copy.code


def test_exporting_a_scenario_is_refused_to_others(cast: Cast, new_browser) -> None:
    with pytest.raises(AppError, match="Sign in as a coach first"):
        new_browser().predict(cast.code, api_name="/export_scenario")
    with pytest.raises(AppError, match="You have no scenario"):
        cast.ben.predict(cast.code, api_name="/export_scenario")


def test_importing_a_scenario_is_refused_to_learners_and_needs_a_file(
    cast: Cast, tmp_path: Path
) -> None:
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text(yaml.safe_dump({"title": "x", "persona": PERSONA}))
    status, _pick = cast.leo.predict(handle_file(str(scenario)), api_name="/import_scenario")
    assert "Sign in as a coach first." in status
    status, _pick = cast.ben.predict(None, api_name="/import_scenario")
    assert "Choose a scenario file (.yaml) first." in status


def test_the_owner_deletes_a_scenario(cast: Cast, new_browser) -> None:
    status, *_ = save(cast.ana, title="Spare")
    code = code_in(status)
    link, pick, *_ = cast.ana.predict(code, api_name="/delete_scenario")
    assert "Deleted **Spare**; its 0 attempt(s) stay with their learners." in link
    assert code not in choices_of(pick) and cast.code in choices_of(pick)
    assert "There is no scenario" in str(new_browser().predict(code, api_name="/open_scenario"))


def test_deleting_a_scenario_is_refused_to_everyone_else(
    served: RunningApp, cast: Cast, new_browser
) -> None:
    for client in (new_browser(), cast.leo, cast.ben):
        link, *_ = client.predict(cast.code, api_name="/delete_scenario")
        assert "Sign in as a coach first." in link or f"You have no scenario '{cast.code}'" in link
    assert served.services.catalogue.get(cast.code).spec.title == "Coffee with Jordan"


# -- what no client can reach ------------------------------------------------------------------


def test_a_private_event_called_by_its_index_gives_nothing_away(
    served: RunningApp, cast: Cast
) -> None:
    """Filling the editor with a scenario is a private event (no API name a client is shown),
    but the queue API runs any event by its index: for anyone but the owner it changes nothing."""
    names = cast.ben.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert "/load_scenario" not in names
    ana, ben = RawClient(served.url), RawClient(served.url)
    config = ben.http.get("/config").json()
    [fill] = [d for d in config["dependencies"] if d["api_name"] == "load_scenario"]
    assert fill["api_visibility"] == "private"
    for raw, who in ((ana, "ana"), (ben, "ben")):
        assert f"Signed in as **{who}**" in str(raw.call("sign_in", who, PASSWORD, None))

    # The owner's page gets the scenario (the event works)...
    assert ana.call(fill["id"], cast.code, None)[0] == "Coffee with Jordan"
    # ...anyone else's, whatever is sent, gets no change to any field.
    for hostile in (cast.code, {"$ne": ""}, ["x"], 7, "'; DROP TABLE scenarios; --", "A" * 100):
        outputs = ben.call(fill["id"], hostile, None)
        assert outputs and all(output == {"__type__": "update"} for output in outputs), hostile
    anonymous = RawClient(served.url)
    assert all(o == {"__type__": "update"} for o in anonymous.call(fill["id"], cast.code, None))

"""LTI 1.3 in a real browser (Chromium) between a learning platform (tests/support/
lti_platform.py) and the live app on the embedded model: the instructor adds a scenario to the
course by deep linking, a learner opens the activity, lands signed in on the scenario, attempts
it, and the score appears in the platform's gradebook. Once on SQLite, once on PostgreSQL."""

from __future__ import annotations

import uuid

from playwright.sync_api import Browser, expect

from roleplay.coaching.accounts import Accounts
from roleplay.coaching.lti.platforms import Platform as Registered
from roleplay.coaching.lti.platforms import Platforms
from roleplay.coaching.scenario_catalogue import Catalogue
from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.core.settings import Settings
from roleplay.history.database import open_database
from tests.support.lti_platform import INSTRUCTOR, LEARNER, Person, serve_platform
from tests.support.pages import MINUTE, answer, settle, shot


def test_a_course_activity_from_deep_link_to_gradebook(
    browser: Browser, site: tuple[str, Settings]
) -> None:
    web, settings = site
    database = "pg" if settings.database_url else "sqlite"
    factory = open_database(settings)
    tag = uuid.uuid4().hex[:6]
    with serve_platform(web) as platform:
        r = platform.registration()
        Platforms(factory).add(
            Registered(
                r["issuer"],
                r["client_id"],
                (r["deployment_id"],),
                r["auth_login_url"],
                r["auth_token_url"],
                r["key_set_url"],
            )
        )
        platform.people = {
            f"t-{tag}": Person(f"t-{tag}", "Tess Teacher", f"tess-{tag}@uni.example", [INSTRUCTOR]),
            f"s-{tag}": Person(f"s-{tag}", "Sam Student", f"sam-{tag}@uni.example", [LEARNER]),
        }
        teacher = browser.new_context(viewport={"width": 1000, "height": 800}).new_page()
        teacher.goto(platform.login_url(f"t-{tag}", "deep-link"))
        expect(teacher.get_by_text("No scenario yet")).to_be_visible(timeout=MINUTE)
        tess = next(a for a in Accounts(factory).list() if a.name == f"tess-{tag}@uni.example")
        Catalogue(factory).create(
            tess,
            ScenarioSpec(
                title="Analyst at Quillon (course)",
                persona="anxious-hiring-manager",
                company="Quillon Robotics",
                role="Field Data Analyst",
                turns=1,
            ),
        )
        teacher.goto(platform.login_url(f"t-{tag}", "deep-link"))
        teacher.get_by_label("Analyst at Quillon (course)").check()
        shot(teacher, f"22-lti-instructor-picks-a-scenario-{database}")
        teacher.get_by_role("button", name="Add it to the course").click()
        teacher.get_by_role("button", name="Return to the course").click()
        expect(teacher.get_by_text("Activity added.")).to_be_visible(timeout=MINUTE)
        [link] = platform.links
        teacher.context.close()

        learner = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        learner.goto(platform.login_url(f"s-{tag}", link))
        expect(learner.locator("#account")).to_contain_text(
            f"Signed in as sam-{tag}@uni.example", timeout=MINUTE
        )
        expect(learner.locator("#scenario")).to_contain_text("Analyst at Quillon (course)")
        assert "lti=" in learner.url  # the one-time code, spent by now
        shot(learner, f"23-lti-learner-lands-signed-in-{database}")
        learner.get_by_role("button", name="Start the interview").click()
        settle(learner, 1)
        answer(learner, "At my last job I cut false alarms by a third by rebuilding thresholds.")
        expect(learner.locator("#feedback")).to_contain_text(
            "Your score was sent to your course's gradebook", timeout=3 * MINUTE
        )
        shot(learner, f"24-lti-score-sent-{database}")
        learner.context.close()
        [item] = platform.lineitems
        [score] = platform.scores[item]
        assert score["userId"] == f"s-{tag}" and 0 <= score["scoreGiven"] <= 100
        assert score["activityProgress"] == "Completed"

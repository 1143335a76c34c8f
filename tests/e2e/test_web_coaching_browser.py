"""The coaching link flow in a real browser (Chromium): a coach writes a scenario with their own
research, a learner follows the link, signs up and completes an attempt, the coach reviews it,
comments and releases the feedback, and the learner sees the comment and the feedback. Once on
SQLite and once on PostgreSQL."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from roleplay.coaching.accounts import Accounts
from roleplay.core.settings import Settings
from roleplay.history.database import open_database
from tests.support.pages import MINUTE, answer, open_tab, settle, shot

RESEARCH = (
    "# Brightwater Ferries briefing\n\nBrightwater Ferries runs electric ferries across the "
    "Solent. Its newest boat, the Tern, charges in nine minutes at Cowes. The operations "
    "director is Farida Okoye, who wants a data analyst to plan charging around the tides.\n"
)


def sign_in_panel(page: Page) -> None:
    page.get_by_text("Sign in (coaches and learners)").click()


def test_coach_writes_learner_attempts_coach_reviews(
    browser: Browser, site: tuple[str, Settings], tmp_path: Path
) -> None:
    web, settings = site
    database = "pg" if settings.database_url else "sqlite"
    tag = uuid.uuid4().hex[:6]
    coach_name, learner_name, password = f"coach-{tag}", f"learner-{tag}", "a long password"
    Accounts(open_database(settings)).add(coach_name, "coach", password)
    research = tmp_path / "brightwater-briefing.md"
    research.write_text(RESEARCH)

    coach = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    coach.goto(web)
    sign_in_panel(coach)
    coach.get_by_label("User name").fill(coach_name)
    coach.get_by_label("Password").fill(password)
    coach.get_by_role("button", name="Sign in", exact=True).click()
    expect(coach.locator("#account")).to_contain_text(f"Signed in as {coach_name}", timeout=MINUTE)
    # The coach's own things are in a tab of their own, not above the practice setup.
    expect(coach.locator("#attempts")).to_be_hidden()
    shot(coach, f"12-coach-signed-in-{database}")
    open_tab(coach, "Coach")
    coach.get_by_text("Write a scenario").click()
    coach.get_by_label("Title").fill("Analyst at Brightwater Ferries")
    coach.locator("#sc-company").get_by_role("textbox").fill("Brightwater Ferries")
    coach.locator("#sc-role").get_by_role("textbox").fill("Operations Data Analyst")
    coach.get_by_label("Objectives (one per line)").fill("Mention one fact about the ferries.")
    coach.locator("#scenario-editor input[type=file]").set_input_files(str(research))
    coach.get_by_label("After I release it").check()
    coach.get_by_label("Learners may sign up through the link").check()
    turns = coach.locator("#sc-turns input[type=number]")
    turns.fill("1")
    turns.press("Tab")
    coach.get_by_role("button", name="Save scenario").click()
    status = coach.locator("#scenario-status")
    expect(status).to_contain_text("Share the link", timeout=2 * MINUTE)
    expect(status).to_contain_text("brightwater-briefing.md")
    code = re.search(r"scenario=([A-Za-z0-9]+)", status.inner_text()).group(1)
    shot(coach, f"12-coach-wrote-scenario-{database}")

    learner_context = browser.new_context(viewport={"width": 390, "height": 844})
    learner = learner_context.new_page()
    learner.goto(f"{web}?scenario={code}")
    panel = learner.locator("#scenario")
    expect(panel).to_contain_text("Analyst at Brightwater Ferries", timeout=MINUTE)
    expect(panel).to_contain_text("Mention one fact about the ferries.")
    sign_in_panel(learner)
    learner.get_by_label("User name").fill(learner_name)
    learner.get_by_label("Password").fill(password)
    learner.get_by_role("button", name="Sign up as a learner").click()
    expect(learner.locator("#account")).to_contain_text(learner_name, timeout=MINUTE)
    shot(learner, f"13-learner-brief-{database}")
    learner.get_by_role("button", name="Start the interview").click()
    settle(learner, 1)
    answer(learner, "I read that the Tern charges in nine minutes at Cowes.")
    expect(learner.locator("#feedback")).to_contain_text(
        "Your coach releases the feedback", timeout=2 * MINUTE
    )
    shot(learner, f"14-learner-waiting-for-review-{database}")

    coach.reload()
    expect(coach.locator("#account")).to_contain_text(coach_name, timeout=MINUTE)
    open_tab(coach, "Coach")
    coach.get_by_label("Scenario", exact=True).click()
    coach.get_by_role("option", name="Analyst at Brightwater Ferries").click()
    expect(coach.locator("#attempts")).to_contain_text(learner_name, timeout=MINUTE)
    coach.get_by_label("Open an attempt").click()
    coach.get_by_role("option", name=re.compile(learner_name)).click()
    attempt = coach.locator("#attempt")
    expect(attempt).to_contain_text("the Tern charges in nine minutes", timeout=MINUTE)
    expect(attempt).to_contain_text("Your share of the words")
    expect(attempt).to_contain_text("privately thought")
    coach.get_by_label("Comment for the learner").fill("Nice use of the Tern fact. Add a number.")
    coach.get_by_role("button", name="Add comment").click()
    expect(attempt).to_contain_text("Nice use of the Tern fact.", timeout=MINUTE)
    coach.get_by_role("button", name="Release feedback to the learner").click()
    expect(attempt).to_contain_text("feedback released", timeout=MINUTE)
    shot(coach, f"15-coach-reviewed-{database}")

    learner.reload()
    expect(learner.locator("#scenario")).to_contain_text(
        "Nice use of the Tern fact. Add a number.", timeout=MINUTE
    )
    shot(learner, f"16-learner-sees-comment-{database}")

    # The released attempt, reopened from the learner's own past interviews: the report shows.
    open_tab(learner, "Past interviews")
    expect(learner.locator("#past-table")).to_contain_text("Brightwater Ferries", timeout=MINUTE)
    learner.get_by_label("Open a past interview").click()
    learner.get_by_role("option").first.click()
    learner.get_by_role("button", name="Open", exact=True).click()
    expect(learner.get_by_text("the Tern charges in nine minutes").first).to_be_visible(
        timeout=MINUTE
    )
    expect(learner.locator("#feedback")).to_contain_text("Your share of the words", timeout=MINUTE)
    shot(learner, f"17-learner-reopens-released-attempt-{database}")
    learner_context.close()

    coach.get_by_role("button", name="Delete this scenario").click()
    expect(coach.get_by_text("Its link stops working")).to_be_visible(timeout=MINUTE)
    coach.get_by_role("button", name="Yes, delete it").click()
    expect(coach.locator("#scenario-link")).to_contain_text(
        "Deleted Analyst at Brightwater Ferries", timeout=MINUTE
    )
    gone = browser.new_context().new_page()
    gone.goto(f"{web}?scenario={code}")
    expect(gone.locator("#account")).to_contain_text("There is no scenario", timeout=MINUTE)
    gone.context.close()

"""A cohort in a real browser (Chromium), on the live app and the embedded model: a coach makes
a cohort from a roster CSV and assigns a scenario; two learners set their passwords by their
one-time links, find the assignment on their page and attempt it; the coach's cohort view then
shows both, the criteria chart, and the worry one of them confirmed with their words."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from roleplay.coaching.accounts import Accounts
from roleplay.coaching.scenario_catalogue import Catalogue
from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.core.settings import Settings
from roleplay.history.database import open_database
from tests.support.pages import MINUTE, answer, open_tab, settle, shot

PASSWORD = "a long password"
ANSWERS = {
    # A red flag the anxious manager's notes confirm ("Over-qualified, will leave").
    "ada": "Honestly I'd probably move on if something better came along next year.",
    "grace": "At my last job I cut false alarms by a third by rebuilding the alert thresholds.",
}


def sign_in(page: Page, name: str) -> None:
    page.get_by_text("Sign in (coaches and learners)").click()
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("#account")).to_contain_text(f"Signed in as {name}", timeout=MINUTE)


def open_cohorts(coach: Page, cohort: str) -> None:
    open_tab(coach, "Coach")
    open_tab(coach, "Cohorts")
    coach.locator("#cohort-pick").get_by_label("Cohort", exact=True).click()
    coach.get_by_role("option", name=cohort).click()


def learner_attempts(browser: Browser, link: str, name: str, title: str) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(link)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("The same again").fill(PASSWORD)
    page.get_by_role("button", name="Set my password").click()
    expect(page.get_by_text("Your password is set")).to_be_visible(timeout=MINUTE)
    page.get_by_role("link", name="practice page").click()
    sign_in(page, name)
    expect(page.locator("#assigned")).to_contain_text(title, timeout=MINUTE)
    shot(page, f"20-learner-assignments-{name.split('-')[0]}")
    page.get_by_label("Open an assignment").click()
    page.get_by_role("option", name=title).click()
    expect(page.locator("#scenario")).to_contain_text(title, timeout=MINUTE)
    page.get_by_role("button", name="Start the interview").click()
    settle(page, 1)
    answer(page, ANSWERS[name.split("-")[0]])
    expect(page.locator("#feedback")).to_contain_text("Your share of the words", timeout=3 * MINUTE)
    page.context.close()


def test_a_coach_runs_a_cohort_from_a_roster(
    browser: Browser, web_server: tuple[str, Path], tmp_path: Path
) -> None:
    web, data_dir = web_server
    factory = open_database(Settings(data_dir=data_dir))
    tag = uuid.uuid4().hex[:6]
    coach_name, cohort, title = f"coach-{tag}", f"Spring {tag}", f"Analyst at Quillon {tag}"
    coach_account = Accounts(factory).add(coach_name, "coach", PASSWORD)
    spec = ScenarioSpec(
        title=title,
        persona="anxious-hiring-manager",
        company="Quillon Robotics",
        role="Field Data Analyst",
        turns=1,
    )
    Catalogue(factory).create(coach_account, spec)
    learners = {who: f"{who}-{tag}" for who in ANSWERS}
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Full name,E-mail,Username\n"
        + "".join(
            f"{who.title()} L,{who}-{tag}@example.org,{name}\n" for who, name in learners.items()
        )
        + "Nobody,not-an-address,\n"
    )

    coach = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    coach.goto(web)
    sign_in(coach, coach_name)
    open_tab(coach, "Coach")
    open_tab(coach, "Cohorts")
    coach.get_by_label("New cohort's name").fill(cohort)
    coach.get_by_role("button", name="Make cohort").click()
    expect(coach.locator("#cohort-status")).to_contain_text(
        f"Made the cohort {cohort}", timeout=MINUTE
    )
    coach.get_by_text("Learners", exact=True).click()
    coach.locator("#cohort-roster input[type=file]").set_input_files(str(roster))
    coach.get_by_role("button", name="Add everyone on the roster").click()
    status = coach.locator("#cohort-status")
    expect(status).to_contain_text(
        "2 learner(s) in the cohort (2 new); 1 row(s) skipped", timeout=MINUTE
    )
    expect(status).to_contain_text("row 4: 'not-an-address' is not an e-mail address.")
    links_box = coach.locator("#cohort-links textarea")
    expect(links_box).to_have_value(re.compile("set-password"), timeout=MINUTE)
    links = dict(line.split("\t") for line in links_box.input_value().splitlines())
    assert sorted(links) == sorted(learners.values())
    shot(coach, "18-coach-cohort-from-roster")
    coach.get_by_text("Assign a scenario", exact=True).click()
    coach.locator("#cohort-assign").get_by_label("Scenario", exact=True).click()
    coach.get_by_role("option", name=title).click()
    coach.get_by_label("Due (UTC)").fill("2030-06-30")
    coach.get_by_role("button", name="Assign", exact=True).click()
    expect(status).to_contain_text(f"Assigned {title} to {cohort}, due 2030-06-30", timeout=MINUTE)
    expect(coach.locator("#cohort-summary")).to_contain_text("0 of 2 attempted", timeout=MINUTE)
    shot(coach, "19-coach-assigned")

    for name in learners.values():
        learner_attempts(browser, links[name], name, title)

    coach.reload()
    expect(coach.locator("#account")).to_contain_text(coach_name, timeout=MINUTE)
    open_cohorts(coach, cohort)
    expect(coach.locator("#cohort-summary")).to_contain_text("2 of 2 attempted", timeout=MINUTE)
    progress = coach.locator("#cohort-progress")
    for name in learners.values():
        expect(progress).to_contain_text(name)
    # The criteria chart draws a bar for the learners at each level (its marks are labelled).
    bars = coach.locator("#cohort-criteria [aria-roledescription=bar]")
    counted = bars.and_(coach.locator('[aria-label*="learners: 1"], [aria-label*="learners: 2"]'))
    expect(counted.first).to_be_visible(timeout=MINUTE)
    worries = coach.locator("#cohort-worries")
    expect(worries).to_contain_text("Over-qualified, will leave", timeout=MINUTE)
    expect(worries).to_contain_text("something better came along")
    expect(worries).to_contain_text(learners["ada"])
    shot(coach, "21-coach-cohort-report")
    coach.context.close()

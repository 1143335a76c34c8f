"""The web app in a real browser: Debian's Chromium driven by Playwright.

Screenshots of each stage are saved under test-artifacts/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.support.pages import (
    MINUTE,
    answer,
    bot_messages,
    open_app,
    open_tab,
    settle,
    shot,
    upload_research,
)

RESEARCH = (
    "# Quillon Robotics field notes\n\nQuillon Robotics builds orchard-picking robots called "
    "Wrenbots. The Wrenbot 3 picks 1,200 apples an hour. The head of field operations is Ines "
    "Okonkwo. The company runs a pilot with Hollybrook Orchards in Kent.\n"
)


@pytest.fixture
def research(tmp_path: Path) -> Path:
    path = tmp_path / "quillon-notes.md"
    path.write_text(RESEARCH)
    return path


def test_whole_interview_in_the_browser(browser: Browser, web: str, research: Path) -> None:
    page = open_app(browser, web)
    shot(page, "1-setup")
    page.get_by_label("Company", exact=True).fill("Quillon Robotics")
    page.get_by_label("Role", exact=True).fill("Field Data Analyst")
    upload_research(page, research)
    shot(page, "2-research-added")

    page.get_by_role("button", name="Start the interview").click()
    first = bot_messages(page).first
    expect(first).to_be_visible(timeout=2 * MINUTE)
    streamed = first.inner_text()
    opening = settle(page, 1)
    assert opening.startswith(streamed.strip()[:20]), "the opening should grow as it streams"
    shot(page, "3-opening")

    answer(page, "I would like to stay and grow with a small team.")
    answer(page, "I have worked with orchard robots and apple-picking machines before.")
    sources = page.locator("#sources")
    expect(sources).to_contain_text("Research used in turn 3")
    expect(sources).to_contain_text("quillon-notes.md")
    shot(page, "4-answered-twice")
    bot_messages(page).first.click()
    expect(sources).to_contain_text("Research used in turn 1")
    bot_messages(page).nth(2).click()
    expect(sources).to_contain_text("Research used in turn 3")

    page.get_by_role("button", name="End interview").click()
    expect(page.get_by_text("What Morgan Ellis was privately thinking")).to_be_visible(
        timeout=2 * MINUTE
    )
    expect(page.get_by_text("Final lean:").first).to_be_visible()
    # Every change in the notes names the sentence that caused it.
    expect(
        page.get_by_text("eased by your words: “I would like to stay and grow with a small team.”")
    ).to_be_visible()
    shot(page, "5-debrief")

    feedback = page.locator("#feedback")
    expect(feedback).to_contain_text("Overall:", timeout=MINUTE)
    expect(feedback).to_contain_text("I would like to stay and grow")
    expect(feedback).to_contain_text("Why:")
    feedback.scroll_into_view_if_needed()
    shot(page, "5-report")


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_once_started_the_setup_folds_and_the_chat_is_in_view(
    browser: Browser, web: str, width: int, height: int
) -> None:
    page = open_app(browser, web, width=width, height=height)
    start = page.get_by_role("button", name="Start the interview")
    box = start.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    # The setup says which model will interview, and how to get a stronger one.
    model = page.locator("#model-line")
    expect(model).to_contain_text("SmolLM2 135M (built in)", timeout=MINUTE)
    expect(model).to_contain_text("roleplay models pull qwen2.5-1.5b")
    shot(page, f"6-layout-{width}-setup")
    start.click()
    settle(page, 1)
    expect(start).to_be_hidden()
    opening = bot_messages(page).first.bounding_box()
    assert opening is not None and opening["y"] + 40 < height, "the opening is on the first screen"
    sources = page.locator("#sources").bounding_box()
    assert sources is not None
    if width >= 1000:  # side by side on a laptop: the research beside the chat
        assert sources["x"] > opening["x"] and sources["y"] < height
    shot(page, f"6-layout-{width}-interview")
    open_tab(page, "Past interviews")
    expect(page.locator("#past-table")).to_be_visible()
    expect(page.get_by_role("tab", name="Coach")).to_have_count(0)  # not a coach
    shot(page, f"6-layout-{width}-past")


def test_two_sessions_stay_apart(browser: Browser, web: str, research: Path) -> None:
    alice = open_app(browser, web)
    bob = open_app(browser, web)
    upload_research(alice, research)
    bob.get_by_label("Company research").click()
    expect(bob.get_by_role("option", name="Larkspur Health (sample)")).to_be_visible()
    expect(bob.get_by_role("option", name="Your research")).to_have_count(0)
    bob.keyboard.press("Escape")
    alice.get_by_role("button", name="Start the interview").click()
    bob.get_by_role("button", name="Start the interview").click()
    settle(alice, 1)
    settle(bob, 1)
    answer(alice, "Alice talking about apples.")
    expect(bob.get_by_text("Alice talking about apples.")).to_have_count(0)
    expect(bob.locator("#sources")).not_to_contain_text("quillon-notes.md")
    shot(alice, "7-isolation-alice")
    shot(bob, "7-isolation-bob")

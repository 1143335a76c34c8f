"""Driving the web app's page in a real browser: shared steps for the browser tests."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
MINUTE = 60_000


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def open_app(browser: Browser, web: str, width: int = 1280, height: int = 900) -> Page:
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(web)
    expect(page.get_by_role("button", name="Start the interview")).to_be_visible(timeout=MINUTE)
    return page


def open_tab(page: Page, name: str) -> None:
    """Show one of the page's tabs (Practice, Past interviews, Coach)."""
    page.get_by_role("tab", name=name).click()


def upload_research(page: Page, path: Path) -> None:
    page.locator("input[type=file]").first.set_input_files(str(path))
    page.get_by_role("button", name="Add research").click()
    expect(page.get_by_text(f"{path.name} added")).to_be_visible(timeout=2 * MINUTE)


def bot_messages(page: Page):
    return page.locator("[data-testid='bot']")


def settle(page: Page, count: int) -> str:
    """Wait until ``count`` interviewer messages are shown and the last one stops growing."""
    expect(bot_messages(page)).to_have_count(count, timeout=2 * MINUTE)
    last = bot_messages(page).nth(count - 1)
    seen, steady = "", 0
    for _ in range(240):
        text = last.inner_text()
        steady = steady + 1 if text and text == seen else 0
        if steady >= 3:
            return text
        seen = text
        page.wait_for_timeout(500)
    raise AssertionError("the reply kept changing")


def answer(page: Page, text: str) -> None:
    before = bot_messages(page).count()
    box = page.get_by_role("textbox", name="Your answer")
    box.fill(text)
    box.press("Enter")
    expect(page.get_by_text(text, exact=True)).to_be_visible(timeout=MINUTE)
    settle(page, before + 1)

"""Research and answers cannot make a learner's page fetch anything from another host: in a
real browser (Chromium), with a listening server standing in for the attacker's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.support.pages import MINUTE, open_app, settle, shot, upload_research
from tests.support.servers import recording_server


@pytest.fixture
def attacker() -> Iterator[tuple[str, list[str]]]:
    with recording_server() as (url, seen):
        yield url, seen


def test_research_and_answers_cannot_make_the_page_fetch_from_another_host(
    browser: Browser, web: str, tmp_path: Path, attacker: tuple[str, list[str]]
) -> None:
    url, seen = attacker
    research = tmp_path / "larkspur-extra.md"
    research.write_text(
        "# Larkspur Health product analytics\n\n"
        "Larkspur Health product analysts study patient appointments. "
        f"![logo]({url}/cv.png?from=research) "
        f'<img src="{url}/img.png"> [careers]({url}/careers) and {url}/bare\n'
    )
    page = open_app(browser, web)
    upload_research(page, research)
    page.get_by_role("button", name="Start the interview").click()
    settle(page, 1)
    sources = page.locator("#sources")
    expect(sources).to_contain_text("larkspur-extra.md", timeout=MINUTE)
    box = page.get_by_role("textbox", name="Your answer")
    box.fill(f'My CV is here ![cv]({url}/cv.png?from=answer) and <img src="{url}/a.png">')
    box.press("Enter")
    settle(page, 2)
    # The candidate's own message (the interviewer may quote it back, without the markup).
    expect(page.get_by_test_id("user").get_by_text("My CV is here cv and")).to_be_visible()
    shot(page, "18-no-outside-fetch")
    page.wait_for_timeout(1500)  # time for any image the page might load
    assert seen == []
    assert page.locator(f"img[src^='{url}']").count() == 0
    assert page.locator(f"a[href^='{url}']").count() == 0

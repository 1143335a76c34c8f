"""After the interview, in a real browser on the real app: the stronger answers in the debrief,
a read-only link a mentor opens in another browser (and which is refused once revoked), and one
question practised again. Screenshots in test-artifacts/after-*.png."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, expect

from tests.support.pages import MINUTE, answer, bot_messages, open_app, settle, shot

STORY = "At my last job our clinic had a backlog of lab reports. I built a triage script myself."


def test_stronger_answers_a_shared_link_and_a_question_practised_again(
    browser: Browser, web: str
) -> None:
    page = open_app(browser, web)
    page.get_by_role("button", name="Start the interview").click()
    settle(page, 1)
    answer(page, STORY)
    answer(page, "Honestly I guess it went fine.")
    page.get_by_role("button", name="End interview").click()
    # The debrief shows it first; the feedback, once written, shows it again.
    stronger = page.get_by_text("A stronger answer to each question").first
    expect(stronger).to_be_visible(timeout=2 * MINUTE)
    expect(page.get_by_text("[the result: what changed because of your work").first).to_be_visible()
    shot(page, "after-1-stronger-answers")

    feedback = page.locator("#feedback")
    expect(feedback).to_contain_text("Overall:", timeout=2 * MINUTE)
    page.get_by_role("button", name="Share a read-only link").click()
    link_box = page.locator("#share-link textarea, #share-link input").first
    expect(link_box).to_have_value(re.compile(r"^http://.+/share/[\w-]{40,}$"), timeout=MINUTE)
    link = link_box.input_value()
    shot(page, "after-2-shared")

    mentor = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()
    mentor.goto(link)
    expect(mentor.get_by_role("heading", name="Feedback: Morgan Ellis")).to_be_visible()
    expect(mentor.get_by_text("I built a triage script myself.").first).to_be_visible()
    shot(mentor, "after-3-share-page")

    page.get_by_role("button", name="Revoke links").click()
    expect(page.get_by_text("Revoked 1 link")).to_be_visible(timeout=MINUTE)
    mentor.reload()
    expect(mentor.get_by_role("heading", name="Link not valid")).to_be_visible()
    shot(mentor, "after-4-revoked")

    page.get_by_role("button", name="Practise it again").click()
    expect(bot_messages(page).first).to_contain_text("take that question again", timeout=MINUTE)
    opening = settle(page, 1)  # a new, short interview: its one opening question
    assert opening.count("?") <= 1
    shot(page, "after-5-practise-again")

"""`roleplay serve` killed mid-interview and started again: the browser finds the interview in
its history and carries on. Real parts: the server process, SIGKILL, SQLite, Chromium."""

from __future__ import annotations

import signal
from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.support.pages import MINUTE, answer, bot_messages, open_tab, settle, shot
from tests.support.servers import free_port, serve_process


def test_a_killed_server_restarts_and_the_interview_resumes(
    browser: Browser, tmp_path: Path
) -> None:
    # (On SQLite, the default: a killed process on PostgreSQL loses nothing either, shown from
    # the terminal in tests/integration/test_resume.py and in the cluster's own test.)
    port = free_port()
    env = {"ROLEPLAY_SEED": "7"}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serve_process(tmp_path, env, port) as (url, process):
        page.goto(url)
        page.get_by_role("button", name="Start the interview").click()
        settle(page, 1)
        answer(page, "I led a data team of four at a clinic network.")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)

    with serve_process(tmp_path, env, port) as (url, _process):
        page.goto(url)  # the same browser: its identity is in its own storage
        expect(page.get_by_role("button", name="Start the interview")).to_be_visible(timeout=MINUTE)
        open_tab(page, "Past interviews")
        expect(page.locator("#past-table")).to_contain_text("unfinished", timeout=MINUTE)
        page.get_by_label("Open a past interview").click()
        page.get_by_role("option").first.click()
        page.get_by_role("button", name="Open", exact=True).click()
        expect(page.get_by_text("I led a data team of four at a clinic network.")).to_be_visible(
            timeout=MINUTE
        )
        expect(page.locator("#notice")).to_contain_text("carries on", timeout=MINUTE)
        shot(page, "10-resumed-after-restart")
        answer(page, "I also set up their first dashboard.")
        expect(bot_messages(page)).to_have_count(3)
        shot(page, "11-answered-after-restart")
    context.close()

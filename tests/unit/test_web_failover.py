"""A page whose server process goes away lands on another, which carries it on from the
database: the same interview, the same sign-in, the saved turns intact, and a lost reply
offered again with Retry. Two app processes here are two apps in this process on one
database and one identity key, each with its own data directory and memory, as in a cluster;
the cluster test does the same with real processes killed mid-interview."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from roleplay.web.handlers.practice import MOVED
from tests.support.attackworld import PERSONA
from tests.support.builders import PASSWORD
from tests.support.rawqueue import RawClient
from tests.support.webapp import RunningApp, running_app, text_of

ANSWER = "At Quillon I cut false alarms by a third in six months."


@pytest.fixture
def two_processes(tmp_path: Path) -> Iterator[tuple[RunningApp, RunningApp]]:
    shared = {
        "database_url": f"sqlite:///{tmp_path / 'shared.db'}",
        "identity_key_file": tmp_path / "identity-key",
    }
    with ExitStack() as stack:
        first = stack.enter_context(running_app(tmp_path / "first", **shared))
        second = stack.enter_context(running_app(tmp_path / "second", **shared))
        yield first, second


def start(page: RawClient) -> list:
    return page.call("start", PERSONA, "Larkspur Health", "Analyst", "Sam", "", "", 6, 30, None)


def moved_to(page: RawClient, other: RunningApp) -> RawClient:
    """The same browser page (its cookie and its page id), now answered by ``other``."""
    moved = RawClient(other.url, cookies=dict(page.http.cookies))
    moved.session_hash = page.session_hash
    return moved


def said(chat: list) -> list[tuple[str, str]]:
    return [(m["role"], text_of(m)) for m in chat]


def test_an_interview_carries_on_in_another_process_with_every_saved_turn(two_processes) -> None:
    first, second = two_processes
    page = RawClient(first.url)
    page.open_page()
    start(page)
    before, _sources, _notice, _retry, _state, _box = page.call("send", ANSWER, None)
    first.app.close()  # the first process goes away

    chat, _sources, notice, _retry, _state, _box = moved_to(page, second).call(
        "send", "I led four analysts.", None
    )
    assert MOVED in str(notice)
    assert said(chat)[: len(before)] == said(before)
    assert ("user", "I led four analysts.") in said(chat)
    sessions = second.services.history.list()
    assert len(sessions) == 1 and sessions[0].turns >= 5  # one interview, carried on


def test_a_reply_lost_with_its_process_is_offered_again_with_retry(two_processes) -> None:
    first, second = two_processes
    page = RawClient(first.url)
    page.open_page()
    start(page)
    first.model.enqueue(RuntimeError("the process died while the reply was being written"))
    page.call("send", ANSWER, None)
    first.app.close()

    moved = moved_to(page, second)
    _chat, _sources, notice, retry, _state, box = moved.call("send", "Hello?", None)
    assert MOVED in str(notice) and "The last reply failed." in str(notice)
    assert retry["visible"] is True and box == "Hello?"  # nothing the candidate typed is lost
    chat, _sources, notice, _retry, _state = moved.call("retry", None)
    assert said(chat)[-2] == ("user", ANSWER) and said(chat)[-1][0] == "assistant"


def test_a_signed_in_page_stays_signed_in_on_the_other_process(two_processes) -> None:
    first, second = two_processes
    first.services.accounts.add("leo", "learner", PASSWORD)
    page = RawClient(first.url)
    page.open_page()
    page.call("sign_in", "leo", PASSWORD, None)
    start(page)
    page.call("send", ANSWER, None)
    first.app.close()

    moved = moved_to(page, second)
    chat, *_rest = moved.call("send", "I led four analysts.", None)
    assert ("user", "I led four analysts.") in said(chat)  # leo's interview, found as leo's
    start(moved)  # and what the page starts now is leo's too
    history = second.services.history
    assert [history.owner(s.id) for s in history.list()] == ["leo", "leo"]


def test_another_browser_with_the_same_page_id_gets_nothing_of_the_page(two_processes) -> None:
    first, second = two_processes
    page = RawClient(first.url)
    page.open_page()
    start(page)
    page.call("send", ANSWER, None)

    stranger = RawClient(second.url)
    stranger.open_page()  # a cookie of its own
    stranger.session_hash = page.session_hash  # the page id, guessed or seen
    chat, _sources, notice, _retry, _state, _box = stranger.call("send", "Hello?", None)
    assert "Start an interview first." in str(notice) and not chat

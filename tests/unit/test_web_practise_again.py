"""/practise_again: after an interview, one of its questions asked again in a short interview of
its own; and every way a client can misuse the endpoint, refused with the page's own interview
left as it was."""

from __future__ import annotations

import pytest

from tests.support.webapp import start
from tests.support.webclients import history_ids, said, send

ANSWER = "I built a dashboard for the clinic team that cut waiting times by a third."


def ended(client) -> None:
    start(client)
    send(client, ANSWER)
    client.predict(api_name="/end")


def test_a_question_is_asked_again_in_a_new_short_interview(new_browser) -> None:
    client = new_browser()
    ended(client)
    debrief, _md, _json = client.predict(api_name="/debrief")
    assert "A stronger answer to each question" in debrief
    chat, _sources, notice = client.predict(1, api_name="/practise_again")
    assert notice == ""
    [(role, opening)] = said(chat)
    assert role == "assistant" and opening.count("?") == 1  # the one question, asked again
    assert len(history_ids(client)) == 2  # the first interview, and the practice
    send(client, "At my last job I built the dashboard myself.")
    client.predict(api_name="/end")
    feedback, _report = client.predict(api_name="/feedback")
    assert "## This question, practised again" in feedback
    # The first interview, reopened: its report lists the practice under it.
    _practice, first = history_ids(client)
    client.predict(first, api_name="/reopen")
    feedback, _report = client.predict(api_name="/feedback")
    assert "## Practised again since" in feedback


def test_practising_before_any_interview_ended_is_refused(new_browser) -> None:
    client = new_browser()
    _chat, _sources, notice = client.predict(1, api_name="/practise_again")
    assert "once an interview has ended" in notice
    start(client)
    _chat, _sources, notice = client.predict(1, api_name="/practise_again")
    assert "once an interview has ended" in notice
    assert len(history_ids(client)) == 1


@pytest.mark.parametrize("sent", [9, 0, -3, 1.5, "1; DROP TABLE", None, 10**12])
def test_a_question_the_page_did_not_offer_is_refused(new_browser, sent) -> None:
    client = new_browser()
    ended(client)
    _chat, _sources, notice = client.predict(sent, api_name="/practise_again")
    assert notice.startswith("⚠️"), notice
    assert len(history_ids(client)) == 1  # nothing started, nothing saved


def test_another_browsers_interview_cannot_be_practised(new_browser) -> None:
    owner, other = new_browser(), new_browser()
    ended(owner)
    _chat, _sources, notice = other.predict(1, api_name="/practise_again")
    assert "once an interview has ended" in notice
    assert history_ids(other) == []

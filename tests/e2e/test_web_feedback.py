"""Feedback, history and reopening through the web app's named endpoints (gradio_client)."""

from __future__ import annotations

import json
from pathlib import Path

from gradio_client import Client

from tests.support.webapi import start_sample


def test_a_finished_interview_gets_a_report_and_is_listed(web: str) -> None:
    client = Client(web, verbose=False)
    start_sample(client, answers=2)
    answer = "At North Hennepin I cut alert fatigue by 30% with the nurses."
    client.predict(answer, api_name="/send")
    client.predict(api_name="/end")
    report, report_file = client.predict(api_name="/feedback")
    assert report.startswith("# Feedback: Morgan Ellis")
    assert "## Metrics" in report
    assert "Company facts you used: 1 — North Hennepin" in report
    assert "What Morgan Ellis privately thought" in report
    data = json.loads(Path(report_file).read_text())
    assert data["metrics"]["answers"] == 1
    # On the embedded model the scores come from the evidence alone, each with its quote.
    assert data["judged"] and not data["judge_used"]
    scored = [c for c in data["criteria"] if c["score"] in ("good", "fair", "poor")]
    assert scored and all(c["evidence"] for c in scored)
    for criterion in data["criteria"]:
        for quote in criterion["evidence"]:
            assert quote in answer
    assert f"from {data['scored']} of {data['out_of']} criteria" in report

    rows, _choices, _chart, _pace, _habits, notice = client.predict(api_name="/history")
    assert notice == ""
    table = rows["data"] if isinstance(rows, dict) else rows
    assert len(table) == 1
    assert table[0][1] == "Morgan Ellis" and table[0][-1] == "finished"


def test_past_interviews_belong_to_their_own_browser(web: str) -> None:
    alice, bob = Client(web, verbose=False), Client(web, verbose=False)
    start_sample(alice, answers=2)
    rows, *_ = bob.predict(api_name="/history")
    assert (rows["data"] if isinstance(rows, dict) else rows) == []


def test_reopening_someone_elses_interview_is_refused(web: str) -> None:
    alice, bob = Client(web, verbose=False), Client(web, verbose=False)
    start_sample(alice, answers=2)
    # Bob guesses an id; the app must check ownership, not only hide it in the UI.
    chat, _sources, notice, _feedback = bob.predict("0123456789ab", api_name="/reopen")
    assert "no saved session" in notice
    assert chat == []

"""The web app's interview endpoints (models, start, send, retry, end, debrief, feedback,
history, reopen, restart, uploads), each with its normal path and its refusal, run in this
process on a scripted model (see ``tests/support/webapp.py``) and driven through gradio_client
over loopback. One app serves the module; each test opens its own browser sessions (a new
Client is a new browser, with its own page state and nothing of anyone else's).
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from gradio_client.exceptions import AppError

from tests.support.webapp import (
    SPOKEN,
    RunningApp,
    start,
    text_of,
)
from tests.support.webclients import (
    SOURCES_BEFORE_START,
    choices_of,
    history_ids,
    rows_of,
    said,
    send,
    upload,
)

ANSWER = "I built a dashboard for the clinic team that cut waiting times by a third."
CV = "# Sam Rivera\n\nProduct data analyst. Led the analytics for a patient app for three years.\n"


# -- /choose_model ---------------------------------------------------------------------------


def test_the_built_in_model_says_how_to_get_a_stronger_interviewer(new_browser) -> None:
    line = new_browser().predict("smollm2", api_name="/choose_model")
    assert "SmolLM2 135M (built in)" in line and "in the app itself" in line
    assert "roleplay models pull qwen2.5-1.5b" in line


def test_a_model_not_on_the_list_is_refused(new_browser) -> None:
    for sent in ("ollama:evil", "../../etc/passwd", "x" * 400):
        line = new_browser().predict(sent, api_name="/choose_model")
        assert line.startswith("⚠️"), line


# -- /start ----------------------------------------------------------------------------------


def test_start_opens_with_one_question_and_keeps_the_interview(new_browser) -> None:
    client = new_browser()
    chat, sources, notice = start(client)
    assert notice == ""
    [(role, opening)] = said(chat)
    assert role == "assistant"
    assert opening.startswith(SPOKEN) and opening.count("?") == 1
    assert "Research used in turn 1" in sources
    assert len(history_ids(client)) == 1


def test_start_refuses_research_uploaded_in_another_session(new_browser, notes_file: Path) -> None:
    owner, other = new_browser(), new_browser()
    _status, dropdown = upload(owner, notes_file)
    chat, _sources, notice = start(other, pack=dropdown["value"])
    assert f"There is no pack called '{dropdown['value']}'" in notice
    assert chat == [] and history_ids(other) == []


def test_start_refuses_sliders_outside_their_range(new_browser) -> None:
    client = new_browser()
    with pytest.raises(AppError, match="greater than maximum value 20"):
        start(client, turns=999)
    with pytest.raises(AppError, match="less than minimum value 5"):
        start(client, minutes=1)
    assert history_ids(client) == []


def test_start_refuses_values_of_the_wrong_kind(new_browser) -> None:
    client = new_browser()
    chat, _sources, notice = start(client, persona=12345)
    assert chat == [] and notice.startswith("⚠️"), notice
    # Gradio's slider fails on text before the handler runs; with show_error off, the caller
    # learns nothing about the server.
    with pytest.raises(AppError, match="has not enabled verbose error reporting"):
        start(client, turns="lots")
    _chat, _sources, notice = start(client, company="A" * 5000)
    assert "The company is 5,000 characters" in notice
    assert history_ids(client) == []


# -- /send ------------------------------------------------------------------------------------


def test_send_adds_the_answer_and_the_reply_and_empties_the_box(new_browser) -> None:
    client = new_browser()
    start(client)
    chat, _sources, notice, box = send(client, ANSWER)
    assert notice == "" and box == ""
    assert said(chat)[1] == ("user", ANSWER)
    role, reply = said(chat)[2]
    assert role == "assistant" and reply.startswith(SPOKEN) and reply.count("?") == 1


def test_send_before_start_keeps_the_answer_in_the_box(new_browser) -> None:
    chat, _sources, notice, box = send(new_browser(), ANSWER)
    assert "Start an interview first." in notice
    assert box == ANSWER and chat == []


def test_an_over_long_answer_is_refused_and_stays_in_the_box(new_browser) -> None:
    client = new_browser()
    start(client)
    huge = "word " * 1000
    chat, _sources, notice, box = send(client, huge)
    assert "Your answer is 5,000 characters; the limit is 4,000. Shorten it" in notice
    assert box == huge
    assert [role for role, _ in said(chat)] == ["assistant"]


def test_an_empty_answer_is_refused(new_browser) -> None:
    client = new_browser()
    start(client)
    _chat, _sources, notice, box = send(client, "   ")
    assert "Type an answer first." in notice and box == "   "


def test_an_answer_after_the_end_is_refused(new_browser) -> None:
    client = new_browser()
    start(client)
    client.predict(api_name="/end")
    _chat, _sources, notice, box = send(client, ANSWER)
    assert "This interview is over" in notice and box == ANSWER


# A streamed closing turn, as the page receives it. With two answers allowed, the second ends the
# interview, and the closing line (no question planned) is exactly what the model says.
CLOSING = "Thank you, Sam. That is all I need today. Goodbye for now."
LAST_ANSWER = "I would start with the waiting-time data and then talk to the nurses."
UPDATE = {"__type__": "update"}
# (new chat messages, sources panel, notice, answer box) for each state the page is sent: the
# answer moves from the box into the chat in the first state, the reply grows a sentence at a
# time, and only the last state (the turn as saved) brings the sources panel.
STREAMED = [
    ([("user", LAST_ANSWER)], UPDATE, "", ""),
    ([("user", LAST_ANSWER), ("assistant", "Thank you, Sam.")], UPDATE, "", ""),
    (
        [("user", LAST_ANSWER), ("assistant", "Thank you, Sam. That is all I need today.")],
        UPDATE,
        "",
        "",
    ),
    ([("user", LAST_ANSWER), ("assistant", CLOSING)], UPDATE, "", ""),
    ([("user", LAST_ANSWER), ("assistant", CLOSING)], "sources", "", ""),
]


def test_a_streamed_turn_reaches_the_page_sentence_by_sentence(
    served: RunningApp, new_browser
) -> None:
    client = new_browser()
    start(client, turns=2)
    before, *_ = send(client, ANSWER)
    served.model.enqueue(CLOSING)
    job = client.submit(LAST_ANSWER, api_name="/send")
    job.result(timeout=60)
    states = job.outputs()

    seen = []
    for chat, sources, notice, box in states:
        assert chat[: len(before)] == before, "what was said before never changes"
        panel = "sources" if isinstance(sources, str) and "Research used" in sources else sources
        seen.append((said(chat[len(before) :]), panel, notice, box))
    assert seen == STREAMED
    replies = [text_of(chat[-1]) for chat, *_ in states[1:]]
    assert all(later.startswith(earlier) for earlier, later in pairwise(replies))


# -- /retry ------------------------------------------------------------------------------------


def test_a_failed_reply_keeps_the_answer_and_retry_brings_the_reply(
    served: RunningApp, new_browser
) -> None:
    client = new_browser()
    start(client)
    served.model.enqueue(RuntimeError("connection reset by the model server"))
    chat, _sources, notice, box = send(client, ANSWER)
    assert "the scripted model failed: connection reset by the model server" in notice
    assert "press **Retry** once the model is reachable again" in notice
    assert said(chat)[-1] == ("user", ANSWER) and box == ""

    _chat, _sources, refused, box = send(client, "Another answer.")
    assert "The last reply failed." in refused and box == "Another answer."

    chat, _sources, notice = client.predict(api_name="/retry")
    assert notice == ""
    assert said(chat)[-2] == ("user", ANSWER)
    assert said(chat)[-1][0] == "assistant" and said(chat)[-1][1].startswith(SPOKEN)


def test_retry_with_nothing_failed_is_refused(new_browser) -> None:
    client = new_browser()
    assert "There is nothing to retry." in client.predict(api_name="/retry")[2]
    start(client)
    chat, _sources, notice = client.predict(api_name="/retry")
    assert "There is nothing to retry." in notice and len(chat) == 1


# -- /end, /debrief, /feedback -------------------------------------------------------------


def test_end_says_goodbye_and_finishes_the_interview(new_browser) -> None:
    client = new_browser()
    start(client)
    send(client, ANSWER)
    chat, _sources, notice = client.predict(api_name="/end")
    assert notice == ""
    assert said(chat)[-1] == ("assistant", SPOKEN), "a goodbye asks no question"
    assert "This interview is over" in send(client, "One more thing.")[2]


def test_end_before_start_is_refused(new_browser) -> None:
    chat, _sources, notice = new_browser().predict(api_name="/end")
    assert "Start an interview first." in notice and chat == []


def test_debrief_shows_the_private_notes_and_the_transcript(new_browser) -> None:
    client = new_browser()
    start(client)
    send(client, ANSWER)
    client.predict(api_name="/end")
    debrief, markdown_file, json_file = client.predict(api_name="/debrief")
    assert "What Morgan Ellis was privately thinking" in debrief
    assert ANSWER in Path(markdown_file).read_text()
    assert json.loads(Path(json_file).read_text())["end_reason"] == "candidate_closed"


def test_debrief_before_an_interview_is_empty(new_browser) -> None:
    debrief, markdown_file, json_file = new_browser().predict(api_name="/debrief")
    assert debrief == "_The debrief appears when an interview ends._"
    assert markdown_file is None and json_file is None


def test_feedback_scores_a_finished_interview(new_browser) -> None:
    client = new_browser()
    start(client)
    send(client, ANSWER)
    client.predict(api_name="/end")
    feedback, report_file = client.predict(api_name="/feedback")
    assert feedback.startswith("# Feedback: Morgan Ellis · Product Analyst at Larkspur Health")
    report = json.loads(Path(report_file).read_text())
    assert report["finished"] is True and report["judge_used"] is True


def test_feedback_waits_for_the_end(new_browser) -> None:
    client = new_browser()
    assert new_browser().predict(api_name="/feedback") == (
        "_Feedback appears when an interview ends._",
        None,
    )
    start(client)
    send(client, ANSWER)
    assert client.predict(api_name="/feedback") == (
        "_Feedback appears when the interview ends._",
        None,
    )


# -- /history, /reopen, /restart ---------------------------------------------------------------


def test_history_lists_only_this_browsers_interviews(new_browser) -> None:
    mine, theirs = new_browser(), new_browser()
    start(mine)
    table, pick, _progress, _pace, _habits, notice = mine.predict(api_name="/history")
    assert notice == ""
    assert [row[2] for row in rows_of(table)] == ["Larkspur Health"]
    assert len(choices_of(pick)) == 1
    assert history_ids(theirs) == []


def test_reopen_carries_on_where_the_interview_stopped(new_browser) -> None:
    client = new_browser()
    start(client)
    first, *_ = send(client, ANSWER)
    client.predict(api_name="/restart")
    [saved] = history_ids(client)
    chat, _sources, notice, _feedback = client.predict(saved, api_name="/reopen")
    assert "Welcome back: the interview carries on from here." in notice
    assert chat == first
    chat, _sources, notice, _box = send(client, "And I measured it every week.")
    assert notice == "" and len(chat) == len(first) + 2


def test_reopen_refuses_another_browsers_interview(new_browser) -> None:
    owner, other = new_browser(), new_browser()
    start(owner)
    [saved] = history_ids(owner)
    chat, _sources, notice, _feedback = other.predict(saved, api_name="/reopen")
    assert f"There is no saved session '{saved}'" in notice and chat == []
    for wrong in ("", "9" * 65, {"id": saved}):
        assert "Choose an interview to open first." in other.predict(wrong, api_name="/reopen")[2]


def test_restart_lets_the_interview_go_and_keeps_it_on_record(new_browser) -> None:
    client = new_browser()
    assert client.predict(api_name="/restart") == ([], SOURCES_BEFORE_START, ""), "harmless"
    start(client)
    chat, _sources, notice = client.predict(api_name="/restart")
    assert chat == [] and notice == ""
    assert "Start an interview first." in send(client, ANSWER)[2]
    assert len(history_ids(client)) == 1


# -- /upload_research, /upload_cv ------------------------------------------------------------


def test_upload_research_makes_a_pack_of_this_sessions_own(new_browser, notes_file: Path) -> None:
    client = new_browser()
    status, dropdown = upload(client, notes_file)
    assert "quillon-notes.md** added" in status
    assert dropdown["value"].startswith("Your research [")
    assert dropdown["value"] in choices_of(dropdown)
    assert dropdown["value"] not in choices_of(upload(new_browser(), notes_file)[1])


def test_upload_research_without_files_is_refused(new_browser) -> None:
    status, dropdown = new_browser().predict([], api_name="/upload_research")
    assert status == "Choose one or more files first." and dropdown == {"__type__": "update"}


def test_upload_cv_makes_a_candidate_pack(new_browser, tmp_path: Path) -> None:
    cv = tmp_path / "sam-rivera-cv.md"
    cv.write_text(CV)
    status, dropdown = upload(new_browser(), cv, "/upload_cv")
    assert "sam-rivera-cv.md** added" in status
    assert dropdown["value"].startswith("Your CV and job ad [")


def test_upload_cv_of_a_file_type_it_cannot_read_is_refused(new_browser, tmp_path: Path) -> None:
    program = tmp_path / "cv.exe"
    program.write_bytes(b"MZ\x90\x00" * 64)
    status, dropdown = upload(new_browser(), program, "/upload_cv")
    assert "**cv.exe** has an unsupported type '.exe'" in status
    assert not [v for v in choices_of(dropdown) if v.startswith("Your CV")], "no pack was made"


def test_an_upload_that_stores_nothing_leaves_the_dropdown_on_a_choice(
    new_browser, tmp_path: Path
) -> None:
    program = tmp_path / "cv.exe"
    program.write_bytes(b"MZ\x90\x00" * 64)
    client = new_browser()
    _status, dropdown = upload(client, program, "/upload_cv")
    assert dropdown.get("value", "") in choices_of(dropdown)


# -- how the app is built ----------------------------------------------------------------------


def test_the_page_sends_no_telemetry(served: RunningApp) -> None:
    # Gradio's analytics would call api.gradio.app and huggingface.co on every build and launch.
    assert served.app.analytics_enabled is False

"""The web app's named endpoints, each with its normal path and its refusal, run in this process
on a scripted model (see ``tests/support/webapp.py``) and driven through gradio_client over
loopback.

One app serves the whole module; each test opens its own browser sessions (a new Client is a new
browser, with its own page state and nothing of anyone else's). Coaching tests share a cast of
accounts and a scenario that its learner has already attempted.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import yaml
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

from tests.conftest import block_network
from tests.support.rawqueue import RawClient
from tests.support.webapp import SCENARIO_LINK, SPOKEN, RunningApp, running_app, text_of

PERSONA = "anxious-hiring-manager"
PASSWORD = "a long password"
ANSWER = "I built a dashboard for the clinic team that cut waiting times by a third."
RESEARCH = (
    "# Quillon Robotics field notes\n\nQuillon Robotics builds orchard-picking robots called "
    "Wrenbots. The head of field operations is Ines Okonkwo.\n"
)
CV = "# Sam Rivera\n\nProduct data analyst. Led the analytics for a patient app for three years.\n"


class Browsers:
    """Browser sessions on the module's app. The server keeps a page's state by its session
    hash, and an API client gets no identity cookie, so a Client with a fresh session hash is a
    new browser; reusing the Client objects saves starting one (and closing it) every time."""

    def __init__(self, url: str, downloads: Path):
        self.url, self.downloads = url, downloads
        self.made: list[Client] = []
        self.idle: list[Client] = []

    def open(self) -> Client:
        if self.idle:
            client = self.idle.pop()
            client.reset_session()
            return client
        client = Client(
            self.url, verbose=False, analytics_enabled=False, download_files=str(self.downloads)
        )
        self.made.append(client)
        return client

    def close(self) -> None:
        # Closing one waits up to a second for its heartbeat thread: close them together.
        with ThreadPoolExecutor(max_workers=max(1, len(self.made))) as closing:
            list(closing.map(Client.close, self.made))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The app for this module; in the fast tier it starts with the network already blocked."""
    with pytest.MonkeyPatch.context() as patch:
        if os.environ.get("ROLEPLAY_TEST_TIER") == "fast":
            block_network(patch)
        with running_app(tmp_path_factory.mktemp("web-inprocess") / "data") as running:
            yield running


@pytest.fixture(scope="module")
def browsers(served: RunningApp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browsers]:
    pool = Browsers(served.url, tmp_path_factory.mktemp("downloads"))
    yield pool
    pool.close()


@pytest.fixture
def new_browser(browsers: Browsers) -> Iterator[Callable[[], Client]]:
    """Opens a new browser session on the app (each call another one). Not named ``browser``:
    tests/conftest.py marks tests using a fixture of that name as Playwright tests."""
    opened: list[Client] = []

    def open_browser() -> Client:
        opened.append(browsers.open())
        return opened[-1]

    yield open_browser
    browsers.idle.extend(opened)


# -- reading what the endpoints return -----------------------------------------------------


def said(chat: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """A chat as (role, words) pairs."""
    return [(message["role"], text_of(message)) for message in chat]


def choices_of(update: Any) -> list[str]:
    """The values a dropdown update offers."""
    return [value for _label, value in update["choices"]]


def rows_of(table: Any) -> list[list[Any]]:
    """A Dataframe's rows, whether it came back as a value or as an update."""
    if isinstance(table, dict) and "value" in table:
        table = table["value"]
    return table["data"] if isinstance(table, dict) else table


SOURCES_BEFORE_START = "_The passages the interviewer draws on will appear here._"


def start(client: Client, *, turns: Any = 4, minutes: Any = 30, **fields: Any) -> tuple:
    """Start an interview at Larkspur Health with no research; returns (chat, sources, notice)."""
    values = {
        "persona": PERSONA,
        "company": "Larkspur Health",
        "role": "Product Analyst",
        "candidate": "Sam",
        "pack": "",
        "cv_pack": "",
        **fields,
    }
    return client.predict(*values.values(), turns, minutes, api_name="/start")


def send(client: Client, answer: str) -> tuple:
    """Send an answer; returns (chat, sources, notice, answer box)."""
    return client.predict(answer, api_name="/send")


def history_ids(client: Client) -> list[str]:
    _table, pick, _progress, _pace, _habits, _notice = client.predict(api_name="/history")
    return choices_of(pick)


def upload(client: Client, path: Path, api_name: str = "/upload_research") -> tuple[str, Any]:
    return client.predict([handle_file(str(path))], api_name=api_name)


@pytest.fixture
def notes_file(tmp_path: Path) -> Path:
    path = tmp_path / "quillon-notes.md"
    path.write_text(RESEARCH)
    return path


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


# -- coaching: a cast of accounts, and a scenario its learner has tried ----------------------


def sign_in(client: Client, who: str) -> Client:
    result = client.predict(who, PASSWORD, api_name="/sign_in")
    assert f"Signed in as **{who}**" in str(result), result
    return client


@dataclass
class Cast:
    """Two coaches and two learners, each with a page signed in for the whole module (tests
    that only act through an account share it; tests of signing in open pages of their own),
    Ana's scenario and Leo's finished attempt at it."""

    pages: dict[str, Client]
    code: str  # Ana's scenario: it allows sign-up and holds feedback until she releases it
    attempt: str

    def __getattr__(self, who: str) -> Client:
        try:
            return self.pages[who]
        except KeyError:
            raise AttributeError(who) from None


EDITOR = {
    "title": "Coffee with Jordan",
    "persona": "relaxed-industry-leader",
    "company": "Quillon Robotics",
    "role": "Field Data Analyst",
    "packs": [],
    "brief": "Jordan runs field data at Quillon Robotics. Find out what the work is like.",
    "objectives": "Ask one open question.",
    "turns": 1,
    "minutes": 20,
    "difficulty": "standard",
    "feedback": "after_review",
    "attempts": 2,
    "due": "",
    "signup": True,
    "rubric": "formal",
}


def save(client: Client, code: str | None = None, research: Any = None, **changes: Any) -> tuple:
    """Save a scenario from the editor; returns (status, scenario pick, link, research packs)."""
    fields = {**EDITOR, **changes}
    return client.predict(code, *fields.values(), research, api_name="/save_scenario")


def code_in(status: str) -> str:
    found = SCENARIO_LINK.search(status)
    assert found, status
    return found.group(1)


@pytest.fixture(scope="module")
def cast(served: RunningApp, browsers: Browsers) -> Cast:
    pages = {}
    for name, role in (("ana", "coach"), ("ben", "coach"), ("leo", "learner"), ("mia", "learner")):
        served.services.accounts.add(name, role, PASSWORD)
        pages[name] = browsers.open()
    status, *_ = save(sign_in(pages["ana"], "ana"))
    code = code_in(status)
    leo = pages["leo"]
    leo.predict(code, api_name="/open_scenario")
    sign_in(leo, "leo")
    # The page sends another interviewer, company and length: the scenario's own are used.
    leo.predict(PERSONA, "Evil Corp", "CEO", "Leo", "", "", 9, 60, api_name="/start")
    _chat, _sources, notice, _box = send(
        leo, "What surprised you most when you moved into robotics?"
    )
    assert notice == "", notice
    [attempt] = history_ids(leo)
    sign_in(pages["ben"], "ben")
    sign_in(pages["mia"], "mia")
    return Cast(pages, code, attempt)


def test_the_scenario_decides_the_learners_interview(served: RunningApp, cast: Cast) -> None:
    saved = served.services.history.load(cast.attempt)
    assert saved.persona_id == "relaxed-industry-leader"
    assert (saved.setting.company, saved.setting.role) == ("Quillon Robotics", "Field Data Analyst")
    assert saved.max_turns == 1 and saved.finished and saved.scenario == cast.code


# -- /sign_in, /sign_up, /sign_out -----------------------------------------------------------


def test_sign_in_shows_who_is_signed_in_and_a_coach_their_scenarios(
    cast: Cast, new_browser
) -> None:
    result = new_browser().predict("ana", PASSWORD, api_name="/sign_in")
    assert "Signed in as **ana** (coach)." in str(result)
    assert cast.code in str(result), "the coach's scenarios are offered"


def test_sign_in_with_a_wrong_password_is_refused(cast: Cast, new_browser) -> None:
    client = new_browser()
    result = client.predict("ana", "not the password", api_name="/sign_in")
    assert "Wrong user name or password." in str(result)
    assert "Signed in as" not in str(result)
    with pytest.raises(AppError, match="Sign in as a coach first"):
        client.predict(cast.code, api_name="/export_csv")


def test_sign_up_through_a_link_that_allows_it(cast: Cast, new_browser) -> None:
    client = new_browser()
    client.predict(cast.code, api_name="/open_scenario")
    result = client.predict("zoe", PASSWORD, api_name="/sign_up")
    assert "Welcome, **zoe**." in str(result)
    assert "Signed in as **zoe** (learner)." in str(result)


def test_sign_up_without_such_a_link_is_refused(cast: Cast, new_browser) -> None:
    result = new_browser().predict("yan", PASSWORD, api_name="/sign_up")
    assert "Sign-up is only open through a scenario link that allows it." in str(result)
    assert "Signed in as" not in str(result)


def test_sign_out_ends_the_sign_in(cast: Cast, new_browser) -> None:
    client = sign_in(new_browser(), "ana")
    result = client.predict(None, api_name="/sign_out")
    assert "Signed out." in str(result)
    table, _pick, link = client.predict(cast.code, api_name="/coach_dashboard")
    assert "Sign in as a coach first." in link and rows_of(table) == []


def test_sign_out_with_a_token_of_the_wrong_kind_still_signs_out(cast: Cast, new_browser) -> None:
    client = sign_in(new_browser(), "ana")
    result = client.predict({"token": "forged"}, api_name="/sign_out")
    assert "Signed out." in str(result)


# -- /open_scenario ----------------------------------------------------------------------------


def test_open_scenario_shows_its_brief(cast: Cast, new_browser) -> None:
    result = new_browser().predict(cast.code, api_name="/open_scenario")
    assert "Coffee with Jordan" in str(result)
    assert "Jordan runs field data at Quillon Robotics." in str(result)


def test_open_scenario_refuses_an_unknown_or_oversized_code(new_browser) -> None:
    client = new_browser()
    assert "There is no scenario" in str(client.predict("nosuchcode", api_name="/open_scenario"))
    assert "The scenario code is 65 characters" in str(
        client.predict("x" * 65, api_name="/open_scenario")
    )


# -- /save_scenario ----------------------------------------------------------------------------


def test_a_coach_saves_a_scenario_with_research(cast: Cast, notes_file: Path) -> None:
    status, pick, _link, packs = save(
        cast.ana, research=[handle_file(str(notes_file))], title="Robots", signup=False
    )
    assert "Saved **Robots**. Share the link `/?scenario=" in status
    assert "quillon-notes.md** added" in status
    code = code_in(status)
    assert pick["value"] == code and code in choices_of(pick)
    assert packs["value"] == ["Robots — research (ana)"]


def test_saving_a_scenario_is_refused_to_a_learner_and_to_another_coach(
    served: RunningApp, cast: Cast
) -> None:
    status, *_ = save(cast.leo)
    assert "Sign in as a coach first." in status
    status, *_ = save(cast.ben, cast.code, title="Hijacked")
    assert f"You have no scenario '{cast.code}'" in status
    assert served.services.catalogue.get(cast.code).spec.title == "Coffee with Jordan"


def test_saving_a_scenario_refuses_values_outside_the_editor(cast: Cast) -> None:
    with pytest.raises(AppError, match="not in the list of choices"):
        save(cast.ben, difficulty="brutal")
    with pytest.raises(AppError, match="less than minimum value 1"):
        save(cast.ben, turns=0)
    status, *_ = save(cast.ben, rubric="../../../etc/passwd")
    assert status.startswith("⚠️") and "/etc" not in status


# -- /coach_dashboard, /attempt, /comment, /release ----------------------------------------


def test_the_dashboard_lists_the_scenarios_attempts(cast: Cast) -> None:
    table, attempts, link = cast.ana.predict(cast.code, api_name="/coach_dashboard")
    assert [row[0] for row in rows_of(table)] == ["leo"]
    assert choices_of(attempts) == [cast.attempt]
    assert f"`/?scenario={cast.code}` · 1 attempt(s)" in link


def test_the_dashboard_is_refused_without_a_sign_in_and_to_other_coaches(
    cast: Cast, new_browser
) -> None:
    _table, _attempts, link = new_browser().predict(cast.code, api_name="/coach_dashboard")
    assert "Sign in as a coach first." in link
    table, _attempts, link = cast.ben.predict(cast.code, api_name="/coach_dashboard")
    assert f"You have no scenario '{cast.code}'" in link and rows_of(table) == []


def test_the_coach_reads_an_attempt(cast: Cast) -> None:
    view = cast.ana.predict(cast.attempt, api_name="/attempt")
    assert "## Attempt by leo" in view
    assert "What surprised you most when you moved into robotics?" in view


def test_an_attempt_is_refused_to_visitors_and_other_learners(cast: Cast, new_browser) -> None:
    assert "Sign in first." in new_browser().predict(cast.attempt, api_name="/attempt")
    assert "no attempt" in cast.mia.predict(cast.attempt, api_name="/attempt")


def test_the_coach_comments_on_an_attempt(cast: Cast) -> None:
    view, box = cast.ana.predict(
        cast.attempt, "Good open question; follow it up next time.", api_name="/comment"
    )
    assert "Good open question; follow it up next time." in view and box == ""
    assert "Good open question" in cast.ana.predict(cast.attempt, api_name="/attempt")


def test_a_comment_is_refused_to_the_learner_and_kept_in_the_box(cast: Cast) -> None:
    view, box = cast.leo.predict(cast.attempt, "I did great.", api_name="/comment")
    assert "Sign in as a coach first." in view and box == "I did great."


def test_the_coach_releases_the_feedback(cast: Cast) -> None:
    assert "feedback released" in cast.ana.predict(cast.attempt, api_name="/release")


def test_releasing_is_refused_to_anyone_else(cast: Cast) -> None:
    assert "no attempt" in cast.ben.predict(cast.attempt, api_name="/release")
    assert "Sign in as a coach first." in cast.mia.predict(cast.attempt, api_name="/release")


# -- /export_csv, /export_scenario, /import_scenario, /delete_scenario ------------------------


def test_the_coach_exports_the_attempts_as_csv(cast: Cast) -> None:
    exported = Path(cast.ana.predict(cast.code, api_name="/export_csv"))
    rows = list(csv.DictReader(exported.open(encoding="utf-8")))
    assert [(row["learner"], row["attempt"]) for row in rows] == [("leo", cast.attempt)]


def test_exporting_attempts_is_refused_to_others(cast: Cast) -> None:
    with pytest.raises(AppError, match="Sign in as a coach first"):
        cast.leo.predict(cast.code, api_name="/export_csv")
    with pytest.raises(AppError, match="You have no scenario"):
        cast.ben.predict(cast.code, api_name="/export_csv")


def test_a_scenario_exports_as_a_file_and_imports_as_a_copy(served: RunningApp, cast: Cast) -> None:
    shared = Path(cast.ana.predict(cast.code, api_name="/export_scenario"))
    data = yaml.safe_load(shared.read_text(encoding="utf-8"))
    assert data["title"] == "Coffee with Jordan" and data["rubric"] == "formal"
    status, pick = cast.ben.predict(handle_file(str(shared)), api_name="/import_scenario")
    assert "Imported **Coffee with Jordan**." in status
    copy = served.services.catalogue.get(code_in(status))
    assert copy.owner == "ben" and copy.code != cast.code and pick["value"] == copy.code


def test_exporting_a_scenario_is_refused_to_others(cast: Cast, new_browser) -> None:
    with pytest.raises(AppError, match="Sign in as a coach first"):
        new_browser().predict(cast.code, api_name="/export_scenario")
    with pytest.raises(AppError, match="You have no scenario"):
        cast.ben.predict(cast.code, api_name="/export_scenario")


def test_importing_a_scenario_is_refused_to_learners_and_needs_a_file(
    cast: Cast, tmp_path: Path
) -> None:
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text(yaml.safe_dump({"title": "x", "persona": PERSONA}))
    status, _pick = cast.leo.predict(handle_file(str(scenario)), api_name="/import_scenario")
    assert "Sign in as a coach first." in status
    status, _pick = cast.ben.predict(None, api_name="/import_scenario")
    assert "Choose a scenario file (.yaml) first." in status


def test_the_owner_deletes_a_scenario(cast: Cast, new_browser) -> None:
    status, *_ = save(cast.ana, title="Spare")
    code = code_in(status)
    link, pick, *_ = cast.ana.predict(code, api_name="/delete_scenario")
    assert "Deleted **Spare**; its 0 attempt(s) stay with their learners." in link
    assert code not in choices_of(pick) and cast.code in choices_of(pick)
    assert "There is no scenario" in str(new_browser().predict(code, api_name="/open_scenario"))


def test_deleting_a_scenario_is_refused_to_everyone_else(
    served: RunningApp, cast: Cast, new_browser
) -> None:
    for client in (new_browser(), cast.leo, cast.ben):
        link, *_ = client.predict(cast.code, api_name="/delete_scenario")
        assert "Sign in as a coach first." in link or f"You have no scenario '{cast.code}'" in link
    assert served.services.catalogue.get(cast.code).spec.title == "Coffee with Jordan"


# -- what no client can reach ------------------------------------------------------------------


def test_a_private_event_called_by_its_index_gives_nothing_away(
    served: RunningApp, cast: Cast
) -> None:
    """Filling the editor with a scenario is a private event (no API name a client is shown),
    but the queue API runs any event by its index: for anyone but the owner it changes nothing."""
    names = cast.ben.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert "/load_scenario" not in names
    ana, ben = RawClient(served.url), RawClient(served.url)
    config = ben.http.get("/config").json()
    [fill] = [d for d in config["dependencies"] if d["api_name"] == "load_scenario"]
    assert fill["api_visibility"] == "private"
    for raw, who in ((ana, "ana"), (ben, "ben")):
        assert f"Signed in as **{who}**" in str(raw.call("sign_in", who, PASSWORD, None))

    # The owner's page gets the scenario (the event works)...
    assert ana.call(fill["id"], cast.code, None)[0] == "Coffee with Jordan"
    # ...anyone else's, whatever is sent, gets no change to any field.
    for hostile in (cast.code, {"$ne": ""}, ["x"], 7, "'; DROP TABLE scenarios; --", "A" * 100):
        outputs = ben.call(fill["id"], hostile, None)
        assert outputs and all(output == {"__type__": "update"} for output in outputs), hostile
    anonymous = RawClient(served.url)
    assert all(o == {"__type__": "update"} for o in anonymous.call(fill["id"], cast.code, None))


# -- how the app is built ----------------------------------------------------------------------


def test_the_page_sends_no_telemetry(served: RunningApp) -> None:
    # Gradio's analytics would call api.gradio.app and huggingface.co on every build and launch.
    assert served.app.analytics_enabled is False

"""The cluster as a careers service would run it, from ``scripts/cluster.sh``: three app
processes behind nginx, on a real PostgreSQL, a Chroma server and a llama.cpp server.

One cluster serves the module. The test that kills a process starts it again afterwards, so
the tests hold in any order.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from roleplay.coaching.accounts import Accounts
from roleplay.coaching.scenario_catalogue import Catalogue
from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.core.settings import Settings
from roleplay.history.database import open_database
from roleplay.history.sessions import SessionStore
from roleplay.web.handlers.practice import MOVED
from tests.support.builders import PASSWORD
from tests.support.cluster import PERSONA, SAMPLE, figure, page, running_cluster, start
from tests.support.rawqueue import RawClient
from tests.support.webapp import text_of


@pytest.fixture(scope="module")
def cluster() -> Iterator[dict[str, Any]]:
    with running_cluster(processes=3) as info:
        yield info


@pytest.fixture
def stores(cluster: dict[str, Any], tmp_path: Path) -> tuple[Accounts, Catalogue, SessionStore]:
    """The cluster's own database, as the tests' view of what was saved."""
    factory = open_database(Settings(data_dir=tmp_path, database_url=cluster["database"]))
    return Accounts(factory), Catalogue(factory), SessionStore(factory)


def words(chat: list[dict[str, Any]]) -> str:
    return " ".join(text_of(message) for message in chat)


def test_thirty_interviews_at_once_through_the_balancer_keep_to_themselves(
    cluster: dict[str, Any],
) -> None:
    names = [f"Candidate{i:02d}" for i in range(30)]
    before = [figure(app["url"], "roleplay_turns_total") for app in cluster["apps"]]

    def interview(name: str) -> list[dict[str, Any]]:
        raw = page(cluster["balancer"])
        start(raw, candidate=name)
        for n in range(2):
            chat, _sources, notice, *_rest = raw.call(
                "send", f"{name} answer {n}: I cut false alarms by a third.", None
            )
            assert "⚠️" not in str(notice), notice
        return chat

    with ThreadPoolExecutor(max_workers=30) as pool:
        chats = list(pool.map(interview, names))  # any error in any interview fails the test
    for name, chat in zip(names, chats, strict=True):
        candidate_turns = [text_of(m) for m in chat if m["role"] == "user"]
        assert candidate_turns == [
            f"{name} answer {n}: I cut false alarms by a third." for n in (0, 1)
        ]
        assert not any(other in words(chat) for other in names if other != name)
    after = [figure(app["url"], "roleplay_turns_total") for app in cluster["apps"]]
    served = [b - a for a, b in zip(before, after, strict=True)]
    assert sum(served) >= 90  # 30 openings and 60 replies, each counted where it was streamed
    assert sum(1 for turns in served if turns > 0) >= 2  # the balancer spread the browsers


def test_twenty_simultaneous_starts_of_a_one_attempt_scenario_give_one_attempt(
    cluster: dict[str, Any], stores: tuple[Accounts, Catalogue, SessionStore]
) -> None:
    accounts, catalogue, history = stores
    coach = accounts.add("coach-once", "coach", PASSWORD)
    accounts.add("lena", "learner", PASSWORD)
    spec = ScenarioSpec(
        title="Once only", persona=PERSONA, company="Larkspur Health", role="Analyst",
        packs=[SAMPLE], turns=2, minutes=20, attempts=1,
    )  # fmt: skip
    code = catalogue.create(coach, spec).code
    # Every process takes part: the tabs are opened on each directly, in turn.
    tabs = [page(cluster["apps"][i % 3]["url"]) for i in range(20)]
    for tab in tabs:
        tab.call("open_scenario", code, None)
        tab.call("sign_in", "lena", PASSWORD, None)
    gate = threading.Barrier(len(tabs))
    notices: list[str] = []

    def go(tab: RawClient) -> None:
        gate.wait()
        notices.append(str(start(tab)[2]))

    with ThreadPoolExecutor(max_workers=len(tabs)) as pool:
        list(pool.map(go, tabs))
    assert len(history.list(user="lena")) == 1
    assert sum("used all 1 attempts" in notice for notice in notices) == 19


def test_wrong_passwords_on_one_process_hold_up_sign_ins_on_the_others(
    cluster: dict[str, Any], stores: tuple[Accounts, Catalogue, SessionStore]
) -> None:
    accounts, _catalogue, _history = stores
    accounts.add("tomas", "learner", PASSWORD)
    apps = cluster["apps"]
    for attempt in range(5):  # the account's limit, spread over the three processes
        answer = page(apps[attempt % 3]["url"]).call("sign_in", "tomas", "a wrong guess!", None)
        assert "Wrong user name or password" in str(answer)
    for app in apps:
        answer = page(app["url"]).call("sign_in", "tomas", PASSWORD, None)
        assert "Too many tries" in str(answer)


def test_a_process_killed_mid_interview_loses_no_interview_and_no_saved_turn(
    cluster: dict[str, Any], stores: tuple[Accounts, Catalogue, SessionStore]
) -> None:
    _accounts, _catalogue, history = stores
    apps = cluster["apps"]
    open_before = [figure(app["url"], "roleplay_open_interviews") for app in apps]
    pages = [page(cluster["balancer"]) for _ in range(9)]
    for n, raw in enumerate(pages):
        start(raw, candidate=f"Kit{n}")
        raw.call("send", f"Kit{n}: I led four analysts on the churn model.", None)
    everything = [history.load(s.id) for s in history.list()]
    saved = {s.id: s for s in everything if s.setting.candidate.startswith("Kit")}
    assert len(saved) == 9
    # The process holding the most of these interviews dies at once, as in a crash.
    opened = [
        figure(app["url"], "roleplay_open_interviews") - before
        for app, before in zip(apps, open_before, strict=True)
    ]
    held = max(opened)
    victim = apps[opened.index(held)]
    assert held >= 1
    killed_at = time.monotonic()
    os.kill(victim["pid"], signal.SIGKILL)
    try:
        moved, first_moved = 0, None
        for n, raw in enumerate(pages):
            chat, _sources, notice, *_rest = raw.call("send", f"Kit{n}: I stayed five years.", None)
            if MOVED in str(notice):
                moved += 1
                first_moved = first_moved or time.monotonic() - killed_at
            assert f"Kit{n}: I stayed five years." in words(chat)
            assert "⚠️" not in str(notice), notice
        assert moved == held  # every interview the dead process held, and only those
        for session_id, before in saved.items():
            after = history.load(session_id)
            assert [t.text for t in after.turns[: len(before.turns)]] == [
                t.text for t in before.turns
            ]  # every turn saved before the crash, as it was
            assert len(after.turns) == len(before.turns) + 2  # and the interview went on
        went_on = f"the first went on {first_moved:.2f} s after the kill"
        print(f"failover: {moved} of 9 interviews moved; {went_on}")
    finally:
        restart(cluster, victim)


def restart(cluster: dict[str, Any], app: dict[str, Any]) -> None:
    """Start the killed process again on its port, with its settings (the cluster stops it)."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ROLEPLAY_")},
        **cluster["app_env"],
        "ROLEPLAY_DATA_DIR": str(Path(app["log"]).with_suffix("")),
    }
    with Path(app["log"]).open("a") as log:
        process = subprocess.Popen(
            [*cluster["app_command"], "--port", str(app["port"]), "--no-open"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    app["pid"] = process.pid
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{app['url']}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise AssertionError("the killed process did not start again")


def test_a_process_started_with_another_identity_key_is_refused(
    cluster: dict[str, Any], tmp_path: Path
) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ROLEPLAY_")},
        **cluster["app_env"],
        "ROLEPLAY_DATA_DIR": str(tmp_path / "stranger"),
        "ROLEPLAY_IDENTITY_KEY_FILE": str(tmp_path / "another-key"),
    }
    result = subprocess.run(
        [*cluster["app_command"], "--port", "1", "--no-open"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "identity key" in result.stderr and "ROLEPLAY_IDENTITY_KEY_FILE" in result.stderr


def test_the_balancer_says_ready_and_keeps_the_figures_private(cluster: dict[str, Any]) -> None:
    ready = httpx.get(f"{cluster['balancer']}/readyz", timeout=10)
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    assert httpx.get(f"{cluster['balancer']}/metrics", timeout=10).status_code == 404
    assert "roleplay_turns_total" in httpx.get(f"{cluster['apps'][0]['url']}/metrics").text

"""Killing the app mid-interview loses at most the reply being written; the session resumes.
Real parts: the `roleplay` command on the embedded model, SIGKILL, SQLite and PostgreSQL.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from roleplay.core.personas import PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.session import now
from roleplay.core.settings import Settings
from roleplay.history.sessions import SessionStore
from tests.support.builders import new_session


def wait_for_turns(store: SessionStore, count: int, timeout: float = 300) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = store.list()
        if found and found[0].turns >= count:
            return found[0].id
        time.sleep(0.05)
    raise AssertionError(f"the session never reached {count} turns")


# On SQLite, the default: a process killed with PostgreSQL behind it is the cluster's test
# (tests/e2e/test_cluster.py), and the resume reads the same store code on either.
@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_a_killed_terminal_interview_resumes_where_it_stopped(database, run_cli) -> None:
    store = SessionStore.open(Settings())
    command = Path(sys.executable).with_name("roleplay")
    chat = subprocess.Popen(
        [str(command), "chat", "--turns", "2", "--no-pack", "--no-report"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        # The model is asked to phrase each reply, so the reply takes long enough to be
        # killed in the middle of (said as planned, it is saved within milliseconds).
        env=dict(os.environ, ROLEPLAY_VOICING_TRIES="2"),
    )
    try:
        chat.stdin.write("I analysed clinic data for three years.\n")
        chat.stdin.flush()
        session_id = wait_for_turns(store, 2)  # the answer is saved; the reply is being written
        chat.send_signal(signal.SIGKILL)
        chat.wait(timeout=30)
    finally:
        if chat.poll() is None:
            chat.kill()

    saved = store.load(session_id)
    assert [t.speaker for t in saved.turns][-1] == "candidate"
    assert not saved.finished

    listed = run_cli("sessions", "list")
    assert session_id in listed.stdout and "unfinished" in listed.stdout

    resumed = run_cli(
        "chat",
        "--resume",
        session_id,
        "--no-report",
        stdin="I want to stay and grow with a small team.\n",
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"Resuming session {session_id}" in resumed.stderr
    assert "I analysed clinic data for three years." in resumed.stdout
    final = store.load(session_id)
    assert final.finished and final.end_reason == "turn_limit"
    assert [t.text for t in final.turns if t.speaker == "candidate"] == [
        "I analysed clinic data for three years.",
        "I want to stay and grow with a small team.",
    ]
    speakers = [t.speaker for t in final.turns]
    assert all(a != b for a, b in itertools.pairwise(speakers)), speakers


# (What the command says of a saved session is the same on either database; the saving itself
# is shown on both by the test above and tests/integration/test_history.py.)
def test_a_finished_session_cannot_be_resumed(run_cli) -> None:
    persona = PersonaLibrary([shipped_dir("personas")]).get("anxious-hiring-manager")
    said = [("interviewer", "Hello."), ("candidate", "Hello there."), ("interviewer", "Thanks.")]
    done = new_session(persona, said=said, max_turns=1, end_reason="turn_limit", ended_at=now())
    assert done.finished
    SessionStore.open(Settings()).record(done)
    session_id = done.id
    again = run_cli("chat", "--resume", session_id)
    assert again.returncode == 1
    assert f"Session {session_id} is finished" in again.stderr
    assert "Traceback" not in again.stderr


def test_report_of_a_saved_session_as_markdown_and_json(run_cli, tmp_path) -> None:
    done = run_cli("chat", "--turns", "1", "--no-pack", stdin="I cut costs by 20% at Acme.\n")
    assert done.returncode == 0, done.stderr
    assert "Feedback" in done.stdout
    session_id = SessionStore.open(Settings()).list()[0].id
    markdown = run_cli("report", session_id)
    assert markdown.returncode == 0, markdown.stderr
    assert markdown.stdout.startswith("# Feedback: Morgan Ellis")
    assert "## Metrics" in markdown.stdout
    target = tmp_path / "report.json"
    as_json = run_cli("report", session_id, "--format", "json", "-o", str(target))
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(target.read_text())
    assert data["session_id"] == session_id
    assert data["metrics"]["answers"] == 1
    said = " ".join(t.text for t in SessionStore.open(Settings()).load(session_id).turns)
    for criterion in data["criteria"]:
        for quote in criterion["evidence"]:
            assert quote.lower() in said.lower()

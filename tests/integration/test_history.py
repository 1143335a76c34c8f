"""Saved sessions on SQLite and on a real PostgreSQL: written turn by turn, read back whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.dialects import sqlite

from roleplay.core.personas import Persona
from roleplay.core.session import Setting
from roleplay.core.settings import Settings
from roleplay.history.database import (
    HistoryError,
    alembic_config,
    connect,
    database_url,
    migrate,
)
from roleplay.history.listing import LIST_LIMIT, LIST_SQL, SCHEMA_HEAD, quick_list
from roleplay.history.sessions import LOCAL_USER, SessionStore, list_query
from roleplay.interview.engine import Interview
from roleplay.interview.prompts import Prompts
from roleplay.llm.backend import ChatBackend
from tests.support.builders import new_session
from tests.support.fakes import ScriptedChatModel

NOTES = json.dumps(
    {
        "mood": 0.3,
        "worries": [
            {
                "id": "overqualified-flight-risk",
                "status": "eased",
                "evidence": "I want to stay for years",
            }
        ],
        "lean": "hire",
        "thought": "Steadier than I feared.",
        "next_focus": "team fit",
    }
)


@pytest.fixture
def interview(anxious: Persona, setting: Setting, backend: ChatBackend, prompts: Prompts, history):
    def make(**options) -> Interview:
        options.setdefault("background_notes", False)
        return Interview(anxious, setting, backend, prompts, recorder=history.record, **options)

    return make


def test_each_turn_is_in_the_database_as_soon_as_it_is_said(
    interview, history: SessionStore, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue("Hello Sam, tell me about yourself?")
    live = interview()
    "".join(live.open())
    assert [t.text for t in history.load(live.session.id).turns] == [live.session.turns[0].text]
    scripted.enqueue("Why do you want to stay?", NOTES)
    "".join(live.answer("I want to stay for years and grow here."))
    saved = history.load(live.session.id)
    assert [t.speaker for t in saved.turns] == ["interviewer", "candidate", "interviewer"]
    assert saved.turns[1].text == "I want to stay for years and grow here."


def test_a_saved_session_reads_back_identical(
    interview, history: SessionStore, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue("Hello Sam?", "Tell me more?", NOTES, "Thanks, goodbye.")
    live = interview(max_turns=2)
    "".join(live.open())
    "".join(live.answer("I want to stay for years and grow here."))
    "".join(live.end())
    saved = history.load(live.session.id)
    assert saved.model_dump() == live.session.model_dump()
    assert saved.finished and saved.end_reason == "candidate_closed"
    assert saved.turns[0].plan is not None and saved.turns[0].voiced_by in ("model", "plan")


def test_notes_that_arrive_after_the_reply_are_saved_too(
    interview, history: SessionStore, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue("Hello Sam?", "Why this role?", NOTES)
    live = interview(background_notes=True)
    "".join(live.open())
    "".join(live.answer("I want to stay for years and grow here."))
    live.wait_for_notes()
    saved = history.load(live.session.id)
    assert saved.turns[-1].notes is not None
    assert saved.turns[-1].notes.worry("overqualified-flight-risk").status == "eased"
    assert "I want to stay for years and grow here." in saved.notes.thought


def test_sources_given_to_a_turn_are_saved(
    anxious, setting, backend, prompts, history: SessionStore, scripted: ScriptedChatModel
) -> None:
    from roleplay.core.session import Source

    passage = Source(source="overview.md", location="Leadership", snippet="Dr. Okafor", score=0.5)
    live = Interview(
        anxious,
        setting,
        backend,
        prompts,
        retriever=lambda session, stage: [passage],
        recorder=history.record,
        background_notes=False,
    )
    scripted.enqueue("Hello Sam?")
    "".join(live.open())
    assert history.load(live.session.id).turns[0].sources == [passage]


def test_sessions_are_listed_newest_first_with_their_state(
    interview, history: SessionStore, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue("First?", "Second?")
    older, newer = interview(), interview()
    "".join(older.open())
    "".join(newer.open())
    listed = history.list()
    assert [s.id for s in listed] == [newer.session.id, older.session.id]
    assert listed[0].turns == 1 and not listed[0].finished and listed[0].overall is None


def test_the_quick_list_reads_what_the_store_lists(
    interview, history: SessionStore, scripted: ScriptedChatModel, database: str | None
) -> None:
    scripted.enqueue("First?", "Second?")
    older, newer = interview(), interview()
    "".join(older.open())
    "".join(newer.open())
    history.save_report(newer.session.id, {"overall": 61.0}, rubric_id="formal", overall=61.0)
    quick = quick_list(Settings())
    if database:  # PostgreSQL: the store answers, the quick list steps aside
        assert quick is None
    else:
        assert quick == history.list() and len(quick) == 2 and quick[0].overall == 61.0


def test_the_quick_lists_sql_is_the_stores_query() -> None:
    compiled = list_query().compile(dialect=sqlite.dialect())
    written = "\n".join(
        line
        for line in LIST_SQL.read_text(encoding="utf-8").splitlines()
        if not line.startswith("--")
    )
    assert written.strip() == str(compiled).strip(), (
        "rewrite roleplay/history/sql/list_sessions.sql"
    )
    assert [compiled.params[name] for name in compiled.positiontup or []] == [LIST_LIMIT, 0]


def test_the_schema_head_the_app_opens_without_alembic_is_alembics_head() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_current_head() == SCHEMA_HEAD


def test_a_database_on_an_older_schema_is_listed_by_the_store_which_upgrades_it(
    isolated_environment: Path,
) -> None:
    settings = Settings()
    engine = connect(database_url(settings))
    migrate(engine, "0006")
    engine.dispose()
    assert quick_list(settings) is None  # not at the head: the store must migrate first
    assert SessionStore.open(settings).list() == []
    assert quick_list(settings) == []


def test_listing_before_anything_is_saved_makes_no_database(isolated_environment: Path) -> None:
    assert quick_list(Settings()) == []
    assert not (isolated_environment / "roleplay.db").exists()


def test_another_users_session_cannot_be_loaded_by_id(
    anxious, setting, backend, prompts, history: SessionStore, scripted: ScriptedChatModel
) -> None:
    live = Interview(
        anxious,
        setting,
        backend,
        prompts,
        recorder=lambda session: history.record(session, user="browser-a"),
        background_notes=False,
    )
    scripted.enqueue("Hello?")
    "".join(live.open())
    assert history.load(live.session.id, user="browser-a").id == live.session.id
    with pytest.raises(HistoryError, match="no saved session"):
        history.load(live.session.id, user="browser-b")
    assert history.list(user="browser-b") == []


def test_the_newest_report_scores_the_session(
    interview, history: SessionStore, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue("Hello?")
    live = interview()
    "".join(live.open())
    history.save_report(live.session.id, {"overall": 40.0}, rubric_id="formal", overall=40.0)
    history.save_report(live.session.id, {"overall": 75.0}, rubric_id="formal", overall=75.0)
    assert history.list()[0].overall == 75.0
    assert history.latest_report(live.session.id) == {"overall": 75.0}


def test_deleting_a_session_removes_its_turns_and_reports(
    interview, history: SessionStore, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue("Hello?")
    live = interview()
    "".join(live.open())
    history.save_report(live.session.id, {}, rubric_id="formal", overall=None)
    history.delete(live.session.id)
    assert history.list() == []
    with pytest.raises(HistoryError):
        history.load(live.session.id)


def test_a_failed_save_is_reported_and_the_interview_goes_on(
    anxious, setting, backend, prompts, scripted: ScriptedChatModel
) -> None:
    def broken(session) -> None:
        raise HistoryError("The session database failed: disk I/O error.")

    live = Interview(anxious, setting, backend, prompts, recorder=broken, background_notes=False)
    scripted.enqueue("Hello Sam?")
    assert "".join(live.open()) == live.session.turns[0].text
    assert "disk I/O error" in live.save_error


def test_resume_after_a_lost_reply_asks_the_interviewer_again(
    anxious, setting, backend, prompts, interview, history: SessionStore, scripted
) -> None:
    scripted.enqueue("Hello Sam?")
    live = interview()
    "".join(live.open())
    live.session.add_turn("candidate", "I want to stay for years.")
    history.record(live.session)  # the app died while the reply was being written

    resumed = Interview.resume(
        history.load(live.session.id),
        anxious,
        backend,
        prompts,
        recorder=history.record,
        background_notes=False,
    )
    assert resumed.can_retry
    scripted.enqueue("Why do you want to stay?", NOTES)
    assert "".join(resumed.retry()) == resumed.session.turns[-1].text
    assert [t.speaker for t in history.load(live.session.id).turns] == [
        "interviewer",
        "candidate",
        "interviewer",
    ]


def test_resume_keeps_the_time_already_used(anxious, backend, prompts, history, scripted) -> None:
    from datetime import timedelta

    clock = [1000.0]
    session = new_session(
        anxious,
        Setting(company="Acme", role="Analyst", candidate="Sam"),
        said=[("interviewer", "Hello?")],
    )
    session.turns[0].at = session.started_at + timedelta(minutes=29)
    resumed = Interview.resume(session, anxious, backend, prompts, clock=lambda: clock[0])
    assert 28.9 < resumed.elapsed_minutes() < 29.1


def test_migrations_build_the_schema_on_an_empty_database(database: str | None) -> None:
    engine = connect(database_url(Settings()))
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert {
        "users",
        "sessions",
        "turns",
        "sources_used",
        "notes_snapshots",
        "reports",
        "scenarios",
        "comments",
        "logins",
    } <= tables
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == SCHEMA_HEAD


def test_upgrading_from_the_previous_schema_keeps_saved_sessions(
    database: str | None, anxious: Persona
) -> None:
    from roleplay.core.notes import PrivateNotes

    engine = connect(database_url(Settings()))
    migrate(engine, "0002")  # the schema before coaching
    assert "scenarios" not in inspect(engine).get_table_names()
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO users (id, name, created_at) VALUES (1, 'local', :at)"),
            {"at": "2026-01-01 10:00:00"},
        )
        connection.execute(
            text(
                "INSERT INTO sessions (id, user_id, persona_id, persona_name, mode, company, role,"
                " candidate, max_turns, minutes, started_at, model, packs, candidate_packs, notes)"
                " VALUES ('old1', 1, 'anxious-hiring-manager', 'Morgan Ellis', 'formal', 'Acme',"
                " 'Analyst', 'Sam', 8, 30, :at, 'x', '[]', '[]', :notes)"
            ),
            {"at": "2026-01-01 10:00:00", "notes": PrivateNotes.initial(anxious).model_dump_json()},
        )
        connection.execute(
            text(
                'INSERT INTO turns (session_id, "index", speaker, text, at, scripted)'
                " VALUES ('old1', 0, 'interviewer', 'Hello from before the upgrade', :at, false)"
            ),
            {"at": "2026-01-01 10:00:01"},
        )
        connection.execute(
            text(
                "INSERT INTO reports (session_id, created_at, rubric_id, overall, report)"
                " VALUES ('old1', :at, 'formal', 50.0, '{}')"
            ),
            {"at": "2026-01-01 10:30:00"},
        )
    store = SessionStore.open(Settings())  # opening migrates to the newest schema
    assert "scenarios" in inspect(engine).get_table_names()
    saved = store.load("old1")
    assert saved.turns[0].text == "Hello from before the upgrade"
    assert store.list()[0].overall == 50.0
    # The terminal's history moved to a name no account can register.
    assert [s.id for s in store.list(user=LOCAL_USER)] == ["old1"] and LOCAL_USER == "cli:local"


def test_an_unreachable_database_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support.servers import free_port

    url = f"postgresql://nobody:secret@127.0.0.1:{free_port()}/nowhere"
    with pytest.raises(HistoryError) as caught:
        SessionStore.open(Settings(database_url=url))
    message = str(caught.value)
    assert "Could not open the session database" in message
    assert "ROLEPLAY_DATABASE_URL" in message
    assert "secret" not in message


def test_a_malformed_database_url_is_named() -> None:
    with pytest.raises(HistoryError, match="not a database URL"):
        SessionStore.open(Settings(database_url="not a url"))

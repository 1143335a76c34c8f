"""What holds when several server processes share one database: each "process" here has its
own engine and stores over the same database (SQLite and PostgreSQL), so nothing is shared but
the database itself, as between processes. The cluster tests run the same with real processes."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from roleplay.coaching.accounts import AccountError, Accounts
from roleplay.coaching.reviews import ReviewError, Reviews
from roleplay.core.settings import Settings
from roleplay.history.database import open_database
from roleplay.history.server_keys import KeyMismatch
from roleplay.history.sessions import SessionStore
from roleplay.web.keys import IDENTITY_KEY_FILE
from roleplay.web.services import Services
from tests.support.coaching import SPEC, CoachingWorld, record_attempt

PROCESSES = 4


@pytest.fixture
def world(database, anxious) -> CoachingWorld:
    return CoachingWorld(anxious)


@pytest.fixture
def shared_database(database: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database named by URL, as every process of a cluster is given it."""
    if database is None:
        database = f"sqlite:///{tmp_path / 'shared.db'}"
        monkeypatch.setenv("ROLEPLAY_DATABASE_URL", database)
    return database


def test_twenty_simultaneous_starts_of_a_one_attempt_scenario_give_exactly_one(
    world: CoachingWorld,
) -> None:
    once = world.catalogue.create(world.ana, SPEC.model_copy(update={"attempts": 1}))
    processes = [
        (Reviews(factory), SessionStore(factory))
        for factory in (open_database(Settings()) for _ in range(PROCESSES))
    ]
    gate = threading.Barrier(20)
    started: list[str] = []
    refused: list[str] = []

    def start(i: int) -> None:
        reviews, history = processes[i % PROCESSES]
        gate.wait()
        try:
            reviews.begin_attempt(
                world.leo,
                once,
                lambda: started.append(record_attempt(history, world.anxious, world.leo, once)),
            )
        except ReviewError as error:
            refused.append(str(error))

    threads = [threading.Thread(target=start, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(started) == 1
    assert len(refused) == 19 and all("used all 1 attempts" in r for r in refused)
    assert len(world.reviews.attempts(world.ana, once)) == 1


def test_a_start_that_fails_to_record_does_not_use_up_the_attempt(world: CoachingWorld) -> None:
    once = world.catalogue.create(world.ana, SPEC.model_copy(update={"attempts": 1}))

    def broken() -> None:
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        world.reviews.begin_attempt(world.leo, once, broken)
    world.reviews.begin_attempt(world.leo, once, lambda: world.attempt(world.leo, once))
    with pytest.raises(ReviewError, match="used all 1 attempts"):
        world.reviews.check_can_start(world.leo, once)


def test_attempts_made_before_claims_existed_still_count(world: CoachingWorld) -> None:
    world.attempt(world.leo, world.anas)
    world.attempt(world.leo, world.anas)  # recorded directly: no claim, as before schema 0011
    with pytest.raises(ReviewError, match="used all 2 attempts"):
        world.reviews.begin_attempt(world.leo, world.anas, lambda: None)


def test_wrong_passwords_in_one_process_hold_up_sign_ins_in_another(database) -> None:
    first, second = (Accounts(open_database(Settings()), attempts=2) for _ in range(2))
    first.add("leo", "learner", "learner-password")
    for accounts in (first, second):
        with pytest.raises(AccountError, match="Wrong user name or password"):
            accounts.sign_in("leo", "guess-guess", client="10.0.0.1")
    with pytest.raises(AccountError, match="Too many tries"):
        first.sign_in("leo", "learner-password", client="10.0.0.2")


def test_a_right_password_clears_the_accounts_failures_for_every_process(database) -> None:
    first, second = (Accounts(open_database(Settings()), attempts=2) for _ in range(2))
    first.add("leo", "learner", "learner-password")
    with pytest.raises(AccountError):
        first.sign_in("leo", "guess-guess")
    second.sign_in("leo", "learner-password")
    with pytest.raises(AccountError, match="Wrong user name"):
        first.sign_in("leo", "guess-guess")  # one failure since the success: not held up yet


def services_in(data_dir: Path) -> Services:
    return Services(Settings(data_dir=data_dir))


def test_processes_with_the_same_key_file_share_the_identity_key(
    shared_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEPLAY_IDENTITY_KEY_FILE", str(tmp_path / "shared-key"))
    first, second = services_in(tmp_path / "one"), services_in(tmp_path / "two")
    assert first.identity_key == second.identity_key
    # The pages' storage key (public) is the first process's everywhere, so values a page
    # stored still read when it lands on another process.
    assert first.page_storage_key == second.page_storage_key


def test_a_process_with_another_identity_key_is_refused_at_its_start(
    shared_database: str, tmp_path: Path
) -> None:
    services_in(tmp_path / "one").identity_key  # noqa: B018 - the first process records its key
    stranger = services_in(tmp_path / "two")  # its own data directory: another key
    with pytest.raises(KeyMismatch, match="ROLEPLAY_IDENTITY_KEY_FILE"):
        stranger.identity_key  # noqa: B018
    # Changed on purpose, the new key is the one; the old process's key is refused from then.
    stranger.adopt_identity_key()
    assert stranger.identity_key
    with pytest.raises(KeyMismatch):
        services_in(tmp_path / "one").identity_key  # noqa: B018


def test_the_database_keeps_a_fingerprint_never_the_key(
    shared_database: str, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from roleplay.history.shared_tables import ServerKey

    services = services_in(tmp_path)
    key = services.identity_key
    assert (tmp_path / IDENTITY_KEY_FILE).read_text().strip() == key
    with services.history.factory() as db:
        stored = db.scalar(select(ServerKey.value).where(ServerKey.name == "identity"))
    assert stored and key not in stored and stored != key


def test_processes_starting_at_once_on_a_new_postgresql_database_all_open_it(
    postgres: str, tmp_path: Path
) -> None:
    """Real processes: one migrates the new database, the others wait for it, none fails."""
    import os
    import subprocess
    import sys

    from tests.support.servers import fresh_database

    environment = {**os.environ, "ROLEPLAY_DATABASE_URL": fresh_database(postgres)}
    program = (
        "from roleplay.core.settings import Settings;"
        "from roleplay.history.database import open_database;"
        "open_database(Settings())"
    )
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", program],
            env={**environment, "ROLEPLAY_DATA_DIR": str(tmp_path / str(i))},
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(PROCESSES)
    ]
    failures = [p.communicate(timeout=120)[1] for p in starts if p.wait(timeout=120) != 0]
    assert not failures

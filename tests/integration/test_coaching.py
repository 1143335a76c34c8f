"""Coaching's data layer on SQLite and PostgreSQL: accounts, sign-ins, scenarios, YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError
from sqlalchemy import select, text

from roleplay.coaching.accounts import UNAVAILABLE, AccountError, Accounts
from roleplay.coaching.scenario_catalogue import Catalogue
from roleplay.coaching.scenarios import (
    ScenarioError,
    ScenarioSpec,
    read_scenario,
    scenario_yaml,
)
from roleplay.core.personas import Persona, PersonaError
from roleplay.core.resources import shipped_dir
from roleplay.core.settings import Settings
from roleplay.feedback.rubrics import RubricError
from roleplay.history.database import connect, database_url, migrate, open_database
from roleplay.history.tables import User

SPEC = ScenarioSpec(
    title="Analyst at Quillon",
    persona="anxious-hiring-manager",
    company="Quillon Robotics",
    role="Field Data Analyst",
    packs=["Quillon research"],
    objectives=["Tell one story with a number in it."],
    turns=5,
    minutes=15,
    difficulty="tough",
    feedback="after_review",
    attempts=2,
)


@pytest.fixture
def factory(database: str | None):
    return open_database(Settings())


@pytest.fixture
def accounts(factory) -> Accounts:
    return Accounts(factory)


@pytest.fixture
def catalogue(factory) -> Catalogue:
    return Catalogue(factory)


def test_passwords_are_stored_as_argon2_hashes(accounts: Accounts, factory) -> None:
    accounts.add("ana", "coach", "correct horse battery")
    with factory() as db:
        stored = db.scalar(select(User.password_hash).where(User.name == "ana"))
    assert stored.startswith("$argon2id$")
    assert "correct horse" not in stored


def test_the_right_password_signs_in_and_a_wrong_one_does_not(accounts: Accounts) -> None:
    accounts.add("leo", "learner", "learner-password")
    assert accounts.authenticate("leo", "learner-password").role == "learner"
    with pytest.raises(AccountError, match="Wrong user name or password"):
        accounts.authenticate("leo", "guess-guess")
    with pytest.raises(AccountError, match="Wrong user name or password"):
        accounts.authenticate("nobody", "learner-password")


def test_names_are_unique_and_passwords_long_enough(accounts: Accounts) -> None:
    accounts.add("ana", "coach", "long enough")
    with pytest.raises(AccountError, match="not available"):
        accounts.add("ana", "learner", "long enough")
    with pytest.raises(AccountError, match="at least 8 characters"):
        accounts.add("bob", "learner", "short")
    with pytest.raises(AccountError, match="user name is"):
        accounts.add(" spaced out", "learner", "long enough")


@pytest.mark.parametrize("name", ["local", "LOCAL", "samples", "admin", "cli"])
def test_reserved_names_cannot_be_registered_and_say_so_like_a_taken_one(
    accounts: Accounts, name: str
) -> None:
    with pytest.raises(AccountError) as reserved:
        accounts.add(name, "learner", "long enough")
    accounts.add("taken", "learner", "long enough")
    with pytest.raises(AccountError) as taken:
        accounts.add("taken", "learner", "long enough")
    assert str(reserved.value) == str(taken.value) == UNAVAILABLE


def test_wrong_passwords_lock_an_account_for_a_while_then_it_works(factory) -> None:
    accounts = Accounts(factory, attempts=2, window_seconds=60)
    now = [1000.0]
    accounts.per_account.clock = accounts.per_address.clock = lambda: now[0]
    accounts.add("leo", "learner", "learner-password")
    for _ in range(2):
        with pytest.raises(AccountError, match="Wrong user name or password"):
            accounts.sign_in("leo", "guess-guess", client="10.0.0.1")
    # Locked now, even with the right password, and from another address too.
    with pytest.raises(AccountError, match=r"Too many tries\. Wait 60 s"):
        accounts.sign_in("leo", "learner-password", client="10.0.0.2")
    now[0] += 61
    assert accounts.sign_in("leo", "learner-password", client="10.0.0.1")[0].name == "leo"


def _hash(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


def test_a_name_differing_only_in_case_is_taken(accounts: Accounts) -> None:
    accounts.add("leo", "learner", "learner-password")
    with pytest.raises(AccountError, match="not available"):
        accounts.add("LEO", "learner", "another-password")
    # And a name is signed in to whatever case it is typed in.
    assert accounts.sign_in("Leo", "learner-password")[0].name == "leo"


def accounts_clashing_by_case(names: tuple[str, ...] = ("leo", "LEO")) -> None:
    """Accounts made before names were unique whatever their case (schema 0006)."""
    engine = connect(database_url(Settings()))
    migrate(engine, "0006")
    with engine.begin() as connection:
        for user_id, name in enumerate(names, 1):
            connection.execute(
                text(
                    "INSERT INTO users (id, name, created_at, role, password_hash)"
                    " VALUES (:id, :name, :at, 'learner', :hash)"
                ),
                {"id": user_id, "name": name, "at": "2026-01-01", "hash": _hash(f"{name} pw")},
            )


def test_clashes_by_case_from_before_the_rule_are_reported_and_still_sign_in(
    database: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    accounts_clashing_by_case()
    with caplog.at_level("WARNING", logger="roleplay.migrations"):
        accounts = Accounts(open_database(Settings()))  # migrates to the newest schema
    assert "differ only in case: leo, LEO" in caplog.text
    assert accounts.sign_in("LEO", "LEO pw")[0].name == "LEO"
    assert accounts.sign_in("leo", "leo pw")[0].name == "leo"


def test_signing_in_to_a_look_alike_name_keeps_the_other_accounts_limit(
    database: str | None,
) -> None:
    accounts_clashing_by_case()
    accounts = Accounts(open_database(Settings()), attempts=3, window_seconds=60)
    for _ in range(2):
        with pytest.raises(AccountError, match="Wrong"):
            accounts.sign_in("leo", "guess-guess")
    accounts.sign_in("LEO", "LEO pw")  # the attacker's own look-alike account
    with pytest.raises(AccountError, match="Wrong"):
        accounts.sign_in("leo", "guess-guess")
    with pytest.raises(AccountError, match="Too many tries"):
        accounts.sign_in("leo", "guess-guess")


def test_one_address_guessing_many_accounts_is_held_up(factory) -> None:
    accounts = Accounts(factory, attempts=1, window_seconds=60)  # 4 per address
    for name in ("a1", "a2", "a3", "a4"):
        with pytest.raises(AccountError, match="Wrong"):
            accounts.sign_in(name, "guess-guess", client="10.0.0.9")
    with pytest.raises(AccountError, match="Too many tries"):
        accounts.sign_in("a5", "guess-guess", client="10.0.0.9")
    with pytest.raises(AccountError, match="Wrong"):
        accounts.sign_in("a5", "guess-guess", client="10.0.0.10")


def test_refused_sign_ups_count_against_the_address(factory) -> None:
    accounts = Accounts(factory, attempts=1, window_seconds=60)
    for _ in range(4):
        with pytest.raises(AccountError, match="not available"):
            accounts.sign_up("local", "long enough", client="10.0.0.7")
    with pytest.raises(AccountError, match="Too many tries"):
        accounts.sign_up("fresh-name", "long enough", client="10.0.0.7")
    assert accounts.sign_up("fresh-name", "long enough", client="10.0.0.8")[0].role == "learner"


def test_a_sign_in_token_works_until_it_expires_or_signs_out(factory) -> None:
    accounts = Accounts(factory)
    accounts.add("leo", "learner", "learner-password")
    account, token = accounts.sign_in("leo", "learner-password")
    assert accounts.signed_in(token) == account
    accounts.sign_out(token)
    assert accounts.signed_in(token) is None
    expired = Accounts(factory, login_hours=-1)
    _, old_token = expired.sign_in("leo", "learner-password")
    assert expired.signed_in(old_token) is None
    assert accounts.signed_in("made-up-token") is None


def test_only_coaches_create_scenarios(accounts: Accounts, catalogue: Catalogue) -> None:
    learner = accounts.add("leo", "learner", "learner-password")
    with pytest.raises(ScenarioError, match="Only a coach"):
        catalogue.create(learner, SPEC)


def test_a_coach_cannot_touch_another_coachs_scenario(
    accounts: Accounts, catalogue: Catalogue
) -> None:
    ana = accounts.add("ana", "coach", "ana-password")
    ben = accounts.add("ben", "coach", "ben-password")
    mine = catalogue.create(ana, SPEC)
    edited = SPEC.model_copy(update={"title": "Ben's now"})
    # Someone else's scenario and no scenario at all look the same from outside.
    for code in (mine.code, "no-such-code"):
        with pytest.raises(ScenarioError, match=f"You have no scenario '{code}'"):
            catalogue.update(ben, code, edited)
    assert catalogue.update(ana, mine.code, edited).spec.title == "Ben's now"
    assert [s.code for s in catalogue.list(ben)] == []


def test_a_scenario_naming_an_interviewer_or_rubric_not_here_is_refused(
    accounts: Accounts, catalogue: Catalogue
) -> None:
    ana = accounts.add("ana", "coach", "ana-password")
    mine = catalogue.create(ana, SPEC)
    for change, problem in (
        ({"persona": "nobody-here"}, PersonaError),
        ({"rubric": "no-such-rubric"}, RubricError),
    ):
        wrong = SPEC.model_copy(update=change)
        with pytest.raises(problem):
            catalogue.create(ana, wrong)
        with pytest.raises(problem):
            catalogue.update(ana, mine.code, wrong)
    assert [s.spec for s in catalogue.list(ana)] == [SPEC]


def test_scenario_codes_are_unguessable(accounts: Accounts, catalogue: Catalogue) -> None:
    ana = accounts.add("ana", "coach", "ana-password")
    codes = {catalogue.create(ana, SPEC).code for _ in range(5)}
    assert len(codes) == 5 and all(len(code) >= 12 and code.isalnum() for code in codes)


def test_two_sample_scenarios_ship_and_load_once(catalogue: Catalogue) -> None:
    catalogue.ensure_samples()
    catalogue.ensure_samples()
    samples = [s for s in catalogue.list() if s.owner == "samples"]
    assert len(samples) == 2
    assert {s.spec.persona for s in samples} == {
        "anxious-hiring-manager",
        "relaxed-industry-leader",
    }


def test_yaml_round_trip_keeps_every_field(tmp_path: Path) -> None:
    path = tmp_path / "scenario.yaml"
    path.write_text(scenario_yaml(SPEC))
    assert read_scenario(path) == SPEC


def test_shipped_sample_files_are_valid() -> None:
    files = sorted(shipped_dir("scenarios").glob("*.yaml"))
    assert len(files) == 2
    for path in files:
        read_scenario(path)


def test_a_bad_scenario_file_names_the_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(scenario_yaml(SPEC).replace("feedback: after_review", "feedback: never"))
    with pytest.raises(ScenarioError, match=r"bad.yaml: field 'feedback'"):
        read_scenario(path)


def test_difficulty_moves_the_interviewers_temperament(anxious: Persona) -> None:
    tough = SPEC.interviewer(anxious)
    gentle = SPEC.model_copy(update={"difficulty": "gentle"}).interviewer(anxious)
    standard = SPEC.model_copy(update={"difficulty": "standard"}).interviewer(anxious)
    assert tough.temperament.anxiety > standard.temperament.anxiety > gentle.temperament.anxiety
    assert standard == anxious


def test_exported_yaml_imports_on_a_fresh_data_directory(run_cli, tmp_path: Path) -> None:
    assert run_cli("users", "add", "ana", "--coach", "--password", "ana-password").returncode == 0
    sample = shipped_dir("scenarios") / "product-analyst-formal.yaml"
    created = run_cli("scenario", "import", str(sample))
    assert created.returncode == 0, created.stderr
    code = created.stdout.strip()
    exported = tmp_path / "shared.yaml"
    assert run_cli("scenario", "export", code, "-o", str(exported)).returncode == 0

    fresh = {"ROLEPLAY_DATA_DIR": str(tmp_path / "elsewhere")}
    run_cli("users", "add", "cara", "--coach", "--password", "cara-password", env=fresh)
    imported = run_cli("scenario", "import", str(exported), env=fresh)
    assert imported.returncode == 0, imported.stderr
    shown = run_cli("scenario", "show", imported.stdout.strip(), env=fresh)
    assert read_scenario(exported) == ScenarioSpec.model_validate(yaml.safe_load(shown.stdout))
    assert read_scenario(exported) == read_scenario(sample)


def test_users_add_asks_for_the_password_when_not_given(run_cli) -> None:
    result = run_cli("users", "add", "leo", "--learner", stdin="learner-pass\nlearner-pass\n")
    assert result.returncode == 0, result.stderr
    accounts = Accounts(open_database(Settings()))
    assert accounts.authenticate("leo", "learner-pass").name == "leo"


def test_cli_errors_are_one_clear_line(run_cli) -> None:
    result = run_cli("users", "add", "leo", "--learner", "--password", "short")
    assert result.returncode == 1
    assert result.stderr.strip() == "error: A password needs at least 8 characters."


def test_scenario_delete_asks_first_and_names_what_happens(run_cli) -> None:
    assert run_cli("users", "add", "ana", "--coach", "--password", "ana-password").returncode == 0
    sample = shipped_dir("scenarios") / "product-analyst-formal.yaml"
    code = run_cli("scenario", "import", str(sample)).stdout.strip()
    kept = run_cli("scenario", "delete", code, stdin="n\n")
    assert kept.returncode == 1 and "Delete 'Product Analyst" in kept.stdout
    assert run_cli("scenario", "show", code).returncode == 0
    deleted = run_cli("scenario", "delete", code, "--yes")
    assert deleted.returncode == 0, deleted.stderr
    assert "0 attempt(s) stay" in deleted.stderr
    gone = run_cli("scenario", "show", code)
    assert gone.returncode == 1 and f"There is no scenario '{code}'" in gone.stderr
    samples = run_cli("scenario", "delete", "sample-product-analyst-formal", "--yes")
    assert samples.returncode == 1 and "You have no scenario" in samples.stderr


def test_scenario_create_checks_the_rubric_it_names(run_cli) -> None:
    assert run_cli("users", "add", "ana", "--coach", "--password", "ana-password").returncode == 0
    common = ("--persona", "anxious-hiring-manager", "--company", "Acme", "--role", "Analyst")
    wrong = run_cli("scenario", "create", "--title", "Wrong", *common, "--rubric", "nope")
    assert wrong.returncode == 1
    assert "No rubric 'nope'" in wrong.stderr and "formal, informational" in wrong.stderr
    made = run_cli("scenario", "create", "--title", "Mixed", *common, "--rubric", "informational")
    assert made.returncode == 0, made.stderr
    shown = yaml.safe_load(run_cli("scenario", "show", made.stdout.strip()).stdout)
    assert shown["rubric"] == "informational"


def test_scenario_files_with_yaml_aliases_are_refused(tmp_path: Path) -> None:
    from roleplay.coaching.sharing import read_scenario_file

    bomb = tmp_path / "laughs.yaml"
    bomb.write_text('a: &a ["lol","lol"]\nb: [*a,*a]\ntitle: x\n')
    with pytest.raises(ScenarioError, match="anchor or alias"):
        read_scenario_file(bomb)


def test_oversize_scenario_files_are_refused_before_reading(tmp_path: Path) -> None:
    from roleplay.coaching.sharing import read_scenario_file

    big = tmp_path / "big.yaml"
    big.write_text("title: " + "x" * 3000 + "\n")
    with pytest.raises(ScenarioError, match=r"over the 0\.00190735 MB limit"):
        read_scenario_file(big, max_bytes=2000)


@pytest.mark.parametrize("rubric", ["../../etc/passwd", "formal/../formal", "/abs", "Formal"])
def test_a_rubric_is_named_by_a_known_id_never_a_path(rubric: str) -> None:
    from roleplay.feedback.rubrics import RubricError, rubric_for

    with pytest.raises(RubricError, match="No rubric"):
        rubric_for(rubric)
    with pytest.raises(ValidationError):
        ScenarioSpec.model_validate({**SPEC.model_dump(), "rubric": rubric})

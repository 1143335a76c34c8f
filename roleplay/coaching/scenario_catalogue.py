"""Scenarios in the database: created by coaches, shared by an unguessable code in a link."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import sessionmaker

from roleplay.coaching.accounts import Account
from roleplay.coaching.research import usable
from roleplay.coaching.scenarios import ScenarioError, ScenarioSpec, read_scenario
from roleplay.core.datafiles import validate
from roleplay.core.personas import Persona, PersonaLibrary
from roleplay.core.resources import shipped_dir
from roleplay.core.session import Setting
from roleplay.feedback.rubrics import rubric_for
from roleplay.history.tables import ScenarioRow, SessionRow, User
from roleplay.knowledge.store import PackStore

SAMPLES_OWNER = "samples"
_CODE_ALPHABET = string.ascii_letters + string.digits


def new_code() -> str:
    """An unguessable code (71 bits) of letters and digits: safe in a URL and on a command
    line (a code starting with '-' would read as an option)."""
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))


@dataclass(frozen=True)
class Scenario:
    id: int
    code: str
    owner: str
    spec: ScenarioSpec
    updated_at: datetime

    def setup(self, personas: PersonaLibrary, store: PackStore, candidate: str) -> ScenarioSetup:
        """What an attempt at this scenario is held with, whatever the learner's page sends:
        its interviewer at its difficulty, its setting, and only research its coach may use."""
        spec = self.spec
        return ScenarioSetup(
            persona=spec.interviewer(personas.get(spec.persona)),
            setting=Setting(company=spec.company, role=spec.role, candidate=candidate),
            packs=usable(store, self.owner, spec.packs),
            turns=spec.turns,
            minutes=spec.minutes,
        )


@dataclass(frozen=True)
class ScenarioSetup:
    persona: Persona
    setting: Setting
    packs: list[str]
    turns: int
    minutes: float


def scenario_from_row(row: ScenarioRow, owner: str) -> Scenario:
    spec = validate(row.spec, ScenarioSpec, f"scenario {row.code}", ScenarioError)
    return Scenario(row.id, row.code, owner, spec, row.updated_at)


class Catalogue:
    """The scenarios, checked on the way in: each names an interviewer and a rubric that exist
    here (a file from another install may name others)."""

    def __init__(
        self,
        factory: sessionmaker,
        personas: PersonaLibrary | None = None,
        rubrics_dir: Path | None = None,
    ):
        self.factory = factory
        self.personas = personas or PersonaLibrary([shipped_dir("personas")])
        self.rubrics_dir = rubrics_dir

    def check(self, spec: ScenarioSpec) -> None:
        """Raise PersonaError or RubricError when the scenario names what is not here."""
        self.personas.get(spec.persona)
        if spec.rubric:
            rubric_for(spec.rubric, self.rubrics_dir)

    def create(self, owner: Account, spec: ScenarioSpec, code: str | None = None) -> Scenario:
        if owner.role != "coach":
            raise ScenarioError("Only a coach can create scenarios.")
        self.check(spec)
        now = datetime.now(UTC)
        with self.factory() as db:
            row = ScenarioRow(
                code=code or new_code(),
                owner_id=owner.id,
                spec=spec.model_dump(mode="json"),
                created_at=now,
                updated_at=now,
            )
            db.add(row)
            db.commit()
            return scenario_from_row(row, owner.name)

    def update(self, owner: Account, code: str, spec: ScenarioSpec) -> Scenario:
        self.check(spec)
        with self.factory() as db:
            row = self._owned(db, owner, code)
            row.spec = spec.model_dump(mode="json")
            row.updated_at = datetime.now(UTC)
            db.commit()
            return scenario_from_row(row, owner.name)

    def delete(self, owner: Account, code: str) -> int:
        """Delete one of the coach's scenarios; returns how many attempts it had.

        The attempts are the learners' own work and stay in their history, as ordinary practice:
        with no coach left to release it, their feedback shows to them. Its link stops working.
        """
        with self.factory() as db:
            row = self._owned(db, owner, code)
            attempts = db.scalar(
                select(func.count()).select_from(SessionRow).where(SessionRow.scenario_id == row.id)
            )
            db.execute(
                update(SessionRow).where(SessionRow.scenario_id == row.id).values(scenario_id=None)
            )
            db.delete(row)
            db.commit()
            return int(attempts or 0)

    def get(self, code: str) -> Scenario:
        """A scenario by its link code (anyone holding the link may read its brief)."""
        with self.factory() as db:
            found = db.execute(
                select(ScenarioRow, User.name)
                .join(User, User.id == ScenarioRow.owner_id)
                .where(ScenarioRow.code == code)
            ).first()
            if found is None:
                raise ScenarioError(f"There is no scenario '{code}'.")
            return scenario_from_row(*found)

    def rubric_of(self, code: str | None) -> str | None:
        """The rubric an attempt at this scenario is scored with (None: the persona's mode)."""
        if not code:
            return None
        try:
            return self.get(code).spec.rubric
        except ScenarioError:
            return None  # deleted since: scored as ordinary practice

    def owned(self, owner: Account, code: str) -> Scenario:
        with self.factory() as db:
            return scenario_from_row(self._owned(db, owner, code), owner.name)

    def list(self, owner: Account | None = None) -> list[Scenario]:
        """Every scenario, or one coach's own, newest first."""
        with self.factory() as db:
            query = (
                select(ScenarioRow, User.name)
                .join(User, User.id == ScenarioRow.owner_id)
                .order_by(ScenarioRow.updated_at.desc())
            )
            if owner is not None:
                query = query.where(ScenarioRow.owner_id == owner.id)
            return [scenario_from_row(row, name) for row, name in db.execute(query)]

    def ensure_samples(self) -> None:
        """Put the shipped sample scenarios in the database once, owned by 'samples'."""
        with self.factory() as db:
            owner = db.scalar(select(User).where(User.name == SAMPLES_OWNER))
            if owner is None:
                owner = User(name=SAMPLES_OWNER, role="coach", created_at=datetime.now(UTC))
                db.add(owner)
                db.commit()
            account = Account(owner.id, owner.name, owner.role)
            have = {
                row.code: row
                for row in db.scalars(select(ScenarioRow).where(ScenarioRow.owner_id == owner.id))
            }
            for path in sorted(shipped_dir("scenarios").glob("*.yaml")):
                code, spec = f"sample-{path.stem}", read_scenario(path)
                row = have.get(code)
                if row is None:
                    continue
                # Nobody edits the samples: an upgrade's files win (e.g. sign-up now closed).
                if row.spec != spec.model_dump(mode="json"):
                    row.spec = spec.model_dump(mode="json")
                    row.updated_at = datetime.now(UTC)
            db.commit()
        for path in sorted(shipped_dir("scenarios").glob("*.yaml")):
            code = f"sample-{path.stem}"
            if code not in have:
                self.create(account, read_scenario(path), code=code)

    @staticmethod
    def _owned(db, owner: Account, code: str) -> ScenarioRow:
        row = db.scalar(select(ScenarioRow).where(ScenarioRow.code == code))
        # The same answer whether it does not exist or is someone else's: ids are not probed.
        if row is None or row.owner_id != owner.id:
            raise ScenarioError(f"You have no scenario '{code}'.")
        return row

"""Scenarios assigned to a cohort, with due dates, and what each learner sees of them: what is
assigned, what is due and what they have done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from roleplay.coaching.accounts import Account
from roleplay.coaching.cohorts import CohortError, owned_cohort
from roleplay.coaching.scenario_catalogue import Scenario
from roleplay.history.rows import aware
from roleplay.history.tables import AssignmentRow, CohortRow, MemberRow, ScenarioRow, SessionRow


def parse_due(text: str | None) -> datetime | None:
    """A due date as a coach types it: 2027-03-31 (the day's end) or 2027-03-31T17:00, in UTC
    unless it names a zone; empty: none."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        due = datetime.fromisoformat(text)
    except ValueError:
        raise CohortError(
            f"'{text[:40]}' is not a date: write 2027-03-31 or 2027-03-31T17:00."
        ) from None
    if len(text) <= 10:  # a day alone: due at its end
        due = due.replace(hour=23, minute=59)
    return due if due.tzinfo else due.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Assigned:
    """A scenario as a learner sees it on their list: what, by when, and what they have done."""

    cohort: str
    code: str
    title: str
    due: datetime | None
    attempts: int
    finished: int

    def status(self, now: datetime | None = None) -> str:
        if self.finished:
            return "done"
        if self.attempts:
            return "started"
        if self.due is not None and self.due < (now or datetime.now(UTC)):
            return "overdue"
        return "to do"


class Assignments:
    def __init__(self, factory: sessionmaker):
        self.factory = factory

    def assign(
        self, coach: Account, name: str, scenario: Scenario, due: datetime | None = None
    ) -> None:
        """Assign one of the coach's own scenarios (again: the due date changes)."""
        if scenario.owner != coach.name:
            raise CohortError(f"You have no scenario '{scenario.code}'.")
        due = aware(due)
        with self.factory() as db:
            cohort = owned_cohort(db, coach, name)
            row = _assignment(db, cohort.id, scenario.id)
            if row is None:
                db.add(
                    AssignmentRow(
                        cohort_id=cohort.id,
                        scenario_id=scenario.id,
                        due_at=due,
                        assigned_at=datetime.now(UTC),
                    )
                )
            else:
                row.due_at = due
            db.commit()

    def unassign(self, coach: Account, name: str, scenario: Scenario) -> None:
        with self.factory() as db:
            cohort = owned_cohort(db, coach, name)
            row = _assignment(db, cohort.id, scenario.id)
            if row is None:
                raise CohortError(f"'{scenario.code}' is not assigned to '{cohort.name}'.")
            db.delete(row)
            db.commit()

    def assigned_to(self, learner: Account) -> list[Assigned]:
        """What the learner's cohorts assigned them, soonest due first, with their attempts."""
        with self.factory() as db:
            rows = db.execute(
                select(
                    CohortRow.name,
                    ScenarioRow.id,
                    ScenarioRow.code,
                    ScenarioRow.spec,
                    AssignmentRow.due_at,
                )
                .join(MemberRow, MemberRow.cohort_id == CohortRow.id)
                .join(AssignmentRow, AssignmentRow.cohort_id == CohortRow.id)
                .join(ScenarioRow, ScenarioRow.id == AssignmentRow.scenario_id)
                .where(MemberRow.user_id == learner.id)
            ).all()
            counts = {
                scenario_id: (total, finished)
                for scenario_id, total, finished in db.execute(
                    select(
                        SessionRow.scenario_id,
                        func.count(),
                        func.count(SessionRow.ended_at),
                    )
                    .where(SessionRow.user_id == learner.id)
                    .group_by(SessionRow.scenario_id)
                )
            }
        found = [
            Assigned(
                cohort=cohort,
                code=code,
                title=str((spec or {}).get("title", code)),
                due=aware(due),
                attempts=counts.get(scenario_id, (0, 0))[0],
                finished=counts.get(scenario_id, (0, 0))[1],
            )
            for cohort, scenario_id, code, spec, due in rows
        ]
        far = datetime.max.replace(tzinfo=UTC)
        return sorted(found, key=lambda a: (a.due or far, a.title))


def _assignment(db: DbSession, cohort_id: int, scenario_id: int) -> AssignmentRow | None:
    return db.scalar(
        select(AssignmentRow).where(
            AssignmentRow.cohort_id == cohort_id, AssignmentRow.scenario_id == scenario_id
        )
    )

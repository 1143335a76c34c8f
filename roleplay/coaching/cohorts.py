"""Cohorts: a coach's group of learners, and the scenarios assigned to it with due dates.

Every call names who asks. A coach reaches only the cohorts they own, assigns only their own
scenarios and adds only learners (never another coach); asking for anyone else's cohort gets
the same answer as asking for one that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from roleplay.coaching.accounts import Account, AccountError, check_name, reserved
from roleplay.coaching.invites import Invites
from roleplay.coaching.roster import RosterProblem, RosterRow, read_roster
from roleplay.core.errors import UserError
from roleplay.history.tables import (
    AssignmentRow,
    CohortCoachRow,
    CohortRow,
    MemberRow,
    User,
)

MAX_NAME = 200


class CohortError(UserError, ValueError):
    """Not found, not allowed or not possible; the message says which in plain words."""


@dataclass(frozen=True)
class Cohort:
    id: int
    name: str
    owner: str
    learners: int
    assignments: int


@dataclass(frozen=True)
class Member:
    name: str
    full_name: str
    email: str
    # True until the learner has chosen a password through their link.
    invited: bool


@dataclass(frozen=True)
class Added:
    """A learner put in a cohort: their one-time link's token when they have no password yet."""

    name: str
    created: bool
    token: str | None


@dataclass
class Imported:
    added: list[Added] = field(default_factory=list)
    problems: list[RosterProblem] = field(default_factory=list)


class Cohorts:
    def __init__(self, factory: sessionmaker, invites: Invites):
        self.factory = factory
        self.invites = invites

    # -- the coach's cohorts -----------------------------------------------------------------

    def create(self, coach: Account, name: str) -> Cohort:
        _coach_only(coach)
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME:
            raise CohortError(f"A cohort's name is 1 to {MAX_NAME} characters.")
        with self.factory() as db:
            db.add(CohortRow(owner_id=coach.id, name=name, created_at=_now()))
            try:
                db.commit()
            except IntegrityError:
                raise CohortError(f"You already have a cohort called '{name}'.") from None
        return self.get(coach, name)

    def of_coach(self, coach: Account) -> list[Cohort]:
        with self.factory() as db:
            rows = db.scalars(
                select(CohortRow).where(coached_by(coach)).order_by(CohortRow.name)
            ).all()
            return [self._cohort(db, row) for row in rows] if _is_coach(coach) else []

    def get(self, coach: Account, name: str) -> Cohort:
        with self.factory() as db:
            return self._cohort(db, owned_cohort(db, coach, name))

    def delete(self, coach: Account, name: str) -> None:
        """The cohort, its members list and its assignments go; the learners' accounts and
        attempts stay (they belong to the learners)."""
        with self.factory() as db:
            cohort = owned_cohort(db, coach, name)
            if cohort.owner_id != coach.id:
                raise CohortError(f"Only the coach who made '{cohort.name}' can delete it.")
            db.delete(cohort)
            db.commit()

    def members(self, coach: Account, name: str) -> list[Member]:
        with self.factory() as db:
            cohort = owned_cohort(db, coach, name)
            users = db.scalars(
                select(User)
                .join(MemberRow, MemberRow.user_id == User.id)
                .where(MemberRow.cohort_id == cohort.id)
                .order_by(User.name)
            )
            return [
                Member(u.name, u.full_name or "", u.email or "", u.password_hash is None)
                for u in users
            ]

    # -- learners ----------------------------------------------------------------------------

    def add(
        self, coach: Account, name: str, learner: str, full_name: str = "", email: str = ""
    ) -> Added:
        """Put a learner in the cohort, making their account (with a one-time link to choose a
        password) when there is none. A learner still without a password gets a new link."""
        check_name(learner)
        row = RosterRow(0, learner, full_name.strip()[:200], email.strip().lower())
        return self._add_rows(coach, name, [row]).added[0]

    def import_csv(self, coach: Account, name: str, data: bytes | str) -> Imported:
        """Every good row of the roster added; each bad one named with its problem."""
        rows, problems = read_roster(data)
        imported = self._add_rows(coach, name, rows)
        imported.problems = sorted([*problems, *imported.problems], key=lambda p: p.line)
        return imported

    def _add_rows(self, coach: Account, name: str, rows: list[RosterRow]) -> Imported:
        imported = Imported()
        # (place in ``added``, user id) of each learner who has no password yet.
        needing_links: list[tuple[int, int]] = []
        with self.factory() as db:
            cohort = owned_cohort(db, coach, name)
            for row in rows:
                found = self._add_one(db, cohort, row)
                if isinstance(found, RosterProblem):
                    if not row.line:
                        raise AccountError(found.problem)
                    imported.problems.append(found)
                    continue
                added, user_id = found
                if user_id is not None:
                    needing_links.append((len(imported.added), user_id))
                imported.added.append(added)
            db.commit()
        # Links are issued once the accounts exist.
        for index, user_id in needing_links:
            imported.added[index] = replace(
                imported.added[index], token=self.invites.issue(user_id)
            )
        return imported

    def _add_one(
        self, db: DbSession, cohort: CohortRow, row: RosterRow
    ) -> tuple[Added, int | None] | RosterProblem:
        """The learner in the cohort, and their user id when they still need a link."""
        if reserved(row.username):
            return RosterProblem(row.line, f"'{row.username}' is not available as a user name.")
        user = db.scalar(select(User).where(User.name_key == row.username.lower()))
        created = user is None
        if user is None:
            user = User(
                name=row.username,
                role="learner",
                created_at=_now(),
                full_name=row.full_name,
                email=row.email or None,
            )
            db.add(user)
            db.flush()
        elif user.role != "learner":
            return RosterProblem(row.line, f"'{row.username}' is not a learner's account.")
        if db.get(MemberRow, (cohort.id, user.id)) is None:
            db.add(MemberRow(cohort_id=cohort.id, user_id=user.id, added_at=_now()))
        needs_link = user.password_hash is None
        return Added(user.name, created, None), (user.id if needs_link else None)

    def link(self, coach: Account, name: str, learner: str) -> str:
        """A new one-time link for a learner of the cohort who has not chosen a password."""
        with self.factory() as db:
            cohort = owned_cohort(db, coach, name)
            user = db.scalar(
                select(User)
                .join(MemberRow, MemberRow.user_id == User.id)
                .where(MemberRow.cohort_id == cohort.id, User.name_key == learner.lower())
            )
            if user is None:
                raise CohortError(f"There is no learner '{learner}' in '{cohort.name}'.")
            if user.password_hash is not None:
                raise CohortError(f"'{user.name}' has already chosen a password.")
            user_id = user.id
        return self.invites.issue(user_id)

    def remove(self, coach: Account, name: str, learner: str) -> None:
        """Out of the cohort (their account and attempts stay)."""
        with self.factory() as db:
            cohort = owned_cohort(db, coach, name)
            user_id = db.scalar(select(User.id).where(User.name_key == learner.lower()))
            member = db.get(MemberRow, (cohort.id, user_id)) if user_id else None
            if member is None:
                raise CohortError(f"There is no learner '{learner}' in '{cohort.name}'.")
            db.delete(member)
            db.commit()

    # -- who may reach what ------------------------------------------------------------------

    def _cohort(self, db: DbSession, row: CohortRow) -> Cohort:
        # Its owner, who is not the asking coach when they coach another instructor's course.
        owner = db.scalar(select(User.name).where(User.id == row.owner_id)) or ""
        learners = db.scalar(
            select(func.count()).select_from(MemberRow).where(MemberRow.cohort_id == row.id)
        )
        assignments = db.scalar(
            select(func.count()).select_from(AssignmentRow).where(AssignmentRow.cohort_id == row.id)
        )
        return Cohort(row.id, row.name, owner, learners or 0, assignments or 0)


def coached_by(coach: Account) -> ColumnElement[bool]:
    """The cohorts ``coach`` coaches: their own, and those they were made a coach of (another
    instructor of the same course)."""
    shared = select(CohortCoachRow.cohort_id).where(CohortCoachRow.user_id == coach.id)
    return or_(CohortRow.owner_id == coach.id, CohortRow.id.in_(shared))


def owned_cohort(db: DbSession, coach: Account, name: str) -> CohortRow:
    """The coach's cohort of that name (their own first); anyone else's, or none, is the same
    refusal."""
    row = (
        db.scalars(
            select(CohortRow)
            .where(coached_by(coach), CohortRow.name == " ".join(str(name).split()))
            .order_by((CohortRow.owner_id == coach.id).desc())
        ).first()
        if _is_coach(coach)
        else None
    )
    if row is None:
        raise CohortError(f"You have no cohort called '{name}'.")
    return row


def _is_coach(account: Account) -> bool:
    return account.role == "coach"


def _coach_only(account: Account) -> None:
    if not _is_coach(account):
        raise CohortError("Only a coach can keep cohorts.")


def _now() -> datetime:
    return datetime.now(UTC)

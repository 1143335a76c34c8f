"""Attempts at scenarios and the coach's review of them, with who may see what.

Every read goes through ``_readable``: a learner sees their own attempts; a coach sees attempts
at scenarios they own (and their own practice). Asking for anything else gets the same answer
as asking for something that does not exist, so ids cannot be probed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from roleplay.coaching.accounts import Account
from roleplay.coaching.scenario_catalogue import Scenario, scenario_from_row
from roleplay.coaching.scenarios import ScenarioError
from roleplay.feedback.report import level_points
from roleplay.history.rows import aware
from roleplay.history.shared_tables import AttemptClaim
from roleplay.history.tables import CommentRow, ReportRow, ScenarioRow, SessionRow, TurnRow, User


class ReviewError(ValueError):
    """Not found, not allowed, or not possible now; the message says which in plain words."""


@dataclass(frozen=True)
class Comment:
    author: str
    text: str
    at: datetime


@dataclass
class Attempt:
    session_id: str
    learner: str
    scenario: str
    started_at: datetime
    ended_at: datetime | None
    turns: int
    minutes_spent: float
    overall: float | None
    scores: dict[str, str] = field(default_factory=dict)  # criterion name -> good/fair/poor/n/a
    released: bool = False
    comments: list[Comment] = field(default_factory=list)
    report: dict[str, Any] | None = None


class Reviews:
    def __init__(self, factory: sessionmaker):
        self.factory = factory

    # -- who may see what --------------------------------------------------------------------

    def _readable(self, db, viewer: Account, session_id: str) -> tuple[SessionRow, ScenarioRow]:
        row = db.get(SessionRow, session_id)
        scenario = db.get(ScenarioRow, row.scenario_id) if row and row.scenario_id else None
        if row is None or scenario is None:
            raise ReviewError(f"There is no attempt '{session_id}' for you.")
        if not (row.user_id == viewer.id or _coaches(viewer, scenario.owner_id)):
            raise ReviewError(f"There is no attempt '{session_id}' for you.")
        return row, scenario

    def feedback_visible(self, viewer: Account, session_id: str) -> bool:
        """May ``viewer`` see the report and comments of this attempt now?"""
        with self.factory() as db:
            row, scenario = self._readable(db, viewer, session_id)
            feedback = scenario.spec.get("feedback", "immediate")
            return _feedback_shown(viewer, feedback, row.feedback_released_at is not None)

    def held(self, viewer: Account | None, session_ids: Iterable[str]) -> set[str]:
        """Which of these sessions' feedback ``viewer`` may not see yet: attempts at a scenario
        whose coach reviews first and has not released them, for anyone but that scenario's
        coach (the learner, a signed-out page, anybody else). Held means held everywhere: the
        score, the report, the charts, the private notes and the transcript files."""
        ids = [i for i in dict.fromkeys(session_ids) if isinstance(i, str)]
        if not ids:
            return set()
        with self.factory() as db:
            rows = db.execute(
                select(
                    SessionRow.id,
                    SessionRow.feedback_released_at,
                    ScenarioRow.spec,
                    ScenarioRow.owner_id,
                )
                .join(ScenarioRow, ScenarioRow.id == SessionRow.scenario_id)
                .where(SessionRow.id.in_(ids))
            ).all()
        return {
            session_id
            for session_id, released, spec, owner_id in rows
            if released is None
            and (spec or {}).get("feedback", "immediate") == "after_review"
            and not (viewer is not None and _coaches(viewer, owner_id))
        }

    # -- learners ----------------------------------------------------------------------------

    def begin_attempt(
        self, learner: Account, scenario: Scenario, record: Callable[[], None]
    ) -> None:
        """Check that the learner may start another attempt and ``record`` it, as one step:
        two tabs starting at the same moment, in this process or any other on the database,
        cannot both slip under the limit. Each attempt claims its number first (a row whose
        primary key only one start can insert); a start that loses the race counts again."""
        self.check_can_start(learner, scenario)
        limit = scenario.spec.attempts
        if limit is None:
            record()
            return
        claimed = self._claim(learner, scenario, limit)
        try:
            record()
        except Exception:
            self._release(learner, scenario, claimed)  # nothing started: the attempt is not used
            raise

    def _claim(self, learner: Account, scenario: Scenario, limit: int) -> int:
        for _race in range(limit + 1):
            with self.factory() as db:
                used = max(self._used(db, learner, scenario), self._claimed(db, learner, scenario))
                if used >= limit:
                    break
                db.add(AttemptClaim(scenario_id=scenario.id, user_id=learner.id, number=used + 1))
                try:
                    db.commit()
                except IntegrityError:
                    continue  # another start took this number: count again
                return used + 1
        raise ReviewError(f"You have used all {limit} attempts at '{scenario.spec.title}'.")

    def _release(self, learner: Account, scenario: Scenario, number: int) -> None:
        with self.factory() as db:
            db.execute(
                delete(AttemptClaim).where(
                    AttemptClaim.scenario_id == scenario.id,
                    AttemptClaim.user_id == learner.id,
                    AttemptClaim.number == number,
                )
            )
            db.commit()

    @staticmethod
    def _used(db, learner: Account, scenario: Scenario) -> int:
        return db.scalar(
            select(func.count())
            .select_from(SessionRow)
            .where(SessionRow.scenario_id == scenario.id, SessionRow.user_id == learner.id)
        )

    @staticmethod
    def _claimed(db, learner: Account, scenario: Scenario) -> int:
        return db.scalar(
            select(func.coalesce(func.max(AttemptClaim.number), 0)).where(
                AttemptClaim.scenario_id == scenario.id, AttemptClaim.user_id == learner.id
            )
        )

    def check_can_start(self, learner: Account, scenario: Scenario) -> None:
        """Refuse a new attempt past the due date or over the attempts allowed."""
        spec = scenario.spec
        if spec.overdue():
            raise ReviewError(f"'{spec.title}' was due on {spec.due:%Y-%m-%d %H:%M}.")
        if spec.attempts is None:
            return
        with self.factory() as db:
            used = max(self._used(db, learner, scenario), self._claimed(db, learner, scenario))
        if used >= spec.attempts:
            raise ReviewError(f"You have used all {spec.attempts} attempts at '{spec.title}'.")

    # -- reading attempts --------------------------------------------------------------------

    def attempts(self, viewer: Account, scenario: Scenario) -> list[Attempt]:
        """All attempts at the scenario for its coach; a learner's own for a learner."""
        with self.factory() as db:
            query = (
                select(SessionRow, User.name)
                .join(User, User.id == SessionRow.user_id)
                .where(SessionRow.scenario_id == scenario.id)
                .order_by(SessionRow.started_at)
            )
            owner_id = db.scalar(select(ScenarioRow.owner_id).where(ScenarioRow.id == scenario.id))
            if not _coaches(viewer, owner_id):
                query = query.where(SessionRow.user_id == viewer.id)
            rows = db.execute(query).all()
            return [self._attempt(db, viewer, row, name, scenario) for row, name in rows]

    def attempt(self, viewer: Account, session_id: str) -> Attempt:
        with self.factory() as db:
            row, scenario_row = self._readable(db, viewer, session_id)
            learner = db.get(User, row.user_id).name
            owner = db.get(User, scenario_row.owner_id).name
            return self._attempt(db, viewer, row, learner, scenario_from_row(scenario_row, owner))

    def _attempt(self, db, viewer: Account, row: SessionRow, learner: str, scenario) -> Attempt:
        turns = db.scalar(
            select(func.count()).select_from(TurnRow).where(TurnRow.session_id == row.id)
        )
        last = db.scalar(select(func.max(TurnRow.at)).where(TurnRow.session_id == row.id))
        end = aware(row.ended_at) or aware(last) or aware(row.started_at)
        report_row = db.scalar(
            select(ReportRow).where(ReportRow.session_id == row.id).order_by(ReportRow.id.desc())
        )
        released = row.feedback_released_at is not None
        visible = _feedback_shown(viewer, scenario.spec.feedback, released)
        report = dict(report_row.report) if report_row and visible else None
        scores = {
            c["name"]: c["score"]
            for c in (report or {}).get("criteria", [])
            if (report or {}).get("judged") and c.get("score")
        }
        comments = (
            [
                Comment(author=name, text=c.text, at=aware(c.created_at))
                for c, name in db.execute(
                    select(CommentRow, User.name)
                    .join(User, User.id == CommentRow.author_id)
                    .where(CommentRow.session_id == row.id)
                    .order_by(CommentRow.id)
                )
            ]
            if visible
            else []
        )
        return Attempt(
            session_id=row.id,
            learner=learner,
            scenario=scenario.code,
            started_at=aware(row.started_at),
            ended_at=aware(row.ended_at),
            turns=turns or 0,
            minutes_spent=round((end - aware(row.started_at)).total_seconds() / 60, 1),
            overall=report_row.overall if report_row and visible else None,
            scores=scores,
            released=released,
            comments=comments,
            report=report,
        )

    # -- the coach's review ------------------------------------------------------------------

    def _coach_of(self, db, coach: Account, session_id: str) -> SessionRow:
        row, scenario = self._readable(db, coach, session_id)
        if not (coach.role == "coach" and scenario.owner_id == coach.id):
            raise ReviewError(f"There is no attempt '{session_id}' for you.")
        return row

    def comment(self, coach: Account, session_id: str, text: str) -> None:
        text = text.strip()
        if not text:
            raise ReviewError("Write a comment first.")
        with self.factory() as db:
            self._coach_of(db, coach, session_id)
            db.add(
                CommentRow(
                    session_id=session_id,
                    author_id=coach.id,
                    text=text,
                    created_at=datetime.now(UTC),
                )
            )
            db.commit()

    def release(self, coach: Account, session_id: str) -> None:
        with self.factory() as db:
            row = self._coach_of(db, coach, session_id)
            if row.feedback_released_at is None:
                row.feedback_released_at = datetime.now(UTC)
                db.commit()

    def csv(self, coach: Account, scenario: Scenario, criteria: list[str]) -> str:
        """Every attempt at the coach's scenario as CSV, one row each."""
        if not (coach.role == "coach" and scenario.owner == coach.name):
            raise ScenarioError(f"You have no scenario '{scenario.code}'.")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            [
                "learner",
                "attempt",
                "started_utc",
                "finished_utc",
                "minutes_spent",
                "turns",
                "overall",
                *criteria,
                "feedback_released",
            ]
        )
        for attempt in self.attempts(coach, scenario):
            writer.writerow(
                [
                    attempt.learner,
                    attempt.session_id,
                    f"{attempt.started_at:%Y-%m-%d %H:%M}",
                    f"{attempt.ended_at:%Y-%m-%d %H:%M}" if attempt.ended_at else "",
                    attempt.minutes_spent,
                    attempt.turns,
                    "" if attempt.overall is None else attempt.overall,
                    *[_points(attempt.scores.get(name)) for name in criteria],
                    "yes" if attempt.released else "no",
                ]
            )
        return buffer.getvalue()


def _points(score: str | None) -> str:
    """A criterion as 0..100 for spreadsheets ("" when not scored or not applicable)."""
    points = level_points(score)
    return "" if points is None else f"{points:g}"


def _coaches(viewer: Account, owner_id: int) -> bool:
    """The access rule, in one place: a scenario's own coach reads every attempt at it;
    everyone else reads only their own."""
    return viewer.role == "coach" and owner_id == viewer.id


def _feedback_shown(viewer: Account, feedback: str, released: bool) -> bool:
    # Only an attempt the viewer may read gets here: a coach reading it is its scenario's coach.
    return viewer.role == "coach" or feedback == "immediate" or released

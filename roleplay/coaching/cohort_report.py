"""What a cohort did, for its coach: who attempted each assigned scenario and who has not, each
rubric criterion's spread and trend, the worries most often left confirmed with the words that
confirmed them, and each learner's first and latest score.

Everything comes from the stored reports (no model is asked), read in five queries whatever
the cohort's size.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from roleplay.coaching.accounts import Account
from roleplay.coaching.cohorts import owned_cohort
from roleplay.feedback.report import level_points
from roleplay.history.rows import aware
from roleplay.history.tables import (
    AssignmentRow,
    MemberRow,
    ReportRow,
    ScenarioRow,
    SessionRow,
    User,
)

LEVELS = ("good", "fair", "poor", "n/a")
# Quotes kept per worry: enough to see the pattern, few enough to read.
QUOTES_PER_WORRY = 5


class _Part(BaseModel):
    # What ``--json`` prints is documented (docs/json.md): no field beyond these is read back.
    model_config = ConfigDict(extra="forbid")


class Cell(_Part):
    """One learner at one assigned scenario."""

    learner: str
    scenario: str
    attempts: int = 0
    finished: int = 0
    first_overall: float | None = None
    latest_overall: float | None = None
    latest_at: datetime | None = None
    latest_session: str | None = None
    late: bool = Field(
        default=False,
        description="The first attempt started after the due date, or none yet and it has passed.",
    )


class CriterionSpread(_Part):
    name: str
    latest: dict[str, int] = Field(
        default_factory=dict,
        description="How many learners' latest scored attempt at each scenario got each level "
        "(good, fair, poor, n/a).",
    )
    trend: list[tuple[int, float, int]] = Field(
        default_factory=list,
        description="[attempt, mean, n]: the mean score (0-100) of every first scored attempt, "
        "every second, and so on.",
    )


class Quote(_Part):
    learner: str
    session: str
    text: str


class WorryCount(_Part):
    label: str
    confirmed: int = Field(
        description="Latest attempts (one per learner and scenario) that ended with it confirmed."
    )
    of: int = Field(description="Latest attempts in which the interviewer had this worry.")
    quotes: list[Quote] = Field(default_factory=list)


class Progress(_Part):
    learner: str
    full_name: str = ""
    attempts: int
    first: float | None = Field(description="Overall score (0-100) of the first scored attempt.")
    latest: float | None = Field(description="…and of the latest.")

    @property
    def change(self) -> float | None:
        if self.first is None or self.latest is None:
            return None
        return round(self.latest - self.first, 1)


class Assignment(_Part):
    code: str
    title: str
    due: datetime | None
    attempted: int = Field(description="Learners with at least one attempt.")
    not_attempted: list[str] = Field(description="The user names of those with none.")


class CohortReport(_Part):
    cohort: str
    learners: int
    assignments: list[Assignment]
    cells: list[Cell]
    criteria: list[CriterionSpread]
    worries: list[WorryCount]
    progress: list[Progress]


def cohort_report(factory: sessionmaker, coach: Account, name: str) -> CohortReport:
    with factory() as db:
        cohort = owned_cohort(db, coach, name)
        learners = db.execute(
            select(User.id, User.name, User.full_name)
            .join(MemberRow, MemberRow.user_id == User.id)
            .where(MemberRow.cohort_id == cohort.id)
            .order_by(User.name)
        ).all()
        assigned = db.execute(
            select(ScenarioRow.id, ScenarioRow.code, ScenarioRow.spec, AssignmentRow.due_at)
            .join(AssignmentRow, AssignmentRow.scenario_id == ScenarioRow.id)
            .where(AssignmentRow.cohort_id == cohort.id)
            .order_by(AssignmentRow.assigned_at, ScenarioRow.id)
        ).all()
        learner_ids = [row.id for row in learners]
        scenario_ids = [row.id for row in assigned]
        sessions = db.execute(
            select(
                SessionRow.id,
                SessionRow.user_id,
                SessionRow.scenario_id,
                SessionRow.started_at,
                SessionRow.ended_at,
            )
            .where(SessionRow.user_id.in_(learner_ids), SessionRow.scenario_id.in_(scenario_ids))
            .order_by(SessionRow.started_at)
        ).all()
        reports: dict[str, tuple[float | None, dict[str, Any]]] = {}
        for session_id, overall, report in db.execute(
            select(ReportRow.session_id, ReportRow.overall, ReportRow.report)
            .where(ReportRow.session_id.in_([s.id for s in sessions]))
            .order_by(ReportRow.id)
        ):
            reports[session_id] = (overall, report or {})  # the newest report counts
    names = {row.id: row.name for row in learners}
    codes = {row.id: row.code for row in assigned}
    dues = {row.id: aware(row.due_at) for row in assigned}
    attempts: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for session in sessions:
        attempts[(names[session.user_id], codes[session.scenario_id])].append(session)
    cells = [
        _cell(
            learner.name,
            row.code,
            attempts.get((learner.name, row.code), []),
            reports,
            dues[row.id],
        )
        for learner in learners
        for row in assigned
    ]
    return CohortReport(
        cohort=cohort.name,
        learners=len(learners),
        assignments=[
            Assignment(
                code=row.code,
                title=str((row.spec or {}).get("title", row.code)),
                due=dues[row.id],
                attempted=sum(1 for c in cells if c.scenario == row.code and c.attempts),
                not_attempted=[
                    c.learner for c in cells if c.scenario == row.code and not c.attempts
                ],
            )
            for row in assigned
        ],
        cells=cells,
        criteria=_criteria(attempts, reports),
        worries=_worries(attempts, reports),
        progress=_progress(learners, sessions, reports),
    )


def _cell(learner: str, code: str, tries: list[Any], reports: dict, due: datetime | None) -> Cell:
    scored = _overalls(tries, reports)
    latest = tries[-1] if tries else None
    return Cell(
        learner=learner,
        scenario=code,
        attempts=len(tries),
        finished=sum(1 for s in tries if s.ended_at is not None),
        first_overall=scored[0] if scored else None,
        latest_overall=scored[-1] if scored else None,
        latest_at=aware(latest.started_at) if latest else None,
        latest_session=latest.id if latest else None,
        # Late: the first attempt started after the due date, or none yet and it has passed.
        late=bool(due and (aware(tries[0].started_at) if tries else datetime.now(UTC)) > due),
    )


def _criteria(attempts: dict, reports: dict) -> list[CriterionSpread]:
    latest: dict[str, Counter] = defaultdict(Counter)
    by_try: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    order: list[str] = []
    for tries in attempts.values():
        judged = [reports[s.id][1] for s in tries if reports.get(s.id, (0, {}))[1].get("judged")]
        for number, report in enumerate(judged, 1):
            for criterion in report.get("criteria", []):
                name, score = criterion.get("name"), criterion.get("score")
                if not isinstance(name, str):
                    continue
                if name not in order:
                    order.append(name)
                points = level_points(score)
                if points is not None:
                    by_try[name][number].append(points)
                if number == len(judged) and score in LEVELS:
                    latest[name][score] += 1
    return [
        CriterionSpread(
            name=name,
            latest={level: latest[name][level] for level in LEVELS},
            trend=[
                (number, round(sum(values) / len(values), 1), len(values))
                for number, values in sorted(by_try[name].items())
            ],
        )
        for name in order
    ]


def _worries(attempts: dict, reports: dict) -> list[WorryCount]:
    counts: Counter = Counter()
    seen: Counter = Counter()
    quotes: dict[str, list[Quote]] = defaultdict(list)
    for (learner, _), tries in attempts.items():
        done = [s for s in tries if s.id in reports]
        if not done:
            continue
        last = done[-1]
        for worry in reports[last.id][1].get("debrief", {}).get("worries", []):
            label = worry.get("label")
            if not isinstance(label, str):
                continue
            seen[label] += 1
            if worry.get("status") != "confirmed":
                continue
            counts[label] += 1
            steps = [s for s in worry.get("steps", []) if s.get("status") == "confirmed"]
            if steps and len(quotes[label]) < QUOTES_PER_WORRY:
                quotes[label].append(
                    Quote(learner=learner, session=last.id, text=str(steps[-1].get("evidence", "")))
                )
    return [
        WorryCount(label=label, confirmed=n, of=seen[label], quotes=quotes[label])
        for label, n in counts.most_common()
    ]


def _progress(learners: list[Any], sessions: list[Any], reports: dict) -> list[Progress]:
    by_learner: dict[int, list[Any]] = defaultdict(list)
    for session in sessions:  # oldest first, so each learner's list is too
        by_learner[session.user_id].append(session)
    found = []
    for learner in learners:
        mine = by_learner[learner.id]
        scores = _overalls(mine, reports)
        found.append(
            Progress(
                learner=learner.name,
                full_name=learner.full_name or "",
                attempts=len(mine),
                first=scores[0] if scores else None,
                latest=scores[-1] if scores else None,
            )
        )
    return found


def _overalls(sessions: list[Any], reports: dict) -> list[float]:
    """The overall scores of the sessions that have one, in the sessions' order."""
    return [reports[s.id][0] for s in sessions if s.id in reports and reports[s.id][0] is not None]


def report_csv(report: CohortReport) -> str:
    """One row per learner and assigned scenario, for a spreadsheet."""
    full_names = {p.learner: p.full_name for p in report.progress}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "learner",
            "full_name",
            "scenario",
            "attempts",
            "finished",
            "first_overall",
            "latest_overall",
            "latest_started_utc",
            "late",
        ]
    )
    for cell in report.cells:
        writer.writerow(
            [
                cell.learner,
                _cell_text(full_names.get(cell.learner, "")),
                cell.scenario,
                cell.attempts,
                cell.finished,
                "" if cell.first_overall is None else cell.first_overall,
                "" if cell.latest_overall is None else cell.latest_overall,
                f"{cell.latest_at:%Y-%m-%d %H:%M}" if cell.latest_at else "",
                "yes" if cell.late else "no",
            ]
        )
    return buffer.getvalue()


def _cell_text(text: str) -> str:
    # A roster's name is the coach's data, but a spreadsheet runs a cell starting with one of
    # these as a formula: it is kept as text.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

"""How long a coach waits for a cohort's report: a cohort of N learners with M finished attempts
each at one assigned scenario, each attempt with a stored report the size of a real one.

Usage: python bench/cohort_report.py [--learners 200] [--attempts 5] [--database-url URL]

Fills a fresh database (SQLite in a temporary folder unless --database-url names an empty
PostgreSQL database), then times ``cohort_report`` (what ``roleplay cohort report`` reads) five
times, and the coach's page choosing the cohort (the app served on loopback, its
``cohort_report`` event called through gradio_client as the page calls it: the report, its
tables and charts) five times, and prints the median and the slowest of each.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from roleplay.coaching.accounts import Account, password_hash
from roleplay.coaching.assignments import Assignments
from roleplay.coaching.cohort_report import cohort_report
from roleplay.coaching.cohorts import Cohorts
from roleplay.coaching.invites import Invites
from roleplay.coaching.scenario_catalogue import Catalogue
from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.core.settings import Settings
from roleplay.history.database import open_database
from roleplay.history.tables import MemberRow, ReportRow, SessionRow, User

LEVELS = ("good", "fair", "poor", "n/a")
PASSWORD = "bench coach password"
CRITERIA = ["Structure", "Evidence", "Role fit", "Motivation", "Questions asked", "The close"]
WORRIES = ["Will they stay?", "Can they own a project?", "Team fit", "Vague on their part"]
ANSWER = (
    "In my last role I cut false alarms by a third by rebuilding the alert thresholds with the "
    "field team, then wrote the runbook the night shift still uses. "
)


def report(n: int, learner: int) -> dict:
    """A report shaped and sized as the app stores one after an eight-answer interview."""
    level = LEVELS[(n + learner) % 3]
    return {
        "judged": True,
        "overall": 50.0,
        "criteria": [
            {
                "id": name.lower().replace(" ", "_"),
                "name": name,
                "weight": 1.0,
                "score": LEVELS[(i + n + learner) % 4] if i else level,
                "evidence": [ANSWER[:120]],
                "why": "A number and the candidate's own part in it.",
                "advice": "Lead with the result, then the steps you took.",
            }
            for i, name in enumerate(CRITERIA)
        ],
        "debrief": {
            "worries": [
                {
                    "id": f"w{i}",
                    "label": label,
                    "status": ("confirmed", "eased", "open")[(i + learner) % 3],
                    "steps": [
                        {"turn": t, "status": "confirmed", "evidence": ANSWER[:90]}
                        for t in range(3)
                    ],
                }
                for i, label in enumerate(WORRIES)
            ],
            "mood_by_turn": [[t, 0.5] for t in range(16)],
            "answers": [{"question": "Tell me about a project.", "stronger": ANSWER * 2}] * 8,
        },
        "metrics": {f"figure_{i}": i * 1.5 for i in range(40)},
    }


def fill(factory, learners: int, attempts: int) -> Account:
    accounts_key = uuid.uuid4().hex[:6]
    now = datetime.now(UTC)
    with factory() as db:
        coach = User(
            name=f"coach-{accounts_key}",
            role="coach",
            created_at=now,
            password_hash=password_hash(PASSWORD),
        )
        db.add(coach)
        db.commit()
        coach_account = Account(coach.id, coach.name, "coach")
    scenario = Catalogue(factory).create(
        coach_account,
        ScenarioSpec(title="Analyst", persona="anxious-hiring-manager", company="Q", role="A"),
    )
    cohorts = Cohorts(factory, Invites(factory))
    cohorts.create(coach_account, "Bench")
    Assignments(factory).assign(coach_account, "Bench", scenario)
    cohort_id = cohorts.get(coach_account, "Bench").id
    with factory() as db:
        users = [
            {
                "name": f"l{i}-{accounts_key}",
                "name_key": f"l{i}-{accounts_key}",
                "role": "learner",
                "created_at": now,
            }
            for i in range(learners)
        ]
        db.execute(insert(User), users)
        ids = [
            u.id
            for u in db.query(User).filter(
                User.role == "learner", User.name.like(f"%-{accounts_key}")
            )
        ]
        db.execute(
            insert(MemberRow),
            [{"cohort_id": cohort_id, "user_id": i, "added_at": now} for i in ids],
        )
        sessions, reports = [], []
        for learner, user_id in enumerate(ids):
            for n in range(attempts):
                session_id = uuid.uuid4().hex
                start = now - timedelta(days=attempts - n, minutes=learner)
                sessions.append(
                    {
                        "id": session_id,
                        "user_id": user_id,
                        "persona_id": "anxious-hiring-manager",
                        "persona_name": "Morgan",
                        "mode": "formal",
                        "company": "Q",
                        "role": "A",
                        "candidate": "c",
                        "max_turns": 8,
                        "minutes": 30,
                        "started_at": start,
                        "ended_at": start + timedelta(minutes=20),
                        "model": "",
                        "packs": [],
                        "candidate_packs": [],
                        "notes": {},
                        "scenario_id": scenario.id,
                    }
                )
                body = report(n, learner)
                reports.append(
                    {
                        "session_id": session_id,
                        "created_at": start,
                        "rubric_id": "formal",
                        "overall": 30.0 + 10 * n,
                        "report": body,
                    }
                )
        db.execute(insert(SessionRow), sessions)
        db.execute(insert(ReportRow), reports)
        db.commit()
    size = statistics.mean(len(json.dumps(r["report"])) for r in reports)
    print(f"filled: {learners} learners x {attempts} attempts, reports of {size / 1024:.1f} KB")
    return coach_account


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--attempts", type=int, default=5)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(data_dir=Path(data), database_url=args.database_url or None)
        factory = open_database(settings)
        coach = fill(factory, args.learners, args.attempts)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            found = cohort_report(factory, coach, "Bench")
            times.append(time.perf_counter() - started)
        assert len(found.cells) == args.learners and found.criteria and found.worries
        print(
            f"cohort report: median {statistics.median(times):.3f} s, "
            f"slowest {max(times):.3f} s ({len(found.cells)} learner rows, "
            f"{sum(c.attempts for c in found.cells)} attempts)"
        )
        page = page_times(settings, coach)
        print(f"coach's page: median {statistics.median(page):.3f} s, slowest {max(page):.3f} s")


def page_times(settings: Settings, coach: Account) -> list[float]:
    """The cohort chosen on the coach's page, five times, through the served app."""
    import socket

    from gradio_client import Client

    from roleplay.web.app import build_app, launch_options
    from roleplay.web.services import Services

    services = Services(settings)
    app = build_app(services)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app.launch(
        server_name="127.0.0.1",
        server_port=port,
        prevent_thread_lock=True,
        quiet=True,
        **launch_options(services),
    )
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        client.predict(coach.name, PASSWORD, api_name="/sign_in")
        times = []
        for _ in range(5):
            started = time.perf_counter()
            shown = client.predict("Bench", api_name="/cohort_report")
            times.append(time.perf_counter() - started)
            assert "learner(s)" in str(shown[2]), shown[2]
        return times
    finally:
        app.close()


if __name__ == "__main__":
    main()

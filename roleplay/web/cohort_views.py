"""A cohort as the coach's page shows it: Markdown, table rows and the charts' data frames."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from roleplay.coaching.cohort_report import LEVELS, CohortReport
from roleplay.coaching.cohorts import Imported, Member
from roleplay.core.safety import page_text

MEMBER_HEADERS = ["User name", "Name", "E-mail", "Password set"]
PROGRESS_HEADERS = ["Learner", "Name", "Attempts", "First", "Latest", "Change"]
LEVEL_WORDS = {"good": "Good", "fair": "Fair", "poor": "Poor", "n/a": "Not applicable"}


def member_rows(members: list[Member]) -> list[list[str]]:
    return [
        [m.name, m.full_name, m.email, "no (link sent)" if m.invited else "yes"] for m in members
    ]


def import_status(imported: Imported) -> str:
    new = sum(1 for a in imported.added if a.created)
    lines = [
        f"**{len(imported.added)}** learner(s) in the cohort ({new} new); "
        f"{len(imported.problems)} row(s) skipped."
    ]
    if any(a.token for a in imported.added):
        lines.append("Send each new learner their one-time link (below) to choose a password.")
    lines += [f"- {page_text(str(p))}" for p in imported.problems]
    return "\n".join(lines)


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def empty_report() -> tuple[Any, ...]:
    """What the report's components show with no cohort chosen."""
    return (
        "_Choose a cohort to see who has attempted what, and how the group is doing._",
        _frame([], ["criterion", "level", "learners"]),
        _frame([], ["attempt", "mean", "criterion"]),
        "",
        [],
        gr.update(choices=[], value=None),
    )


def report_views(report: CohortReport) -> tuple[Any, ...]:
    """The summary, the criteria chart, the trend chart, the worries, progress rows and the
    attempts the worries quote (to open one)."""
    return (
        _summary(report),
        _frame(
            [
                {"criterion": c.name, "level": LEVEL_WORDS[level], "learners": c.latest[level]}
                for c in report.criteria
                for level in LEVELS
            ],
            ["criterion", "level", "learners"],
        ),
        _frame(
            [
                {"attempt": number, "mean": mean, "criterion": c.name}
                for c in report.criteria
                for number, mean, _count in c.trend
            ],
            ["attempt", "mean", "criterion"],
        ),
        _worries(report),
        [
            [
                p.learner,
                p.full_name,
                p.attempts,
                _score(p.first),
                _score(p.latest),
                "" if p.change is None else f"{p.change:+g}",
            ]
            for p in report.progress
        ],
        gr.update(
            choices=[
                (f"{q.learner}: {q.text[:60]}", q.session) for w in report.worries for q in w.quotes
            ],
            value=None,
        ),
    )


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _summary(report: CohortReport) -> str:
    lines = [
        f"### {page_text(report.cohort)}",
        f"{report.learners} learner(s) · {len(report.assignments)} scenario(s) assigned",
        "",
    ]
    for item in report.assignments:
        due = f" · due {item.due:%Y-%m-%d %H:%M} UTC" if item.due else ""
        waiting = ", ".join(item.not_attempted[:30]) + ("…" if len(item.not_attempted) > 30 else "")
        lines.append(
            f"- **{page_text(item.title)}**{due}: {item.attempted} of {report.learners} attempted"
            + (f" · not yet: {page_text(waiting)}" if item.not_attempted else "")
        )
    if not report.assignments:
        lines.append("_Nothing is assigned yet: choose a scenario and assign it below._")
    return "\n".join(lines)


def _worries(report: CohortReport) -> str:
    if not report.worries:
        return "_No worry was left confirmed on the latest attempts._"
    lines = ["**Worries left confirmed** (each learner's latest attempt at each scenario)"]
    for worry in report.worries:
        lines.append(f"\n**{page_text(worry.label)}**: {worry.confirmed} of {worry.of}")
        for quote in worry.quotes:
            lines.append(
                f"> “{page_text(quote.text)}” — {page_text(quote.learner)}, attempt "
                f"`{quote.session}`"
            )
    return "\n".join(lines)

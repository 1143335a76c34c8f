"""The feedback report: rubric scores with evidence, the metrics, and the private-notes timeline,
as one model that renders to Markdown and JSON.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, Field

from roleplay.debrief import Debrief, build_debrief, debrief_markdown
from roleplay.feedback.judge import Judgement
from roleplay.feedback.metrics import Metrics
from roleplay.feedback.rubrics import Rubric
from roleplay.personas import Persona
from roleplay.session import Session

POINTS = {"good": 3, "fair": 2, "poor": 1}
SCORE_WORDS = {"good": "Good", "fair": "Fair", "poor": "Poor", "n/a": "Not applicable"}


class CriterionScore(BaseModel):
    id: str
    name: str
    weight: float
    score: str | None  # good / fair / poor / n/a; None when the judge gave no verdict
    evidence: list[str] = Field(default_factory=list)
    advice: str = ""
    dropped_quotes: list[str] = Field(default_factory=list)


class Report(BaseModel):
    session_id: str
    created_at: datetime
    persona_name: str
    mode: str
    company: str
    role: str
    candidate: str
    started_at: datetime
    finished: bool
    rubric_id: str
    rubric_name: str
    judged: bool
    # Why the report holds metrics only (the judge failed), or "".
    judge_problem: str = ""
    judge_attempts: int = 0
    overall: float | None  # 0..100, weighted over the criteria that apply
    summary: str = ""
    criteria: list[CriterionScore]
    metrics: Metrics
    debrief: Debrief

    def score_of(self, criterion_id: str) -> float | None:
        """One criterion as 0..100 (None when not scored or not applicable)."""
        item = next((c for c in self.criteria if c.id == criterion_id), None)
        if item is None or item.score not in POINTS:
            return None
        return (POINTS[item.score] - 1) * 50.0


def overall_score(criteria: list[CriterionScore]) -> float | None:
    scored = [c for c in criteria if c.score in POINTS]
    weight = sum(c.weight for c in scored)
    if not weight:
        return None
    return round(sum(c.weight * (POINTS[c.score] - 1) / 2 for c in scored) / weight * 100, 1)


def build_report(
    session: Session,
    persona: Persona,
    rubric: Rubric,
    judgement: Judgement,
    metrics: Metrics,
) -> Report:
    verdicts = judgement.verdict.criteria if judgement.verdict else {}
    criteria = []
    for criterion in rubric.criteria:
        verdict = verdicts.get(criterion.id)
        criteria.append(
            CriterionScore(
                id=criterion.id,
                name=criterion.name,
                weight=criterion.weight,
                score=verdict.score if verdict else None,
                evidence=list(verdict.evidence) if verdict else [],
                advice=verdict.advice if verdict else "",
                dropped_quotes=judgement.dropped_quotes.get(criterion.id, []),
            )
        )
    setting = session.setting
    return Report(
        session_id=session.id,
        created_at=datetime.now(UTC),
        persona_name=persona.name,
        mode=session.mode,
        company=setting.company,
        role=setting.role,
        candidate=setting.candidate,
        started_at=session.started_at,
        finished=session.finished,
        rubric_id=rubric.id,
        rubric_name=rubric.name,
        judged=judgement.verdict is not None,
        judge_problem=judgement.problem,
        judge_attempts=judgement.attempts,
        overall=overall_score(criteria) if judgement.verdict else None,
        summary=judgement.verdict.summary if judgement.verdict else "",
        criteria=criteria,
        metrics=metrics,
        debrief=build_debrief(session, persona),
    )


def metrics_markdown(metrics: Metrics) -> list[str]:
    fillers = ", ".join(f"{k} ×{v}" for k, v in metrics.fillers.items()) or "none"
    facts = "; ".join(f"{f.term} (turn {f.turn}, {f.source})" for f in metrics.facts_used)
    return [
        f"- Your share of the words: {metrics.candidate_share:.0%} "
        f"({metrics.candidate_words} of {metrics.candidate_words + metrics.interviewer_words})",
        f"- Questions you asked: {metrics.questions_asked} ({metrics.open_questions} open)",
        f"- Filler words: {metrics.fillers_per_100_words:g} per 100 words ({fillers})",
        f"- Answers: {metrics.answers}, average {metrics.average_answer_words:g} words, "
        f"longest {metrics.longest_answer_words}",
        f"- Company facts you used: {len(metrics.facts_used)}" + (f" — {facts}" if facts else ""),
        f"- Interviewer's worries: {metrics.worries_eased} eased, "
        f"{metrics.worries_confirmed} confirmed, {metrics.worries_open} left open",
    ]


def report_markdown(report: Report) -> str:
    lines = [
        f"# Feedback: {report.persona_name} · {report.role} at {report.company}",
        "",
        f"- Session {report.session_id}, {report.started_at:%Y-%m-%d %H:%M} UTC"
        + ("" if report.finished else " (not finished)"),
        f"- Rubric: {report.rubric_name}",
    ]
    if report.judged:
        lines.append(f"- **Overall: {report.overall:g} / 100**")
    else:
        lines += [
            "",
            f"> **Metrics only.** The judge could not score this interview after "
            f"{report.judge_attempts} attempt(s): {report.judge_problem}. The figures below are "
            "counted from the transcript and the notes are the interviewer's own.",
        ]
    if report.summary:
        lines += ["", report.summary]
    if report.judged:
        lines += ["", "## Scores", ""]
        for item in report.criteria:
            lines.append(f"### {item.name} — {SCORE_WORDS.get(item.score or '', 'not scored')}")
            for quote in item.evidence:
                lines.append(f"> “{quote}”")
            if not item.evidence and item.score != "n/a":
                lines.append("_No quote from the transcript supports this score._")
            if item.advice:
                lines.append(f"\nNext time: {item.advice}")
            lines.append("")
    if lines[-1]:
        lines.append("")
    lines += ["## Metrics", "", *metrics_markdown(report.metrics), ""]
    lines.append(debrief_markdown(report.debrief))
    return "\n".join(lines).rstrip() + "\n"

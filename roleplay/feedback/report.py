"""The feedback report: rubric scores with evidence, the metrics, and the private-notes timeline,
as one model that renders to Markdown and JSON.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator

from roleplay.core.delivery import LONG_PAUSE_SECONDS, DeliverySummary
from roleplay.core.personas import Persona
from roleplay.core.session import Session
from roleplay.feedback.judge import CriterionVerdict, Judgement
from roleplay.feedback.metrics import Metrics
from roleplay.feedback.practice import PracticeComparison, practice_markdown
from roleplay.feedback.rubrics import Criterion, Rubric
from roleplay.feedback.scoring import Evidence
from roleplay.interview.debrief import Debrief, build_debrief, debrief_markdown

POINTS = {"good": 3, "fair": 2, "poor": 1}
SCORE_WORDS = {"good": "Good", "fair": "Fair", "poor": "Poor", "n/a": "Not applicable"}


class CriterionScore(BaseModel):
    id: str
    name: str
    weight: float
    # good / fair / poor / n/a; None when nothing in the interview was enough to score it.
    score: str | None
    # The candidate's own words behind the score, verbatim (checked against the transcript).
    evidence: list[str] = Field(default_factory=list)
    # The turn the first quote comes from (its index, and which answer it was: 1 for the
    # first), and the cues that made it evidence.
    evidence_turn: int | None = None
    evidence_answer: int | None = None
    why: str = ""
    # Who set the score: "evidence" (code), "judge" (a model's refinement with a verified
    # quote), or "" when not scored.
    basis: str = ""
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
    # True when at least one criterion could be scored.
    judged: bool
    # How many criteria have a score (n/a aside), of how many.
    scored: int = 0
    out_of: int = 0
    # True when a model judge was asked to refine the scores and write advice.
    judge_used: bool = False
    # Why the judge's refinement is missing (its replies were unusable), or "".
    judge_problem: str = ""
    judge_attempts: int = 0
    overall: float | None  # 0..100, weighted over the criteria scored
    summary: str = ""
    criteria: list[CriterionScore]
    metrics: Metrics
    debrief: Debrief
    # When this interview practised a question again: every try at it, side by side.
    practice: PracticeComparison | None = None

    @model_validator(mode="before")
    @classmethod
    def _older_reports(cls, data: Any) -> Any:
        # Reports saved before evidence scoring lack the counts and the judge flag.
        if isinstance(data, dict) and "out_of" not in data:
            criteria = data.get("criteria") or []
            scores = [c.get("score") for c in criteria if isinstance(c, dict)]
            data = {
                **data,
                "scored": sum(1 for s in scores if s in POINTS),
                "out_of": sum(1 for s in scores if s != "n/a"),
                "judge_used": True,
            }
        return data

    def score_of(self, criterion_id: str) -> float | None:
        """One criterion as 0..100 (None when not scored or not applicable)."""
        item = next((c for c in self.criteria if c.id == criterion_id), None)
        return level_points(item.score) if item is not None else None


def level_points(score: str | None) -> float | None:
    """A criterion's level as 0..100 (poor 0, fair 50, good 100); None when not scored or not
    applicable."""
    if score not in POINTS:
        return None
    return (POINTS[score] - 1) * 50.0


def overall_score(criteria: list[CriterionScore]) -> float | None:
    scored = [(c.weight, POINTS[c.score]) for c in criteria if c.score and c.score in POINTS]
    weight = sum(w for w, _ in scored)
    if not weight:
        return None
    return round(sum(w * (points - 1) / 2 for w, points in scored) / weight * 100, 1)


def _merge(
    criterion: Criterion, found: Evidence, verdict: CriterionVerdict | None, dropped: list[str]
) -> CriterionScore:
    """The evidence's score, unless the judge refines it by at most one level with a quote
    that is in the transcript (where the evidence found nothing, the judge may score with such
    a quote); the judge's advice when its score stands, else the rubric's tip for the level."""
    score, quotes, basis = found.level, [found.quote] if found.level else [], "evidence"
    turn, why = found.turn, found.why
    if verdict is not None:
        refines = (
            verdict.score in POINTS
            and verdict.evidence
            and (score is None or abs(POINTS[verdict.score] - POINTS[score]) <= 1)
        )
        if refines:
            score, quotes, basis, turn, why = (
                verdict.score,
                list(verdict.evidence),
                "judge",
                None,
                "",
            )
        elif verdict.score == "n/a" and score is None and criterion.allow_na:
            score, basis = "n/a", "judge"
    # Advice written for a level the judge did not get is advice for someone else's answer.
    judges_advice = verdict.advice if verdict is not None and verdict.score == score else ""
    advice = judges_advice or (criterion.tip(score) if score in POINTS else "")
    return CriterionScore(
        id=criterion.id,
        name=criterion.name,
        weight=criterion.weight,
        score=score,
        evidence=quotes,
        evidence_turn=turn,
        why=why,
        basis=basis if score else "",
        advice=advice,
        dropped_quotes=dropped,
    )


def build_report(
    session: Session,
    persona: Persona,
    rubric: Rubric,
    evidence: dict[str, Evidence],
    metrics: Metrics,
    judgement: Judgement | None = None,
) -> Report:
    verdicts = judgement.verdict.criteria if judgement and judgement.verdict else {}
    dropped = judgement.dropped_quotes if judgement else {}
    criteria = [
        _merge(c, evidence.get(c.id, Evidence(None)), verdicts.get(c.id), dropped.get(c.id, []))
        for c in rubric.criteria
    ]
    for item in criteria:
        if item.evidence_turn is not None:
            item.evidence_answer = sum(
                1
                for t in session.turns
                if t.speaker == "candidate" and t.index <= item.evidence_turn
            )
    scored = sum(1 for c in criteria if c.score in POINTS)
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
        judged=scored > 0,
        scored=scored,
        out_of=sum(1 for c in criteria if c.score != "n/a"),
        judge_used=judgement is not None,
        judge_problem=judgement.problem if judgement else "",
        judge_attempts=judgement.attempts if judgement else 0,
        overall=overall_score(criteria),
        summary=judgement.verdict.summary if judgement and judgement.verdict else "",
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


def delivery_markdown(delivery: DeliverySummary) -> list[str]:
    """How the spoken answers were said: the whole, then each answer."""
    fillers = ", ".join(f"{k} ×{v}" for k, v in delivery.fillers.items()) or "none"
    pace = (
        f"{delivery.words_per_minute:g} words per minute"
        if delivery.words_per_minute
        else "pace not measured (the speech-to-text gave no word timings)"
    )
    lines = [
        f"- Spoken answers: {delivery.spoken_answers}, {_duration(delivery.speaking_seconds)} "
        f"of speaking, {_duration(delivery.average_answer_seconds)} on average",
        f"- Pace: {pace} (a conversational pace is about 120–160)",
        f"- Long pauses ({LONG_PAUSE_SECONDS:g} s or more): {delivery.long_pauses}",
        f"- Filler words heard: {delivery.fillers_per_100_words:g} per 100 words ({fillers})",
        "",
        "| Answer | Speaking time | Words per minute | Long pauses | Fillers |",
        "|---|---|---|---|---|",
    ]
    for item in delivery.answers:
        pace_cell = f"{item.words_per_minute:g}" if item.words_per_minute else "–"
        lines.append(
            f"| {item.answer} | {_duration(item.speaking_seconds)} | {pace_cell} | "
            f"{item.long_pauses} | {item.fillers} |"
        )
    return lines


def _duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60} min {whole % 60} s" if whole >= 60 else f"{seconds:.0f} s"


def report_markdown(report: Report) -> str:
    lines = [
        f"# Feedback: {report.persona_name} · {report.role} at {report.company}",
        "",
        f"- Session {report.session_id}, {report.started_at:%Y-%m-%d %H:%M} UTC"
        + ("" if report.finished else " (not finished)"),
        f"- Rubric: {report.rubric_name}",
    ]
    if report.judged:
        lines.append(
            f"- **Overall: {report.overall:g} / 100**, from {report.scored} of {report.out_of} "
            "criteria (the others had too little in this interview to score)"
            if report.scored < report.out_of
            else f"- **Overall: {report.overall:g} / 100**, from all {report.out_of} criteria"
        )
    else:
        lines += [
            "",
            "> **Not scored.** Nothing in this interview was enough to score a criterion.",
        ]
    if report.judge_used and report.judge_problem:
        lines += [
            "",
            f"> The model judge could not refine these scores after {report.judge_attempts} "
            f"attempt(s) ({report.judge_problem}); they come from the evidence alone.",
        ]
    if report.summary:
        lines += ["", report.summary]
    lines += ["", "## Scores", ""]
    for item in report.criteria:
        lines.append(f"### {item.name} — {SCORE_WORDS.get(item.score or '', 'not scored')}")
        if item.score is None:
            lines.append("_Not enough in this interview to score._")
        for quote in item.evidence:
            where = f" (answer {item.evidence_answer})" if item.evidence_answer else ""
            lines.append(f"> “{quote}”{where}")
        if item.why:
            lines.append(f"\n_Why: {item.why}._")
        if item.advice:
            lines.append(f"\nNext time: {item.advice}")
        lines.append("")
    if lines[-1]:
        lines.append("")
    if report.practice is not None:
        lines += practice_markdown(report.practice)
    lines += ["## Metrics", "", *metrics_markdown(report.metrics), ""]
    if report.metrics.delivery is not None:
        delivery = delivery_markdown(report.metrics.delivery)
        lines += ["## Delivery (spoken answers)", "", *delivery, ""]
    lines.append(debrief_markdown(report.debrief))
    return "\n".join(lines).rstrip() + "\n"

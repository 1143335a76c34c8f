"""Making a session's report: metrics, the judge, and saving it with the session."""

from __future__ import annotations

from datetime import datetime

from roleplay.core.personas import Persona
from roleplay.core.session import Session
from roleplay.core.settings import Settings
from roleplay.feedback.judge import judge
from roleplay.feedback.metrics import compute_metrics
from roleplay.feedback.practice import compare_practice
from roleplay.feedback.report import Report, build_report
from roleplay.feedback.rewrites import rewrite_answers
from roleplay.feedback.rubrics import rubric_for
from roleplay.feedback.scoring import score_by_evidence
from roleplay.history.sessions import SessionStore
from roleplay.interview.assessor import Relevance
from roleplay.interview.prompts import Prompts
from roleplay.interview.relevance import local_relevance
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.store import PackStore
from roleplay.llm.backend import ChatBackend


def passages(session: Session, packs: PackStore | None) -> list[tuple[str, str]]:
    """The research the candidate could have drawn on: the session's packs, else what the
    interviewer was shown turn by turn."""
    found: list[tuple[str, str]] = []
    if packs is not None:
        for pack in session.packs:
            try:
                found += packs.texts(pack)
            except KnowledgeError:
                continue  # a pack removed since: the turns' own passages still count
    for turn in session.turns:
        found += [(source.source, source.snippet) for source in turn.sources]
    return found


def make_report(
    session: Session,
    persona: Persona,
    *,
    settings: Settings,
    backend: ChatBackend,
    prompts: Prompts,
    packs: PackStore | None = None,
    history: SessionStore | None = None,
    rubric_id: str | None = None,
    relevance: Relevance | None = None,
) -> Report:
    """Score a finished interview. ``rubric_id`` is a scenario's own rubric; without one the
    interview's mode picks it (formal or informational).

    Scores come from the evidence in the candidate's words; a model judge (ROLEPLAY_JUDGE, on by
    default for an HTTP model, off for the embedded one) may refine them and write advice, and
    smooth the stronger answers' wording (each rewrite checked against the candidate's words)."""
    rubric = rubric_for(rubric_id or session.mode, settings.rubrics_dir)
    research = passages(session, packs)
    metrics = compute_metrics(session, research)
    evidence = score_by_evidence(
        session, rubric, [text for _, text in research], relevance or local_relevance()
    )
    judgement = None
    asks_model = settings.judge == "on" or (settings.judge == "auto" and not backend.embedded)
    if asks_model:
        judgement = judge(
            session, persona, rubric, backend, prompts, attempts=settings.judge_attempts
        )
    report = build_report(session, persona, rubric, evidence, metrics, judgement)
    if asks_model:
        answers = rewrite_answers(report.debrief.answers, session, backend, prompts)
        report.debrief.answers = answers
    if history is not None:
        report.practice = compare_practice(session, persona, history, report.overall)
        history.save_report(
            session.id, report.model_dump(mode="json"), rubric_id=rubric.id, overall=report.overall
        )
    return report


def progress(
    history: SessionStore, user: str | None, until: datetime
) -> list[tuple[datetime, float]]:
    """The overall score of each of ``user``'s scored interviews up to ``until``, oldest first:
    the chart across interviews in a report's PDF."""
    return [
        (summary.started_at, summary.overall)
        for summary, _ in history.reports(user)
        if summary.overall is not None and summary.started_at <= until
    ]

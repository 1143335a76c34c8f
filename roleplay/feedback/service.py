"""Making a session's report: metrics, the judge, and saving it with the session."""

from __future__ import annotations

from roleplay.feedback.judge import judge
from roleplay.feedback.metrics import compute_metrics
from roleplay.feedback.report import Report, build_report
from roleplay.feedback.rubrics import rubric_for
from roleplay.history.sessions import SessionStore
from roleplay.knowledge.errors import KnowledgeError
from roleplay.knowledge.store import PackStore
from roleplay.llm import ChatBackend
from roleplay.personas import Persona
from roleplay.prompts import Prompts
from roleplay.session import Session
from roleplay.settings import Settings


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
) -> Report:
    """Score a finished interview. ``rubric_id`` is a scenario's own rubric; without one the
    interview's mode picks it (formal or informational)."""
    rubric = rubric_for(rubric_id or session.mode, settings.rubrics_dir)
    metrics = compute_metrics(session, passages(session, packs))
    judgement = judge(session, persona, rubric, backend, prompts, attempts=settings.judge_attempts)
    report = build_report(session, persona, rubric, judgement, metrics)
    if history is not None:
        history.save_report(
            session.id, report.model_dump(mode="json"), rubric_id=rubric.id, overall=report.overall
        )
    return report

"""One question practised again: each try side by side (the first answer, then every practice
interview's), with what it told of the story, what it did to the worry the question tested,
the candidate's own words, and the interview's score."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from roleplay.core.personas import Persona
from roleplay.core.session import Session
from roleplay.history.database import HistoryError
from roleplay.history.sessions import SessionStore
from roleplay.interview.stronger import StrongerAnswer, stronger_answers


class Attempt(BaseModel):
    session: str
    started_at: datetime
    answer: int  # which answer of that interview replied to the question
    said: str
    # The parts of the story it told itself (situation, task, action, result), or its point.
    told: list[str]
    missing: list[str]
    effect: str  # what it did to the worry the question tested: eased, confirmed or ""
    effect_quote: str
    score: float | None  # the interview's overall score, when it has a report


class PracticeComparison(BaseModel):
    question: str
    testing: str
    attempts: list[Attempt]


def _attempt(session: Session, answer: StrongerAnswer, score: float | None) -> Attempt:
    own = [p for p in answer.pieces if p.sentences and p.from_answer is None]
    return Attempt(
        session=session.id,
        started_at=session.started_at,
        answer=answer.answer,
        said=answer.said,
        told=[piece.label for piece in own],
        missing=[piece.label for piece in answer.pieces if piece.gap],
        effect=answer.effect,
        effect_quote=answer.effect_quote,
        score=score,
    )


def _answer_to(session: Session, persona: Persona, number: int) -> StrongerAnswer | None:
    return next((a for a in stronger_answers(session, persona) if a.answer == number), None)


def compare_practice(
    session: Session, persona: Persona, history: SessionStore, score: float | None
) -> PracticeComparison | None:
    """Every try at the question ``session`` practises, the first first and ``session`` (scored
    ``score``) last; None when it practises nothing, or the first interview is gone."""
    practice = session.practice
    if practice is None:
        return None
    try:
        # Only the owner's own tries: a practice of someone else's interview compares nothing.
        owner = history.owner(session.id)
        original = history.load(practice.session, owner)
    except HistoryError:  # deleted since, or not theirs: this report stands alone
        return None
    first = _answer_to(original, persona, practice.answer)
    if first is None:
        return None
    attempts = [_attempt(original, first, _score(history, original.id))]
    for earlier in history.practices(original.id, owner):
        if earlier.id == session.id or earlier.started_at > session.started_at:
            continue
        if earlier.practice and earlier.practice.answer == practice.answer:
            tried = _answer_to(earlier, persona, 1)
            if tried is not None:
                attempts.append(_attempt(earlier, tried, _score(history, earlier.id)))
    tried = _answer_to(session, persona, 1)
    if tried is not None:
        attempts.append(_attempt(session, tried, score))
    return PracticeComparison(question=practice.question, testing=first.testing, attempts=attempts)


def _score(history: SessionStore, session_id: str) -> float | None:
    report = history.latest_report(session_id)
    overall = report.get("overall") if report else None
    return float(overall) if isinstance(overall, int | float) else None


def practice_markdown(comparison: PracticeComparison) -> list[str]:
    """The tries side by side, as a Markdown table and each try's words."""
    lines = [
        "## This question, practised again",
        "",
        f"“{comparison.question}”"
        + (f" — it tests *{comparison.testing}*." if comparison.testing else ""),
        "",
        "| try | when (UTC) | told | missing | the worry | score |",
        "|---|---|---|---|---|---|",
    ]
    for number, attempt in enumerate(comparison.attempts):
        name = "first" if number == 0 else f"practice {number}"
        score = f"{attempt.score:g}" if attempt.score is not None else "—"
        lines.append(
            f"| {name} | {attempt.started_at:%Y-%m-%d %H:%M} | {', '.join(attempt.told) or '—'} "
            f"| {', '.join(attempt.missing) or '—'} | {attempt.effect or 'did not move'} "
            f"| {score} |"
        )
    lines.append("")
    for number, attempt in enumerate(comparison.attempts):
        name = "First try" if number == 0 else f"Practice {number}"
        lines.append(f"- {name} ({attempt.session}): “{attempt.said}”")
    return [*lines, ""]


def later_practices(session: Session, history: SessionStore) -> list[str]:
    """The questions of ``session`` its owner practised again since, as Markdown (shown under
    its report, which was saved before them); empty when there are none."""
    try:
        practices = history.practices(session.id, history.owner(session.id))
    except HistoryError:
        return []
    if not practices:
        return []
    lines = ["## Practised again since", ""]
    for practice in practices:
        if practice.practice is None:
            continue
        report = history.latest_report(practice.id)
        overall = report.get("overall") if report else None
        score = f", score {overall:g}" if isinstance(overall, int | float) else ""
        lines.append(
            f"- Answer {practice.practice.answer} (“{practice.practice.question}”): "
            f"{practice.started_at:%Y-%m-%d %H:%M} UTC, interview {practice.id}{score}"
        )
    return [*lines, ""]

"""Between an interview session and its database rows: a turn to its row, a row back to the
session (times read back as UTC: SQLite keeps them without a zone)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload

from roleplay.core.delivery import Delivery
from roleplay.core.notes import PrivateNotes
from roleplay.core.session import PracticeOf, Session, Setting, Source, Turn, TurnPlan
from roleplay.history.tables import NotesSnapshot, SessionRow, SourceRow, TurnRow


@overload
def aware(moment: datetime) -> datetime: ...
@overload
def aware(moment: None) -> None: ...
@overload
def aware(moment: datetime | None) -> datetime | None: ...
def aware(moment: datetime | None) -> datetime | None:
    """The moment in UTC: SQLite hands back naive datetimes, and everything we store is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def turn_row(turn: Turn) -> TurnRow:
    row = TurnRow(
        index=turn.index,
        speaker=turn.speaker,
        text=turn.text,
        at=turn.at,
        stage=turn.stage,
        scripted=turn.scripted,
        plan=turn.plan.model_dump(mode="json") if turn.plan else None,
        voiced_by=turn.voiced_by,
        voicing_note=turn.voicing_note,
        sources_error=turn.sources_error,
        notes_error=turn.notes_error,
        delivery=turn.delivery.model_dump(mode="json") if turn.delivery else None,
        sources=[
            SourceRow(
                rank=rank,
                source=s.source,
                location=s.location,
                snippet=s.snippet,
                score=s.score,
                pack=s.pack,
                kind=s.kind,
            )
            for rank, s in enumerate(turn.sources)
        ],
    )
    if turn.notes is not None:
        row.notes = NotesSnapshot(notes=turn.notes.model_dump(mode="json"))
    return row


def session_from_row(row: SessionRow, scenario: str | None = None) -> Session:
    return Session(
        scenario=scenario,
        id=row.id,
        persona_id=row.persona_id,
        persona_name=row.persona_name,
        mode=row.mode,
        setting=Setting(company=row.company, role=row.role, candidate=row.candidate),
        max_turns=row.max_turns,
        minutes=row.minutes,
        started_at=aware(row.started_at),
        ended_at=aware(row.ended_at),
        end_reason=row.end_reason,
        model=row.model,
        packs=list(row.packs or []),
        candidate_packs=list(row.candidate_packs or []),
        practice=PracticeOf.model_validate(row.practice) if row.practice else None,
        notes=PrivateNotes.model_validate(row.notes),
        turns=[
            Turn(
                index=t.index,
                speaker=t.speaker,
                text=t.text,
                at=aware(t.at),
                stage=t.stage,
                scripted=t.scripted,
                plan=TurnPlan.model_validate(t.plan) if t.plan else None,
                voiced_by=t.voiced_by,
                voicing_note=t.voicing_note or "",
                sources_error=t.sources_error,
                notes_error=t.notes_error,
                delivery=Delivery.model_validate(t.delivery) if t.delivery else None,
                sources=[
                    Source(
                        source=s.source,
                        location=s.location,
                        snippet=s.snippet,
                        score=s.score,
                        pack=s.pack,
                        kind=s.kind,
                    )
                    for s in t.sources
                ],
                notes=PrivateNotes.model_validate(t.notes.notes) if t.notes else None,
            )
            for t in row.turns
        ],
    )

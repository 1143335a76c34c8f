"""How the private notes change after an answer: by the evidence assessor, and where a model
also proposes an update, only where the two agree.

Mood and lean follow from the worries' statuses by one rule, whoever moved them:

- unease = the persona's anxiety + 0.12 per confirmed worry - 0.08 per eased one, kept in 0..1;
- lean = positive once eased worries outnumber confirmed ones by two, negative once confirmed
  outnumber eased by two, otherwise undecided.

The private thought and next focus are written by code from the findings, so they always
name the sentence that moved something.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Literal

from langchain_core.messages import BaseMessage

from roleplay.core.notes import (
    NotesParseError,
    NotesUpdate,
    PrivateNotes,
    WorryNote,
    apply_update,
    notes_json_schema,
    parse_notes_update,
)
from roleplay.core.personas import Persona
from roleplay.core.session import Session, Turn
from roleplay.core.terms import research_terms
from roleplay.interview.assessor import Assessor, Finding
from roleplay.interview.prompts import Prompts
from roleplay.llm.backend import ChatBackend
from roleplay.llm.errors import ModelError

NotesMode = Literal["evidence", "llm", "both"]
# How a turn's notes_error begins: nothing moved, or the evidence moved the notes on its own.
NOT_UPDATED = "Private notes not updated"
EVIDENCE_ALONE = "The model's notes could not be used; the evidence alone moved them"

RAISE_PER_CONFIRMED = 0.12
EASE_PER_EASED = 0.08
LEAN_GAP = 2

_STATUS = {"eases": "eased", "confirms": "confirmed"}


def settle_mood_and_lean(notes: PrivateNotes, persona: Persona) -> None:
    """Set ``notes.mood`` and the lean from the worries' statuses (see the module's rule)."""
    counts = notes.counts()
    mood = (
        persona.temperament.anxiety
        + RAISE_PER_CONFIRMED * counts["confirmed"]
        - EASE_PER_EASED * counts["eased"]
    )
    notes.mood = round(min(1.0, max(0.0, mood)), 2)
    gap = counts["eased"] - counts["confirmed"]
    lean = "positive" if gap >= LEAN_GAP else "negative" if gap <= -LEAN_GAP else "undecided"
    positive, negative = persona.lean_labels
    notes.lean = lean  # type: ignore[assignment]
    notes.lean_label = {"positive": positive, "negative": negative}.get(lean, "undecided")


def _move(worry: WorryNote, finding: Finding, turn_index: int) -> bool:
    status = _STATUS.get(finding.verdict)
    if status is None or status == worry.status:
        return False
    worry.status = status  # type: ignore[assignment]
    worry.changed_at_turn = turn_index
    worry.evidence.append(finding.sentence)
    worry.why.append(finding.why)
    return True


def _thought(moved: list[tuple[WorryNote, Finding]], persona: Persona) -> str:
    if not moved:
        return "Nothing in that answer changed my mind either way."
    worry, finding = max(moved, key=lambda pair: pair[1].confidence)
    label, quote = worry.label.lower(), f"“{finding.sentence}”"
    if persona.mode == "informational":  # impressions, not worries
        good = worry.status == "eased"
        return f"{'A good sign' if good else 'Not a good sign'} ({label}): {quote}"
    if worry.status == "eased":
        return f"That settles some of my worry about {label}: {quote}"
    return f"That worries me ({label}): {quote}"


def _next_focus(notes: PrivateNotes) -> str:
    pressing = [w for w in notes.worries if w.status == "confirmed"] or [
        w for w in notes.worries if w.status == "open"
    ]
    return f"Find out more about: {pressing[0].label.lower()}." if pressing else ""


def new_research_terms(session: Session, answer: str, *, before: int) -> tuple[str, ...]:
    """Figures and names in ``answer`` (turn ``before``) that the interviewer's research holds
    and the interviewer had not said by then."""
    setting = session.setting
    said = [setting.company, setting.role, setting.candidate] + [
        t.text for t in session.turns if t.speaker == "interviewer" and t.index < before
    ]
    passages = [s.snippet for t in session.turns for s in t.sources]
    return tuple(research_terms(answer, passages, already_said=" ".join(said)))


def apply_findings(
    previous: PrivateNotes,
    findings: Iterable[Finding],
    persona: Persona,
    *,
    turn_index: int,
    agreed: set[str] | None = None,
) -> PrivateNotes:
    """New notes with each worry moved as its finding says.

    ``agreed``, when given, holds the worries a model proposed moving: only those move, and
    only in the direction the evidence found (the "both" way of keeping notes).
    """
    notes = previous.model_copy(deep=True)
    moved = []
    for finding in findings:
        worry = notes.worry(finding.worry)
        if worry is None or (agreed is not None and finding.worry not in agreed):
            continue
        if _move(worry, finding, turn_index):
            moved.append((worry, finding))
    settle_mood_and_lean(notes, persona)
    notes.thought = _thought(moved, persona)
    notes.next_focus = _next_focus(notes)
    return notes


def agreements(update: NotesUpdate, findings: Iterable[Finding]) -> set[str]:
    """The worries the model's update and the evidence move the same way."""
    found = {f.worry: _STATUS.get(f.verdict) for f in findings}
    return {c.id for c in update.worries if c.status != "open" and found.get(c.id) == c.status}


class NoteTaker:
    """Keeps one interview's notes: after each answer, the evidence, the model, or both.

    ``evidence``: the assessor alone (no model call, well under a second). ``llm``: the model's
    update, checked by ``apply_update``. ``both``: the model proposes and a worry moves only
    where the evidence agrees; when the model's reply cannot be used the evidence alone moves
    them, and the turn says so.
    """

    def __init__(
        self,
        persona: Persona,
        mode: NotesMode,
        assessor: Assessor,
        backend: ChatBackend | None = None,
        *,
        max_tokens: int = 400,
    ):
        if mode != "evidence" and backend is None:
            raise ValueError(f"notes mode '{mode}' needs a model to ask")
        self.persona = persona
        self.mode = mode
        self.assessor = assessor
        self.backend = backend
        self.max_tokens = max_tokens

    @property
    def asks_model(self) -> bool:
        return self.mode != "evidence"

    def after_reply(
        self,
        session: Session,
        reply: Turn,
        prompts: Prompts,
        *,
        findings: Sequence[Finding] | None = None,
    ) -> Callable[[PrivateNotes], tuple[PrivateNotes, str | None]] | None:
        """The update for the answer before ``reply`` (None when there is no answer before it),
        with everything it reads fixed now: the prompt holds the conversation as it is at this
        turn even if the candidate answers again before the update runs. ``findings``, when
        given, are the assessor's on that answer already (the reply was planned on them)."""
        before = session.turns[reply.index - 1] if reply.index > 0 else None
        if before is None or before.speaker != "candidate":
            return None
        answer = before.text
        messages = (
            prompts.notes_messages(self.persona, session, candidate_words=answer)
            if self.asks_model
            else None
        )
        # Judged as of the answer: the reply after it may repeat the candidate's figure.
        terms = new_research_terms(session, answer, before=before.index)

        def update(notes: PrivateNotes) -> tuple[PrivateNotes, str | None]:
            return self.update(
                notes,
                answer,
                turn_index=reply.index,
                research_terms=terms,
                messages=messages,
                findings=findings,
            )

        return update

    def warm_up(self) -> None:
        """Load what the assessor reads with (MiniLM, several seconds the first time), so the
        first answer's notes do not wait for it. A failure here shows on that first update."""
        if self.mode == "llm" or self.assessor.relevance is None:
            return
        try:
            self.assessor.relevance.scores(["Hello."], [["A greeting."]])
        except Exception:
            return

    def update(
        self,
        notes: PrivateNotes,
        answer: str,
        *,
        turn_index: int,
        research_terms: tuple[str, ...] = (),
        messages: list[BaseMessage] | None = None,
        findings: Sequence[Finding] | None = None,
    ) -> tuple[PrivateNotes, str | None]:
        """The notes after ``answer``, and why they are not what was asked for (or None)."""
        found = list(findings) if findings is not None else []
        if findings is None and self.mode != "llm":
            try:
                found = self.assessor.assess(
                    answer, turn=turn_index - 1, research_terms=research_terms
                )
            except Exception as error:  # e.g. the embedder failed to load: keep the notes
                return notes.model_copy(deep=True), f"{NOT_UPDATED}: {error}"
        if self.mode == "evidence":
            return apply_findings(notes, found, self.persona, turn_index=turn_index), None
        try:
            proposal = parse_notes_update(self._ask_model(messages or []))
        except (ModelError, NotesParseError) as error:
            if self.mode == "llm":
                return notes.model_copy(deep=True), f"{NOT_UPDATED}: {error}"
            moved = apply_findings(notes, found, self.persona, turn_index=turn_index)
            return moved, f"{EVIDENCE_ALONE} ({error})."
        if self.mode == "llm":
            updated = apply_update(
                notes, proposal, self.persona, candidate_words=answer, turn_index=turn_index
            )
            return updated, None
        agreed = agreements(proposal, found)
        return (
            apply_findings(notes, found, self.persona, turn_index=turn_index, agreed=agreed),
            None,
        )

    def _ask_model(self, messages: list[BaseMessage]) -> str:
        assert self.backend is not None
        schema = notes_json_schema(self.persona)
        try:
            return self.backend.invoke_json(messages, schema, max_tokens=self.max_tokens)
        except Exception as error:  # reported on the turn; the interview goes on
            raise self.backend.explain(error) from error

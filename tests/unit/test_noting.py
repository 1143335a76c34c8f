"""The notes after an answer: moved by evidence, and by a model only where the evidence agrees."""

from __future__ import annotations

import json

import pytest

from roleplay.core.notes import PrivateNotes
from roleplay.core.personas import Persona
from roleplay.core.session import Setting
from roleplay.interview.assessor import Assessor, Finding
from roleplay.interview.engine import Interview
from roleplay.interview.note_taking import apply_findings, settle_mood_and_lean
from roleplay.interview.prompts import Prompts
from roleplay.llm.backend import ChatBackend
from tests.support.fakes import ScriptedChatModel

STAY = "I want to put down roots here for the next few years."


def proposal(*worries: dict[str, str]) -> str:
    return json.dumps(
        {"mood": 0.9, "worries": list(worries), "lean": "no hire", "thought": "x", "next_focus": ""}
    )


@pytest.fixture
def interview(anxious: Persona, setting: Setting, prompts: Prompts, scripted: ScriptedChatModel):
    def make(notes: str, *, embedded: bool = False) -> Interview:
        backend = ChatBackend(chat=scripted, label="s", embedded=embedded)
        return Interview(anxious, setting, backend, prompts, notes=notes, background_notes=False)

    return make


def test_lean_and_mood_follow_the_statuses(anxious: Persona) -> None:
    notes = PrivateNotes.initial(anxious)
    for worry in notes.worries[:3]:
        worry.status = "eased"
    settle_mood_and_lean(notes, anxious)
    assert notes.lean_label == "hire" and notes.mood == pytest.approx(0.8 - 3 * 0.08)
    for worry in notes.worries:
        worry.status = "confirmed"
    settle_mood_and_lean(notes, anxious)
    assert notes.lean_label == "no hire" and notes.mood == 1.0


def test_a_change_keeps_its_sentence_its_reason_and_the_thought_quotes_it(
    anxious: Persona,
) -> None:
    findings = Assessor(anxious).assess(STAY, turn=1)
    notes = apply_findings(PrivateNotes.initial(anxious), findings, anxious, turn_index=2)
    worry = notes.worry("overqualified-flight-risk")
    assert (worry.status, worry.evidence, worry.changed_at_turn) == ("eased", [STAY], 2)
    assert "commitment" in worry.why[0]
    assert STAY in notes.thought


def test_only_worries_the_model_proposed_and_the_evidence_agrees_on_move(
    anxious: Persona,
) -> None:
    eases = Finding("overqualified-flight-risk", "eases", 0.6, STAY, 1, "commitment")
    notes = apply_findings(
        PrivateNotes.initial(anxious), [eases], anxious, turn_index=2, agreed=set()
    )
    assert notes.worry("overqualified-flight-risk").status == "open"


def test_on_the_embedded_model_the_notes_need_no_model_call(
    interview, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue("Hello Sam, why this role?", "Thank you. And your part in it?")
    live = interview("auto", embedded=True)
    "".join(live.open())
    "".join(live.answer(STAY))
    assert len(scripted.calls) <= 2 + 2 * live.voicing_tries  # voicing only, no notes call
    assert live.note_taker.mode == "evidence"
    assert live.session.notes.worry("overqualified-flight-risk").evidence == [STAY]


def test_a_model_cannot_move_a_worry_the_evidence_does_not_support(
    interview, scripted: ScriptedChatModel
) -> None:
    confirm = {"id": "overqualified-flight-risk", "status": "confirmed", "evidence": "roots"}
    ease_team = {"id": "team-fit", "status": "eased", "evidence": "roots"}
    scripted.enqueue("Hello Sam, why this role?", "Thanks. Next?", proposal(confirm, ease_team))
    live = interview("both")
    "".join(live.open())
    "".join(live.answer(STAY))
    notes = live.session.notes
    assert notes.worry("overqualified-flight-risk").status == "open"
    assert notes.worry("team-fit").status == "open"
    assert notes.lean_label == "undecided"  # the model's "no hire" is not taken on its word


def test_a_model_and_the_evidence_agreeing_moves_the_worry(
    interview, scripted: ScriptedChatModel
) -> None:
    ease = {"id": "overqualified-flight-risk", "status": "eased", "evidence": "roots"}
    scripted.enqueue("Hello Sam, why this role?", "Thanks. Next?", proposal(ease))
    live = interview("both")
    "".join(live.open())
    "".join(live.answer(STAY))
    assert live.session.notes.worry("overqualified-flight-risk").evidence == [STAY]


def test_an_unreadable_model_update_falls_back_to_the_evidence_and_says_so(
    interview, scripted: ScriptedChatModel
) -> None:
    scripted.enqueue("Hello Sam, why this role?", "Thanks. Next?", "I like them a lot!!")
    live = interview("both")
    "".join(live.open())
    "".join(live.answer(STAY))
    turn = live.session.turns[-1]
    assert "evidence alone" in (turn.notes_error or "")
    assert live.session.notes.worry("overqualified-flight-risk").status == "eased"


class BrokenRelevance:
    def scores(self, sentences: list[str], topics: list[list[str]]) -> list[list[float]]:
        raise RuntimeError("the embedder could not be loaded")


def test_a_failing_assessor_keeps_the_notes_and_the_interview_goes_on(
    anxious: Persona, setting: Setting, prompts: Prompts, scripted: ScriptedChatModel
) -> None:
    backend = ChatBackend(chat=scripted, label="s", embedded=True)
    live = Interview(anxious, setting, backend, prompts, relevance=BrokenRelevance())
    scripted.enqueue("Hello Sam, why this role?", "Thanks. Next?", "Thanks. And then?")
    "".join(live.open())
    "".join(live.answer(STAY))
    "".join(live.answer("I led the rollout myself."))  # the failed update does not block this
    live.close()
    errors = [t.notes_error for t in live.session.turns if t.notes_error]
    assert errors and "could not be loaded" in errors[0]
    assert live.session.notes.worry("overqualified-flight-risk").status == "open"

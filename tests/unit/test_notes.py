from __future__ import annotations

import json

import pytest

from roleplay.core.notes import (
    NotesParseError,
    NotesUpdate,
    PrivateNotes,
    apply_update,
    notes_json_schema,
    parse_notes_update,
)
from roleplay.core.personas import Persona

VALID = {
    "mood": 0.4,
    "worries": [{"id": "team-fit", "status": "eased", "evidence": "I asked how the team works"}],
    "lean": "hire",
    "thought": "Better than I feared.",
    "next_focus": "commitment",
}


def test_valid_update_is_read() -> None:
    update = parse_notes_update(json.dumps(VALID))
    assert update.mood == 0.4
    assert update.worries[0].status == "eased"
    assert update.lean == "positive"


def test_json_inside_prose_and_code_fence_is_read() -> None:
    text = "Sure, here are my notes:\n```json\n" + json.dumps(VALID) + "\n```\nDone."
    assert parse_notes_update(text).thought == "Better than I feared."


def test_a_raw_newline_inside_a_note_is_read() -> None:
    text = json.dumps(VALID).replace("Better than I feared.", "Better than\nI feared.\t")
    assert "\n" in text.split('"thought"')[1][:30], "the newline is raw, inside the string"
    assert parse_notes_update(text).thought.split() == ["Better", "than", "I", "feared."]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "I think it went well.",
        "{mood: 0.4,",
        "[1, 2, 3]",
        '{"worries": []}',
        '{"mood": "high"}',
    ],
)
def test_malformed_or_missing_notes_raise_a_parse_error(text: str) -> None:
    with pytest.raises(NotesParseError):
        parse_notes_update(text)


def test_out_of_range_mood_is_clamped() -> None:
    assert parse_notes_update('{"mood": 2}').mood == 1.0
    assert parse_notes_update('{"mood": -0.5}').mood == 0.0


def test_one_unreadable_worry_does_not_spoil_the_update() -> None:
    data = dict(VALID, worries=[{"id": "team-fit", "status": "meh"}, VALID["worries"][0]])
    update = parse_notes_update(json.dumps(data))
    assert [w.status for w in update.worries] == ["eased"]


def test_status_synonyms_are_normalised() -> None:
    data = dict(VALID, worries=[{"id": "team-fit", "status": "Resolved", "evidence": ""}])
    assert parse_notes_update(json.dumps(data)).worries[0].status == "eased"


def test_initial_notes_list_every_worry_as_open(anxious: Persona) -> None:
    notes = PrivateNotes.initial(anxious)
    assert [w.id for w in notes.worries] == [w.id for w in anxious.worries]
    assert all(w.status == "open" for w in notes.worries)
    assert notes.mood == anxious.temperament.anxiety


def test_update_moves_a_worry_with_the_quoted_words(anxious: Persona) -> None:
    said = "Honestly, I asked how the team works before applying."
    notes = apply_update(
        PrivateNotes.initial(anxious),
        NotesUpdate.model_validate(VALID),
        anxious,
        candidate_words=said,
        turn_index=3,
    )
    worry = notes.worry("team-fit")
    assert worry.status == "eased"
    assert worry.evidence == ["I asked how the team works"]
    assert worry.changed_at_turn == 3
    assert notes.lean_label == "hire"


def test_invented_quote_is_replaced_by_the_candidates_real_words(anxious: Persona) -> None:
    said = "I have led three migrations end to end."
    update = NotesUpdate.model_validate(
        dict(
            VALID,
            worries=[
                {
                    "id": "paper-not-performance",
                    "status": "eased",
                    "evidence": "I won a Nobel prize",
                }
            ],
        )
    )
    notes = apply_update(
        PrivateNotes.initial(anxious), update, anxious, candidate_words=said, turn_index=1
    )
    assert notes.worry("paper-not-performance").evidence == [said]


def test_unknown_worry_ids_are_ignored(anxious: Persona) -> None:
    update = NotesUpdate.model_validate(
        dict(VALID, worries=[{"id": "likes-cats", "status": "confirmed", "evidence": ""}])
    )
    notes = apply_update(
        PrivateNotes.initial(anxious), update, anxious, candidate_words="hi", turn_index=1
    )
    assert [w.id for w in notes.worries] == [w.id for w in anxious.worries]
    assert all(w.status == "open" for w in notes.worries)


def test_worries_do_not_move_without_candidate_words(anxious: Persona) -> None:
    notes = apply_update(
        PrivateNotes.initial(anxious),
        NotesUpdate.model_validate(VALID),
        anxious,
        candidate_words="",
        turn_index=0,
    )
    assert notes.worry("team-fit").status == "open"


def test_informational_lean_uses_keep_in_touch_labels(leader: Persona) -> None:
    update = NotesUpdate.model_validate(dict(VALID, worries=[], lean="keep in touch"))
    notes = apply_update(
        PrivateNotes.initial(leader), update, leader, candidate_words="x", turn_index=1
    )
    assert notes.lean_label == "keep in touch"


def test_schema_limits_worry_ids_to_the_personas_own(anxious: Persona) -> None:
    schema = notes_json_schema(anxious)
    ids = schema["properties"]["worries"]["items"]["properties"]["id"]["enum"]
    assert ids == [w.id for w in anxious.worries]
    assert schema["properties"]["lean"]["enum"] == ["hire", "no hire", "undecided"]

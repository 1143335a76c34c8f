from __future__ import annotations

import json
from pathlib import Path

import pytest

from roleplay.cards import card_to_persona, persona_to_card, read_card, write_card
from roleplay.personas import Persona, PersonaError, PersonaLibrary


def test_every_shipped_persona_survives_export_and_import(library: PersonaLibrary) -> None:
    for persona in library.all():
        assert card_to_persona(json.loads(write_card(persona))) == persona


def test_export_fills_the_standard_card_fields(anxious: Persona) -> None:
    card = persona_to_card(anxious)
    assert card["spec"] == "chara_card_v2"
    assert card["spec_version"] == "2.0"
    assert card["data"]["name"] == anxious.name
    assert "{{user}}" in card["data"]["first_mes"]
    assert card["data"]["extensions"]["roleplay"]["id"] == anxious.id


def test_unknown_fields_are_kept_on_round_trip(anxious: Persona) -> None:
    card = persona_to_card(anxious)
    card["data"]["extensions"]["other_tool"] = {"depth": 4}
    card["data"]["character_book"] = {"entries": [{"keys": ["x"], "content": "y"}]}
    card["top_level_extra"] = True
    again = persona_to_card(card_to_persona(card))
    assert again["data"]["extensions"]["other_tool"] == {"depth": 4}
    assert again["data"]["character_book"] == card["data"]["character_book"]
    assert again["top_level_extra"] is True
    assert again == card


def test_greeting_edited_in_another_tool_wins(anxious: Persona) -> None:
    card = persona_to_card(anxious)
    card["data"]["first_mes"] = "Hi {{user}}, I'm {{char}}."
    assert card_to_persona(card).opening_lines[0] == "Hi {candidate}, I'm {name}."


def test_plain_character_card_gets_a_clear_refusal() -> None:
    card = {"spec": "chara_card_v2", "data": {"name": "Pirate", "extensions": {}}}
    with pytest.raises(PersonaError, match=r"data\.extensions\.roleplay"):
        card_to_persona(card, "pirate.json")


def test_wrong_spec_names_the_field() -> None:
    with pytest.raises(PersonaError, match="field 'spec'"):
        card_to_persona({"spec": "chara_card_v3", "data": {}})


def test_invalid_persona_inside_card_names_the_field(anxious: Persona) -> None:
    card = persona_to_card(anxious)
    card["data"]["extensions"]["roleplay"]["temperament"]["warmth"] = -1
    with pytest.raises(PersonaError, match=r"temperament\.warmth"):
        card_to_persona(card, "x.json")


def test_card_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "card.json"
    path.write_text("{nope", encoding="utf-8")
    with pytest.raises(PersonaError, match="not valid JSON"):
        read_card(path)

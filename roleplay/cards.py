"""Character Card V2 import and export for interviewer personas.

Role-play users share characters as Character Card V2 JSON (``spec: chara_card_v2``). An exported
persona fills the card's standard fields so other tools show something sensible, and keeps the
whole persona under ``data.extensions.roleplay``. Fields we do not know (other tools' extensions,
extra card fields) are kept in ``Persona.card`` and written back on export, so a round trip
loses nothing.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from roleplay.personas import Persona, PersonaError, persona_from_data

SPEC = "chara_card_v2"
SPEC_VERSION = "2.0"
EXTENSION_KEY = "roleplay"
# Card fields written from the persona on every export, so they are not worth keeping on import.
_DERIVED_FIELDS = (
    "name",
    "description",
    "personality",
    "scenario",
    "first_mes",
    "alternate_greetings",
)


def _render(line: str) -> str:
    # Cards are read by other tools that know {{char}} / {{user}}; keep our other slots as written.
    return line.replace("{name}", "{{char}}").replace("{candidate}", "{{user}}")


def _unrender(line: str) -> str:
    return line.replace("{{char}}", "{name}").replace("{{user}}", "{candidate}")


def persona_to_card(persona: Persona) -> dict[str, Any]:
    card = copy.deepcopy(persona.card) if persona.card else {}
    card["spec"] = SPEC
    card["spec_version"] = SPEC_VERSION
    data = card.setdefault("data", {})
    greetings = [_render(line) for line in persona.opening_lines]
    data.update(
        {
            "name": persona.name,
            "description": f"{persona.title}. {persona.background}",
            "personality": " ".join(persona.tells + persona.speaking_habits),
            "scenario": persona.summary,
            "first_mes": greetings[0],
            "alternate_greetings": greetings[1:],
        }
    )
    for key, default in (
        ("mes_example", ""),
        ("creator_notes", ""),
        ("system_prompt", ""),
        ("post_history_instructions", ""),
        ("tags", ["interview", persona.mode]),
        ("creator", "interview-roleplay"),
        ("character_version", "1"),
    ):
        data.setdefault(key, default)
    extensions = data.setdefault("extensions", {})
    extensions[EXTENSION_KEY] = persona.model_dump(mode="json", exclude={"card"}, exclude_none=True)
    return card


def card_to_persona(card: Any, source: str = "card") -> Persona:
    if not isinstance(card, dict):
        raise PersonaError(f"{source}: a Character Card V2 is a JSON object")
    if card.get("spec") != SPEC:
        raise PersonaError(f"{source}: field 'spec': expected '{SPEC}', found {card.get('spec')!r}")
    data = card.get("data")
    if not isinstance(data, dict):
        raise PersonaError(f"{source}: field 'data': missing or not an object")
    extensions = data.get("extensions")
    ours = extensions.get(EXTENSION_KEY) if isinstance(extensions, dict) else None
    if not isinstance(ours, dict):
        raise PersonaError(
            f"{source}: field 'data.extensions.{EXTENSION_KEY}': missing. This card is not an "
            "interviewer persona (export one with 'roleplay personas export' to see the shape)."
        )
    fields = {key: value for key, value in ours.items() if key != "card"}
    # Greetings edited in another tool win over the stale copy inside our extension.
    if isinstance(data.get("first_mes"), str) and data["first_mes"].strip():
        alternates = [g for g in data.get("alternate_greetings") or [] if isinstance(g, str)]
        fields["opening_lines"] = [_unrender(g) for g in [data["first_mes"], *alternates]]
    if isinstance(data.get("name"), str) and data["name"].strip():
        fields["name"] = data["name"]
    persona = persona_from_data(fields, f"{source} (data.extensions.{EXTENSION_KEY})")
    leftover = _leftover(card)
    if leftover != _leftover(persona_to_card(persona)):
        persona = persona.model_copy(update={"card": leftover})
    return persona


def _leftover(card: dict[str, Any]) -> dict[str, Any]:
    """What of a card is not derived from the persona: the part worth keeping for export."""
    rest = copy.deepcopy(card)
    for key in ("spec", "spec_version"):
        rest.pop(key, None)
    for key in _DERIVED_FIELDS:
        rest["data"].pop(key, None)
    rest["data"]["extensions"].pop(EXTENSION_KEY, None)
    return rest


def read_card(path: Path) -> Persona:
    try:
        card = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise PersonaError(f"{path}: not valid JSON ({error})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PersonaError(f"{path}: cannot be read ({error})") from None
    return card_to_persona(card, str(path))


def write_card(persona: Persona) -> str:
    return json.dumps(persona_to_card(persona), indent=2, ensure_ascii=False) + "\n"

"""Character Card V2 and V3 to and from interviewer personas.

Role-play users share characters as Character Card V2 (``spec: chara_card_v2``) or V3
(``chara_card_v3``, the same ``data`` with more optional fields) JSON. An exported persona fills
the card's standard fields so other tools show something sensible, and keeps the whole persona
under ``data.extensions.roleplay``. Fields we do not know (other tools' extensions, extra card
fields) are kept in ``Persona.card`` and written back on export, so a round trip loses nothing.
A card made elsewhere, without our extension, becomes an interviewer in ``plain.py``; its own
text fields are kept too, and an export gives them back as they were.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from roleplay.core.personas import Persona, PersonaError, PersonaLibrary, persona_from_data

SPEC = "chara_card_v2"
SPEC_VERSION = "2.0"
SPEC_V3 = "chara_card_v3"
SPECS = (SPEC, SPEC_V3)
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
    derived = {
        "name": persona.name,
        "description": f"{persona.title}. {persona.background}",
        "personality": " ".join(persona.tells + persona.speaking_habits),
        "scenario": persona.summary,
        "first_mes": greetings[0],
        "alternate_greetings": greetings[1:],
    }
    # A card made elsewhere keeps its own text (kept whole on import): other tools show that.
    for key, value in derived.items():
        data.setdefault(key, value)
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


def card_to_v3(card: dict[str, Any]) -> dict[str, Any]:
    """The same card as V3 (its ``data`` is a superset of V2's), as SillyTavern writes it."""
    return {**copy.deepcopy(card), "spec": SPEC_V3, "spec_version": "3.0"}


def card_to_persona(
    card: Any,
    source: str = "card",
    *,
    mode: str | None = None,
    library: PersonaLibrary | None = None,
) -> Persona:
    """The persona a card holds; a card without our extension becomes an interviewer of
    ``mode`` (required for such a card) modelled on ``library``'s persona of that mode."""
    if not isinstance(card, dict):
        raise PersonaError(f"{source}: a character card is a JSON object")
    if card.get("spec") not in SPECS:
        raise PersonaError(
            f"{source}: field 'spec': expected '{SPEC}' or '{SPEC_V3}', found "
            f"{str(card.get('spec'))[:40]!r}"
        )
    data = card.get("data")
    if not isinstance(data, dict):
        raise PersonaError(f"{source}: field 'data': missing or not an object")
    extensions = data.get("extensions")
    ours = extensions.get(EXTENSION_KEY) if isinstance(extensions, dict) else None
    if not isinstance(ours, dict):
        if mode is None or library is None:
            raise PersonaError(
                f"{source}: this card is not an interviewer yet: import it with --mode formal "
                "(a job interview) or --mode informational (a conversation about the field)."
            )
        from roleplay.cards.plain import persona_from_plain_card

        return persona_from_plain_card(card, mode, library, source)  # type: ignore[arg-type]
    fields = {key: value for key, value in ours.items() if key != "card"}
    # Greetings edited in another tool win over the stale copy inside our extension (not on a
    # card made elsewhere: there the greeting is the character's own, never an interview line).
    edited = not ours.get("from_card")
    if edited and isinstance(data.get("first_mes"), str) and data["first_mes"].strip():
        alternates = [g for g in data.get("alternate_greetings") or [] if isinstance(g, str)]
        fields["opening_lines"] = [_unrender(g) for g in [data["first_mes"], *alternates]]
    if edited and isinstance(data.get("name"), str) and data["name"].strip():
        fields["name"] = data["name"]
    persona = persona_from_data(fields, f"{source} (data.extensions.{EXTENSION_KEY})")
    leftover = _leftover(card, keep_text=not edited)
    if leftover != _leftover(persona_to_card(persona), keep_text=not edited):
        persona = persona.model_copy(update={"card": leftover})
    return persona


def _leftover(card: dict[str, Any], *, keep_text: bool = False) -> dict[str, Any]:
    """What of a card is not derived from the persona: the part worth keeping for export (with
    ``keep_text``, the card's own text fields too: a card made elsewhere)."""
    rest = copy.deepcopy(card)
    for key in ("spec", "spec_version"):
        rest.pop(key, None)
    for key in () if keep_text else _DERIVED_FIELDS:
        rest["data"].pop(key, None)
    rest["data"]["extensions"].pop(EXTENSION_KEY, None)
    return rest


def write_card(persona: Persona) -> str:
    return json.dumps(persona_to_card(persona), indent=2, ensure_ascii=False) + "\n"

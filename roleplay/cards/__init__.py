"""Character cards, as the role-play world shares them: V2 and V3, as JSON or inside a PNG.

``read_card`` takes either file kind; ``write_card`` writes JSON and ``write_png_card`` a PNG card
that SillyTavern reads (``chara`` and ``ccv3`` chunks). See ``convert.py`` for the mapping, and
``plain.py`` for a card made elsewhere becoming an interviewer.
"""

from __future__ import annotations

import json
from pathlib import Path

from roleplay.cards.convert import card_to_persona, card_to_v3, persona_to_card, write_card
from roleplay.cards.png import SIGNATURE as PNG_SIGNATURE
from roleplay.cards.png import PngCardError, as_png, png_with_card, read_png_card
from roleplay.core.personas import Persona, PersonaError, PersonaLibrary

__all__ = ["card_to_persona", "persona_to_card", "read_card", "write_card", "write_png_card"]

# A card (with its picture) is small; anything bigger is not read into memory.
MAX_CARD_FILE_BYTES = 20 * 1024 * 1024
MAX_JSON_BYTES = 2 * 1024 * 1024
# What a persona made from a card may hold: its words reach the page and the prompt, and its
# file is read on every event of the browser that owns it.
MAX_KEPT_BYTES = 256 * 1024
MAX_DEPTH = 64
SHORT_FIELDS = {"id": 48, "name": 80, "title": 80, "summary": 400}
MAX_TEXT = 2000


def read_card(
    path: Path, *, mode: str | None = None, library: PersonaLibrary | None = None
) -> Persona:
    """The persona in a card file (.json or .png, V2 or V3); ``mode`` makes a card from another
    tool an interviewer. Every problem is a PersonaError naming the file."""
    try:
        size = path.stat().st_size
        if size > MAX_CARD_FILE_BYTES:
            raise PersonaError(
                f"{path}: is {size / 1048576:.1f} MB; a card is at most "
                f"{MAX_CARD_FILE_BYTES // 1048576} MB"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise PersonaError(f"{path}: cannot be read ({error.strerror or error})") from None
    return card_from_bytes(raw, str(path), mode=mode, library=library)


def card_from_bytes(
    raw: bytes, source: str, *, mode: str | None = None, library: PersonaLibrary | None = None
) -> Persona:
    if raw.startswith(PNG_SIGNATURE):
        try:
            card = read_png_card(raw)
        except PngCardError as error:
            raise PersonaError(f"{source}: {error}") from None
    else:
        if len(raw) > MAX_JSON_BYTES:
            raise PersonaError(f"{source}: a JSON card is at most {MAX_JSON_BYTES // 1048576} MB")
        try:
            card = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise PersonaError(f"{source}: neither a PNG card nor JSON ({error})") from None
    if _depth(card) > MAX_DEPTH:
        raise PersonaError(f"{source}: the card is nested over {MAX_DEPTH} levels deep")
    persona = card_to_persona(card, source, mode=mode, library=library)
    _within_limits(persona, source)
    return persona


def _depth(value: object, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _within_limits(persona: Persona, source: str) -> None:
    """Refuse a persona too big to show, prompt with or keep (a card can say anything)."""
    data = persona.model_dump(mode="json", exclude={"card"}, exclude_none=True)
    for field, limit in SHORT_FIELDS.items():
        if len(data[field]) > limit:
            raise PersonaError(f"{source}: field '{field}': over {limit} characters")
    for where, text in _texts(data):
        if len(text) > MAX_TEXT:
            raise PersonaError(f"{source}: field '{where}': over {MAX_TEXT} characters")
    size = len(json.dumps(persona.model_dump(mode="json")))
    if size > MAX_KEPT_BYTES:
        raise PersonaError(
            f"{source}: the card is {size / 1024:.0f} KB as a persona; at most "
            f"{MAX_KEPT_BYTES // 1024} KB is kept"
        )


def _texts(value: object, where: str = "") -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(where, value)]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in _texts(v, f"{where}.{k}".strip("."))]
    if isinstance(value, list):
        return [t for i, v in enumerate(value) for t in _texts(v, f"{where}.{i}")]
    return []


def write_png_card(persona: Persona, image: bytes | None = None) -> bytes:
    """A PNG card of ``persona``: ``image`` (any picture Pillow reads) or a plain one."""
    try:
        picture = as_png(image)
    except PngCardError as error:
        raise PersonaError(str(error)) from None
    card = persona_to_card(persona)
    return png_with_card(picture, card, card_to_v3(card))

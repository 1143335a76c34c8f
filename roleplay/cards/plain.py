"""A character card made for another role-play tool becoming an interviewer.

The card gives the character: its name, its description (the persona's background), its
personality (how it comes across), its scenario (what the meeting is like) and, when it reads as
an interviewer's opening, its first message. How an interviewer
of the chosen mode works comes from the shipped persona of that mode: its worries, the question
bank, the stages and the authored lines, with that persona's name swapped for the card's. The
persona file shows all of it for editing.

A card's text is someone else's: HTML, images, links and template macros are stripped, each field
is capped, and its ``system_prompt`` and ``post_history_instructions`` are kept with the rest of
the card for a round trip but never reach the model as instructions.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from roleplay.core.personas import Mode, Persona, PersonaError, PersonaLibrary, persona_from_data

# The shipped persona whose way of interviewing a card of each mode takes on.
TEMPLATES: dict[str, str] = {
    "formal": "anxious-hiring-manager",
    "informational": "relaxed-industry-leader",
}
TITLES = {"formal": "Interviewer", "informational": "Industry contact"}
_TAG = re.compile(r"<[^>]*>")
# Brackets may nest one level ("![a[b]](…)"): a flat pattern would leave such an image whole.
_IMAGE = re.compile(r"!\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)")
_MACRO = re.compile(r"\{\{[^{}]*\}\}")
_BRACES = re.compile(r"[{}]")
_SPACE = re.compile(r"\s+")


def clean(value: Any, limit: int) -> str:
    """A card's text as words only: no HTML, images, links, macros or braces; one paragraph."""
    text = value if isinstance(value, str) else ""
    text = _IMAGE.sub(r"\1", _TAG.sub(" ", text))
    text = _LINK.sub(r"\1", text)
    text = _MACRO.sub(lambda m: _named_macro(m.group(0)), text)
    text = _SPACE.sub(" ", _BRACES.sub("", text)).strip()
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def _named_macro(macro: str) -> str:
    # {{char}} and {{user}} read as the people they stand for; other macros mean nothing here.
    return {"{{char}}": "the interviewer", "{{user}}": "the candidate"}.get(macro.lower(), "")


def opening(first_mes: Any) -> str | None:
    """The card's first message as the interviewer's opening line, when it reads as one: a short
    greeting with no question (the planner asks the first question after it) and no *stage
    directions*. A role-play scene (most cards open with one) is kept on the card instead, and
    the mode's own openings are used."""
    if not isinstance(first_mes, str) or "*" in first_mes:
        return None
    marked = re.sub(r"\{\{user\}\}", "\x01", first_mes, flags=re.IGNORECASE)
    marked = re.sub(r"\{\{char\}\}", "\x02", marked, flags=re.IGNORECASE)
    line = clean(marked, 300).replace("\x01", "{candidate}").replace("\x02", "{name}")
    if len(line) >= 300 or "?" in line or not line.endswith((".", "!")):
        return None
    return line


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:48].strip("-")
    return slug or "imported-interviewer"


def _swap_name(value: Any, old: str, new: str) -> Any:
    """Every string inside ``value`` with the template's first name replaced by the card's."""
    if isinstance(value, str):
        # As text, never as a replacement template (a name like "\\1" would be read as one).
        return re.sub(rf"\b{re.escape(old)}\b", lambda _: new, value)
    if isinstance(value, list):
        return [_swap_name(item, old, new) for item in value]
    if isinstance(value, dict):
        return {key: _swap_name(item, old, new) for key, item in value.items()}
    return value


def persona_from_plain_card(
    card: dict[str, Any], mode: Mode, library: PersonaLibrary, source: str
) -> Persona:
    """An interviewer of ``mode`` with the card's character; the card is kept for export."""
    if mode not in TEMPLATES:
        raise PersonaError(f"{source}: the mode must be one of: {', '.join(TEMPLATES)}")
    inner = card.get("data")
    data: dict[str, Any] = inner if isinstance(inner, dict) else card
    name = clean(data.get("name"), 80)
    if not name:
        raise PersonaError(f"{source}: field 'data.name': the card has no name")
    template = library.get(TEMPLATES[mode])
    fields = template.model_dump(mode="json", exclude={"card"}, exclude_none=True)
    # The lines say "?" only where they ask: a first name must not add one.
    first = name.split()[0].replace("?", "") or "They"
    fields = _swap_name(fields, template.name.split()[0], first)
    personality = clean(data.get("personality"), 600)
    tells = [part.strip() for part in re.split(r"[.;\n]", personality) if part.strip()]
    fields.update(
        {
            "id": _slug(name),
            "name": name,
            "title": TITLES[mode],
            "summary": clean(data.get("scenario"), 300) or template.summary,
            "background": clean(data.get("description"), 2000) or fields["background"],
            "tells": tells[:4] or fields["tells"],
            "opening_lines": [line]
            if (line := opening(data.get("first_mes")))
            else fields["opening_lines"],
            "from_card": True,
        }
    )
    # The whole card stays with the persona (its own text included) so an export gives it back.
    kept = copy.deepcopy(card)
    for key in ("spec", "spec_version"):  # an export writes its own
        kept.pop(key, None)
    inner = kept.get("data")
    extensions = inner.get("extensions") if isinstance(inner, dict) else None
    if isinstance(extensions, dict):
        extensions.pop("roleplay", None)
    fields["card"] = kept
    return persona_from_data(fields, f"{source} (as a {mode} interviewer)")

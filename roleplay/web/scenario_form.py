"""The scenario editor, mapped to and from a ``ScenarioSpec`` in this one place.

``FIELDS`` is the order of the editor's components, of what loading a scenario fills in and of
what saving one sends (the ``save_scenario`` endpoint's inputs after the scenario code). Every
value is read as hostile: any client can send any type to the save event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import gradio as gr

from roleplay.coaching.scenarios import ScenarioSpec
from roleplay.core.personas import Persona
from roleplay.web import inputs

FIELDS = (
    "title",
    "persona",
    "company",
    "role",
    "packs",
    "brief",
    "objectives",
    "turns",
    "minutes",
    "difficulty",
    "feedback",
    "attempts",
    "due",
    "allow_signup",
    "rubric",
)
DIFFICULTIES = ("gentle", "standard", "tough")
FEEDBACK = (("Right after the attempt", "immediate"), ("After I release it", "after_review"))
DEFAULT_PERSONA = "anxious-hiring-manager"
_BLANK = {
    "title": "",
    "persona": DEFAULT_PERSONA,
    "company": "",
    "role": "",
    "packs": [],
    "brief": "",
    "objectives": "",
    "turns": 6,
    "minutes": 20,
    "difficulty": "standard",
    "feedback": "immediate",
    "attempts": 0,
    "due": "",
    "allow_signup": False,
    "rubric": "",
}


def build(personas: Sequence[Persona], rubric_ids: Sequence[str]) -> dict[str, Any]:
    """The editor's components, laid out, keyed by field (and "research": files to add)."""
    form: dict[str, Any] = {}
    with gr.Row():
        form["title"] = gr.Textbox(label="Title", scale=2)
        form["persona"] = gr.Dropdown(
            label="Interviewer",
            choices=[(p.name + " — " + p.title, p.id) for p in personas],
            value=_BLANK["persona"],
            scale=2,
        )
    with gr.Row():
        form["company"] = gr.Textbox(label="Company", elem_id="sc-company")
        form["role"] = gr.Textbox(label="Role", elem_id="sc-role")
    form["packs"] = gr.Dropdown(
        label="Research the interviewer draws on",
        choices=[],
        multiselect=True,
        # Choices differ per coach; the handler checks every name sent.
        allow_custom_value=True,
        elem_id="sc-packs",
    )
    form["research"] = gr.File(
        label="Research for this scenario (.txt .md .pdf .html .docx .eml)",
        file_count="multiple",
        type="filepath",
    )
    form["brief"] = gr.Textbox(label="Brief the learner reads", lines=3)
    form["objectives"] = gr.Textbox(label="Objectives (one per line)", lines=3)
    with gr.Row():
        form["turns"] = gr.Slider(1, 20, value=6, step=1, label="Answers", elem_id="sc-turns")
        form["minutes"] = gr.Slider(5, 60, value=20, step=5, label="Minutes")
        form["attempts"] = gr.Number(label="Attempts allowed (0 = any)", value=0, precision=0)
    with gr.Row():
        form["difficulty"] = gr.Radio(list(DIFFICULTIES), value="standard", label="Difficulty")
        form["feedback"] = gr.Radio(list(FEEDBACK), value="immediate", label="Feedback")
    with gr.Row():
        form["due"] = gr.Textbox(label="Due date (YYYY-MM-DD, optional)")
        form["allow_signup"] = gr.Checkbox(label="Learners may sign up through the link")
        form["rubric"] = gr.Dropdown(
            label="Scored with",
            choices=[("The interviewer's own rubric (formal or informational)", ""), *rubric_ids],
            value="",
            # A scenario may name a rubric file added later; the handler checks it.
            allow_custom_value=True,
        )
    return form


def fields(form: Mapping[str, Any]) -> list[Any]:
    """The editor's components in ``FIELDS`` order."""
    return [form[name] for name in FIELDS]


def blank() -> list[Any]:
    """A new scenario's values, in ``FIELDS`` order."""
    return [gr.update(value=_BLANK[name]) for name in FIELDS]


def values(spec: ScenarioSpec, pack_choices: Sequence[str]) -> list[Any]:
    """A saved scenario's values, in ``FIELDS`` order; its packs among the coach's choices."""
    shown = {
        **spec.model_dump(),
        "packs": gr.update(
            choices=[*dict.fromkeys([*pack_choices, *spec.packs])], value=spec.packs
        ),
        "objectives": "\n".join(spec.objectives),
        "attempts": spec.attempts or 0,
        "due": f"{spec.due:%Y-%m-%d}" if spec.due else "",
        "rubric": spec.rubric or "",
    }
    return [shown[name] for name in FIELDS]


def to_spec(sent: Mapping[str, Any]) -> ScenarioSpec:
    """The scenario the editor describes. Raises ``InputError`` for a value of the wrong kind,
    ``ValueError`` for a bad date, pydantic's ``ValidationError`` for a field out of bounds."""
    packs = sent.get("packs") or []
    if not isinstance(packs, list) or not all(isinstance(name, str) for name in packs):
        raise inputs.InputError("Research packs must be a list of names.")
    due = inputs.text(sent.get("due"), "The due date", 20).strip()
    objectives = inputs.text(sent.get("objectives"), "The objectives", 12000)
    attempts = int(inputs.number(sent.get("attempts") or 0, "Attempts allowed", 0, 1000))
    return ScenarioSpec(
        title=inputs.text(sent.get("title"), "The title", 200).strip(),
        persona=inputs.text(sent.get("persona"), "The interviewer", 100),
        company=inputs.text(sent.get("company"), "The company", 100).strip(),
        role=inputs.text(sent.get("role"), "The role", 100).strip(),
        packs=[*dict.fromkeys(packs)],
        brief=inputs.text(sent.get("brief"), "The brief", 4000).strip(),
        objectives=[line.strip() for line in objectives.splitlines() if line.strip()],
        turns=int(inputs.number(sent.get("turns"), "Answers", 1, 20)),
        minutes=inputs.number(sent.get("minutes"), "Minutes", 5, 60),
        difficulty=inputs.choice(sent.get("difficulty"), "difficulty", DIFFICULTIES),
        feedback=inputs.choice(sent.get("feedback"), "feedback setting", [v for _, v in FEEDBACK]),
        attempts=attempts or None,
        due=datetime.strptime(due, "%Y-%m-%d").replace(tzinfo=UTC) if due else None,
        allow_signup=sent.get("allow_signup") is True,
        rubric=(inputs.text(sent.get("rubric"), "The rubric", 64)).strip() or None,
    )

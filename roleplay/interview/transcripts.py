"""Saving a session as JSON (everything, for programs) and Markdown (for people)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from roleplay.core.personas import Persona
from roleplay.core.session import Session
from roleplay.interview.debrief import build_debrief, debrief_markdown


def transcript_markdown(session: Session, persona: Persona) -> str:
    setting = session.setting
    lines = [
        f"# Interview with {persona.name} ({persona.title})",
        "",
        f"- Company: {setting.company}",
        f"- Role: {setting.role}",
        f"- Candidate: {setting.candidate}",
        f"- Started: {session.started_at:%Y-%m-%d %H:%M} UTC",
        f"- Model: {session.model}",
        "",
        "## Transcript",
        "",
    ]
    for turn in session.turns:
        who = persona.name if turn.speaker == "interviewer" else setting.candidate
        lines.append(f"**{who}** ({turn.at:%H:%M:%S}): {turn.text}")
        for source in turn.sources:
            where = f", {source.location}" if source.location else ""
            lines.append(f"> source: {source.source}{where}")
        lines.append("")
    lines.append(debrief_markdown(build_debrief(session, persona)))
    return "\n".join(lines)


def _write_atomically(path: Path, text: str) -> None:
    # A crash mid-write must not leave a half transcript where a whole one was.
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
    ) as handle:
        handle.write(text)
    os.replace(handle.name, path)


def save_transcript(session: Session, persona: Persona, target: Path) -> tuple[Path, Path]:
    """Write ``target`` as JSON and its ``.md`` sibling; ``target`` may be a folder."""
    if target.suffix.lower() not in (".json", ".md"):
        stamp = session.started_at.strftime("%Y%m%d-%H%M%S")
        target = target / f"{stamp}-{session.persona_id}-{session.id}.json"
    json_path = target.with_suffix(".json")
    markdown_path = target.with_suffix(".md")
    _write_atomically(json_path, session.model_dump_json(indent=2))
    _write_atomically(markdown_path, transcript_markdown(session, persona))
    return json_path, markdown_path

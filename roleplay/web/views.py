"""Turning sessions, personas and passages into what the page shows (Markdown, chat messages)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from roleplay.coaching.assignments import Assigned
from roleplay.coaching.reviews import Attempt
from roleplay.coaching.scenario_catalogue import Scenario
from roleplay.core.personas import Persona
from roleplay.core.safety import page_text, public_message
from roleplay.core.session import Session, Turn
from roleplay.feedback.report import POINTS, Report, report_markdown
from roleplay.history.listing import SessionSummary
from roleplay.interview.debrief import (
    answers_markdown,
    build_debrief,
    step_label,
    update_problems,
)
from roleplay.llm.choice import ModelOption

_ASSIGNED_BADGES = {
    "done": "✅ done",
    "started": "◐ started",
    "overdue": "⏰ overdue",
    "to do": "○ to do",
}
_STATUS_BADGES = {"open": "⚪ still open", "eased": "🟢 eased", "confirmed": "🔴 confirmed"}


def persona_choice(persona: Persona) -> tuple[str, str]:
    kind = "Job interview" if persona.mode == "formal" else "Informational interview"
    return (f"{persona.name} — {persona.title} · {kind}", persona.id)


def persona_card(persona: Persona) -> str:
    # A browser's own interviewer came from a card someone else wrote: its words are text only.
    kind = "formal job interview" if persona.mode == "formal" else "informational interview"
    lead = "They lead; you answer." if persona.mode == "formal" else "You lead with questions."
    name, title, summary = (page_text(v) for v in (persona.name, persona.title, persona.summary))
    return f"**{name}**, {title}  \n*A {kind}. {lead}*\n\n{summary}"


def problem(error: Exception) -> str:
    """An error as the page says it: a warning sign, and no server address or file path."""
    return page_text(f"⚠️ {public_message(str(error))}")


def chat_message(role: str, text: str) -> dict[str, str]:
    """One chat bubble. Both sides' words are rendered as Markdown, and both can carry text
    from outside (research quoted by the interviewer, whatever the candidate pastes), so
    neither may hold HTML, an image or a link to another host."""
    return {"role": role, "content": page_text(text)}


def chat_messages(session: Session | None) -> list[dict[str, str]]:
    if session is None:
        return []
    return [
        chat_message("assistant" if t.speaker == "interviewer" else "user", t.text)
        for t in session.turns
    ]


def sources_panel(session: Session | None, turn_number: int | None = None) -> str:
    """The passages an interviewer turn was given: the chosen turn, or the latest."""
    if session is None:
        return "_The passages the interviewer draws on will appear here._"
    turns = [t for t in session.turns if t.speaker == "interviewer"]
    if not turns:
        return "_The passages the interviewer draws on will appear here._"
    turn: Turn = turns[-1]
    if turn_number is not None and 0 <= turn_number < len(turns):
        turn = turns[turn_number]
    title = f"**Research used in turn {turns.index(turn) + 1}**"
    if len(turns) > 1:
        title += "  \n_Click any interviewer message to see what it drew on._"
    if turn.sources_error:
        return f"{title}\n\n⚠️ {page_text(turn.sources_error)}"
    if not turn.sources:
        return f"{title}\n\n_No passage was relevant enough for this turn._"
    lines = [title, ""]
    for number, source in enumerate(turn.sources, 1):
        where = f" · {page_text(source.location)}" if source.location else ""
        kind = " · your CV / job ad" if source.kind == "candidate" else ""
        score = f" · relevance {source.score:.2f}" if source.score is not None else ""
        lines.append(f"{number}. **{page_text(source.source)}**{where}{kind}{score}")
        lines.append(f"   > {page_text(source.snippet)}")
        lines.append("")
    return "\n".join(lines)


def debrief_view(session: Session, persona: Persona) -> str:
    debrief = build_debrief(session, persona)
    heading = "worries" if persona.mode == "formal" else "impressions"
    lines = [
        f"### What {page_text(persona.name)} was privately thinking",
        "",
        f"**Final lean: {debrief.lean_label}** · unease at the end {debrief.mood:.1f} "
        "(0 calm, 1 tense) · " + f"the interview ended because {debrief.end}.",
    ]
    if debrief.thought:
        lines += ["", f"Last private thought: *“{page_text(debrief.thought)}”*"]
    lines += ["", f"#### Hidden {heading}, turn by turn", ""]
    for story in debrief.worries:
        lines.append(f"**{page_text(story.label)}** — {_STATUS_BADGES[story.status]}")
        lines.append(f"- *Feared:* {page_text(story.fears)}")
        lines.append(f"- *Would have settled it:* {page_text(story.settled_by)}")
        if not story.steps:
            lines.append("- Nothing you said moved this one.")
        for step in story.steps:
            quote = f" by your words: “{page_text(step.evidence)}”" if step.evidence else ""
            why = f" — *{page_text(step.why)}*" if step.why else ""
            lines.append(f"- {step_label(step)}: {_STATUS_BADGES[step.status]}{quote}{why}")
        lines.append("")
    if debrief.mood_by_turn:
        moods = " → ".join(f"{mood:.1f}" for _, mood in debrief.mood_by_turn)
        lines.append(f"Unease over the interview: {moods}")
    if debrief.answers:
        lines += ["", *answers_markdown(debrief.answers, page_text)]
    problems = update_problems(debrief)
    if problems:
        lines += ["", *problems]
    return "\n".join(lines)


HISTORY_HEADERS = ["Started (UTC)", "Interviewer", "Company", "Role", "Turns", "Score", "State"]


def history_rows(found: list[SessionSummary]) -> list[list[Any]]:
    return [
        [
            f"{s.started_at:%Y-%m-%d %H:%M}",
            s.persona_name,
            s.company,
            s.role,
            s.turns,
            "" if s.overall is None else f"{s.overall:g}",
            "finished" if s.finished else "unfinished",
        ]
        for s in found
    ]


def history_choices(found: list[SessionSummary]) -> list[tuple[str, str]]:
    return [
        (
            f"{s.started_at:%Y-%m-%d %H:%M} · {s.persona_name} · {s.company}"
            + ("" if s.finished else " (unfinished)"),
            s.id,
        )
        for s in found
    ]


def progress_frame(reports: list[tuple[SessionSummary, dict[str, Any]]]) -> pd.DataFrame:
    """Each criterion's score (0..100) per scored interview, for a line chart over time."""
    rows = []
    for summary, report in reports:
        if not report.get("judged"):
            continue
        for criterion in report.get("criteria", []):
            points = POINTS.get(criterion.get("score") or "")
            if points is not None:
                rows.append(
                    {
                        "when": summary.started_at.replace(tzinfo=None),
                        "criterion": criterion["name"],
                        "score": (points - 1) * 50.0,
                    }
                )
        if report.get("overall") is not None:
            rows.append(
                {
                    "when": summary.started_at.replace(tzinfo=None),
                    "criterion": "Overall",
                    "score": float(report["overall"]),
                }
            )
    return pd.DataFrame(rows, columns=["when", "criterion", "score"])


def delivery_frames(
    reports: list[tuple[SessionSummary, dict[str, Any]]],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pace (words per minute) and fillers (per 100 words, and long pauses per answer) of each
    interview with spoken answers, for two line charts over time."""
    pace, habits = [], []
    for summary, report in reports:
        delivery = (report.get("metrics") or {}).get("delivery")
        if not isinstance(delivery, dict) or not delivery.get("spoken_answers"):
            continue
        when = summary.started_at.replace(tzinfo=None)
        if delivery.get("words_per_minute"):
            pace.append(
                {"when": when, "measure": "Words per minute", "value": delivery["words_per_minute"]}
            )
        habits.append(
            {
                "when": when,
                "measure": "Fillers per 100 words",
                "value": delivery["fillers_per_100_words"],
            }
        )
        habits.append(
            {
                "when": when,
                "measure": "Long pauses per answer",
                "value": round(delivery["long_pauses"] / delivery["spoken_answers"], 2),
            }
        )
    columns = ["when", "measure", "value"]
    return pd.DataFrame(pace, columns=columns), pd.DataFrame(habits, columns=columns)


def scenario_brief(scenario: Scenario, attempts: list[Attempt], *, signed_in: bool) -> str:
    spec = scenario.spec
    lines = [
        f"## {page_text(spec.title)}",
        f"*{page_text(spec.company)} · {page_text(spec.role)} · up to {spec.turns} answers or "
        f"{spec.minutes:g} minutes · {spec.difficulty} difficulty*",
    ]
    if spec.brief:
        lines += ["", page_text(spec.brief)]
    if spec.objectives:
        lines += ["", "**Your objectives**", *[f"- {page_text(o)}" for o in spec.objectives]]
    limits = []
    if spec.attempts:
        limits.append(f"{spec.attempts} attempt(s) allowed")
    if spec.due:
        limits.append(f"due {spec.due:%Y-%m-%d %H:%M} UTC")
    if spec.feedback == "after_review":
        limits.append("feedback shows once your coach has reviewed it")
    if limits:
        lines += ["", "_" + "; ".join(limits) + "._"]
    if not signed_in:
        lines += ["", "**Sign in** (or sign up, if your coach allows it) to start."]
    elif attempts:
        lines += ["", "**Your attempts**"]
        for a in attempts:
            score = f" · score {a.overall:g}" if a.overall is not None else ""
            waiting = "" if a.released or a.report else " · feedback not released yet"
            lines.append(f"- {a.started_at:%Y-%m-%d %H:%M}{score}{waiting} (`{a.session_id}`)")
            for comment in a.comments:
                lines.append(f"  > {page_text(comment.text)} — *{page_text(comment.author)}*")
    else:
        lines += ["", "The interviewer and settings are set by the scenario: press **Start**."]
    return "\n".join(lines)


def assigned_markdown(assigned: list[Assigned]) -> str:
    """A learner's list: what their cohorts assigned, when it is due, and what they have done."""
    if not assigned:
        return ""
    lines = [
        "**Your assignments**",
        "",
        "| | Scenario | Due (UTC) | Attempts |",
        "|---|---|---|---|",
    ]
    for item in assigned:
        due = f"{item.due:%Y-%m-%d %H:%M}" if item.due else "any time"
        lines.append(
            f"| {_ASSIGNED_BADGES[item.status()]} | {page_text(item.title)} | {due} | "
            f"{item.attempts} |"
        )
    lines += ["", "_Choose one below to open it, then press **Start**._"]
    return "\n".join(lines)


def attempt_headers(criteria: list[str]) -> list[str]:
    return ["Learner", "Started (UTC)", "Minutes", "Turns", "Overall", *criteria, "Released"]


def attempt_rows(attempts: list[Attempt], criteria: list[str]) -> list[list[Any]]:
    return [
        [
            a.learner,
            f"{a.started_at:%Y-%m-%d %H:%M}",
            a.minutes_spent,
            a.turns,
            "" if a.overall is None else f"{a.overall:g}",
            *[a.scores.get(name, "") for name in criteria],
            "yes" if a.released else "no",
        ]
        for a in attempts
    ]


def attempt_choices(attempts: list[Attempt]) -> list[tuple[str, str]]:
    return [(f"{a.learner} · {a.started_at:%Y-%m-%d %H:%M}", a.session_id) for a in attempts]


def attempt_header(attempt: Attempt) -> str:
    lines = [
        f"## Attempt by {page_text(attempt.learner)}",
        f"{attempt.started_at:%Y-%m-%d %H:%M} UTC · {attempt.minutes_spent:g} minutes · "
        f"{attempt.turns} turns · feedback {'released' if attempt.released else 'not released'}",
    ]
    if attempt.comments:
        lines += ["", "**Coach's comments**"]
        for comment in attempt.comments:
            lines.append(f"> {page_text(comment.text)} — *{page_text(comment.author)}*")
    return "\n".join(lines)


def upload_lines(outcomes: list) -> list[str]:
    """One line per uploaded file: added (with its passages), skipped, or why it failed."""
    lines = []
    for outcome in outcomes:
        name = Path(outcome.source).name
        if outcome.status == "failed":
            lines.append(f"- ❌ **{name}** {outcome.message}")
        elif outcome.status == "skipped":
            lines.append(f"- ⏭️ **{name}**: {outcome.message}")
        else:
            lines.append(f"- ✅ **{name}** {outcome.status} ({outcome.chunks} passages)")
    return lines


def report_view(report: Report) -> str:
    """A report for the page: it quotes the candidate and the model, so it is made safe."""
    return page_text(report_markdown(report))


def model_line(picked: ModelOption | None) -> str:
    """Which model will interview, where it runs, and (for the tiny built-in one) how to get a
    stronger interviewer."""
    if picked is None:
        return "⚠️ That model is not available now: pick another."
    line = f"**Interviewer model:** {page_text(picked.label)} — {picked.runs}"
    if picked.tiny:
        line += (
            "  \n_A tiny model that keeps to the script. For a stronger interviewer run "
            "`roleplay models pull qwen2.5-1.5b` and pick it here._"
        )
    return line

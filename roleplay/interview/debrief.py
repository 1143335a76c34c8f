"""The debrief: what the interviewer privately thought, worry by worry, turn by turn."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from roleplay.core.personas import Persona
from roleplay.core.session import Session
from roleplay.interview.note_taking import EVIDENCE_ALONE
from roleplay.interview.stronger import StrongerAnswer, stronger_answers

_STATUS_WORDS = {"open": "still open", "eased": "eased", "confirmed": "confirmed"}
_END_WORDS = {
    "turn_limit": "the planned number of questions was reached",
    "time_limit": "time ran out",
    "candidate_closed": "you ended it",
    "interviewer_closed": "the interviewer wrapped up",
}


class WorryStep(BaseModel):
    turn: int
    # Which of the candidate's answers (1 for the first) caused the change.
    answer: int | None = None
    status: str
    # The candidate's sentence that caused the change, and why it counted.
    evidence: str
    why: str = ""


class WorryStory(BaseModel):
    id: str
    label: str
    fears: str
    settled_by: str
    status: str
    steps: list[WorryStep]


class Debrief(BaseModel):
    persona_name: str
    mode: str
    lean_label: str
    mood: float
    thought: str
    worries: list[WorryStory]
    mood_by_turn: list[tuple[int, float]]
    failed_updates: int
    # Turns where a model's notes were unusable and the evidence alone moved the notes.
    evidence_only_updates: int = 0
    end: str
    # (turn, question, what it tested) for every planned question the interviewer asked.
    probes: list[tuple[int, str, str]] = []
    # Interviewer turns said in the plan's own words because no model phrasing passed.
    said_as_planned: int = 0
    interviewer_turns: int = 0
    # A stronger answer to each question, from the candidate's own sentences.
    answers: list[StrongerAnswer] = []


def build_debrief(session: Session, persona: Persona) -> Debrief:
    notes = session.notes
    stories = []
    for worry in persona.worries:
        final = notes.worry(worry.id)
        steps: list[WorryStep] = []
        previous = "open"
        answers = 0
        for turn in session.turns:
            answers += turn.speaker == "candidate"
            snapshot = turn.notes.worry(worry.id) if turn.notes else None
            if snapshot and snapshot.status != previous:
                evidence = snapshot.evidence[-1] if snapshot.evidence else ""
                why = snapshot.why[-1] if snapshot.why else ""
                steps.append(
                    WorryStep(
                        turn=turn.index,
                        answer=answers or None,
                        status=snapshot.status,
                        evidence=evidence,
                        why=why,
                    )
                )
                previous = snapshot.status
        stories.append(
            WorryStory(
                id=worry.id,
                label=worry.label,
                fears=worry.fears,
                settled_by=worry.settled_by,
                status=final.status if final else "open",
                steps=steps,
            )
        )
    return Debrief(
        persona_name=persona.name,
        mode=persona.mode,
        lean_label=notes.lean_label,
        mood=notes.mood,
        thought=notes.thought,
        worries=stories,
        mood_by_turn=[(t.index, t.notes.mood) for t in session.turns if t.notes],
        failed_updates=sum(
            1
            for t in session.turns
            if t.notes_error and not t.notes_error.startswith(EVIDENCE_ALONE)
        ),
        evidence_only_updates=sum(
            1 for t in session.turns if (t.notes_error or "").startswith(EVIDENCE_ALONE)
        ),
        end=_END_WORDS.get(session.end_reason or "", "the interview was not finished"),
        probes=_probes(session, persona),
        said_as_planned=sum(1 for t in session.turns if t.voiced_by == "plan"),
        interviewer_turns=sum(1 for t in session.turns if t.speaker == "interviewer"),
        answers=stronger_answers(session, persona),
    )


def _probes(session: Session, persona: Persona) -> list[tuple[int, str, str]]:
    found = []
    for turn in session.turns:
        plan = turn.plan
        if plan is None or not plan.question:
            continue
        worry = persona.worry(plan.worry) if plan.worry else None
        tested = worry.label if worry else "how you respond to this research"
        if plan.move == "follow_up":
            tested += " (a follow-up: the answer before was too vague)"
        tests_something = plan.worry or plan.move == "fact_question"
        found.append((turn.index, plan.question, tested if tests_something else ""))
    return [p for p in found if p[2]]


def debrief_markdown(debrief: Debrief) -> str:
    heading = "worries" if debrief.mode == "formal" else "impressions"
    lines = [
        f"## What {debrief.persona_name} privately thought",
        "",
        f"- Final lean: **{debrief.lean_label}**",
        f"- Unease at the end: {debrief.mood:.1f} (0 calm, 1 tense)",
    ]
    if debrief.thought:
        lines.append(f"- Last private thought: “{debrief.thought}”")
    lines += [f"- The interview ended because {debrief.end}.", "", f"### Hidden {heading}", ""]
    for story in debrief.worries:
        lines.append(f"**{story.label}** — {_STATUS_WORDS[story.status]}")
        lines.append(f"- Feared: {story.fears}")
        lines.append(f"- Would have settled it: {story.settled_by}")
        for step in story.steps:
            quote = f": “{step.evidence}”" if step.evidence else ""
            why = f" ({step.why})" if step.why else ""
            lines.append(f"- {step_label(step)}: {step.status}{quote}{why}")
        lines.append("")
    if debrief.probes:
        lines += ["### What each question was testing", ""]
        lines += [
            f"- Turn {turn}: “{question}” — {tested}" for turn, question, tested in debrief.probes
        ]
        lines.append("")
    lines += answers_markdown(debrief.answers)
    if debrief.said_as_planned:
        lines.append(
            f"_{debrief.said_as_planned} of {debrief.interviewer_turns} interviewer turns were "
            "said in the persona's planned words: the model's phrasing did not pass the checks._"
        )
    lines += update_problems(debrief)
    return "\n".join(lines).rstrip() + "\n"


def answers_markdown(answers: list[StrongerAnswer], text: Callable[[str], str] = str) -> list[str]:
    """The stronger answers as Markdown; ``text`` makes the candidate's words safe for where
    they are shown (the web page escapes them)."""
    if not answers:
        return []
    lines = [
        "### A stronger answer to each question",
        "",
        "Built from your own sentences: a story in the order situation, task, action, result; "
        "what is in [brackets] is missing, for you to fill with what really happened.",
        "",
    ]
    effects = {"eased": "eased", "confirmed": "confirmed"}
    for answer in answers:
        lines.append(f"**Answer {answer.answer}** — “{text(answer.question)}”")
        if answer.testing:
            moved = effects.get(answer.effect, "did not move")
            quote = f" with “{text(answer.effect_quote)}”" if answer.effect_quote else "."
            lines.append(f"- It tested *{text(answer.testing)}*: your answer {moved} it{quote}")
        told = []
        for piece in answer.pieces:
            said = " ".join(text(s) for s in piece.sentences)
            if piece.from_answer:
                said += f" *(from your answer {piece.from_answer})*"
            told.append(said or f"**{text(piece.gap)}**")
            if piece.then:
                told.append(f"**{text(piece.then)}**")
        if answer.needed:
            told.append(f"**{text(answer.needed)}**")
        lines.append(f"- Stronger: {' '.join(told)}")
        if answer.rewrite:
            by = text(answer.rewritten_by)
            lines.append(
                f"- Said more smoothly ({by}; checked: only your facts): {text(answer.rewrite)}"
            )
        if answer.left_out:
            lines.append("- Left out: " + " ".join(f"“{text(s)}”" for s in answer.left_out))
        lines.append("")
    return lines


def step_label(step: WorryStep) -> str:
    return f"After answer {step.answer}" if step.answer else f"Turn {step.turn}"


def update_problems(debrief: Debrief) -> list[str]:
    """What went wrong keeping the notes, in words (empty when nothing did)."""
    lines = []
    if debrief.failed_updates:
        lines.append(
            f"_The notes could not be updated after {debrief.failed_updates} turn(s); "
            "those turns kept the previous notes._"
        )
    if debrief.evidence_only_updates:
        lines.append(
            f"_The model's notes could not be used after {debrief.evidence_only_updates} "
            "turn(s); the evidence alone moved them._"
        )
    return lines
